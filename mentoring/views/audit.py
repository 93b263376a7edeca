from django.views.generic import ListView

from mentoring.models import AuditEntry
from mentoring.roles import Capability


class AuditLogView(ListView):
    """The school's history of actions: who did what, when, and what changed."""

    required_capability = Capability.VIEW_AUDIT
    template_name = "mentoring/audit_log.html"
    context_object_name = "entries"
    paginate_by = 50

    def get_queryset(self):
        return AuditEntry.objects.select_related("actor").order_by("-created_at", "-id")
