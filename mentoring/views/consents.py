"""Registering and withdrawing consents to personal-data processing; downloading their scans."""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.views import View
from django.views.generic import TemplateView

from core.roles import Capability
from mentoring.forms.people import ConsentForm, WithdrawConsentForm
from mentoring.models import Consent, Mentee, Mentor
from mentoring.services.people import register_consent, withdraw_consent
from mentoring.validators import SCAN_KINDS


class ConsentCreateView(TemplateView):
    required_capability = Capability.EDIT_BASES
    template_name = "mentoring/people/consent_form.html"

    def subject(self):
        return get_object_or_404(self.model, pk=self.kwargs["pk"])

    def get(self, request, *args, **kwargs):
        subject = self.subject()
        return self.render_to_response({"form": ConsentForm(subject=subject), "person": subject})

    def post(self, request, *args, **kwargs):
        subject = self.subject()
        form = ConsentForm(request.POST, request.FILES, subject=subject)
        if not form.is_valid():
            return self.render_to_response({"form": form, "person": subject})
        register_consent(form, subject=subject, actor=request.user, tenant=request.tenant, request=request)
        messages.success(request, "Согласие зарегистрировано.")
        return redirect(subject.get_absolute_url())


class MenteeConsentView(ConsentCreateView):
    model = Mentee


class MentorConsentView(ConsentCreateView):
    model = Mentor


class WithdrawConsentView(View):
    """Withdraw a consent (POST): the person's data is erased after the legal term."""

    required_capability = Capability.EDIT_BASES
    http_method_names = ["post"]

    def post(self, request, pk, **kwargs):
        consent = get_object_or_404(Consent.objects.select_related("mentee", "mentor"), pk=pk)
        form = WithdrawConsentForm(request.POST)
        if not form.is_valid():
            messages.error(request, "Укажите основание отзыва согласия.")
        else:
            withdraw_consent(
                consent, note=form.cleaned_data["note"], actor=request.user, tenant=request.tenant, request=request
            )
            if consent.erasure_due:
                messages.warning(
                    request,
                    f"Согласие отозвано. Персональные данные будут удалены {consent.erasure_due:%d.%m.%Y}.",
                )
            else:
                messages.success(request, "Согласие отозвано.")
        return redirect(consent.subject.get_absolute_url())


class ConsentScanView(View):
    """The scan of a consent, for those who keep the bases."""

    required_capability = Capability.EDIT_BASES

    def get(self, request, pk, **kwargs):
        consent = get_object_or_404(Consent, pk=pk)
        if not consent.scan:
            raise Http404("Скан не приложен.")
        extension = consent.scan.name.rsplit(".", 1)[-1].lower()
        types = dict(SCAN_KINDS.values()) | {"jpeg": "image/jpeg"}
        return FileResponse(
            consent.scan.open("rb"),
            as_attachment=True,  # never shown inline: a download, whatever the browser would guess
            filename=f"скан-согласия-{consent.pk}.{extension if extension in types else 'bin'}",
            content_type=types.get(extension, "application/octet-stream"),
        )
