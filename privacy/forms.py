"""The school's retention periods, one field per consent purpose."""

from django import forms

from mentoring.models import Consent


class RetentionForm(forms.Form):
    def __init__(self, *args, years: dict[str, int], **kwargs):
        super().__init__(*args, **kwargs)
        for purpose in Consent.Purpose:
            self.fields[purpose.value] = forms.IntegerField(
                label=f"{purpose.label.capitalize()}, лет после окончания участия",
                min_value=1,
                max_value=75,
                initial=years[purpose.value],
                error_messages={
                    "required": "Укажите срок в годах.",
                    "min_value": "Срок — не меньше года.",
                    "max_value": "Срок — не больше 75 лет.",
                    "invalid": "Введите целое число лет.",
                },
            )
