"""Pairs and groups of the current programme (stage 5), their plans on the curator's side (stage 6) and the
completion of mentoring (stage 7).

Who may do what (shared/ROLES.md): the director and the curator form and close pairs, accept the matching and
keep the plans; the methodist reads pairs and plans (their names are card data: ``READ_PERSON_CARDS``); a
mentor sees their own pairs on the journal pages (``views.journal``). Completion — nominations and the base of
best practices — is programme work of the director and the curator; every school role reads the cases that
may be published, the director and the curator all of them.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views import View
from django.views.generic import TemplateView

from core.roles import Capability, has_capability
from mentoring.forms.journal import PlanItemStatusForm
from mentoring.forms.pairs import (
    AcceptForm,
    BestPracticeForm,
    ClosePairForm,
    NominationForm,
    PairForm,
    mentors_with_load,
    parse_suggestions,
)
from mentoring.models import BestPractice, Mentee, Pair, PairMember, PlanItem, RewardNomination
from mentoring.services import matching as matching_service
from mentoring.services.completion import former_mentees, mentor_from_mentee, nominate, remove_nomination, save_practice
from mentoring.services.journal import save_plan_item
from mentoring.services.pairs import close_pair, form_pair
from mentoring.services.people import with_consent_flags
from mentoring.services.programme_reading import mentees_with_pair_flag
from mentoring.services.programmes import current_programme
from mentoring.views.journal import AddPlanItemView, EditPlanItemView, show_refusal

PAGE_SIZE = 50


def journal_url(tenant, pair) -> str:
    return reverse("pair_journal", kwargs={"org": tenant.slug, "pk": pair.pk})


def refusal_messages(error: ValidationError) -> list[str]:
    return list(error.messages)


def members_prefetch():
    return Prefetch("members", queryset=PairMember.objects.select_related("mentee").order_by("mentee__last_name", "pk"))


class ProgrammeRequiredMixin:
    """A page of the current programme (``services.programmes.current_programme``). Without a programme the
    page says so and links to creating one."""

    def dispatch(self, request, *args, **kwargs):
        self.programme = current_programme()
        if self.programme is None:
            context = {
                "create_url": reverse("programme_create", kwargs={"org": request.tenant.slug}),
                "can_create": has_capability(request.roles, Capability.MANAGE_PROGRAMME),
            }
            return render(request, "mentoring/pairs/no_programme.html", context)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(programme=self.programme, **kwargs)


# Pairs and groups.


class PairListView(ProgrammeRequiredMixin, TemplateView):
    """The programme's pairs and groups, active and closed, filtered by status, form and mentor."""

    required_capability = Capability.READ_PERSON_CARDS
    template_name = "mentoring/pairs/pair_list.html"
    STATUSES = [(Pair.Status.ACTIVE, "работают"), (Pair.Status.CLOSED, "завершены"), ("all", "все")]

    def get_context_data(self, **kwargs):
        params = self.request.GET
        status = params.get("status") or Pair.Status.ACTIVE
        pairs = (
            Pair.objects.filter(programme=self.programme)
            .select_related("mentor", "form")
            .prefetch_related(members_prefetch())
            .order_by("status", "-starts_on", "pk")
        )
        if status in Pair.Status.values:
            pairs = pairs.filter(status=status)
        form_id, mentor_id = params.get("form", ""), params.get("mentor", "")
        if form_id.isdigit():
            pairs = pairs.filter(form_id=int(form_id))
        if mentor_id.isdigit():
            pairs = pairs.filter(mentor_id=int(mentor_id))
        page = Paginator(pairs, PAGE_SIZE).get_page(params.get("page"))
        query = params.copy()
        query.pop("page", None)
        return super().get_context_data(
            page=page,
            pairs=page.object_list,
            filters={"status": status, "form": form_id, "mentor": mentor_id},
            statuses=self.STATUSES,
            forms=self.programme.forms.all(),
            mentors=mentors_with_load(self.programme),
            query_string=query.urlencode(),
            **kwargs,
        )


