"""Stage 4 of a programme: mentor selection and the school of mentors (sessions, attendance, completion),
and a mentor's own training page.
"""

from functools import cached_property
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from core.collation import name_order
from core.roles import Capability, has_capability
from mentoring.forms.programmes import (
    AttendanceForm,
    CompleteTrainingForm,
    MentorSelectionForm,
    TrainingSessionForm,
)
from mentoring.models import (
    Mentor,
    Pair,
    ProgrammeMentor,
    Tag,
    TrainingSession,
)
from mentoring.services import mentor_selection, training
from mentoring.services.search import name_query
from mentoring.views.form_page import FormPageView, url
from mentoring.views.programmes import ProgrammeMixin

# --- Mentor selection (stage 4) --------------------------------------------------------------------------

SELECTION_FILTERS = ("q", "category", "training", "tag", "consent")


class MentorSelectionView(ProgrammeMixin, TemplateView):
    """Every mentor of the base with a checkbox: ticked ones are selected for the programme. The filters
    narrow the list; saving changes only the mentors shown."""

    required_capability = Capability.MANAGE_PROGRAMME
    template_name = "mentoring/programmes/mentor_selection.html"

    def mentors(self, params):
        mentors = mentor_selection.selectable_mentors().select_related("partner").prefetch_related("competencies")
        if text := params.get("q", "").strip():
            mentors = name_query(mentors, text)
        if params.get("category") in Mentor.Category.values:
            mentors = mentors.filter(category=params["category"])
        if params.get("training") in Mentor.Training.values:
            mentors = mentors.filter(training=params["training"])
        if (tag := params.get("tag", "")).isdigit():
            mentors = mentors.filter(competencies__pk=int(tag))
        programme = self.programme
        selected = ProgrammeMentor.objects.filter(programme=programme, mentor=OuterRef("pk"))
        working = Pair.objects.filter(programme=programme, status=Pair.Status.ACTIVE, mentor=OuterRef("pk"))
        mentors = mentors.annotate(is_selected=Exists(selected), in_pair=Exists(working))
        mentors = list(mentors.order_by(*name_order()).distinct())
        for mentor in mentors:
            mentor.consent_missing = mentor.needs_written_consent and not mentor.has_written_consent
        if params.get("consent") == "missing":
            mentors = [mentor for mentor in mentors if mentor.consent_missing]
        return mentors

    def get_context_data(self, **kwargs):
        params = self.request.GET
        mentors = self.mentors(params)
        filters = {name: params.get(name, "") for name in SELECTION_FILTERS}
        return super().get_context_data(
            programme=self.programme,
            mentors=mentors,
            filters=filters,
            query_string=urlencode({name: value for name, value in filters.items() if value}),
            categories=Mentor.Category.choices,
            trainings=Mentor.Training.choices,
            tags=Tag.objects.all(),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        form = MentorSelectionForm(request.POST)
        # Back to the same filtered list: only the known filters are carried over.
        filters = QueryDict(request.POST.get("query_string", ""))
        query = urlencode({name: filters[name] for name in SELECTION_FILTERS if filters.get(name)})
        back = url(request, "mentor_selection", pk=self.programme.pk) + (f"?{query}" if query else "")
        if not form.is_valid():
            messages.error(request, "Список наставников изменился: откройте страницу заново и повторите отбор.")
            return redirect(back)
        try:
            added, removed = mentor_selection.select_mentors(
                self.programme, shown=form.cleaned_data["shown"], selected=form.cleaned_data["selected"],
                tenant=request.tenant, actor=request.user, request=request,
            )  # fmt: skip
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect(back)
        messages.success(request, f"Отбор сохранён: добавлено {len(added)}, снято {len(removed)}.")
        no_consent = [m.full_name for m in added if m.needs_written_consent and not m.has_written_consent]
        if no_consent:
            messages.warning(
                request,
                "Нет письменного согласия быть наставником (ст. 351.8 ТК РФ): "
                f"{', '.join(no_consent)}. До согласия наставника нельзя закрепить за парой.",
            )
        return redirect(back)


# --- The school of mentors (stage 4) ---------------------------------------------------------------------


class TrainingView(ProgrammeMixin, TemplateView):
    """The sessions of the programme's «Школа наставников» and the selected mentors' progress."""

    required_capability = Capability.MANAGE_TRAINING
    template_name = "mentoring/programmes/training.html"

    def get_context_data(self, **kwargs):
        programme = self.programme
        return super().get_context_data(
            programme=programme,
            sessions=training.sessions_of_programme(programme),
            mentors=training.selected_mentors_with_attendance(programme),
            today=timezone.localdate(),
            can_select=has_capability(self.request.roles, Capability.MANAGE_PROGRAMME),
            **kwargs,
        )


class TrainingSessionCreateView(ProgrammeMixin, FormPageView):
    required_capability = Capability.MANAGE_TRAINING
    heading = "Новое занятие «Школы наставников»"
    submit_label = "Запланировать"

    def get_form(self, data=None, files=None):
        return TrainingSessionForm(data)

    def save(self, form):
        training.save_session(self.programme, **form.cleaned_data, **self.actor())
        messages.success(self.request, "Занятие запланировано.")
        return redirect(self.back_url())

    def back_url(self):
        return url(self.request, "training", pk=self.programme.pk)


class SessionMixin:
    @cached_property
    def session(self):
        return get_object_or_404(TrainingSession.objects.select_related("programme"), pk=self.kwargs["pk"])

    def back_url(self):
        return url(self.request, "training", pk=self.session.programme_id)


class TrainingSessionEditView(SessionMixin, FormPageView):
    required_capability = Capability.MANAGE_TRAINING
    heading = "Занятие «Школы наставников»: изменение"

    def get_form(self, data=None, files=None):
        return TrainingSessionForm(data, instance=self.session)

    def save(self, form):
        training.save_session(self.session.programme, self.session, **form.cleaned_data, **self.actor())
        messages.success(self.request, "Занятие сохранено.")
        return redirect(self.back_url())


class AttendanceView(SessionMixin, FormPageView):
    required_capability = Capability.MANAGE_TRAINING
    submit_label = "Сохранить посещение"

    @property
    def heading(self):
        return f"Посещение: {self.session}"

    def get_form(self, data=None, files=None):
        initial = {"attendees": list(self.session.attendees.values_list("pk", flat=True))}
        return AttendanceForm(data, initial=initial, choices=training.attendance_choices(self.session))

    def save(self, form):
        training.record_attendance(self.session, attendees=list(form.cleaned_data["attendees"]), **self.actor())
        messages.success(self.request, "Посещение сохранено.")
        return redirect(self.back_url())


class TrainingCompleteView(ProgrammeMixin, View):
    """Mark the ticked selected mentors as trained (POST from the training page)."""

    required_capability = Capability.MANAGE_TRAINING
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        form = CompleteTrainingForm(request.POST, programme=self.programme)
        back = url(request, "training", pk=self.programme.pk)
        if not form.is_valid():
            messages.error(request, "Отмеченные наставники не отобраны в программу.")
            return redirect(back)
        try:
            changed = training.complete_training(
                self.programme, mentors=list(form.cleaned_data["mentors"]),
                tenant=request.tenant, actor=request.user, request=request,
            )  # fmt: skip
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect(back)
        messages.success(request, f"Отмечено обучение: {len(changed)}.")
        return redirect(back)


class MyTrainingView(TemplateView):
    """A mentor's own sessions of the school of mentors: attended ones and the coming ones."""

    required_capability = Capability.VIEW_OWN_TRAINING
    template_name = "mentoring/programmes/my_training.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        return super().get_context_data(
            sessions=training.sessions_of_user(self.request.user, today),
            mentor_records=Mentor.objects.filter(user=self.request.user),
            today=today,
            **kwargs,
        )
