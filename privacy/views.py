"""«Сведения о субъекте персональных данных» on a card (a file job), and «Сроки хранения» with the list of
people whose retention period has run out."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.views import View
from django.views.generic import TemplateView

from core.inflection import with_number
from core.roles import Capability

from .forms import RetentionForm
from .services import retention
from .services.subject_copy import MODELS, SubjectCopy, request_copy


class SubjectCopyView(View):
    """POST: start the copy of the person as PDF or ZIP and go to the job's page."""

    required_capability = Capability.READ_PERSON_CARDS
    http_method_names = ["post"]
    subject = ""  # "mentee" or "mentor"

    def post(self, request, *args, pk, fmt, **kwargs):
        if fmt not in SubjectCopy.formats:
            raise Http404("Нет такого формата.")
        person = get_object_or_404(MODELS[self.subject].objects.all(), pk=pk)
        job = request_copy(person, fmt=fmt, actor=request.user, tenant=request.tenant, request=request)
        return redirect(job.get_absolute_url())


class RetentionView(TemplateView):
    """«Сроки хранения»: the periods by purpose (editable) and the list «срок хранения истёк» with the erasure."""

    required_capability = Capability.EDIT_BASES
    template_name = "privacy/retention.html"

    def get_context_data(self, form=None, **kwargs):
        return super().get_context_data(
            form=form or RetentionForm(years=retention.periods()),
            expired=[(item, retention.key_of(item.person)) for item in retention.expired()],
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if "erase" in request.POST:
            erased = retention.erase_expired(request.POST.getlist("person"), actor=request.user, tenant=request.tenant)
            if erased:
                messages.success(request, f"Персональные данные удалены: {with_number(erased, 'человек')}.")
            else:
                messages.error(request, "Отметьте в списке, чьи данные удалить.")
            return redirect("retention", org=request.tenant.slug)
        form = RetentionForm(request.POST, years=retention.periods())
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        retention.save_periods(form.cleaned_data, actor=request.user, tenant=request.tenant, request=request)
        messages.success(request, "Сроки хранения сохранены.")
        return redirect("retention", org=request.tenant.slug)
