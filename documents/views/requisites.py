"""The requisites documents print: the school's, and the region's acts every municipal and school document of
the region cites (``documents.kinds.legal_basis.regional_acts``)."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import TemplateView

from core.inflection.corrections import TenantNameFormsFields
from core.models import Organization, Region
from core.roles import Capability


class RequisitesForm(TenantNameFormsFields, forms.ModelForm):
    """The requisites and the school's name in the cases documents use, where the portal declines it wrongly."""

    class Meta:
        model = Organization
        fields = ["name", "short_name", "director_position", "director_name", "address", "phone", "email", "website"]
        widgets = {"website": forms.URLInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"] = forms.URLField(label="Сайт", required=False, assume_scheme="https")


class RequisitesView(TemplateView):
    """The school's requisites every document prints: full name (and its forms in cases), director, address."""

    template_name = "documents/requisites.html"
    required_capability = Capability.DRAFT_SCHOOL_DOCUMENTS

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", RequisitesForm(instance=self.request.tenant))
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        form = RequisitesForm(request.POST, instance=request.tenant)
        if not form.is_valid():
            messages.error(request, "Не сохранено: исправьте отмеченные поля.")
            return self.render_to_response(self.get_context_data(form=form))
        form.save()
        messages.success(request, "Реквизиты сохранены: они войдут в новые документы и черновики.")
        return redirect(reverse("document_list", kwargs={"org": request.tenant.slug}))


class RegionalRequisitesForm(forms.ModelForm):
    class Meta:
        model = Region
        fields = ["authority", "acts"]


class RegionalRequisitesView(TemplateView):
    """The region's education authority and its acts on the target model, entered once by the regional
    coordinator: the orders of its municipalities and schools cite them in their legal basis."""

    template_name = "documents/regional_requisites.html"
    required_capability = Capability.EDIT_REGIONAL_REQUISITES

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", RegionalRequisitesForm(instance=self.request.tenant))
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        form = RegionalRequisitesForm(request.POST, instance=request.tenant)
        if not form.is_valid():
            messages.error(request, "Не сохранено: исправьте отмеченные поля.")
            return self.render_to_response(self.get_context_data(form=form))
        form.save()
        messages.success(request, "Реквизиты региона сохранены: их приведут новые документы муниципалитетов и школ.")
        return redirect(reverse("region_home", kwargs={"region": request.tenant.pk}))
