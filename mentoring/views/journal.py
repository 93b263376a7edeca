"""The mentor's journal and plan (stage 6): the mentor's pairs, a pair's journal, meetings, the mentor's plan of
an own pair, and the curator's list of every journal.

Which pairs a user reaches is decided by the querysets of ``services.journal``: a mentor starts from their own
pairs, so that another mentor's pair, meeting or plan item is a 404, exactly like another school's object.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import TemplateView, View

from core.concurrency import EditConflict
from core.roles import Capability, has_capability
from mentoring.forms.journal import MeetingForm, PlanItemForm, PlanItemStatusForm
from mentoring.models import Meeting, Pair, PlanItem, Programme
from mentoring.services.access_log import pair_mentees, record_reading
from mentoring.services.journal import (
    active_first,
    journal_overview,
    meeting_sequence,
    members_prefetch,
    own_meetings,
    own_pairs,
    own_plan_items,
    readable_pairs,
    save_meeting,
    save_plan_item,
    with_journal_facts,
)
from mentoring.views.dashboard import school_url

PAGE_SIZE = 50


def show_refusal(form, error: ValidationError):
    """A rule the service refused at saving time (the pair changed meanwhile) shown on the form."""
    for message in error.messages:
        form.add_error(None, message)


class MyPairsView(TemplateView):
    """The mentor's own pairs and groups in this school, active ones first."""

    required_capability = Capability.KEEP_OWN_JOURNAL
    template_name = "mentoring/journal/my_pairs.html"

    def get_context_data(self, **kwargs):
        pairs = active_first(with_journal_facts(own_pairs(self.request.user)))
        return super().get_context_data(pairs=pairs, **kwargs)


class PairJournalView(TemplateView):
    """A pair's journal: its mentor writes in it, the director, the curator and the methodist read it.

    Those who read journals see every pair's; a mentor only their own pairs' (another mentor's pair: 404).
    """

    required_capability = (Capability.READ_JOURNALS, Capability.KEEP_OWN_JOURNAL)
    template_name = "mentoring/journal/pair_journal.html"

    def get_context_data(self, **kwargs):
        request = self.request
        pairs = with_journal_facts(readable_pairs(request.user, request.roles))
        pair = get_object_or_404(pairs, pk=self.kwargs["pk"])
        record_reading("person.journal_opened", pair_mentees(pair), request=request)
        meetings = list(pair.meetings.select_related("recorded_by").prefetch_related("present"))
        own = pair.mentor.user_id == request.user.pk
        pair_url = ""  # the pair's card (the curator's side of the pair), for those who read cards
        if has_capability(request.roles, Capability.READ_PERSON_CARDS):
            pair_url = school_url(request.tenant, "pair_detail", kwargs={"pk": pair.pk})
        return super().get_context_data(
            pair=pair,
            meetings=meetings,
            sequence=meeting_sequence(meetings),
            plan_items=pair.plan_items.all(),
            can_write=own and has_capability(request.roles, Capability.KEEP_OWN_JOURNAL),
            can_plan=own and has_capability(request.roles, Capability.KEEP_OWN_PLANS),
            can_read_all=has_capability(request.roles, Capability.READ_JOURNALS),
            pair_url=pair_url,
            **kwargs,
        )


class MeetingFormView(TemplateView):
    """Record a meeting in an own pair's journal (pk of the pair) or edit one (pk of the meeting)."""

    required_capability = Capability.KEEP_OWN_JOURNAL
    template_name = "mentoring/journal/meeting_form.html"
    editing = False

    def get_form(self, data=None):
        user = self.request.user
        if self.editing:
            meeting = get_object_or_404(own_meetings(user).select_related("pair"), pk=self.kwargs["pk"])
            pair = meeting.pair
        else:
            pair = get_object_or_404(own_pairs(user), pk=self.kwargs["pk"])
            meeting = Meeting(pair=pair)
        return MeetingForm(data, instance=meeting, pair=pair)

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=self.get_form()))

    def post(self, request, *args, **kwargs):
        form = self.get_form(request.POST)
        if form.is_valid():
            try:
                meeting = save_meeting(
                    form.instance,
                    present=form.cleaned_data["present"],
                    actor=request.user,
                    tenant=request.tenant,
                    request=request,
                )
            except ValidationError as error:
                show_refusal(form, error)
            else:
                messages.success(request, f"Встреча {meeting.held_on:%d.%m.%Y} записана в журнал.")
                return redirect("pair_journal", org=request.tenant.slug, pk=meeting.pair_id)
        messages.error(request, "Встреча не записана: исправьте отмеченные поля.")
        return self.render_to_response(self.get_context_data(form=form))

    def get_context_data(self, **kwargs):
        return super().get_context_data(pair=kwargs["form"].pair, **kwargs)


class MeetingEditView(MeetingFormView):
    editing = True


