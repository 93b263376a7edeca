"""What a person should do now, by role: the tasks a landing lists first («Что сделать сейчас»).

Each task names its items with links; its number links to a list of exactly that length when the portal has
one (otherwise every item is listed in the task itself). Built from the same querysets the lists use, so the
numbers agree with them.
"""

from dataclasses import dataclass, field
from datetime import timedelta
from functools import cached_property

from django.urls import reverse
from django.utils import timezone

from core.roles import Capability, has_capability
from documents.models import Document
from documents.services.status import roadmap_states
from mentoring.services.journal import members_prefetch, own_pairs
from mentoring.services.programme_reading import INACTIVE_DAYS, inactive_pairs, overdue_activities
from monitoring.models import Invitation, Wave
from monitoring.models.questionnaires import Respondent

SHOWN = 5  # items named in a task; the rest are behind its number
LISTED = 10  # quiet pairs (and overdue activities) a dashboard lists; the rest behind their number
WAVE_CLOSING_DAYS = 7  # an open questionnaire wave closing within a week is a task


@dataclass(frozen=True)
class Item:
    title: str
    url: str
    note: str = ""


@dataclass(frozen=True)
class Task:
    label: str
    count: int
    url: str = ""  # a list of exactly ``count`` rows; empty when the items below are the whole list
    items: list[Item] = field(default_factory=list)
    urgent: bool = False


class ProgrammeAttention:
    """What needs attention in a programme today, each read once however many parts of a page show it: the
    overdue activities (all of them: a programme has a handful) and the first quiet pairs with their number."""

    def __init__(self, programme, today=None):
        self.programme = programme
        self.today = today or timezone.localdate()

    @cached_property
    def overdue(self) -> list:
        activities = overdue_activities(self.programme, self.today)
        return list(activities.order_by("due_on", "stage__number", "position", "pk"))

    @cached_property
    def quiet_pairs(self) -> list:
        pairs = inactive_pairs(self.programme, self.today).select_related("mentor").prefetch_related(members_prefetch())
        return list(pairs.order_by("last_meeting", "starts_on", "pk")[:LISTED])

    @cached_property
    def quiet_count(self) -> int:
        return inactive_pairs(self.programme, self.today).count()


def _school_url(school, name, query="", **kwargs):
    path = reverse(name, kwargs={"org": school.slug, **kwargs})
    return f"{path}?{query}" if query else path


def _document_items(documents) -> list[Item]:
    from documents.kinds import kind_of

    items = []
    for document in documents[:SHOWN]:
        kind = kind_of(document.kind)
        title = document.title if kind.subject else kind.name
        items.append(Item(title, document.get_absolute_url(), document.get_status_display()))
    return items


