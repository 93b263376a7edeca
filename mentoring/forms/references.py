"""Forms of the school's reference lists: tags and partner organisations."""

from django import forms

from ..models import PartnerOrganization, Tag
from .base import DATE_WIDGET, PlainTextFormMixin


class TagForm(PlainTextFormMixin, forms.ModelForm):
    class Meta:
        model = Tag
        fields = ["name"]


class PartnerForm(PlainTextFormMixin, forms.ModelForm):
    class Meta:
        model = PartnerOrganization
        fields = [
            "name",
            "kind",
            "contact_name",
            "contact_phone",
            "contact_email",
            "agreement_number",
            "agreement_date",
        ]
        widgets = {"agreement_date": DATE_WIDGET}
