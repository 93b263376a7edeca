"""The questionnaire of professional difficulties (the school edits its copy), a teacher-mentee's
self-assessment (recorded by the curator) and the profile with the change between entry and exit.

Who (docs/roles.md): the director and the curator edit the questionnaire and record self-assessments; the
director, the curator and the methodist read every profile (card data), a mentor the profiles of the mentees
in their own pairs."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import TemplateView

from core.roles import Capability, has_capability
from mentoring.models import Mentee
from mentoring.views.journal import show_refusal
from teacher_growth.forms import DifficultyItemForm, SelfAssessmentForm
from teacher_growth.models import DifficultyItem, EducationalRoute, PersonalProgramme, SelfAssessment
from teacher_growth.services import difficulties


class DifficultyQuestionnaireView(TemplateView):
    """The school's questionnaire: its statements by area; add one, switch one off or back on."""

    required_capability = Capability.MANAGE_PROGRAMME
    template_name = "teacher_growth/questionnaire.html"

    def get_context_data(self, **kwargs):
        difficulties.ensure_questionnaire(self.request.tenant)
        items = DifficultyItem.objects.order_by("area", "position", "pk")
        return super().get_context_data(items=items, form=kwargs.pop("form", None) or DifficultyItemForm(), **kwargs)

    def post(self, request, *args, **kwargs):
        toggle = request.POST.get("toggle", "")
        if toggle.isdigit():
            item = get_object_or_404(DifficultyItem, pk=int(toggle))
            difficulties.set_item_active(
                item, not item.active, actor=request.user, tenant=request.tenant, request=request
            )
            messages.success(request, f"«{item.text}»: {'в анкете' if item.active else 'убрано из анкеты'}.")
            return redirect("difficulty_questionnaire", org=request.tenant.slug)
        form = DifficultyItemForm(request.POST)
        if form.is_valid():
            try:
                item = difficulties.add_item(
                    tenant=request.tenant, actor=request.user, request=request, **form.cleaned_data
                )
            except ValidationError as error:
                show_refusal(form, error)
            else:
                messages.success(request, f"В анкету добавлено: «{item.text}».")
                return redirect("difficulty_questionnaire", org=request.tenant.slug)
        return self.render_to_response(self.get_context_data(form=form))


def readable_mentee(request, pk) -> Mentee:
    """A mentee whose profile the user reads: any for those who read cards, else (a mentor) one of their own
    pairs' mentees; anybody else's is 404."""
    mentees = Mentee.objects.all()
    if not has_capability(request.roles, Capability.READ_PERSON_CARDS):
        mentees = mentees.filter(pair_memberships__pair__mentor__user=request.user).distinct()
    return get_object_or_404(mentees, pk=pk)


class MenteeDifficultiesView(TemplateView):
    """A teacher-mentee's difficulties: entry and exit scores by area and statement, and the change."""

    required_capability = (Capability.READ_PERSON_CARDS, Capability.KEEP_OWN_JOURNAL)
    template_name = "teacher_growth/profile.html"

    def get_context_data(self, **kwargs):
        mentee = readable_mentee(self.request, self.kwargs["pk"])
        roles = self.request.roles
        return super().get_context_data(
            mentee=mentee,
            profile=difficulties.profile(mentee),
            not_a_teacher=difficulties.not_a_teacher_error(mentee),
            can_record=has_capability(roles, Capability.EDIT_BASES),
            programmes=PersonalProgramme.objects.filter(mentee=mentee).select_related("pair__mentor"),
            route=EducationalRoute.objects.filter(mentee=mentee).prefetch_related("steps").first(),
            **kwargs,
        )


class SelfAssessmentView(TemplateView):
    """Record a teacher-mentee's entry or exit self-assessment (the curator, from the teacher's paper form or
    together with them)."""

    required_capability = Capability.EDIT_BASES
    template_name = "teacher_growth/self_assessment.html"

    def dispatch(self, request, *args, **kwargs):
        self.mentee = get_object_or_404(Mentee, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            mentee=self.mentee, not_a_teacher=difficulties.not_a_teacher_error(self.mentee), **kwargs
        )

    def get(self, request, *args, **kwargs):
        items = difficulties.ensure_questionnaire(request.tenant)
        stage = request.GET.get("stage")
        initial = {"stage": stage if stage in SelfAssessment.Stage.values else SelfAssessment.Stage.ENTRY}
        return self.render_to_response(self.get_context_data(form=SelfAssessmentForm(items=items, initial=initial)))

    def post(self, request, *args, **kwargs):
        items = difficulties.ensure_questionnaire(request.tenant)
        form = SelfAssessmentForm(request.POST, items=items)
        if form.is_valid():
            try:
                assessment = difficulties.record_self_assessment(
                    mentee=self.mentee, stage=form.cleaned_data["stage"], taken_on=form.cleaned_data["taken_on"],
                    scores=form.scores(), actor=request.user, tenant=request.tenant, request=request,
                )  # fmt: skip
            except ValidationError as error:
                show_refusal(form, error)
            else:
                messages.success(request, f"Записана {assessment.get_stage_display()} самооценка затруднений.")
                return redirect("mentee_difficulties", org=request.tenant.slug, pk=self.mentee.pk)
        messages.error(request, "Самооценка не записана: исправьте отмеченное.")
        return self.render_to_response(self.get_context_data(form=form))
