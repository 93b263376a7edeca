"""Matching suggestions for the current programme: the proposed assignment of unpaired mentees to the
selected mentors, accepting proposals one by one or all at once, and the «awaiting a mentor» mark.

Who may do what is described in ``mentoring.views.pairs``.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from django.views import View
from django.views.generic import TemplateView

from core.roles import Capability
from mentoring.forms.pairs import (
    AcceptForm,
    parse_suggestions,
)
from mentoring.models import Mentee, Pair
from mentoring.services import matching as matching_service
from mentoring.views.pairs import ProgrammeRequiredMixin, refusal_messages, safe_next


class MatchingView(ProgrammeRequiredMixin, TemplateView):
    """The optimal assignment of every unpaired mentee to the selected mentors, each proposal with its score and
    why; the mentees it could not place, with the reason and the «поиск продолжается» mark."""

    required_capability = Capability.FORM_PAIRS
    template_name = "mentoring/pairs/matching.html"

    def get_context_data(self, **kwargs):
        result, mentees, mentors = matching_service.suggest(self.programme)
        forms = {form.pk: form for form in self.programme.forms.all()}
        rows = []
        for suggestion in result.suggestions:
            rows.append(
                {
                    "mentee": mentees[suggestion.mentee_id],
                    "mentor": mentors[suggestion.mentor_id],
                    "form": forms[suggestion.form_id],
                    "score": round(suggestion.score, 3),
                    "percent": round(100 * suggestion.score),
                    "reasons": suggestion.reasons,
                    "value": f"{suggestion.mentee_id}:{suggestion.mentor_id}:{suggestion.form_id}:"
                    f"{round(suggestion.score, 3)}",
                    "change_query": urlencode(
                        {"form": suggestion.form_id, "mentor": suggestion.mentor_id, "mentees": suggestion.mentee_id}
                    ),
                }
            )
        awaiting = dict(Mentee.objects.filter(pk__in=list(result.unmatched)).values_list("pk", "awaiting_mentor"))
        unmatched = [
            {"mentee": mentees[mentee_id], "reason": reason, "awaiting": awaiting.get(mentee_id, False)}
            for mentee_id, reason in sorted(result.unmatched.items(), key=lambda item: mentees[item[0]].name)
        ]
        return super().get_context_data(
            rows=rows,
            unmatched=unmatched,
            total=sum(row["score"] for row in rows),
            mentee_count=len(mentees),
            mentor_count=len(mentors),
            **kwargs,
        )


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
