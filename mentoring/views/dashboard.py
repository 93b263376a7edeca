"""The curator's home page (the school home of the director and the curator, and a read-only summary for the
methodist and the observer): the programme's stage progress, its numbers each linking to the list behind it,
overdue activities and pairs without meetings. Built in a fixed number of queries."""

from dataclasses import dataclass

from django.urls import reverse

from core.models import Organization
from core.roles import Capability, has_capability
from mentoring.models import Programme
from mentoring.services.dashboard import INACTIVE_LABEL, Figure, programme_figures
from mentoring.services.next_steps import LISTED, ProgrammeAttention
from mentoring.services.programme_reading import programme_progress
from mentoring.services.stage_state import completed_count


def school_url(school: Organization, url_name: str, *, kwargs=None, query: str = "") -> str:
    """The URL of a school page by name, with an optional query string."""
    path = reverse(url_name, kwargs={"org": school.slug, **(kwargs or {})})
    return f"{path}?{query}" if query else path


def stage_url(school: Organization, stage_pk: int) -> str:
    return school_url(school, "stage_detail", kwargs={"pk": stage_pk})


@dataclass(frozen=True)
class LinkedFigure:
    figure: Figure
    url: str  # empty when the user may not open the list

    @property
    def label(self):
        return self.figure.label

    @property
    def count(self):
        return self.figure.count


def linked_figures(school, figures: list[Figure], roles) -> list[tuple[str, list[LinkedFigure]]]:
    """The figures grouped for display, each with its link when the user may open the list behind it."""
    groups: dict[str, list[LinkedFigure]] = {}
    for figure in figures:
        url = ""
        if has_capability(roles, figure.capability):
            url = school_url(school, figure.url_name, kwargs=figure.kwargs, query=figure.query)
        groups.setdefault(figure.group, []).append(LinkedFigure(figure, url))
    return list(groups.items())


def dashboard_context(request, attention: ProgrammeAttention | None) -> dict:
    """What the school home shows to the director, the curator, the methodist and the observer; ``attention`` is
    the current programme's (None without a programme)."""
    school, roles = request.tenant, request.roles
    if attention is None:
        return {
            "programme": None,
            "programme_create_url": school_url(school, "programme_create"),
        }
    programme: Programme = attention.programme
    progress = programme_progress(programme)
    stages = [(item, stage_url(school, item.stage.pk)) for item in progress]
    context = {
        "programme": programme,
        "programme_url": school_url(school, "programme_detail", kwargs={"pk": programme.pk}),
        "stages": stages,
        "stages_completed": completed_count(progress),
    }
    figures = programme_figures(programme)
    context["figure_groups"] = linked_figures(school, figures, roles)
    if has_capability(roles, Capability.MANAGE_PROGRAMME):
        overdue = attention.overdue
        context["overdue"] = [(activity, stage_url(school, activity.stage_id)) for activity in overdue[:LISTED]]
        context["overdue_count"] = len(overdue)
    if has_capability(roles, Capability.READ_JOURNALS):
        context["inactive"] = attention.quiet_pairs[:LISTED]
        context["inactive_count"] = next(figure.count for figure in figures if figure.label == INACTIVE_LABEL)
        context["inactive_url"] = school_url(school, "journal_list", query=f"programme={programme.pk}&inactive=1")
    return context
