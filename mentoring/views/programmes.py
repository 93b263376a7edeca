"""The programme of the school: its list, the timeline of the seven stages, the stages' checklists with their
evidence, sub-programmes, the school's forms of mentoring, mentor selection and the school of mentors.

Who reads what (shared/ROLES.md «programme, stages, checklists»): the director and the curator manage; the
methodist and the observer read every programme; a user who is only a mentor in the school reads the
programmes they take part in (selected for it, or the mentor of one of its pairs) — another programme is a
404 for them. Files attached to checklists are school documents (orders, protocols that may list pupils):
they are downloaded by those who read the school's documents, never by a public media URL.
"""

from functools import cached_property
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Exists, OuterRef
from django.http import FileResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from core.roles import Capability, Role, has_capability
from mentoring.forms.programmes import (
    ActivityDoneForm,
    ActivityForm,
    AttendanceForm,
    CompleteTrainingForm,
    MentoringFormForm,
    MentorSelectionForm,
    ProgrammeEditForm,
    ProgrammeForm,
    StageForm,
    SubProgrammeForm,
    TrainingSessionForm,
    school_year,
)
from mentoring.models import (
    Mentee,
    Mentor,
    MentoringForm,
    Pair,
    ProgrammeMentor,
    Stage,
    StageActivity,
    SubProgramme,
    Tag,
    TrainingSession,
)
from mentoring.services import programmes as service
from mentoring.services import training
from mentoring.services.search import name_query

NOT_SAVED = "Не сохранено: исправьте отмеченные поля."


def url(request, name, **kwargs):
    return reverse(name, kwargs={"org": request.tenant.slug, **kwargs})


class FormPageView(TemplateView):
    """A page with one form: GET shows it; POST validates it and calls ``save``, which returns the response or
    raises the service's ValidationError — then the form is shown again with the reasons and what was typed.

    Subclasses define ``get_form(data=None, files=None)``, ``save(form)`` and ``back_url()``.
    """

    template_name = "mentoring/programmes/form.html"
    heading = ""
    submit_label = "Сохранить"
    multipart = False
    intro = ""

    def get(self, request, *args, **kwargs):
        return self.render_form(self.get_form())

    def post(self, request, *args, **kwargs):
        form = self.get_form(request.POST, request.FILES)
        if form.is_valid():
            try:
                return self.save(form)
            except ValidationError as error:
                form.add_error(None, error)
        messages.error(request, NOT_SAVED)
        return self.render_form(form)

    def render_form(self, form):
        return self.render_to_response(
            self.get_context_data(
                form=form,
                heading=self.heading,
                submit_label=self.submit_label,
                multipart=self.multipart,
                intro=self.intro,
                back_url=self.back_url(),
            )
        )

    def actor(self):
        return {"tenant": self.request.tenant, "actor": self.request.user, "request": self.request}


# --- Programmes ------------------------------------------------------------------------------------------


def readable_programmes(request):
    return service.visible_programmes(request.user, request.roles)


