"""The stages of a programme and their checklists: the stage page, its activities, their marks and files.

Who reads what is described in ``mentoring.views.programmes``.
"""

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from core.roles import Capability, has_capability
from mentoring.forms.programmes import (
    ActivityDoneForm,
    ActivityForm,
    StageForm,
)
from mentoring.models import (
    Mentor,
    ProgrammeMentor,
    Stage,
    StageActivity,
)
from mentoring.services import programme_reading, stage_state, timeline
from mentoring.services import stages as stage_service
from mentoring.views.form_page import FormPageView, url
from mentoring.views.programmes import readable_programmes


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
            activity.overdue = timeline.is_overdue(activity, today)
        roles = self.request.roles
        progress = programme_reading.stage_progress(stage, today)
        context = {
            "stage": stage,
            "programme": stage.programme,
            "activities": activities,
            "progress": progress,
            "readiness": progress.readiness,
            "late": progress.state == stage_state.StageState.LATE,
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
        stage_service.update_stage(self.stage, **form.cleaned_data, **self.actor())
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
        stage_service.add_activity(self.stage, **form.cleaned_data, **self.actor())
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
        stage_service.update_activity(self.activity, **form.cleaned_data, **self.actor())
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
        stage_service.mark_activity_done(self.activity, **form.cleaned_data, **self.actor())
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
    act = staticmethod(stage_service.undo_activity)


class ActivityDeleteView(ActivityActionView):
    done_message = "Мероприятие «{title}» удалено."
    keeps_anchor = False
    act = staticmethod(stage_service.delete_activity)


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
