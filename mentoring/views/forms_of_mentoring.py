"""The school's forms of mentoring (reference data): their list, creation and editing."""

from functools import cached_property

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import TemplateView

from core.roles import Capability
from mentoring.forms.programmes import (
    MentoringFormForm,
)
from mentoring.models import (
    Mentee,
    Mentor,
    MentoringForm,
)
from mentoring.services import programmes as service
from mentoring.services import subprogrammes
from mentoring.views.form_page import FormPageView, url


class FormListView(TemplateView):
    """The school's forms of mentoring (reference data) with their categories and role models."""

    required_capability = Capability.MANAGE_PROGRAMME
    template_name = "mentoring/programmes/form_list.html"

    def get_context_data(self, **kwargs):
        service.ensure_forms(self.request.tenant)
        forms = list(
            MentoringForm.objects.annotate(
                programme_count=Count("programmes", distinct=True), pair_count=Count("pairs", distinct=True)
            )
        )
        for form in forms:
            form.mentor_labels = subprogrammes.category_labels(Mentor.Category.choices, form.mentor_categories)
            form.mentee_labels = subprogrammes.category_labels(Mentee.Category.choices, form.mentee_categories)
        return super().get_context_data(forms=forms, **kwargs)


class MentoringFormCreateView(FormPageView):
    required_capability = Capability.MANAGE_PROGRAMME
    heading = "Новая форма наставничества"
    submit_label = "Добавить"

    def get_form(self, data=None, files=None):
        return MentoringFormForm(data)

    def save(self, form):
        form = subprogrammes.save_form(**form.cleaned_data, **self.actor())
        messages.success(self.request, f"Форма «{form.name}» добавлена.")
        return redirect(self.back_url())

    def back_url(self):
        return url(self.request, "form_list")


class MentoringFormEditView(FormPageView):
    required_capability = Capability.MANAGE_PROGRAMME
    heading = "Форма наставничества: изменение"

    @cached_property
    def mentoring_form(self):
        return get_object_or_404(MentoringForm, pk=self.kwargs["pk"])

    def get_form(self, data=None, files=None):
        return MentoringFormForm(data, instance=self.mentoring_form)

    def save(self, form):
        subprogrammes.save_form(self.mentoring_form, **form.cleaned_data, **self.actor())
        messages.success(self.request, "Форма сохранена.")
        return redirect(self.back_url())

    def back_url(self):
        return url(self.request, "form_list")
