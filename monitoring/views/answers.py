"""Answering a questionnaire: a mentor or the curator in the portal, a mentee or a parent through a personal link.

The link's page (``/q/<token>/``) is public: it has no tenant in its URL, so it enters the scope of the school
named by the token itself, narrowly, around its own work. A link used twice, expired or altered gives a page
that says so (410 or 404), and nothing is stored.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views.generic import TemplateView, View

from core.models import Organization
from core.roles import Capability
from core.tenancy import tenant_scope
from monitoring.forms import AnswerForm
from monitoring.models import Invitation
from monitoring.models.questionnaires import Respondent
from monitoring.services import links
from monitoring.services import questionnaires as qs


class MyQuestionnairesView(TemplateView):
    """The mentor's questionnaires of the open waves: to answer, and answered."""

    required_capability = Capability.ANSWER_MENTOR_QUESTIONNAIRE
    template_name = "monitoring/my_questionnaires.html"

    def get_context_data(self, **kwargs):
        invitations = list(qs.open_invitations_of(self.request.user).filter(respondent=Respondent.MENTOR))
        return super().get_context_data(invitations=invitations, answer_url="my_questionnaire_answer", **kwargs)


class AnswerInPortalView(TemplateView):
    """Answer one's own invitation (another person's invitation is a 404)."""

    template_name = "monitoring/answer.html"
    respondent = Respondent.MENTOR
    done_url = "my_questionnaires"

    def dispatch(self, request, *args, **kwargs):
        self.invitation = get_object_or_404(
            qs.open_invitations_of(request.user).filter(respondent=self.respondent), pk=kwargs["pk"]
        )
        self.questions = qs.questions_of(self.invitation.questionnaire)
        return super().dispatch(request, *args, **kwargs)

    def done(self):
        return redirect(reverse(self.done_url, kwargs={"org": self.request.tenant.slug}))

    def get(self, request, *args, **kwargs):
        if reason := qs.refusal(self.invitation):
            messages.info(request, reason)
            return self.done()
        return self.render_to_response(self.get_context_data(form=AnswerForm(questions=self.questions)))

    def post(self, request, *args, **kwargs):
        form = AnswerForm(request.POST, questions=self.questions)
        if form.is_valid():
            try:
                qs.submit(self.invitation, form.cleaned_data)
            except qs.LinkGone as gone:
                messages.info(request, str(gone))
            else:
                messages.success(request, "Спасибо! Ответы сохранены.")
            return self.done()
        messages.error(request, "Ответы не сохранены: исправьте отмеченные вопросы.")
        return self.render_to_response(self.get_context_data(form=form))

    def get_context_data(self, **kwargs):
        return super().get_context_data(invitation=self.invitation, **kwargs)


class MentorAnswerView(AnswerInPortalView):
    required_capability = Capability.ANSWER_MENTOR_QUESTIONNAIRE


class CuratorAnswerView(AnswerInPortalView):
    required_capability = Capability.ANSWER_CURATOR_QUESTIONNAIRE
    respondent = Respondent.CURATOR
    done_url = "monitoring_home"


NOT_FOUND = "Ссылка недействительна. Проверьте, что она скопирована полностью, или попросите новую у куратора."


@method_decorator(login_not_required, name="dispatch")
class LinkAnswerView(View):
    """A questionnaire answered through a personal link, without an account."""

    template_name = "monitoring/public/answer.html"

    def gone(self, request, message, status):
        return render(request, "monitoring/public/gone.html", {"message": message}, status=status)

    def dispatch(self, request, *args, **kwargs):
        token = kwargs["token"]
        organization_id = links.organization_of(token)
        school = Organization.objects.filter(pk=organization_id).first() if organization_id else None
        if school is None:
            return self.gone(request, NOT_FOUND, 404)
        with tenant_scope(school):
            invitation = (
                Invitation.objects.filter(token_digest=links.digest(token), user__isnull=True)
                .select_related("wave", "questionnaire")
                .first()
            )
            if invitation is None:
                return self.gone(request, NOT_FOUND, 404)
            if reason := qs.refusal(invitation):
                return self.gone(request, reason, 410)
            self.school, self.invitation = school, invitation
            self.questions = qs.questions_of(invitation.questionnaire)
            return super().dispatch(request, *args, **kwargs)

    def page(self, request, form, status=200):
        context = {"form": form, "invitation": self.invitation, "school": self.school}
        return render(request, self.template_name, context, status=status)

    def get(self, request, *args, **kwargs):
        return self.page(request, AnswerForm(questions=self.questions))

    def post(self, request, *args, **kwargs):
        form = AnswerForm(request.POST, questions=self.questions)
        if not form.is_valid():
            return self.page(request, form, status=400)
        try:
            qs.submit(self.invitation, form.cleaned_data)
        except qs.LinkGone as gone:
            return self.gone(request, str(gone), 410)
        return render(request, "monitoring/public/thanks.html", {"school": self.school})