class AddPlanItemView(TemplateView):
    """A pair's plan page with the form that adds an item; subclasses say which pairs the user may reach
    (``get_pair``) and where to return after adding (``done_url_name``)."""

    done_url_name = ""

    def get(self, request, *args, **kwargs):
        pair = self.get_pair()
        record_reading("person.pair_opened", pair_mentees(pair), request=request)
        return self.render_to_response(self.get_context_data(pair=pair, form=PlanItemForm(pair=pair)))

    def post(self, request, *args, **kwargs):
        pair = self.get_pair()
        form = PlanItemForm(request.POST, instance=PlanItem(pair=pair), pair=pair)
        if form.is_valid():
            try:
                item = save_plan_item(form.instance, actor=request.user, tenant=request.tenant, request=request)
            except ValidationError as error:
                show_refusal(form, error)
            else:
                messages.success(request, f"В план добавлено: «{item.title}».")
                return redirect(self.done_url_name, org=request.tenant.slug, pk=pair.pk)
        messages.error(request, "Пункт плана не добавлен: исправьте отмеченные поля.")
        return self.render_to_response(self.get_context_data(pair=pair, form=form))


class OwnPlanView(AddPlanItemView):
    """The plan of an own pair: its items with dates and status; the mentor adds items and changes them."""

    required_capability = Capability.KEEP_OWN_PLANS
    template_name = "mentoring/journal/own_plan.html"
    done_url_name = "own_pair_plan"

    def get_pair(self) -> Pair:
        pairs = own_pairs(self.request.user).select_related("mentor", "form").prefetch_related(members_prefetch())
        return get_object_or_404(pairs, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        pair = kwargs["pair"]
        return super().get_context_data(items=pair.plan_items.all(), statuses=PlanItem.Status.choices, **kwargs)


class EditPlanItemView(TemplateView):
    """Change a plan item: its wording, date and status. Subclasses say which items the user may reach
    (``plan_items``) and where to return after saving (``done_url_name``)."""

    done_url_name = ""

    def get_form(self, data=None):
        item = get_object_or_404(self.plan_items().select_related("pair__mentor", "pair__form"), pk=self.kwargs["pk"])
        return PlanItemForm(data, instance=item, pair=item.pair)

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=self.get_form()))

    def post(self, request, *args, **kwargs):
        form = self.get_form(request.POST)
        if form.is_valid():
            try:
                item = save_plan_item(
                    form.instance, actor=request.user, tenant=request.tenant, request=request,
                    version=form.submitted_version,
                )  # fmt: skip
            except EditConflict as conflict:
                form.refuse_stale(conflict)
            except ValidationError as error:
                show_refusal(form, error)
            else:
                messages.success(request, f"Пункт плана «{item.title}» сохранён.")
                return redirect(self.done_url_name, org=request.tenant.slug, pk=item.pair_id)
        messages.error(request, "Пункт плана не сохранён: исправьте отмеченные поля.")
        return self.render_to_response(self.get_context_data(form=form))

    def get_context_data(self, **kwargs):
        return super().get_context_data(pair=kwargs["form"].pair, **kwargs)


class PlanItemEditView(EditPlanItemView):
    """Change an item of an own pair's plan."""

    required_capability = Capability.KEEP_OWN_PLANS
    template_name = "mentoring/journal/plan_item_form.html"
    done_url_name = "own_pair_plan"

    def plan_items(self):
        return own_plan_items(self.request.user)


class PlanItemStatusView(View):
    """The quick change of an item's status from the plan page (POST only)."""

    required_capability = Capability.KEEP_OWN_PLANS
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        item = get_object_or_404(own_plan_items(request.user).select_related("pair"), pk=kwargs["pk"])
        form = PlanItemStatusForm(request.POST)
        if not form.is_valid():
            messages.error(request, "Состояние не изменено: выберите его из списка.")
        else:
            item.status = form.cleaned_data["status"]
            try:
                save_plan_item(item, actor=request.user, tenant=request.tenant, request=request)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, f"«{item.title}»: {item.get_status_display()}.")
        return redirect("own_pair_plan", org=request.tenant.slug, pk=item.pair_id)


class JournalListView(TemplateView):
    """Every pair's journal for the curator: the last meeting, the number of meetings, and the pairs without a
    meeting for 30 days flagged (and first)."""

    required_capability = Capability.READ_JOURNALS
    template_name = "mentoring/journal/journal_list.html"
    STATUSES = (("active", "работающие"), ("closed", "завершённые"), ("all", "все"))

    def get_context_data(self, **kwargs):
        params = self.request.GET
        status = params.get("status", Pair.Status.ACTIVE)
        if status not in dict(self.STATUSES):
            status = Pair.Status.ACTIVE
        only_inactive = params.get("inactive") == "1"
        programme = params.get("programme", "")
        programme_id = int(programme) if programme.isdigit() else None
        pairs = journal_overview(status=status, programme_id=programme_id, only_inactive=only_inactive)
        page = Paginator(pairs, PAGE_SIZE).get_page(params.get("page"))
        query = params.copy()
        query.pop("page", None)
        return super().get_context_data(
            page=page,
            pairs=page.object_list,
            status=status,
            statuses=self.STATUSES,
            only_inactive=only_inactive,
            programmes=Programme.objects.order_by("-starts_on", "-pk"),
            programme_id=programme_id,
            query_string=query.urlencode(),
            **kwargs,
        )