class PairCreateView(ProgrammeRequiredMixin, TemplateView):
    """Form a pair or a group. A refusal of the rules is shown as a list above the form, with the input kept.

    ``?form=…&mentor=…&mentees=…`` prefills the page (the matching's «Изменить»); changing the form reloads
    the list of mentees free in it (htmx, or the «Показать» button without scripts)."""

    required_capability = Capability.FORM_PAIRS
    template_name = "mentoring/pairs/pair_form.html"

    def get(self, request, *args, **kwargs):
        params = request.GET
        initial = {
            "form": params.get("form", ""),
            "mentor": params.get("mentor", ""),
            "mentees": [value for value in params.getlist("mentees") if value.isdigit()],
        }
        form = PairForm(programme=self.programme, initial={k: v for k, v in initial.items() if v})
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, *args, **kwargs):
        form = PairForm(request.POST, programme=self.programme)
        refusals = []
        if form.is_valid():
            data = form.cleaned_data
            try:
                pair = form_pair(
                    programme=self.programme, mentor=data["mentor"], mentees=list(data["mentees"]), form=data["form"],
                    starts_on=data["starts_on"], planned_end_on=data["planned_end_on"], role_model=data["role_model"],
                    goals=data["goals"], actor=request.user, tenant=request.tenant, request=request,
                )  # fmt: skip
            except ValidationError as error:
                refusals = refusal_messages(error)
            else:
                kind = "Группа сформирована" if len(data["mentees"]) > 1 else "Пара сформирована"
                messages.success(request, f"{kind}: наставник {pair.mentor.full_name}.")
                return redirect("pair_detail", org=request.tenant.slug, pk=pair.pk)
        else:
            messages.error(request, "Пара не сформирована: исправьте отмеченные поля.")
        return self.render_to_response(self.get_context_data(form=form, refusals=refusals))


def pair_context(request, pair, **extra) -> dict:
    """What the pair's page shows, and what the user may do there."""
    roles = request.roles
    members = list(pair.members.all())
    return {
        "pair": pair,
        "members": members,
        "plan_items": pair.plan_items.all(),
        "statuses": PlanItem.Status.choices,
        "journal_url": journal_url(request.tenant, pair),
        "can_form": has_capability(roles, Capability.FORM_PAIRS),
        "can_plan": has_capability(roles, Capability.MANAGE_PLANS) and pair.status == Pair.Status.ACTIVE,
        "can_edit_bases": has_capability(roles, Capability.EDIT_BASES),
        "can_complete": has_capability(roles, Capability.MANAGE_PROGRAMME),
        "close_form": extra.pop("close_form", None) or ClosePairForm(),
        **extra,
    }


def get_pair(pk):
    pairs = Pair.objects.select_related("mentor", "form", "programme").prefetch_related(members_prefetch())
    return get_object_or_404(pairs, pk=pk)


class PairDetailView(TemplateView):
    """A pair or group: mentor, mentees, form, dates, goals, the plan, the journal's link and the closing."""

    required_capability = Capability.READ_PERSON_CARDS
    template_name = "mentoring/pairs/pair_detail.html"

    def get(self, request, *args, **kwargs):
        return self.render_to_response(pair_context(request, get_pair(kwargs["pk"])))


class PairCloseView(View):
    """Close a pair or group with its outcome and final notes (stage 7)."""

    required_capability = Capability.FORM_PAIRS
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        pair = get_pair(kwargs["pk"])
        form = ClosePairForm(request.POST)
        if form.is_valid():
            try:
                close_pair(
                    pair, outcome=form.cleaned_data["outcome"], final_notes=form.cleaned_data["final_notes"],
                    actor=request.user, tenant=request.tenant, request=request,
                )  # fmt: skip
            except ValidationError as error:
                messages.error(request, " ".join(refusal_messages(error)))
            else:
                messages.success(request, f"Пара завершена: {pair.get_outcome_display()}.")
            return redirect("pair_detail", org=request.tenant.slug, pk=pair.pk)
        messages.error(request, "Пара не завершена: исправьте отмеченные поля.")
        return render(request, "mentoring/pairs/pair_detail.html", pair_context(request, pair, close_form=form))


# The plan of a pair (the curator's side; the mentor keeps their own in views.journal).


class PlanItemCreateView(AddPlanItemView):
    required_capability = Capability.MANAGE_PLANS
    template_name = "mentoring/pairs/plan_item_form.html"
    done_url_name = "pair_detail"

    def get_pair(self):
        return get_pair(self.kwargs["pk"])


