"""The state of each school's roadmap at a glance, for the municipality's inbox, dashboard and summary."""

from ..models import Document

ROADMAP_LABELS = {
    None: "не создана",
    Document.Status.DRAFT: "черновик",
    Document.Status.SENT: "на утверждении у руководителя",
    Document.Status.RETURNED: "возвращена руководителем",
    Document.Status.APPROVED: "утверждена, не отправлена",
    Document.Status.SUBMITTED: "на согласовании",
    Document.Status.REMARKS: "возвращена с замечаниями",
    Document.Status.AGREED: "согласована",
}


def roadmap_states(organization_ids) -> dict[int, Document | None]:
    """The latest roadmap of each school (None when it has none), in one query, inside the current scope."""
    latest: dict[int, Document | None] = dict.fromkeys(organization_ids)
    roadmaps = (
        Document.objects.filter(organization_id__in=list(organization_ids), kind="roadmap")
        .select_related("organization", "programme")
        .order_by("organization_id", "-programme__starts_on", "-updated_at")
    )
    for roadmap in roadmaps:
        if latest.get(roadmap.organization_id) is None:
            latest[roadmap.organization_id] = roadmap
    return latest


def roadmap_statuses(organization_ids) -> dict[int, str]:
    """The Russian status label of each school's current roadmap («не создана», «согласована»…); one query."""
    return {
        pk: ROADMAP_LABELS[roadmap.status if roadmap else None]
        for pk, roadmap in roadmap_states(organization_ids).items()
    }
