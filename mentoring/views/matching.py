"""Matching suggestions for the current programme: the proposed assignment of unpaired mentees to the
selected mentors, accepting proposals one by one or all at once, and the «awaiting a mentor» mark.

Who may do what is described in ``mentoring.views.pairs``.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from django.views import View
from django.views.generic import TemplateView

from core.models import Job
from core.roles import Capability
from mentoring.forms.pairs import (
    AcceptForm,
    parse_suggestions,
)
from mentoring.models import Mentee, Pair
from mentoring.services import matching as matching_service
from mentoring.views.pairs import ProgrammeRequiredMixin, refusal_messages, safe_next

PAGE_SIZE = 50
SHOW_UNPLACED = "unplaced"


def chosen_id(value, allowed: set[int]) -> int | None:
    """The id a filter chose, when it is one of ``allowed``; None for anything else."""
    return int(value) if str(value).isdigit() and int(value) in allowed else None


def row_of(suggestion) -> dict:
    return {
        "mentee": suggestion.mentee,
        "mentor": suggestion.mentor,
        "form": suggestion.form,
        "score": suggestion.score,
        "percent": suggestion.percent,
        "reasons": suggestion.reasons,
        "value": f"{suggestion.mentee_id}:{suggestion.mentor_id}:{suggestion.form_id}:{suggestion.score}",
        "change_query": urlencode(
            {"form": suggestion.form_id, "mentor": suggestion.mentor_id, "mentees": suggestion.mentee_id}
        ),
    }


class MatchingView(ProgrammeRequiredMixin, TemplateView):
    """The stored optimal assignment of the unpaired mentees to the selected mentors, 50 proposals a page with
    their score and why, filtered by form; the mentees it could not place, with the reason and the «поиск
    продолжается» mark. A changed cohort starts a new run, whose progress the page shows."""

    required_capability = Capability.FORM_PAIRS
    template_name = "mentoring/pairs/matching.html"

    def get_context_data(self, **kwargs):
        request = self.request
        job = matching_service.current_run(self.programme, user=request.user, tenant=request.tenant)
        shown = job if job.status == Job.Status.READY else matching_service.last_ready_run(self.programme)
        forms = list(self.programme.forms.all())
        form_id = chosen_id(request.GET.get("form"), {form.pk for form in forms})
        unplaced = request.GET.get("show") == SHOW_UNPLACED
        context = {
            "job": job,
            "shown": shown,
            "forms": forms,
            "form_id": form_id,
            "unplaced": unplaced,
            "progress_url": reverse("matching_status", kwargs={"org": request.tenant.slug, "pk": job.pk}),
            "retry_url": reverse("matching_run", kwargs={"org": request.tenant.slug}),
        }
        if shown is not None:
            rows = matching_service.stored(shown, form_id=None if unplaced else form_id, placed=not unplaced)
            page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
            counted = matching_service.counts(shown)
            filters = {"show": SHOW_UNPLACED} if unplaced else ({"form": form_id} if form_id else {})
            context.update(
                page_obj=page,
                rows=[] if unplaced else [row_of(suggestion) for suggestion in page],
                unmatched=list(page) if unplaced else [],
                suggestion_count=counted["suggestions"],
                unmatched_count=counted["unmatched"],
                total=counted["total"] or 0,
                filter_query=urlencode(filters),
            )
        return super().get_context_data(**context, **kwargs)


class MatchingRunView(ProgrammeRequiredMixin, View):
    """«Пересчитать» (and «Запустить ещё раз» after a failure): a new run of the matching."""

    required_capability = Capability.FORM_PAIRS
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        matching_service.start(self.programme, user=request.user, tenant=request.tenant)
        return redirect("matching", org=request.tenant.slug)


class MatchingStatusView(ProgrammeRequiredMixin, TemplateView):
    """The run's progress, polled by htmx; once it has finished the page reloads to show the proposals."""

    required_capability = Capability.FORM_PAIRS
    template_name = "mentoring/pairs/_matching_status.html"

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if response.context_data["job"].finished:
            response["HX-Refresh"] = "true"
        return response

    def get_context_data(self, **kwargs):
        job = get_object_or_404(matching_service.runs_of(self.programme), pk=self.kwargs["pk"])
        return super().get_context_data(
            job=job,
            progress_url=reverse("matching_status", kwargs={"org": self.request.tenant.slug, "pk": job.pk}),
            retry_url=reverse("matching_run", kwargs={"org": self.request.tenant.slug}),
            **kwargs,
        )


