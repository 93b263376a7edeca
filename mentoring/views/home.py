from django.shortcuts import redirect
from django.views.generic import TemplateView

from core.models import Membership, Organization
from core.roles import Capability, Role, has_capability, sorted_by_role
from core.tenancy import tenant_memberships
from documents.services.status import roadmap_statuses
from mentoring.services.journal import active_first, own_pairs, with_journal_facts
from mentoring.services.next_steps import ProgrammeAttention, municipal_tasks, school_tasks
from mentoring.services.programmes import current_programme
from mentoring.views.dashboard import dashboard_context


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
    """The start page of a school, by role: the programme's dashboard for the director and the curator (a
    read-only summary of it for the methodist and the observer), the own pairs for a mentor."""

    required_capability = Capability.VIEW_SCHOOL_HOME
    template_name = "mentoring/school_home.html"

    def get_context_data(self, **kwargs):
        request = self.request
        school, roles = request.tenant, request.roles
        context = {"school": school, "is_mentor_only": roles == {Role.MENTOR}}
        if not context["is_mentor_only"]:
            context["staff"] = sorted_by_role(
                Membership.objects.filter(organization=school).exclude(role=Role.MENTOR).select_related("user")
            )
            context["mentor_accounts"] = Membership.objects.filter(organization=school, role=Role.MENTOR).count()
        # The dashboard is the programme's aggregates: the roles that read school aggregates see it.
        programme = current_programme()
        attention = ProgrammeAttention(programme) if programme is not None else None
        context["shows_dashboard"] = has_capability(roles, Capability.SCHOOL_AGGREGATE_REPORTS)
        if context["shows_dashboard"]:
            context.update(dashboard_context(request, attention))
        context["tasks"] = school_tasks(school, request.user, roles, attention)
        if has_capability(roles, Capability.KEEP_OWN_JOURNAL):
            context["own_pairs"] = active_first(with_journal_facts(own_pairs(request.user)))
        return super().get_context_data(**context, **kwargs)


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
        schools = list(schools)
        labels = roadmap_statuses([school.pk for school in schools])
        for school in schools:
            school.roadmap_label = labels[school.pk]
        return super().get_context_data(
            municipality=municipality,
            schools=schools,
            query=query,
            tasks=municipal_tasks(municipality, self.request.roles),
            **kwargs,
        )
