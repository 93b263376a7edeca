"""The municipal bank of mentors: the school's listed mentors, the search in the other schools' listings, the
requests sent and received, the decisions, and the mentor's pairs in other schools with their journal.

Every page reads or writes another school only through ``services.bank_crossing``; the objects named by a URL
(a listing of another school, a request, an external pair) are found there, inside the bank's limits, or 404.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import TemplateView, View

from core.inflection import agree, gender_of
from core.roles import Capability, has_capability
from mentoring.forms.bank import BankEntryForm, BankRequestForm, BankSearchForm, DecisionForm, ExternalMeetingForm
from mentoring.models import BankEntry
from mentoring.services import bank, bank_crossing
from mentoring.services.programmes import current_programme
from mentoring.views.journal import show_refusal


class BankEntriesView(TemplateView):
    """The school's mentors in the bank, with their external pairs (school and state only), and listing one."""

    required_capability = Capability.MANAGE_BANK_ENTRIES
    template_name = "mentoring/bank/entries.html"

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=BankEntryForm(mentors=bank.listable_mentors())))

    def post(self, request, *args, **kwargs):
        form = BankEntryForm(request.POST, mentors=bank.listable_mentors())
        if form.is_valid():
            try:
                entry = bank.list_mentor(
                    actor=request.user, tenant=request.tenant, request=request, **form.cleaned_data
                )
            except ValidationError as error:
                show_refusal(form, error)
            else:
                messages.success(request, f"{entry.mentor.full_name} — в банке наставников муниципалитета.")
                return redirect("bank_entries", org=request.tenant.slug)
        messages.error(request, "Наставник не внесён в банк: исправьте отмеченные поля.")
        return self.render_to_response(self.get_context_data(form=form))

    def get_context_data(self, **kwargs):
        entries = BankEntry.objects.select_related("mentor").order_by("status", "mentor__last_name", "pk")
        load = bank_crossing.listing_load(self.request.tenant)
        rows = [(entry, load.get(entry.pk, [])) for entry in entries]
        return super().get_context_data(rows=rows, **kwargs)


class BankEntryLeaveView(View):
    required_capability = Capability.MANAGE_BANK_ENTRIES
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        entry = get_object_or_404(BankEntry.objects.select_related("mentor"), pk=kwargs["pk"])
        try:
            bank.leave_bank(entry, actor=request.user, tenant=request.tenant, request=request)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            left = agree("вышел", gender_of(entry.mentor))
            messages.success(request, f"{entry.mentor.full_name} {left} из банка наставников.")
        return redirect("bank_entries", org=request.tenant.slug)


class BankSearchView(TemplateView):
    """The listed mentors of the other schools of the municipality, by subject and competency."""

    required_capability = Capability.REQUEST_BANK_MENTORS
    template_name = "mentoring/bank/search.html"

    def get_context_data(self, **kwargs):
        form = BankSearchForm(self.request.GET)
        criteria = form.cleaned_data if form.is_valid() else {}
        offers = bank_crossing.offers(self.request.tenant, **criteria)
        return super().get_context_data(form=form, offers=offers, **kwargs)


class BankRequestCreateView(TemplateView):
    """A request to a listed mentor of another school of the municipality for one of the school's teachers."""

    required_capability = Capability.REQUEST_BANK_MENTORS
    template_name = "mentoring/bank/request_form.html"

    def get(self, request, *args, **kwargs):
        offer = bank_crossing.offer(request.tenant, kwargs["pk"])
        return self.render_to_response(self.get_context_data(offer=offer, form=BankRequestForm()))

    def post(self, request, *args, **kwargs):
        offer = bank_crossing.offer(request.tenant, kwargs["pk"])
        form = BankRequestForm(request.POST)
        if form.is_valid():
            try:
                bank_crossing.send_request(
                    request.tenant, entry_id=offer.id, programme=current_programme(), actor=request.user,
                    request=request, **form.cleaned_data,
                )  # fmt: skip
            except ValidationError as error:
                show_refusal(form, error)
            else:
                messages.success(request, f"Запрос отправлен: {offer.mentor_name}, {offer.school}.")
                return redirect("bank_sent", org=request.tenant.slug)
        messages.error(request, "Запрос не отправлен: исправьте отмеченные поля.")
        return self.render_to_response(self.get_context_data(offer=offer, form=form))


