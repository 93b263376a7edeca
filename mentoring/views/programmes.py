"""The programme of the school: its list, creation and editing, the timeline of the seven stages and its
sub-programmes. The stages' checklists live in ``views.stages``, the forms of mentoring in
``views.forms_of_mentoring``, mentor selection and the school of mentors in ``views.training``.

Who reads what (docs/roles.md: «programme, stages, checklists»): the director and the curator manage; the
methodist and the observer read every programme; a user who is only a mentor in the school reads the
programmes they take part in (selected for it, or the mentor of one of its pairs) — another programme is a
404 for them. Files attached to checklists are school documents (orders, protocols that may list pupils):
they are downloaded by those who read the school's documents, never by a public media URL.
"""

from functools import cached_property

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from core.roles import Capability, Role, has_capability
from mentoring.forms.programmes import (
    ProgrammeEditForm,
    ProgrammeForm,
    SubProgrammeForm,
    school_year,
)
from mentoring.models import (
    SubProgramme,
)
from mentoring.services import programme_reading, subprogrammes, timeline
from mentoring.services import programmes as service
from mentoring.services.dashboard import selection_counts
from mentoring.services.stage_state import completed_count
from mentoring.views.form_page import FormPageView, url


def readable_programmes(request):
    return programme_reading.visible_programmes(request.user, request.roles)


class ProgrammeListView(TemplateView):
    required_capability = (Capability.VIEW_PROGRAMME, Capability.VIEW_OWN_PROGRAMMES)
    template_name = "mentoring/programmes/programme_list.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        programmes = programme_reading.programme_list(readable_programmes(self.request), today)
        return super().get_context_data(
            programmes=programmes,
            today=today,
            can_manage=has_capability(self.request.roles, Capability.MANAGE_PROGRAMME),
            **kwargs,
        )


class ProgrammeCreateView(FormPageView):
    required_capability = Capability.MANAGE_PROGRAMME
    heading = "Новая программа наставничества"
    submit_label = "Создать программу"
    intro = "Портал создаст семь этапов с типовыми мероприятиями, сроками в пределах программы и локальными актами."

    def get_form(self, data=None, files=None):
        tenant = self.request.tenant
        service.ensure_forms(tenant)
        year, starts_on, ends_on = school_year(timezone.localdate())
        initial = {
            "title": f"Программа наставничества на {year}/{year + 1} учебный год",
            "starts_on": starts_on,
            "ends_on": ends_on,
        }
        if Role.CURATOR in self.request.roles:
            initial["curator"] = self.request.user.pk
        return ProgrammeForm(data, initial=initial, tenant=tenant)

    def save(self, form):
        data = dict(form.cleaned_data)
        programme = service.create_programme(forms=list(data.pop("forms")), **data, **self.actor())
        messages.success(self.request, "Программа создана: проверьте сроки этапов и ответственных.")
        return redirect(url(self.request, "programme_detail", pk=programme.pk))

    def back_url(self):
        return url(self.request, "programme_list")


class ProgrammeMixin:
    """Views under /programmes/<pk>/: the programme, as far as the user may read it."""

    @cached_property
    def programme(self):
        return get_object_or_404(readable_programmes(self.request), pk=self.kwargs["pk"])


class ProgrammeDetailView(ProgrammeMixin, TemplateView):
    required_capability = (Capability.VIEW_PROGRAMME, Capability.VIEW_OWN_PROGRAMMES)
    template_name = "mentoring/programmes/programme_detail.html"

    def get_context_data(self, **kwargs):
        programme = self.programme
        roles = self.request.roles
        months, stages = timeline.programme_overview(programme)
        return super().get_context_data(
            programme=programme,
            months=months,
            stages=stages,
            stages_completed=completed_count([item.progress for item in stages]),
            subprogrammes=programme.subprogrammes.all(),
            forms=programme.forms.all(),
            **selection_counts(programme),
            can_manage=has_capability(roles, Capability.MANAGE_PROGRAMME),
            can_manage_training=has_capability(roles, Capability.MANAGE_TRAINING),
            **kwargs,
        )


class ProgrammeEditView(ProgrammeMixin, FormPageView):
    required_capability = Capability.MANAGE_PROGRAMME
    heading = "Программа: изменение"

    def get_form(self, data=None, files=None):
        return ProgrammeEditForm(data, instance=self.programme, tenant=self.request.tenant)

    def save(self, form):
        data = dict(form.cleaned_data)
        service.update_programme(self.programme, forms=list(data.pop("forms")), **data, **self.actor())
        messages.success(self.request, "Программа сохранена.")
        return redirect(url(self.request, "programme_detail", pk=self.programme.pk))

    def back_url(self):
        return url(self.request, "programme_detail", pk=self.programme.pk)


class SubProgrammeCreateView(ProgrammeMixin, FormPageView):
    required_capability = Capability.MANAGE_PROGRAMME
    heading = "Новая подпрограмма"

    def get_form(self, data=None, files=None):
        return SubProgrammeForm(data)

    def save(self, form):
        subprogrammes.save_subprogramme(self.programme, **form.cleaned_data, **self.actor())
        messages.success(self.request, f"Подпрограмма «{form.cleaned_data['name']}» добавлена.")
        return redirect(self.back_url())

    def back_url(self):
        return url(self.request, "programme_detail", pk=self.programme.pk) + "#subprogrammes"


class SubProgrammeMixin:
    @cached_property
    def subprogramme(self):
        return get_object_or_404(SubProgramme.objects.select_related("programme"), pk=self.kwargs["pk"])


class SubProgrammeEditView(SubProgrammeMixin, FormPageView):
    required_capability = Capability.MANAGE_PROGRAMME
    heading = "Подпрограмма: изменение"

    def get_form(self, data=None, files=None):
        return SubProgrammeForm(data, instance=self.subprogramme)

    def save(self, form):
        subprogrammes.save_subprogramme(
            self.subprogramme.programme, self.subprogramme, **form.cleaned_data, **self.actor()
        )  # fmt: skip
        messages.success(self.request, "Подпрограмма сохранена.")
        return redirect(self.back_url())

    def back_url(self):
        return url(self.request, "programme_detail", pk=self.subprogramme.programme_id) + "#subprogrammes"


class SubProgrammeDeleteView(SubProgrammeMixin, View):
    required_capability = Capability.MANAGE_PROGRAMME
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        subprogramme = self.subprogramme
        subprogrammes.delete_subprogramme(subprogramme, tenant=request.tenant, actor=request.user, request=request)
        messages.success(request, f"Подпрограмма «{subprogramme.name}» удалена.")
        return redirect(url(request, "programme_detail", pk=subprogramme.programme_id) + "#subprogrammes")
