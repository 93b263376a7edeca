"""The spreadsheet columns of the bases (django-import-export resources): Russian headers, and widgets that
read what schools type (Russian dates, choice labels, tags separated by ";") and write it back the same way.

One resource per base serves the import, the export and the downloadable template. The import is validated
row by row here; writing is done in bulk by ``mentoring.services.imports``.
"""

import re
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from import_export import fields, resources, widgets
from import_export.instance_loaders import BaseInstanceLoader

from mentoring.models import Mentee, Mentor, PartnerOrganization, Tag
from mentoring.services.people import minor_representative_errors
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


class PersonResource(resources.Resource):
    """What the two bases share: the required columns, the lookups loaded once, the row rules, duplicates.

    Here ``import_data`` only validates: it keeps every row's unsaved instance (``store_instance``) and
    saves nothing (``save_instance``); ``mentoring.services.imports`` writes the people in bulk. It runs
    without a transaction, so that the job's progress written meanwhile is seen by the progress page.
    """

    model = None
    required_columns = ("Фамилия", "Имя")
    tag_field = None  # the name of the TagsField

    class Meta:
        instance_loader_class = BaseInstanceLoader
        force_init_instance = True  # every row is a new person: no per-row lookup of an existing one
        skip_diff = True
        store_instance = True
        use_transactions = False

    def __init__(self, organization, on_row=None):
        super().__init__()
        self.organization = organization
        self.on_row = on_row  # called with the number of rows done, for the job's progress
        self.line_numbers: list[int] = []  # spreadsheet line of each dataset row
        self.existing_keys: set = set()
        self.seen_keys: dict = {}
        self.fields["school"].widget.organization = organization

    # Columns.

    @classmethod
    def column_names(cls) -> list[str]:
        return [field.column_name for field in cls.fields.values()]

    def column_of(self, key) -> str:
        """The column of an error's key (a field's attribute)."""
        for resource_field in self.fields.values():
            if resource_field.attribute == key:
                return resource_field.column_name
        return DUPLICATE_COLUMN if key == DUPLICATE else ""

    def dehydrate_school(self, obj):
        return self.organization.short_name

    # Import.

    def load_lookups(self):
        """The school's tags and the keys of the people already in the base: one query each, not one a row."""
        if self.tag_field:
            self.fields[self.tag_field].widget.known = {normalized(t.name): t.pk for t in Tag.objects.all()}
        self.existing_keys = self.base_keys()

    def base_keys(self) -> set:
        rows = self.model.objects.values_list("last_name", "first_name", "patronymic", "birth_date")
        return {person_key(*row) for row in rows}

    def before_import(self, dataset, **kwargs):
        self.load_lookups()
        self.seen_keys = {}

    def init_instance(self, row=None):
        return self.model(organization=self.organization)

    def save_instance(self, instance, is_create, row, **kwargs):
        """Nothing is saved row by row: the checked instances are written in bulk, all or none."""

    def validate_rows(self, dataset):
        """Check every row of ``dataset``; the result holds each row's instance or its errors."""
        return self.import_data(dataset, dry_run=False, use_transactions=False, raise_errors=False)

    def after_import_row(self, row, row_result, **kwargs):
        if self.on_row:
            self.on_row(kwargs["row_number"])

    def line_of(self, row_number) -> int:
        return self.line_numbers[row_number - 1] if self.line_numbers else row_number + 1

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """Field errors, the model's own checks (lengths, e-mails, ranges), the base's rules and duplicates."""
        errors = dict(import_validation_errors or {})
        try:
            # Foreign keys are checked by the widgets against lists loaded once, not by a query a row.
            instance.full_clean(
                exclude=[*errors, "organization", "partner", "user"], validate_unique=False, validate_constraints=False
            )
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for field, message in self.rule_errors(instance).items():
            if field not in errors:
                errors[field] = [message]
        key_fields_valid = not {"last_name", "first_name", "patronymic", "birth_date"} & errors.keys()
        if key_fields_valid and (message := self.duplicate_of(instance)):
            errors[DUPLICATE] = [message]
        if errors:
            raise ValidationError(errors)

    def duplicate_of(self, instance) -> str | None:
        key = person_key(instance.last_name, instance.first_name, instance.patronymic, instance.birth_date)
        if key in self.existing_keys:
            return f"Уже есть в базе: {describe(instance)}. Повторно не вносится."
        if key in self.seen_keys:
            return f"Повторяет строку {self.seen_keys[key]} этого файла: {describe(instance)}."
        self.seen_keys[key] = self.line_of(self.current_row)
        return None

    def before_import_row(self, row, **kwargs):
        self.current_row = kwargs["row_number"]

    def rule_errors(self, instance) -> dict:
        errors = {}
        if instance.birth_date and instance.birth_date > timezone.localdate():
            errors["birth_date"] = "Дата рождения не может быть в будущем."
        return errors