def school_tasks(school, user, roles, attention: ProgrammeAttention | None) -> list[Task]:
    """The tasks of a school's landing for ``user`` with ``roles``; ``attention`` is the current programme's (None
    without a programme)."""
    tasks = []
    today = timezone.localdate()
    programme = attention.programme if attention is not None else None
    if has_capability(roles, Capability.APPROVE_SCHOOL_DOCUMENTS):
        waiting = Document.owned.filter(status=Document.Status.SENT).select_related("organization")
        waiting = waiting.order_by("updated_at", "pk")
        count = waiting.count()
        if count:
            tasks.append(
                Task("Документы ждут вашего утверждения", count, _school_url(school, "document_inbox"),
                     _document_items(waiting), urgent=True)
            )  # fmt: skip
    if has_capability(roles, Capability.DRAFT_SCHOOL_DOCUMENTS):
        # Both statuses in one read: a school has a few dozen documents, a handful of them sent back.
        sent_back = Document.owned.filter(status__in=[Document.Status.RETURNED, Document.Status.REMARKS])
        sent_back = list(sent_back.select_related("organization").order_by("-updated_at", "-pk"))
        for status, label in (
            (Document.Status.RETURNED, "Документы возвращены на доработку"),
            (Document.Status.REMARKS, "Замечания управления образования к документам"),
        ):
            documents = [document for document in sent_back if document.status == status]
            if documents:
                url = _school_url(school, "document_list", query=f"status={status}")
                tasks.append(Task(label, len(documents), url, _document_items(documents), urgent=True))
    if programme is not None and has_capability(roles, Capability.MANAGE_PROGRAMME):
        overdue = attention.overdue
        if overdue:
            items = [
                Item(activity.title, _school_url(school, "stage_detail", pk=activity.stage_id),
                     f"этап {activity.stage.number}, срок {activity.due_on:%d.%m.%Y}")
                for activity in overdue
            ]  # fmt: skip
            tasks.append(Task("Просроченные мероприятия программы", len(overdue), "", items, urgent=True))
    if programme is not None and has_capability(roles, Capability.READ_JOURNALS):
        quiet, count = attention.quiet_pairs, attention.quiet_count
        if count:
            url = _school_url(school, "journal_list", query=f"programme={programme.pk}&inactive=1")
            items = [
                Item(pair.mentor.full_name, _school_url(school, "pair_journal", pk=pair.pk),
                     f"последняя встреча {pair.last_meeting:%d.%m.%Y}" if pair.last_meeting else "встреч не было")
                for pair in quiet[:SHOWN]
            ]  # fmt: skip
            tasks.append(Task(f"Пары без встреч больше {INACTIVE_DAYS} дней", count, url, items))
    if has_capability(roles, Capability.LAUNCH_QUESTIONNAIRES):
        closing = Wave.objects.filter(
            status=Wave.Status.OPEN, closes_on__gte=today, closes_on__lte=today + timedelta(days=WAVE_CLOSING_DAYS)
        ).order_by("closes_on", "pk")
        items = [
            Item(wave.title, _school_url(school, "wave_detail", pk=wave.pk), f"до {wave.closes_on:%d.%m.%Y}")
            for wave in closing
        ]
        if items:
            tasks.append(Task("Анкетирования скоро закрываются", len(items), "", items))
    if has_capability(roles, Capability.KEEP_OWN_JOURNAL) and programme is not None:
        quiet = inactive_pairs(programme, today).filter(pk__in=own_pairs(user).values("pk")).order_by("pk")
        items = [
            Item("Запишите встречу в журнал", _school_url(school, "pair_journal", pk=pair.pk),
                 f"последняя встреча {pair.last_meeting:%d.%m.%Y}" if pair.last_meeting else "встреч ещё не было")
            for pair in quiet
        ]  # fmt: skip
        if items:
            tasks.append(Task(f"Ваши пары без встреч больше {INACTIVE_DAYS} дней", len(items), "", items))
    for capability, respondent, url_name in (
        (Capability.ANSWER_MENTOR_QUESTIONNAIRE, Respondent.MENTOR, "my_questionnaires"),
        (Capability.ANSWER_CURATOR_QUESTIONNAIRE, Respondent.CURATOR, "monitoring_home"),
    ):
        if has_capability(roles, capability):
            unanswered = Invitation.objects.filter(
                user=user, respondent=respondent, wave__status=Wave.Status.OPEN, answered_at__isnull=True
            ).count()
            if unanswered:
                tasks.append(Task("Анкеты ждут вашего ответа", unanswered, "", [
                    Item("Ответить на анкеты", _school_url(school, url_name))
                ]))  # fmt: skip
    return tasks


def municipal_tasks(municipality, roles) -> list[Task]:
    """The tasks of a municipality's landing: roadmaps waiting for agreement first, then own documents waiting
    for approval."""
    from core.models import Organization

    tasks = []
    base = {"muni": municipality.slug}
    if has_capability(roles, Capability.AGREE_ROADMAPS):
        schools = {school.pk: school for school in Organization.objects.filter(municipality=municipality)}
        states = roadmap_states(list(schools))
        waiting = sorted(
            (document for document in states.values() if document and document.status == Document.Status.SUBMITTED),
            key=lambda document: (document.updated_at, document.pk),
        )
        if waiting:
            url = reverse("m_roadmap_inbox", kwargs=base) + f"?status={Document.Status.SUBMITTED}"
            items = [
                Item(schools[document.organization_id].short_name,
                     reverse("m_school_document", kwargs={**base, "pk": document.pk}),
                     f"версия {document.version}")
                for document in waiting[:SHOWN]
            ]  # fmt: skip
            tasks.append(Task("Дорожные карты ждут согласования", len(waiting), url, items, urgent=True))
    if has_capability(roles, Capability.APPROVE_MUNICIPAL_DOCUMENTS):
        sent = Document.owned.filter(status=Document.Status.SENT).select_related("municipality").order_by("updated_at")
        count = sent.count()
        if count:
            tasks.append(
                Task("Документы управления ждут вашего утверждения", count, reverse("m_document_inbox", kwargs=base),
                     _document_items(sent), urgent=True)
            )  # fmt: skip
    return tasks
