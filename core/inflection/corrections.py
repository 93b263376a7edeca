"""Form fields where a school corrects a name the library declines wrongly: one optional field per case.

``name_forms_fields(keys, library_form, …)`` builds a form class to mix into a ``ModelForm`` of a model with a
``name_forms`` JSON field (a school, a municipality, a person, a user). Each field shows the library's form as its
placeholder; a filled field is stored in ``name_forms`` under its key («gent», «short_gent»), an emptied one is
removed, so that the library's form is used again.
"""

from collections.abc import Callable

from django import forms

from .names import gender_of, person_name
from .organizations import name_forms_key
from .phrases import phrase

FIELD_PREFIX = "name_form_"
CASE_NAMES = {
    "gent": "родительном падеже (кого? чего?)",
    "datv": "дательном падеже (кому? чему?)",
    "accs": "винительном падеже (кого? что?)",
    "ablt": "творительном падеже (кем? чем?)",
    "loct": "предложном падеже (о ком? о чём?)",
}
CORRECTION_HELP = (
    "Пустое поле — форма, которую предлагает портал (она видна серым). Заполните, только если она неверна."
)
GUESS_GENDER_LABEL = "определить по имени"


class NameFormsFields(forms.Form):
    """The machinery of the correction fields; the concrete classes come from ``name_forms_fields``."""

    name_form_keys: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        stored = getattr(self.instance, "name_forms", None) or {}
        for key in self.name_form_keys:
            name = FIELD_PREFIX + key
            self.initial.setdefault(name, stored.get(key, ""))
            self.fields[name].widget.attrs["placeholder"] = self.library_form(self.instance, key)
        if "gender" in self.fields:
            field = self.fields["gender"]
            field.choices = [("", GUESS_GENDER_LABEL), *((value, label) for value, label in field.choices if value)]

    @staticmethod
    def library_form(instance, key: str) -> str:
        """The form the library gives for ``key``; the built classes replace it."""
        return ""

    @property
    def name_form_bound_fields(self) -> list:
        """The correction fields, for templates that show them apart."""
        return [self[FIELD_PREFIX + key] for key in self.name_form_keys]

    @property
    def main_bound_fields(self) -> list:
        """The visible fields other than the corrections."""
        corrections = {FIELD_PREFIX + key for key in self.name_form_keys}
        return [field for field in self.visible_fields() if field.name not in corrections]

    def _post_clean(self):
        super()._post_clean()
        forms_ = dict(getattr(self.instance, "name_forms", None) or {})
        for key in self.name_form_keys:
            name = FIELD_PREFIX + key
            if name not in self.cleaned_data:
                continue
            value = " ".join((self.cleaned_data[name] or "").split())
            if value:
                forms_[key] = value
            else:
                forms_.pop(key, None)
        self.instance.name_forms = forms_


def name_forms_fields(
    labels: dict[str, str], library_form: Callable[[object, str], str], *, max_length: int, class_name: str
) -> type[NameFormsFields]:
    """A form class with one optional correction field per key of ``labels`` (key → label)."""
    attrs = {
        FIELD_PREFIX + key: forms.CharField(
            label=label, max_length=max_length, required=False, help_text="" if index else CORRECTION_HELP
        )
        for index, (key, label) in enumerate(labels.items())
    }
    attrs["name_form_keys"] = tuple(labels)
    attrs["library_form"] = staticmethod(library_form)
    attrs["__module__"] = __name__
    return type(class_name, (NameFormsFields,), attrs)


def _person_library_form(person, case: str) -> str:
    if not (person.last_name or person.first_name):
        return ""
    return person_name(person.last_name, person.first_name, person.patronymic or "", case, gender_of(person))


def _tenant_library_form(tenant, key: str) -> str:
    short = key.startswith("short_")
    name = (tenant.short_name if short else tenant.name) or ""
    return phrase(name.strip(), key.removeprefix("short_"))


PERSON_CASES = ("gent", "datv", "accs", "ablt")
TENANT_CASES = ("gent", "datv", "accs", "ablt", "loct")

PersonNameFormsFields = name_forms_fields(
    {case: f"ФИО в {CASE_NAMES[case]}" for case in PERSON_CASES},
    _person_library_form,
    max_length=300,
    class_name="PersonNameFormsFields",
)
TenantNameFormsFields = name_forms_fields(
    {
        **{name_forms_key(case): f"Полное наименование в {CASE_NAMES[case]}" for case in TENANT_CASES},
        **{name_forms_key(case, short=True): f"Краткое наименование в {CASE_NAMES[case]}" for case in TENANT_CASES},
    },
    _tenant_library_form,
    max_length=500,
    class_name="TenantNameFormsFields",
)