class ProgrammeListView(TemplateView):
    required_capability = (Capability.VIEW_PROGRAMME, Capability.VIEW_OWN_PROGRAMMES)
    template_name = "mentoring/programmes/programme_list.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        programmes = service.programme_list(readable_programmes(self.request), today)
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
        months, stages = service.programme_overview(programme)
        selected = ProgrammeMentor.objects.filter(programme=programme)
        return super().get_context_data(
            programme=programme,
            months=months,
            stages=stages,
            subprogrammes=programme.subprogrammes.all(),
            forms=programme.forms.all(),
            selected_count=selected.count(),
            trained_count=selected.filter(mentor__training=Mentor.Training.TRAINED).count(),
            session_count=programme.training_sessions.count(),
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
        service.save_subprogramme(self.programme, **form.cleaned_data, **self.actor())
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
        service.save_subprogramme(
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
        service.delete_subprogramme(subprogramme, tenant=request.tenant, actor=request.user, request=request)
        messages.success(request, f"Подпрограмма «{subprogramme.name}» удалена.")
        return redirect(url(request, "programme_detail", pk=subprogramme.programme_id) + "#subprogrammes")


# --- Stages and their checklists -------------------------------------------------------------------------


class StageMixin:
    @cached_property
    def stage(self):
        stages = Stage.objects.select_related("programme").filter(programme__in=readable_programmes(self.request))
        return get_object_or_404(stages, pk=self.kwargs["pk"])


class StageDetailView(StageMixin, TemplateView):
    required_capability = (Capability.VIEW_PROGRAMME, Capability.VIEW_OWN_PROGRAMMES)
    template_name = "mentoring/programmes/stage_detail.html"

    def get_context_data(self, **kwargs):
        stage = self.stage
        today = timezone.localdate()
        activities = list(stage.activities.select_related("done_by"))
        for activity in activities:
            activity.overdue = service.is_overdue(activity, today)
        roles = self.request.roles
        context = {
            "stage": stage,
            "programme": stage.programme,
            "activities": activities,
            "readiness": service.stage_readiness(stage.programme)[stage.number],
            "late": stage.status != Stage.Status.DONE and stage.ends_on and stage.ends_on < today,
            "today": today,
            "can_manage": has_capability(roles, Capability.MANAGE_PROGRAMME),
            "can_read_files": has_capability(roles, Capability.READ_SCHOOL_DOCUMENTS),
            "can_manage_training": has_capability(roles, Capability.MANAGE_TRAINING),
        }
        if stage.number == Stage.Number.TRAINING:
            selected = ProgrammeMentor.objects.filter(programme=stage.programme)
            context.update(
                selected_count=selected.count(),
                trained_count=selected.filter(mentor__training=Mentor.Training.TRAINED).count(),
                session_count=stage.programme.training_sessions.count(),
            )
        return super().get_context_data(**context, **kwargs)


def stage_url(request, stage_id):
    return url(request, "stage_detail", pk=stage_id)


class StageEditView(StageMixin, FormPageView):
    required_capability = Capability.MANAGE_PROGRAMME

    @property
    def heading(self):
        return f"Этап {self.stage}: изменение"

    def get_form(self, data=None, files=None):
        return StageForm(data, instance=self.stage)

    def save(self, form):
        service.update_stage(self.stage, **form.cleaned_data, **self.actor())
        messages.success(self.request, "Этап сохранён.")
        return redirect(self.back_url())

    def back_url(self):
        return stage_url(self.request, self.stage.pk)


class ActivityCreateView(StageMixin, FormPageView):
    required_capability = Capability.MANAGE_PROGRAMME
    heading = "Новое мероприятие этапа"
    submit_label = "Добавить"

    def get_form(self, data=None, files=None):
        return ActivityForm(data)

    def save(self, form):
        service.add_activity(self.stage, **form.cleaned_data, **self.actor())
        messages.success(self.request, f"Мероприятие «{form.cleaned_data['title']}» добавлено.")
        return redirect(self.back_url())

    def back_url(self):
        return stage_url(self.request, self.stage.pk)


class ActivityMixin:
    @cached_property
    def activity(self):
        activities = StageActivity.objects.select_related("stage__programme").filter(
            stage__programme__in=readable_programmes(self.request)
        )
        return get_object_or_404(activities, pk=self.kwargs["pk"])

    def back_url(self):
        return stage_url(self.request, self.activity.stage_id) + f"#activity-{self.activity.pk}"


class ActivityEditView(ActivityMixin, FormPageView):
    required_capability = Capability.MANAGE_PROGRAMME
    heading = "Мероприятие этапа: изменение"

    def get_form(self, data=None, files=None):
        return ActivityForm(data, instance=self.activity)

    def save(self, form):
        service.update_activity(self.activity, **form.cleaned_data, **self.actor())
        messages.success(self.request, "Мероприятие сохранено.")
        return redirect(self.back_url())


class ActivityDoneView(ActivityMixin, FormPageView):
    """Tick an activity done with a date and, optionally, a file or a link to the document."""

    required_capability = Capability.MANAGE_PROGRAMME
    submit_label = "Отметить выполнение"
    multipart = True

    @property
    def heading(self):
        return f"Выполнено: {self.activity.title}"

    def get_form(self, data=None, files=None):
        activity = self.activity
        initial = {"done_on": activity.done_on or timezone.localdate(), "document_link": activity.document_link}
        return ActivityDoneForm(data, files, initial=initial)

    def save(self, form):
        service.mark_activity_done(self.activity, **form.cleaned_data, **self.actor())
        messages.success(self.request, f"Отмечено выполнение: «{self.activity.title}».")
        return redirect(self.back_url())


class ActivityActionView(ActivityMixin, View):
    """A button on the checklist (POST): the service's refusal comes back as a message on the stage page."""

    required_capability = Capability.MANAGE_PROGRAMME
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        activity = self.activity
        try:
            self.act(activity, tenant=request.tenant, actor=request.user, request=request)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, self.done_message.format(title=activity.title))
        return redirect(self.back_url() if self.keeps_anchor else stage_url(request, activity.stage_id))


class ActivityUndoView(ActivityActionView):
    done_message = "Снята отметка о выполнении: «{title}»."
    keeps_anchor = True
    act = staticmethod(service.undo_activity)


class ActivityDeleteView(ActivityActionView):
    done_message = "Мероприятие «{title}» удалено."
    keeps_anchor = False
    act = staticmethod(service.delete_activity)


class ActivityAttachmentView(ActivityMixin, View):
    """The file attached to a checklist activity, for those who read the school's documents."""

    required_capability = Capability.READ_SCHOOL_DOCUMENTS

    def get(self, request, *args, **kwargs):
        activity = self.activity
        if not activity.attachment:
            # A link kept from before the mark was removed: back to the checklist, not a dead end.
            messages.warning(request, f"К мероприятию «{activity.title}» файл не приложен.")
            return redirect(self.back_url())
        filename = activity.attachment.name.rsplit("/", 1)[-1]
        return FileResponse(activity.attachment.open("rb"), as_attachment=True, filename=filename)


# --- The school's forms of mentoring ---------------------------------------------------------------------


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
            form.mentor_labels = service.category_labels(Mentor.Category.choices, form.mentor_categories)
            form.mentee_labels = service.category_labels(Mentee.Category.choices, form.mentee_categories)
        return super().get_context_data(forms=forms, **kwargs)


class MentoringFormCreateView(FormPageView):
    required_capability = Capability.MANAGE_PROGRAMME
    heading = "Новая форма наставничества"
    submit_label = "Добавить"

    def get_form(self, data=None, files=None):
        return MentoringFormForm(data)

    def save(self, form):
        form = service.save_form(**form.cleaned_data, **self.actor())
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
        service.save_form(self.mentoring_form, **form.cleaned_data, **self.actor())
        messages.success(self.request, "Форма сохранена.")
        return redirect(self.back_url())

    def back_url(self):
        return url(self.request, "form_list")


# --- Mentor selection (stage 4) --------------------------------------------------------------------------

SELECTION_FILTERS = ("q", "category", "training", "tag", "consent")


class MentorSelectionView(ProgrammeMixin, TemplateView):
    """Every mentor of the base with a checkbox: ticked ones are selected for the programme. The filters
    narrow the list; saving changes only the mentors shown."""

    required_capability = Capability.MANAGE_PROGRAMME
    template_name = "mentoring/programmes/mentor_selection.html"

    def mentors(self, params):
        mentors = service.selectable_mentors().select_related("partner").prefetch_related("competencies")
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
        mentors = list(mentors.order_by("last_name", "first_name", "patronymic", "pk").distinct())
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
            added, removed = service.select_mentors(
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
