"""The cells of the bases' spreadsheets: widgets that read what schools type (Russian dates, choice labels,
tags separated by ";") and write it back the same way, and the column helpers the resources are built from.
"""

import re
from datetime import date, datetime

from django.core.exceptions import ValidationError
from import_export import fields, widgets

from mentoring.models import PartnerOrganization
from mentoring.validators import no_markup

TAG_SEPARATOR = ";"
DUPLICATE = "duplicate"  # the error key of a repeated person, shown under DUPLICATE_COLUMN
DUPLICATE_COLUMN = "ФИО и дата рождения"
SCHOOL_COLUMN = "Образовательная организация"
DOTTED_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def normalized(text) -> str:
    """A name or label as compared: trimmed, single spaces, case-folded, «ё» read as «е»."""
    return " ".join(str(text).split()).casefold().replace("ё", "е")


def plain_text(value) -> str:
    """A cell as text: numbers without a trailing «.0», dates as ДД.ММ.ГГГГ."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "да" if value else "нет"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    return str(value).strip()


class TextWidget(widgets.Widget):
    """Plain text: HTML markup is refused, as in the forms."""

    def clean(self, value, row=None, **kwargs):
        text = plain_text(value)
        try:
            no_markup(text)
        except ValidationError as error:
            raise ValueError(error.messages[0]) from None
        return text

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class RussianDateWidget(widgets.Widget):
    """Dates as 01.09.2010, 1.9.2010, 2010-09-01 or real Excel date cells; exported as dates."""

    def clean(self, value, row=None, **kwargs):
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        text = plain_text(value)
        if match := DOTTED_DATE.match(text):
            day, month, year = (int(part) for part in match.groups())
        elif match := ISO_DATE.match(text):
            year, month, day = (int(part) for part in match.groups())
        else:
            raise ValueError(f"Дата «{text}» не распознана: пишите ДД.ММ.ГГГГ, например 01.09.2010.")
        try:
            return date(year, month, day)
        except ValueError:
            raise ValueError(f"Такой даты нет в календаре: «{text}».") from None

    def render(self, value, obj=None, **kwargs):
        return value  # a date: the writers show it as ДД.ММ.ГГГГ


class IntegerWidget(widgets.Widget):
    """A whole number; an Excel number cell 5.0 is read as 5."""

    def clean(self, value, row=None, **kwargs):
        text = plain_text(value)
        if not text:
            return None
        if not re.fullmatch(r"-?\d+", text):
            raise ValueError(f"Нужно целое число, а не «{text}».")
        return int(text)

    def render(self, value, obj=None, **kwargs):
        return value if value is not None else ""


class ChoiceWidget(widgets.Widget):
    """A choice written as its Russian label (case does not matter)."""

    def __init__(self, choices):
        super().__init__()
        self.labels = dict(choices)
        self.values = {normalized(label): value for value, label in choices}

    def clean(self, value, row=None, **kwargs):
        text = plain_text(value)
        if not text:
            return None
        if (key := normalized(text)) in self.values:
            return self.values[key]
        allowed = ", ".join(f"«{label}»" for label in self.labels.values())
        raise ValueError(f"«{text}» — нет такого значения. Допустимые: {allowed}.")

    def render(self, value, obj=None, **kwargs):
        return str(self.labels.get(value, value or ""))


class TagsWidget(widgets.Widget):
    """Tags of the school's list, separated by «;»; every name must be in the list (``known`` is loaded once)."""

    def __init__(self, list_name):
        super().__init__()
        self.list_name = list_name
        self.known: dict[str, int] = {}

    def clean(self, value, row=None, **kwargs):
        names = [name.strip() for name in plain_text(value).split(TAG_SEPARATOR) if name.strip()]
        unknown = [name for name in names if normalized(name) not in self.known]
        if unknown:
            listed = ", ".join(f"«{name}»" for name in unknown)
            raise ValueError(
                f"Нет в списке «Запросы и компетенции» школы: {listed}. "
                f"Добавьте в список или исправьте {self.list_name}."
            )
        return list(dict.fromkeys(self.known[normalized(name)] for name in names))

    def render(self, value, obj=None, **kwargs):
        return f"{TAG_SEPARATOR} ".join(tag.name for tag in value.all()) if value is not None else ""


class PartnerWidget(widgets.Widget):
    """A partner organisation of the school, by its name (``known`` is loaded once)."""

    def __init__(self):
        super().__init__()
        self.known: dict[str, PartnerOrganization] = {}

    def clean(self, value, row=None, **kwargs):
        text = plain_text(value)
        if not text:
            return None
        if (key := normalized(text)) in self.known:
            return self.known[key]
        raise ValueError(f"Нет такой организации-партнёра: «{text}». Добавьте её в список партнёров школы.")

    def render(self, value, obj=None, **kwargs):
        return value.name if value is not None else ""


class SchoolWidget(widgets.Widget):
    """The optional school column: when filled, it must name the school the import goes into."""

    def __init__(self):
        super().__init__()
        self.organization = None

    def clean(self, value, row=None, **kwargs):
        text = plain_text(value)
        names = {normalized(self.organization.short_name), normalized(self.organization.name)}
        if text and normalized(text) not in names:
            raise ValueError(
                f"Строка относится к другой организации («{text}»), а загрузка идёт в «{self.organization.short_name}»."
            )
        return None


class TagsField(fields.Field):
    """Exported from the many-to-many relation; imported into ``instance.import_tag_ids``, which the import
    writes through the relation's table after the people are created."""

    def save(self, instance, row, is_m2m=False, **kwargs):
        instance.import_tag_ids = self.clean(row, **kwargs)


class SchoolField(fields.Field):
    """Checked on import, never written: every imported row belongs to the current school."""

    def save(self, instance, row, is_m2m=False, **kwargs):
        self.clean(row, **kwargs)


def text(attribute, column):
    return fields.Field(attribute=attribute, column_name=column, widget=TextWidget())


def choice(attribute, column, model):
    django_field = model._meta.get_field(attribute)
    return fields.Field(
        attribute=attribute, column_name=column, widget=ChoiceWidget(django_field.choices), default=django_field.default
    )


def number(attribute, column, default=fields.NOT_PROVIDED):
    return fields.Field(attribute=attribute, column_name=column, widget=IntegerWidget(), default=default)


def day(attribute, column):
    return fields.Field(attribute=attribute, column_name=column, widget=RussianDateWidget())
