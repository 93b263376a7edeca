from django.http import QueryDict
from django.views.generic import ListView

from core.audit import action_labels
from core.models import AuditEntry
from core.roles import Capability
from mentoring.models import Mentee, Mentor

PERSON_KINDS = {"mentee": Mentee, "mentor": Mentor}


class AuditLogView(ListView):
    """The school's history of actions: who did what, when, and what changed; filtered by the action and by the
    person it concerns (the access log of one person's data). The person is named by its id, never its name."""

    required_capability = Capability.VIEW_AUDIT
    template_name = "mentoring/audit_log.html"
    context_object_name = "entries"
    paginate_by = 50

    def selected_person(self) -> tuple[str, str] | None:
        kind, _, pk = self.request.GET.get("person", "").partition("-")
        return (kind, pk) if kind in PERSON_KINDS and pk.isdigit() else None

    def get_queryset(self):
        entries = AuditEntry.objects.select_related("actor").order_by("-created_at", "-id")
        if (action := self.request.GET.get("action")) in action_labels():
            entries = entries.filter(action=action)
        if person := self.selected_person():
            kind, pk = person
            entries = entries.filter(object_type=PERSON_KINDS[kind]._meta.label_lower, object_id=pk)
        return entries

    def get_context_data(self, **kwargs):
        action = self.request.GET.get("action", "")
        labels = action_labels()
        person = self.selected_person()
        query = QueryDict(mutable=True)
        if action in labels:
            query["action"] = action
        if person:
            query["person"] = "-".join(person)
        return super().get_context_data(
            actions=labels.items(),
            selected_action=action,
            people=[
                (label, [(f"{kind}-{pk}", name) for pk, name in self.names(PERSON_KINDS[kind])])
                for kind, label in (("mentee", "Наставляемые"), ("mentor", "Наставники"))
            ],
            selected_person="-".join(person) if person else "",
            query_string=query.urlencode(),
            **kwargs,
        )

    @staticmethod
    def names(model):
        people = model.objects.order_by("last_name", "first_name", "patronymic", "pk")
        return [(person.pk, person.full_name) for person in people.only("last_name", "first_name", "patronymic")]