class MatchingJobView(ProgrammeRequiredMixin, View):
    """A run's own address (from the list of jobs or a notification): the matching page shows it."""

    required_capability = Capability.FORM_PAIRS

    def get(self, request, *args, **kwargs):
        get_object_or_404(matching_service.runs_of(self.programme), pk=kwargs["pk"])
        return redirect("matching", org=request.tenant.slug)


def accept_one(request, programme, data) -> tuple[Pair | None, list[str]]:
    """The pair formed from one suggestion, or None and the reasons it was refused."""
    try:
        pair = matching_service.accept(
            programme, mentee_id=data["mentee"], mentor_id=data["mentor"], form_id=data["form"], score=data["score"],
            actor=request.user, tenant=request.tenant, request=request,
        )  # fmt: skip
    except ValidationError as error:
        return None, refusal_messages(error)
    return pair, []


def formed_message(school, pair, name: str):
    """«Пара сформирована» with the links to the new pair and to its plan (the next step: the plan)."""
    url = reverse("pair_detail", kwargs={"org": school.slug, "pk": pair.pk})
    return format_html(
        'Пара сформирована: <a href="{}">{}</a>. Следующий шаг — <a href="{}">составить план работы пары</a>.',
        url, name, reverse("plan_item_create", kwargs={"org": school.slug, "pk": pair.pk}),
    )  # fmt: skip


def names_of(mentee_ids) -> dict[int, str]:
    return {mentee.pk: mentee.full_name for mentee in Mentee.objects.filter(pk__in=list(mentee_ids))}


class MatchingAcceptView(ProgrammeRequiredMixin, View):
    """Accept one suggestion: the pair is formed if every rule still holds (checked again now)."""

    required_capability = Capability.FORM_PAIRS
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        form = AcceptForm(request.POST)
        if not form.is_valid():
            messages.error(request, "Предложение не распознано: обновите страницу подбора.")
            return redirect("matching", org=request.tenant.slug)
        data = form.cleaned_data
        pair, reasons = accept_one(request, self.programme, data)
        name = names_of([data["mentee"]]).get(data["mentee"], "Наставляемый")
        if pair is not None:
            messages.success(request, formed_message(request.tenant, pair, name))
        else:
            messages.error(request, f"{name}: пара не сформирована. " + " ".join(reasons))
        return redirect("matching", org=request.tenant.slug)


class MatchingAcceptAllView(ProgrammeRequiredMixin, View):
    """Accept every suggestion the page showed, each on its own: how many pairs were formed, and which were
    refused and why."""

    required_capability = Capability.FORM_PAIRS
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        suggestions = parse_suggestions(request.POST.getlist("suggestion"))
        if not suggestions:
            messages.info(request, "Нет предложений, которые можно принять.")
            return redirect("matching", org=request.tenant.slug)
        refused = []
        for data in suggestions:
            pair, reasons = accept_one(request, self.programme, data)
            if pair is None:
                refused.append((data["mentee"], reasons))
        formed_count = len(suggestions) - len(refused)
        messages.success(request, f"Сформировано пар: {formed_count} из {len(suggestions)}.")
        names = names_of(mentee_id for mentee_id, _ in refused)
        for mentee_id, reasons in refused:
            messages.error(request, f"{names.get(mentee_id, 'Наставляемый')}: не сформирована. " + " ".join(reasons))
        return redirect("matching", org=request.tenant.slug)


class AwaitingMentorView(ProgrammeRequiredMixin, View):
    """Mark (``awaiting=1``) or unmark a mentee left without a pair: support given, the search goes on."""

    required_capability = Capability.FORM_PAIRS
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        mentee = get_object_or_404(Mentee, pk=kwargs["pk"])
        awaiting = request.POST.get("awaiting") == "1"
        try:
            matching_service.set_awaiting_mentor(
                self.programme, mentee, awaiting, actor=request.user, tenant=request.tenant, request=request
            )
        except ValidationError as error:
            messages.error(request, " ".join(refusal_messages(error)))
        else:
            state = "поддержка, поиск наставника продолжается" if awaiting else "отметка о поиске снята"
            messages.success(request, f"{mentee.full_name}: {state}.")
        return redirect(safe_next(request, reverse("unpaired_mentees", kwargs={"org": request.tenant.slug})))
