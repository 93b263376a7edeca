from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.views import View
from django.views.generic import FormView

from core.models import Membership, Organization
from core.models.tenants import tenant_filter
from core.roles import Capability, sorted_by_role
from mentoring.forms.accounts import GrantRoleForm
from mentoring.services.memberships import grant_role, revoke_role


class MemberListView(FormView):
    """Who holds which role here; the form below gives a role to a person by e-mail."""

    template_name = "mentoring/members.html"
    form_class = GrantRoleForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "school": isinstance(self.request.tenant, Organization)}

    def get_context_data(self, **kwargs):
        memberships = sorted_by_role(
            Membership.objects.filter(**tenant_filter(self.request.tenant)).select_related("user", "granted_by")
        )
        return super().get_context_data(memberships=memberships, revoke_url_name=self.revoke_url_name, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            membership = grant_role(
                tenant=self.request.tenant, granted_by=self.request.user, request=self.request, **data
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            f"{membership.user.full_name} получает роль «{membership.get_role_display()}». Письмо отправлено.",
        )
        return redirect(self.request.path)


class MemberRevokeView(View):
    """Take a role away (POST only)."""

    http_method_names = ["post"]

    def post(self, request, pk, **kwargs):
        membership = get_object_or_404(Membership, pk=pk, **tenant_filter(request.tenant))
        try:
            revoke_role(membership=membership, revoked_by=request.user, request=request)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"Роль «{membership.get_role_display()}» снята у {membership.user.full_name}.")
        return redirect(self.list_url_name, **kwargs)


class SchoolMemberListView(MemberListView):
    required_capability = Capability.GRANT_SCHOOL_ROLES
    revoke_url_name = "school_member_revoke"


class SchoolMemberRevokeView(MemberRevokeView):
    required_capability = Capability.GRANT_SCHOOL_ROLES
    list_url_name = "school_members"


class MunicipalMemberListView(MemberListView):
    required_capability = Capability.GRANT_MUNICIPAL_ROLES
    revoke_url_name = "municipal_member_revoke"


class MunicipalMemberRevokeView(MemberRevokeView):
    required_capability = Capability.GRANT_MUNICIPAL_ROLES
    list_url_name = "municipal_members"