class PlanItemEditView(EditPlanItemView):
    required_capability = Capability.MANAGE_PLANS
    template_name = "mentoring/pairs/plan_item_form.html"
    done_url_name = "pair_detail"

    def plan_items(self):
        return PlanItem.objects.all()


class PlanItemStatusView(View):
    """The quick change of a plan item's status from the pair's page."""

    required_capability = Capability.MANAGE_PLANS
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        item = get_object_or_404(PlanItem.objects.select_related("pair"), pk=kwargs["pk"])
        form = PlanItemStatusForm(request.POST)
        if not form.is_valid():
            messages.error(request, "Состояние не изменено: выберите его из списка.")
        else:
            item.status = form.cleaned_data["status"]
            try:
                save_plan_item(item, actor=request.user, tenant=request.tenant, request=request)
            except ValidationError as error:
                messages.error(request, " ".join(refusal_messages(error)))
            else:
                messages.success(request, f"«{item.title}»: {item.get_status_display()}.")
        return redirect("pair_detail", org=request.tenant.slug, pk=item.pair_id)


# Matching suggestions.


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


def accept_one(request, programme, data) -> tuple[bool, list[str]]:
    try:
        matching_service.accept(
            programme, mentee_id=data["mentee"], mentor_id=data["mentor"], form_id=data["form"], score=data["score"],
            actor=request.user, tenant=request.tenant, request=request,
        )  # fmt: skip
    except ValidationError as error:
        return False, refusal_messages(error)
    return True, []


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
        formed, reasons = accept_one(request, self.programme, data)
        name = names_of([data["mentee"]]).get(data["mentee"], "Наставляемый")
        if formed:
            messages.success(request, f"Пара сформирована: {name}.")
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
            formed, reasons = accept_one(request, self.programme, data)
            if not formed:
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


def safe_next(request, default: str) -> str:
    """Back to the page of this school the form came from (``next``), else ``default``."""
    target = request.POST.get("next", "")
    prefix = f"/o/{request.tenant.slug}/"
    return target if target.startswith(prefix) and "//" not in target[1:] else default


class UnpairedMenteesView(ProgrammeRequiredMixin, TemplateView):
    """Mentees still without a mentor in the programme, with the «поиск продолжается» mark."""

    required_capability = Capability.FORM_PAIRS
    template_name = "mentoring/pairs/unpaired_mentees.html"

    def get_context_data(self, **kwargs):
        mentees = (
            with_consent_flags(mentees_with_pair_flag(self.programme).filter(has_pair=False))
            .prefetch_related("requests")
            .order_by("-awaiting_mentor", "last_name", "first_name", "patronymic", "pk")
        )
        return super().get_context_data(mentees=mentees, **kwargs)


class FreeMentorsView(ProgrammeRequiredMixin, TemplateView):
    """The programme's selected mentors who still have free places."""

    required_capability = Capability.FORM_PAIRS
    template_name = "mentoring/pairs/free_mentors.html"

    def get_context_data(self, **kwargs):
        mentors = [
            mentor
            for mentor in mentors_with_load(self.programme).prefetch_related("competencies")
            if mentor.load < mentor.capacity
        ]
        for mentor in mentors:
            mentor.free = mentor.capacity - mentor.load
        return super().get_context_data(mentors=mentors, **kwargs)


# Completion (stage 7).


class CompletionView(ProgrammeRequiredMixin, TemplateView):
    """Stage 7 in one place: the pairs still open, mentors nominated for rewards (add, remove), former mentees
    who may join the base of mentors, and the base of best practices."""

    required_capability = Capability.MANAGE_PROGRAMME
    template_name = "mentoring/pairs/completion.html"

    def get_context_data(self, **kwargs):
        programme = self.programme
        kwargs.setdefault("nomination_form", NominationForm(programme=programme))
        pairs = Pair.objects.filter(programme=programme)
        return super().get_context_data(
            active_count=pairs.filter(status=Pair.Status.ACTIVE).count(),
            closed_count=pairs.filter(status=Pair.Status.CLOSED).count(),
            nominations=RewardNomination.objects.filter(programme=programme).select_related("mentor"),
            former_mentees=former_mentees(programme),
            practice_count=BestPractice.objects.filter(programme=programme).count(),
            can_edit_bases=has_capability(self.request.roles, Capability.EDIT_BASES),
            **kwargs,
        )


