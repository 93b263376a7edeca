from django.views.generic import ListView

from mentoring.models import AuditEntry
from mentoring.models.audit import ACTION_LABELS
from mentoring.roles import Capability


class AuditLogView(ListView):
    """The school's history of actions: who did what, when, and what changed."""

    required_capability = Capability.VIEW_AUDIT
    template_name = "mentoring/audit_log.html"
    context_object_name = "entries"
    paginate_by = 50

    def get_queryset(self):
        entries = AuditEntry.objects.select_related("actor").order_by("-created_at", "-id")
        if (action := self.request.GET.get("action")) in ACTION_LABELS:
            entries = entries.filter(action=action)
        return entries

    def get_context_data(self, **kwargs):
        action = self.request.GET.get("action", "")
        return super().get_context_data(
            actions=ACTION_LABELS.items(),
            selected_action=action,
            query_string=f"action={action}" if action in ACTION_LABELS else "",
            **kwargs,
        )
