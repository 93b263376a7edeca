"""Shared pieces of the mentoring forms: the plain-text rule, the date widget and the current consent version."""

from django import forms

from ..validators import no_markup

# The version of the consent text the school hands out now; recorded with every consent.
CURRENT_CONSENT_VERSION = "ПДн-2025-09"


class PlainTextFormMixin:
    """Every text field of the form refuses HTML markup."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and no_markup not in field.validators:
                field.validators.append(no_markup)


# Dates are typed and shown as «дд.мм.гггг» whatever the browser's language (a native date input shows the
# browser's own format, «mm/dd/yyyy» in an English browser); ISO dates are accepted too.
DATE_WIDGET = forms.DateInput(
    attrs={"placeholder": "дд.мм.гггг", "inputmode": "numeric", "autocomplete": "off", "size": 10},
    format="%d.%m.%Y",
)