def person_key(last_name, first_name, patronymic, birth_date) -> tuple:
    """Who a person is, for finding duplicates: the full name (case and «ё» ignored) and the birth date."""
    return (normalized(last_name or ""), normalized(first_name or ""), normalized(patronymic or ""), birth_date)


def describe(instance) -> str:
    born = f", {instance.birth_date:%d.%m.%Y}" if instance.birth_date else ""
    return f"{instance.full_name}{born}"


TEACHER_CATEGORIES = (Mentee.Category.YOUNG_SPECIALIST, Mentee.Category.NEW_TEACHER, Mentee.Category.TEACHER)


class MenteeResource(PersonResource):
    """The base of mentees. Support categories are sensitive: never in a file, neither in nor out."""

    model = Mentee
    tag_field = "requests"

    last_name = text("last_name", "Фамилия")
    first_name = text("first_name", "Имя")
    patronymic = text("patronymic", "Отчество")
    birth_date = day("birth_date", "Дата рождения")
    category = choice("category", "Категория", Mentee)
    group = text("group", "Класс / группа / должность")
    teaching_experience = number("teaching_experience", "Педагогический стаж, лет")
    status = choice("status", "Статус", Mentee)
    source = choice("source", "Источник", Mentee)
    requests = TagsField(attribute="requests", column_name="Запросы", widget=TagsWidget("запросы"))
    requests_text = text("requests_text", "Запрос своими словами")
    phone = text("phone", "Телефон")
    email = text("email", "Электронная почта")
    representative_name = text("representative_name", "Законный представитель: ФИО")
    representative_relation = text("representative_relation", "Кем приходится")
    representative_phone = text("representative_phone", "Телефон представителя")
    representative_email = text("representative_email", "Почта представителя")
    notes = text("notes", "Примечания")
    school = SchoolField(attribute="organization", column_name=SCHOOL_COLUMN, widget=SchoolWidget())

    def rule_errors(self, instance) -> dict:
        errors = super().rule_errors(instance)
        representative = minor_representative_errors(
            instance.birth_date, instance.representative_name, instance.representative_relation
        )
        errors.update(representative)
        if instance.teaching_experience is not None and instance.category not in TEACHER_CATEGORIES:
            errors["teaching_experience"] = "Стаж указывается только для педагогов."
        return errors


class MentorResource(PersonResource):
    """The base of mentors; the account and the children of a parent-mentor are set in the card, not here."""

    model = Mentor
    tag_field = "competencies"

    last_name = text("last_name", "Фамилия")
    first_name = text("first_name", "Имя")
    patronymic = text("patronymic", "Отчество")
    birth_date = day("birth_date", "Дата рождения")
    category = choice("category", "Категория", Mentor)
    position = text("position", "Должность / класс / место учёбы")
    partner = fields.Field(attribute="partner", column_name="Организация-партнёр", widget=PartnerWidget())
    competencies = TagsField(attribute="competencies", column_name="Компетенции", widget=TagsWidget("компетенции"))
    strengths = text("strengths", "Сильные стороны, опыт")
    experience_years = number("experience_years", "Стаж, лет")
    capacity = number("capacity", "Наибольшее число наставляемых", default=1)
    consent_number = text("consent_number", "Согласие быть наставником: номер")
    consent_date = day("consent_date", "Согласие быть наставником: дата")
    training = choice("training", "Обучение", Mentor)
    status = choice("status", "Статус", Mentor)
    phone = text("phone", "Телефон")
    email = text("email", "Электронная почта")
    notes = text("notes", "Примечания")
    school = SchoolField(attribute="organization", column_name=SCHOOL_COLUMN, widget=SchoolWidget())

    def load_lookups(self):
        super().load_lookups()
        self.fields["partner"].widget.known = {normalized(p.name): p for p in PartnerOrganization.objects.all()}

    def rule_errors(self, instance) -> dict:
        errors = super().rule_errors(instance)
        if instance.category == Mentor.Category.EMPLOYEE and instance.partner is None:
            errors["partner"] = "Для сотрудника организации-партнёра укажите организацию."
        if bool(instance.consent_number) != bool(instance.consent_date):
            errors["consent_date"] = "Укажите и номер, и дату письменного согласия."
        elif instance.consent_date and instance.consent_date > timezone.localdate():
            errors["consent_date"] = "Дата согласия не может быть в будущем."
        return errors


RESOURCES = {"mentees": MenteeResource, "mentors": MentorResource}
