"""The school's monitoring pages: the curator's monitoring page, questionnaires, waves, contingent, SWOT and
the reports (queued as file jobs)."""

import contextlib

import segno
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.generic import TemplateView, View

from core.jobs import files
from core.roles import Capability, has_capability
from mentoring.models import Programme
from mentoring.services.access_log import record_reading
from mentoring.services.programmes import current_programme
from monitoring import charts
from monitoring.forms import (
    ContingentForm,
    PeriodForm,
    QuestionFormSet,
    QuestionnaireForm,
    SwotForm,
    WaveForm,
    default_period,
)
from monitoring.models import Contingent, Questionnaire, Swot, Wave
from monitoring.services import indicators as ind
from monitoring.services import links
from monitoring.services import questionnaires as qs
from monitoring.services.reports import indicator_chart


def school_url(request, name, **kwargs):
    return reverse(name, kwargs={"org": request.tenant.slug, **kwargs})


class MonitoringHomeView(TemplateView):
    """The curator's monitoring page: waves with their response rates, indicators vs plan and their trends,
    the contingent, the SWOT and the reports."""

    required_capability = Capability.SCHOOL_AGGREGATE_REPORTS
    template_name = "monitoring/home.html"

    def get_context_data(self, **kwargs):
        request = self.request
        school, roles = request.tenant, request.roles
        programme = current_programme()
        today = timezone.localdate()
        values = ind.school_values(school, today)
        series = ind.trends([school.pk])
        by_code = {indicator.code: indicator.short_name for indicator in ind.indicators()}
        date_from, date_to = default_period(programme)
        return super().get_context_data(
            programme=programme,
            waves=list(qs.waves_with_rates(programme)) if programme else [],
            values=values,
            indicator_chart=indicator_chart(values),
            trend_chart=charts.lines(
                "Показатели по месяцам", {by_code.get(code, code): points for code, points in series.items()}
            ),
            contingent=Contingent.objects.order_by("-year").first(),
            swot=Swot.objects.filter(programme=programme).first() if programme else None,
            can_launch=has_capability(roles, Capability.LAUNCH_QUESTIONNAIRES),
            can_edit_contingent=has_capability(roles, Capability.EDIT_BASES),
            can_edit_swot=has_capability(roles, Capability.MANAGE_PROGRAMME),
            can_school_reports=has_capability(roles, Capability.SCHOOL_REPORTS),
            period_form=PeriodForm(initial={"date_from": date_from, "date_to": date_to}),
            curator_invitations=list(qs.open_invitations_of(request.user).filter(answered_at__isnull=True))
            if has_capability(roles, Capability.ANSWER_CURATOR_QUESTIONNAIRE)
            else [],
            **kwargs,
        )


class QuestionnaireListView(TemplateView):
    required_capability = Capability.LAUNCH_QUESTIONNAIRES
    template_name = "monitoring/questionnaire_list.html"

    def get_context_data(self, **kwargs):
        questionnaires = (
            Questionnaire.objects.select_related("form")
            .annotate(question_count=Count("questions"))
            .order_by("-active", "purpose", "title", "pk")
        )
        return super().get_context_data(questionnaires=questionnaires, **kwargs)


class InstallDefaultsView(View):
    required_capability = Capability.LAUNCH_QUESTIONNAIRES
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        created = qs.install_defaults(request.tenant)
        if created:
            messages.success(request, f"Установлено стандартных анкет: {created}.")
        else:
            messages.info(request, "Все стандартные анкеты уже установлены.")
        return redirect(school_url(request, "questionnaire_list"))


class QuestionnaireCopyView(View):
    required_capability = Capability.LAUNCH_QUESTIONNAIRES
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        questionnaire = get_object_or_404(Questionnaire, pk=kwargs["pk"])
        copy = qs.copy_questionnaire(questionnaire, tenant=request.tenant)
        messages.success(request, "Копия создана и будет использоваться вместо исходной анкеты.")
        return redirect(school_url(request, "questionnaire_edit", pk=copy.pk))