class NominationAddView(CompletionView):
    """Nominate a mentor of the programme for a reward; a refused form is shown on the completion page."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        form = NominationForm(request.POST, programme=self.programme)
        if form.is_valid():
            try:
                nominate(
                    self.programme, mentor=form.cleaned_data["mentor"], reason=form.cleaned_data["reason"],
                    actor=request.user, tenant=request.tenant, request=request,
                )  # fmt: skip
            except ValidationError as error:
                show_refusal(form, error)
            else:
                messages.success(request, f"{form.cleaned_data['mentor'].full_name} представлен к поощрению.")
                return redirect("completion", org=request.tenant.slug)
        messages.error(request, "Представление не добавлено: исправьте отмеченные поля.")
        return self.render_to_response(self.get_context_data(nomination_form=form))


class NominationDeleteView(View):
    required_capability = Capability.MANAGE_PROGRAMME
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        nomination = get_object_or_404(RewardNomination.objects.select_related("mentor"), pk=kwargs["pk"])
        remove_nomination(nomination, actor=request.user, tenant=request.tenant, request=request)
        messages.success(request, f"Представление {nomination.mentor.full_name} к поощрению отменено.")
        return redirect("completion", org=request.tenant.slug)


class MentorFromMenteeView(View):
    """Add a former mentee to the base of mentors, then complete the new record on the mentor's edit page."""

    required_capability = Capability.EDIT_BASES
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        mentee = get_object_or_404(Mentee, pk=kwargs["pk"])
        try:
            mentor = mentor_from_mentee(mentee, actor=request.user, tenant=request.tenant, request=request)
        except ValidationError as error:
            messages.error(request, " ".join(refusal_messages(error)))
            return redirect(
                safe_next(request, reverse("mentee_detail", kwargs={"org": request.tenant.slug, "pk": mentee.pk}))
            )
        messages.success(request, f"{mentor.full_name} внесён в базу наставников: дополните запись и согласие.")
        return redirect("mentor_edit", org=request.tenant.slug, pk=mentor.pk)


# The base of best practices.


class PracticeListView(ProgrammeRequiredMixin, TemplateView):
    """The school's cases of the programme; those who cannot edit them see the publishable ones only."""

    required_capability = (Capability.VIEW_PROGRAMME, Capability.VIEW_OWN_PROGRAMMES)
    template_name = "mentoring/pairs/practice_list.html"

    def get_context_data(self, **kwargs):
        can_edit = has_capability(self.request.roles, Capability.MANAGE_PROGRAMME)
        practices = BestPractice.objects.filter(programme=self.programme).select_related("form")
        if not can_edit:
            practices = practices.filter(publishable=True)
        return super().get_context_data(practices=practices, can_edit=can_edit, **kwargs)


class PracticeFormView(ProgrammeRequiredMixin, TemplateView):
    """Add (no pk; ``?pair=`` prefills the pair and its form) or edit a case of the base of best practices."""

    required_capability = Capability.MANAGE_PROGRAMME
    template_name = "mentoring/pairs/practice_form.html"

    def get_form(self, data=None):
        instance = None
        if "pk" in self.kwargs:
            instance = get_object_or_404(BestPractice, pk=self.kwargs["pk"], programme=self.programme)
        initial = {}
        pair_id = self.request.GET.get("pair", "")
        if instance is None and pair_id.isdigit():
            pair = Pair.objects.filter(pk=int(pair_id), programme=self.programme).first()
            if pair:
                initial = {"pair": pair.pk, "form": pair.form_id}
        return BestPracticeForm(data, instance=instance, initial=initial, programme=self.programme)

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=self.get_form()))

    def post(self, request, *args, **kwargs):
        form = self.get_form(request.POST)
        if form.is_valid():
            practice = save_practice(
                form, programme=self.programme, actor=request.user, tenant=request.tenant, request=request
            )
            messages.success(request, f"Практика «{practice.title}» сохранена.")
            return redirect("practice_list", org=request.tenant.slug)
        messages.error(request, "Практика не сохранена: исправьте отмеченные поля.")
        return self.render_to_response(self.get_context_data(form=form))
