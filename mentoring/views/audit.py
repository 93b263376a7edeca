from django.views.generic import ListView

from core.audit import action_labels
from core.models import AuditEntry
from core.roles import Capability


class AuditLogView(ListView):
    """The school's history of actions: who did what, when, and what changed."""

    required_capability = Capability.VIEW_AUDIT
    template_name = "mentoring/audit_log.html"
    context_object_name = "entries"
    paginate_by = 50

    def get_queryset(self):
        entries = AuditEntry.objects.select_related("actor").order_by("-created_at", "-id")
        if (action := self.request.GET.get("action")) in action_labels():
            entries = entries.filter(action=action)
        return entries

    def get_context_data(self, **kwargs):
        action = self.request.GET.get("action", "")
        labels = action_labels()
        return super().get_context_data(
            actions=labels.items(),
            selected_action=action,
            query_string=f"action={action}" if action in labels else "",
            **kwargs,
        )