class QuestionnaireEditView(TemplateView):
    """Edit a questionnaire and its questions; one already sent to respondents is read-only (copy it)."""

    required_capability = Capability.LAUNCH_QUESTIONNAIRES
    template_name = "monitoring/questionnaire_edit.html"

    def dispatch(self, request, *args, **kwargs):
        self.questionnaire = get_object_or_404(Questionnaire, pk=kwargs["pk"])
        self.locked = qs.is_in_use(self.questionnaire)
        return super().dispatch(request, *args, **kwargs)

    def forms(self, data=None):
        return (
            QuestionnaireForm(data, instance=self.questionnaire, prefix="q"),
            QuestionFormSet(data, instance=self.questionnaire, prefix="questions"),
        )

    def get(self, request, *args, **kwargs):
        form, formset = self.forms()
        return self.render_to_response(self.get_context_data(form=form, formset=formset))

    def post(self, request, *args, **kwargs):
        if self.locked:
            messages.error(request, "По этой анкете уже опрашивали участников: изменить можно только её копию.")
            return redirect(request.path)
        form, formset = self.forms(request.POST)
        if form.is_valid() and formset.is_valid():
            with transaction.atomic():
                form.save()
                for question in formset.save(commit=False):
                    question.organization = request.tenant
                    question.save()
                for question in formset.deleted_objects:
                    question.delete()
            messages.success(request, "Анкета сохранена.")
            return redirect(school_url(request, "questionnaire_list"))
        messages.error(request, "Анкета не сохранена: исправьте отмеченные поля.")
        return self.render_to_response(self.get_context_data(form=form, formset=formset))

    def get_context_data(self, **kwargs):
        return super().get_context_data(questionnaire=self.questionnaire, locked=self.locked, **kwargs)


class WaveCreateView(TemplateView):
    """Launch a wave: every participant of the programme's working pairs is invited."""

    required_capability = Capability.LAUNCH_QUESTIONNAIRES
    template_name = "monitoring/wave_form.html"

    def get(self, request, *args, **kwargs):
        form = WaveForm(programme=current_programme())
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, *args, **kwargs):
        form = WaveForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                wave = qs.launch_wave(
                    programme=data["programme"], kind=data["kind"], title=data["title"], opens_on=data["opens_on"],
                    closes_on=data["closes_on"], actor=request.user, tenant=request.tenant,
                )  # fmt: skip
            except ValidationError as error:
                if hasattr(error, "error_dict"):
                    for field, errors in error.message_dict.items():
                        form.add_error(field, errors)
                else:
                    form.add_error(None, error.messages)
            else:
                messages.success(request, f"Анкетирование «{wave.title}» запущено.")
                return redirect(school_url(request, "wave_detail", pk=wave.pk))
        return self.render_to_response(self.get_context_data(form=form))

    def get_context_data(self, **kwargs):
        has_questionnaires = Questionnaire.objects.exists()
        return super().get_context_data(has_questionnaires=has_questionnaires, **kwargs)


class WaveMixin:
    required_capability = Capability.LAUNCH_QUESTIONNAIRES

    def get_wave(self):
        return get_object_or_404(Wave.objects.select_related("programme"), pk=self.kwargs["pk"])


class WaveDetailView(WaveMixin, TemplateView):
    """Who has answered and who has not, the response rates, and the actions: remind, print links, close."""

    template_name = "monitoring/wave_detail.html"

    def get_context_data(self, **kwargs):
        wave = self.get_wave()
        total, rates = qs.response_rates(wave)
        invitations = list(qs.wave_invitations(wave))
        return super().get_context_data(
            wave=wave,
            total=total,
            rates=rates,
            answered=[i for i in invitations if i.answered],
            waiting=[i for i in invitations if not i.answered],
            remindable=qs.remindable(wave).count() if wave.status == Wave.Status.OPEN else 0,
            **kwargs,
        )


