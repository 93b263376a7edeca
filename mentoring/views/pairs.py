"""Pairs and groups of the current programme (stage 5), their plans on the curator's side (stage 6), the
unpaired mentees and free mentors. Matching suggestions live in ``views.matching``, the completion of
mentoring (stage 7) in ``views.completion``.

Who may do what (docs/roles.md): the director and the curator form and close pairs, accept the matching and
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
from django.views import View
from django.views.generic import TemplateView

from core.collation import name_order
from core.roles import Capability, has_capability
from mentoring.forms.journal import PlanItemStatusForm
from mentoring.forms.pairs import (
    ClosePairForm,
    PairForm,
    mentors_with_load,
)
from mentoring.models import Pair, PairMember, PlanItem
from mentoring.services.access_log import pair_mentees, record_reading
from mentoring.services.journal import save_plan_item
from mentoring.services.pairs import close_pair, form_pair
from mentoring.services.people import with_consent_flags
from mentoring.services.programme_reading import unpaired_mentees
from mentoring.services.programmes import current_programme
from mentoring.views.journal import AddPlanItemView, EditPlanItemView

PAGE_SIZE = 50


def journal_url(tenant, pair) -> str:
    return reverse("pair_journal", kwargs={"org": tenant.slug, "pk": pair.pk})


def refusal_messages(error: ValidationError) -> list[str]:
    return list(error.messages)


def members_prefetch():
    return Prefetch("members", queryset=PairMember.objects.select_related("mentee").order_by(*name_order("mentee__")))


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
                    kinds=data["kinds"], reverse_area=data["reverse_area"],
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
    pairs = Pair.objects.select_related("mentor", "form", "programme").prefetch_related(members_prefetch(), "kinds")
    return get_object_or_404(pairs, pk=pk)


class PairDetailView(TemplateView):
    """A pair or group: mentor, mentees, form, dates, goals, the plan, the journal's link and the closing."""

    required_capability = Capability.READ_PERSON_CARDS
    template_name = "mentoring/pairs/pair_detail.html"

    def get(self, request, *args, **kwargs):
        pair = get_pair(kwargs["pk"])
        record_reading("person.pair_opened", pair_mentees(pair), request=request)
        return self.render_to_response(pair_context(request, pair))


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
            with_consent_flags(unpaired_mentees(self.programme))
            .prefetch_related("requests")
            .order_by("-awaiting_mentor", *name_order())
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
