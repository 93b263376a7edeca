"""The completion of mentoring (stage 7): the pairs still open, reward nominations, a former mentee
becoming a mentor, and the base of best practices.

Who may do what is described in ``mentoring.views.pairs``.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views import View
from django.views.generic import TemplateView

from core.inflection import agree, gender_of
from core.roles import Capability, has_capability
from mentoring.forms.pairs import (
    BestPracticeForm,
    NominationForm,
)
from mentoring.models import BestPractice, Mentee, Pair, RewardNomination
from mentoring.services.completion import former_mentees, mentor_from_mentee, nominate, remove_nomination, save_practice
from mentoring.views.journal import show_refusal
from mentoring.views.pairs import ProgrammeRequiredMixin, refusal_messages, safe_next


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
                mentor = form.cleaned_data["mentor"]
                messages.success(request, f"{mentor.full_name} {agree('представлен', gender_of(mentor))} к поощрению.")
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
