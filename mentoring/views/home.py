from django.shortcuts import redirect
from django.views.generic import TemplateView

from mentoring.models import Membership, Organization
from mentoring.roles import Capability, Role, sorted_by_role
from mentoring.tenancy import tenant_memberships


class HomeView(TemplateView):
    """The organisation chooser: straight to the only tenant, or a list when there are several."""

    template_name = "mentoring/choose_tenant.html"

    def get(self, request, *args, **kwargs):
        grouped = tenant_memberships(request.user)
        if len(grouped) == 1:
            return redirect(next(iter(grouped)).get_absolute_url())
        if not grouped and request.user.is_staff:
            return redirect("admin:index")
        return self.render_to_response({"tenants": grouped})


class SchoolHomeView(TemplateView):
    """The start page of a school: what each role works with."""

    required_capability = Capability.VIEW_SCHOOL_HOME
    template_name = "mentoring/school_home.html"

    def get_context_data(self, **kwargs):
        school = self.request.tenant
        roles = self.request.roles
        staff = sorted_by_role(
            Membership.objects.filter(organization=school).exclude(role=Role.MENTOR).select_related("user")
        )
        return super().get_context_data(
            school=school,
            is_mentor_only=roles == {Role.MENTOR},
            staff=staff,
            mentor_accounts=Membership.objects.filter(organization=school, role=Role.MENTOR).count(),
            **kwargs,
        )


class MunicipalityHomeView(TemplateView):
    """The start page of a municipal education department: the list of its schools."""

    required_capability = Capability.VIEW_MUNICIPAL_HOME
    template_name = "mentoring/municipality_home.html"

    def get_context_data(self, **kwargs):
        municipality = self.request.tenant
        schools = Organization.objects.filter(municipality=municipality).order_by("short_name")
        query = self.request.GET.get("q", "").strip()
        if query:
            schools = schools.filter(short_name__icontains=query) | schools.filter(name__icontains=query)
        return super().get_context_data(municipality=municipality, schools=schools, query=query, **kwargs)