class WaveRemindView(WaveMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        wave = self.get_wave()
        count = qs.remind(wave, tenant=request.tenant, actor=request.user)
        if count:
            messages.success(request, f"Напоминания отправляются: {count}.")
        else:
            messages.info(
                request, "Напоминать некому: все ответили, напоминание уже было в последний час или нет почты."
            )
        return redirect(wave.get_absolute_url())


class WaveCloseView(WaveMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        wave = self.get_wave()
        qs.close_wave(wave, actor=request.user, tenant=request.tenant, request=request)
        messages.success(request, "Анкетирование завершено: ссылки больше не принимают ответы.")
        return redirect(wave.get_absolute_url())


def qr_svg(url: str) -> str:
    """A QR code as inline SVG markup (segno writes presentation attributes only)."""
    return segno.make(url, error="m").svg_inline(scale=3, border=2, dark="#000", omitsize=False)


class WaveSheetView(WaveMixin, TemplateView):
    """A printable sheet for the participants without an account: name, questionnaire, link and QR code."""

    template_name = "monitoring/wave_sheet.html"

    def get_context_data(self, **kwargs):
        wave = self.get_wave()
        rows = []
        invitations = list(qs.wave_invitations(wave).filter(user__isnull=True, answered_at__isnull=True))
        for invitation in invitations:
            url = links.absolute_link(invitation)
            rows.append((invitation, url, mark_safe(qr_svg(url))))  # noqa: S308 - segno's own SVG markup
        named = [invitation.mentee for invitation in invitations if invitation.mentee_id]
        record_reading("person.links_sheet_opened", named, request=self.request)
        return super().get_context_data(wave=wave, rows=rows, **kwargs)


class ContingentView(TemplateView):
    """The school's contingent by school year, the denominators of the indicators."""

    required_capability = Capability.EDIT_BASES
    template_name = "monitoring/contingent.html"

    def form(self, data=None):
        year = ind.school_year_of(timezone.localdate())
        if data is not None:
            with contextlib.suppress(ValueError):
                year = int(data.get("year", year))
        instance = Contingent.objects.filter(year=year).first() or Contingent(organization=self.request.tenant)
        return ContingentForm(data, instance=instance, initial={"year": year})

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=self.form()))

    def post(self, request, *args, **kwargs):
        form = self.form(request.POST)
        if form.is_valid():
            contingent = form.save(commit=False)
            contingent.organization = request.tenant
            contingent.save()
            messages.success(request, f"Контингент на {contingent} учебный год сохранён.")
            return redirect(school_url(request, "monitoring_home"))
        messages.error(request, "Контингент не сохранён: исправьте отмеченные поля.")
        return self.render_to_response(self.get_context_data(form=form))

    def get_context_data(self, **kwargs):
        return super().get_context_data(contingents=Contingent.objects.order_by("-year"), **kwargs)


class SwotView(TemplateView):
    """The curator's SWOT analysis of a programme: four lists."""

    required_capability = Capability.MANAGE_PROGRAMME
    template_name = "monitoring/swot.html"

    def dispatch(self, request, *args, **kwargs):
        self.programme = get_object_or_404(Programme, pk=kwargs["pk"])
        self.swot = Swot.objects.filter(programme=self.programme).first()
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=SwotForm(swot=self.swot)))

    def post(self, request, *args, **kwargs):
        form = SwotForm(request.POST, swot=self.swot)
        if form.is_valid():
            Swot.objects.update_or_create(
                programme=self.programme,
                defaults={**form.lists(), "organization": request.tenant, "updated_by": request.user},
            )
            messages.success(request, "SWOT-анализ сохранён.")
            return redirect(school_url(request, "monitoring_home"))
        return self.render_to_response(self.get_context_data(form=form))

    def get_context_data(self, **kwargs):
        return super().get_context_data(programme=self.programme, **kwargs)


class ReportRequestView(View):
    """Queue a school report as a file job and go to its progress page."""

    http_method_names = ["post"]
    kind = ""

    def post(self, request, *args, **kwargs):
        form = PeriodForm(request.POST)
        programme = current_programme()
        if not form.is_valid():
            for errors in form.errors.values():
                messages.error(request, " ".join(errors))
            return redirect(school_url(request, "monitoring_home"))
        params = {
            "date_from": form.cleaned_data["date_from"].isoformat(),
            "date_to": form.cleaned_data["date_to"].isoformat(),
        }
        if self.kind == "monitoring_report":
            if programme is None:
                messages.error(request, "Сначала создайте программу наставничества.")
                return redirect(school_url(request, "monitoring_home"))
            chosen = request.POST.get("programme", "")
            params["programme_id"] = int(chosen) if chosen.isdigit() else programme.pk
        job = files.start(
            tenant=request.tenant, user=request.user, kind=self.kind, fmt=form.cleaned_data["fmt"], params=params
        )
        return redirect(job.get_absolute_url())


class MonitoringReportView(ReportRequestView):
    required_capability = Capability.SCHOOL_REPORTS
    kind = "monitoring_report"


class StatisticsReportView(ReportRequestView):
    required_capability = Capability.SCHOOL_AGGREGATE_REPORTS
    kind = "participant_statistics"