class BankSentView(TemplateView):
    """The school's requests: to whom, for whom, their state, and a refusal's reason."""

    required_capability = Capability.REQUEST_BANK_MENTORS
    template_name = "mentoring/bank/sent.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(requests=bank_crossing.outgoing(self.request.tenant), **kwargs)


class BankIncomingView(TemplateView):
    """Requests to the school's listed mentors: every one for the director, their own for a mentor."""

    required_capability = (Capability.APPROVE_BANK_REQUESTS, Capability.ANSWER_BANK_REQUESTS)
    template_name = "mentoring/bank/incoming.html"

    def get_context_data(self, **kwargs):
        request = self.request
        directs = has_capability(request.roles, Capability.APPROVE_BANK_REQUESTS)
        requests = bank_crossing.incoming(request.tenant, user=request.user, only_own=not directs)
        return super().get_context_data(
            requests=requests,
            can_approve=directs,
            can_answer=has_capability(request.roles, Capability.ANSWER_BANK_REQUESTS),
            **kwargs,
        )


class DecisionView(View):
    """An answer to a request (POST only): accept, or decline with a reason shown to the requesting curator."""

    http_method_names = ["post"]
    decide = None

    def post(self, request, *args, **kwargs):
        form = DecisionForm(request.POST)
        if not form.is_valid():
            messages.error(request, "Решение не принято: выберите «принять» или «отклонить».")
            return redirect("bank_incoming", org=request.tenant.slug)
        accept = form.cleaned_data["decision"] == "accept"
        try:
            self.decide(
                request.tenant, request_id=kwargs["pk"], user=request.user, accept=accept,
                reason=form.cleaned_data["reason"], request=request,
            )  # fmt: skip
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, "Запрос принят." if accept else "Запрос отклонён, причина отправлена куратору.")
        return redirect("bank_incoming", org=request.tenant.slug)


class MentorDecisionView(DecisionView):
    required_capability = Capability.ANSWER_BANK_REQUESTS
    decide = staticmethod(bank_crossing.decide_as_mentor)


class DirectorDecisionView(DecisionView):
    required_capability = Capability.APPROVE_BANK_REQUESTS
    decide = staticmethod(bank_crossing.decide_as_director)


class BankPairsView(TemplateView):
    """The mentor's pairs in other schools, formed from their listing, kept from their own school."""

    required_capability = Capability.KEEP_OWN_JOURNAL
    template_name = "mentoring/bank/pairs.html"

    def get_context_data(self, **kwargs):
        pairs = bank_crossing.external_pairs(self.request.tenant, self.request.user)
        return super().get_context_data(pairs=pairs, **kwargs)


class BankPairJournalView(TemplateView):
    """An external pair's journal: its meetings; the mentor records a new one."""

    required_capability = Capability.KEEP_OWN_JOURNAL
    template_name = "mentoring/bank/pair_journal.html"

    def get_context_data(self, **kwargs):
        pair = bank_crossing.external_pair(self.request.tenant, self.request.user, self.kwargs["pk"])
        return super().get_context_data(pair=pair, **kwargs)


class BankMeetingCreateView(TemplateView):
    """Record a meeting of an external pair (saved in the mentee's school, by the journal's rules)."""

    required_capability = Capability.KEEP_OWN_JOURNAL
    template_name = "mentoring/bank/meeting_form.html"

    def get(self, request, *args, **kwargs):
        pair = bank_crossing.external_pair(request.tenant, request.user, kwargs["pk"])
        return self.render_to_response(self.get_context_data(pair=pair, form=ExternalMeetingForm(mentees=pair.mentees)))

    def post(self, request, *args, **kwargs):
        pair = bank_crossing.external_pair(request.tenant, request.user, kwargs["pk"])
        form = ExternalMeetingForm(request.POST, mentees=pair.mentees)
        if form.is_valid():
            fields = dict(form.cleaned_data)
            present_ids = fields.pop("present")
            try:
                meeting = bank_crossing.record_meeting(
                    request.tenant, request.user, pair.id, present_ids=present_ids, request=request, **fields
                )
            except ValidationError as error:
                show_refusal(form, error)
            else:
                messages.success(request, f"Встреча {meeting.held_on:%d.%m.%Y} записана в журнал пары.")
                return redirect("bank_pair_journal", org=request.tenant.slug, pk=pair.id)
        messages.error(request, "Встреча не записана: исправьте отмеченные поля.")
        return self.render_to_response(self.get_context_data(pair=pair, form=form))
