"""Erasure after a withdrawn consent (152-ФЗ art. 21 p. 5): the data is destroyed in every copy the portal holds.

For each person whose withdrawn consent reached its erasure date (``mentoring.services.people``), inside the
school's scope and in one transaction:

- documents about the person (agreements, consents, the mentor's consent, a pair's plan and journal, a letter)
  with their frozen versions and PDF files are destroyed;
- approved documents of other kinds that name the person (the order fixing the pairs) are kept, as archival law
  requires, and listed in the erasure record with the reason;
- the school's finished file jobs made while the person was in the base (exports, imports, rendered documents)
  are deleted with their files; jobs whose files hold counts only stay;
- the audit log is pseudonymised: who, when and what kind of change stay; the object's name and the values go
  (entries about the person or a destroyed document), and elsewhere every value or name that holds a trace;
- the journal's free texts about a mentee (every text of their one-to-one pairs, traces in a group's) and the
  mentee's questionnaire answers are cleared; traces are scrubbed from the other free texts of the school;
- the person's row is anonymised (``erase_person``), and an ``Erasure`` record written, which holds no personal
  data.

Files go after the rows: a failure midway leaves the rows as they were and the run is repeated the next day.
"""

from datetime import date

from django.db import transaction
from django.utils import timezone

from core.audit import log_action
from core.jobs.registry import kind_of as job_kind_of
from core.models import AuditEntry, Job, Notification
from core.rendering import UnknownKind, renderer_for
from documents.kinds import kind_of
from documents.models import Document, DocumentVersion, Remark
from mentoring.models import BestPractice, Meeting, Mentee, Pair, PlanItem, RewardNomination
from mentoring.services.people import erase_person, people_due_for_erasure
from monitoring.models import Answer, Swot

from ..models import Erasure
from .holdings import documents_about, documents_naming, pairs_of
from .traces import Traces

REMOVED_VALUE = "удалено"
ARCHIVAL_REASON = (
    "приказ по основной деятельности: хранится постоянно (Федеральный закон от 22.10.2004 № 125-ФЗ «Об архивном "
    "деле в Российской Федерации»; Перечень типовых управленческих архивных документов, утв. приказом Росархива "
    "от 20.12.2019 № 236, ст. 19)"
)
APPROVED_DOCUMENT_REASON = (
    "утверждённый документ школы: хранится вместе с приказом, которым утверждён (Федеральный закон от 22.10.2004 "
    "№ 125-ФЗ «Об архивном деле в Российской Федерации»)"
)

# Free texts of the school where a trace of the person may have been typed.
FREE_TEXTS = (
    (Pair, ("role_model", "goals", "final_notes")),
    (PlanItem, ("title", "goal")),
    (Meeting, ("topic", "what_was_done", "next_steps", "mentee_comment")),
    (BestPractice, ("title", "story", "results")),
    (RewardNomination, ("reason",)),
    (Answer, ("text",)),
    (Swot, ("strengths", "weaknesses", "opportunities", "threats")),
    (Remark, ("text",)),
    (Notification, ("text",)),
)
MEETING_TEXTS = ("what_was_done", "next_steps", "mentee_comment")


def erase_due(tenant, *, as_of: date | None = None, actor=None) -> list[Erasure]:
    """Erase, in the current school's scope, everyone whose erasure date has come by ``as_of`` (today)."""
    return [erase_everywhere(person, tenant=tenant, actor=actor) for person in people_due_for_erasure(as_of)]


def erase_everywhere(person, *, tenant, actor=None, due_on: date | None = None) -> Erasure:
    """Erase ``person`` everywhere; ``due_on`` is the date the erasure was due (else the withdrawn consent's)."""
    files = []
    with transaction.atomic():
        erasure = _erase_rows(person, tenant=tenant, actor=actor, files=files, due_on=due_on)
    for stored in files:
        stored.storage.delete(stored.name)
    return erasure


def _erase_rows(person, *, tenant, actor, files, due_on) -> Erasure:
    traces = Traces.of(person)
    pairs = pairs_of(person)
    personal = documents_about(person, pairs)
    kept = _kept_documents(traces, exclude=[document.pk for document in personal])
    destroyed = {}
    destroyed["документов о человеке (с версиями и файлами)"] = _destroy_documents(personal, files)
    destroyed["файлов заданий (выгрузки, загрузки, сформированные документы)"] = _delete_jobs(person, files)
    destroyed["записей журнала действий"] = _pseudonymise_audit(person, personal, traces)
    destroyed["записей журнала встреч и ответов на анкеты"] = _clear_journal_and_answers(person, pairs)
    destroyed["прочих текстов с упоминанием"] = sum(
        traces.scrub_rows(model.objects.all(), fields) for model, fields in FREE_TEXTS
    ) + _scrub_drafts(traces, kept_ids=[item["document"] for item in kept])
    withdrawn = person.consents.filter(erasure_due__isnull=False).order_by("erasure_due").first()
    due = due_on or (withdrawn.erasure_due if withdrawn else timezone.localdate())
    erase_person(person, tenant=tenant)
    erasure = Erasure.objects.create(
        organization=tenant,
        subject_type=Erasure.Subject.MENTEE if isinstance(person, Mentee) else Erasure.Subject.MENTOR,
        subject_id=person.pk,
        due_on=due,
        actor=actor,
        destroyed=destroyed,
        kept=[{key: traces.scrub(value) for key, value in item.items() if key != "document"} for item in kept],
    )
    log_action(
        "privacy.erasure_done",
        actor=actor,
        tenant=tenant,
        obj=erasure,
        changes={what: [None, str(count)] for what, count in destroyed.items()}
        | {"сохранено документов": [None, str(len(kept))]},
    )
    return erasure


def _kept_documents(traces: Traces, *, exclude) -> list[dict]:
    """Approved documents of other kinds that name the person: kept under archival law, with the reason."""
    return [
        {
            "document": document.pk,
            "kind": kind_of(document.kind).name,
            "title": document.title,
            "number": document.number,
            "dated": document.dated.strftime("%d.%m.%Y") if document.dated else "",
            "reason": ARCHIVAL_REASON if kind_of(document.kind).is_order else APPROVED_DOCUMENT_REASON,
        }
        for document in documents_naming(traces, exclude=exclude)
    ]


def _destroy_documents(documents, files) -> int:
    for version in DocumentVersion.objects.filter(document__in=documents):
        files += [stored for stored in (version.pdf, version.agreed_pdf) if stored]
    Document.objects.filter(pk__in=[document.pk for document in documents]).delete()
    return len(documents)


def _names_people(kind: str) -> bool:
    try:
        return renderer_for(kind).names_people
    except UnknownKind:
        return getattr(job_kind_of(kind), "names_people", True)


def _delete_jobs(person, files) -> int:
    """The school's finished jobs made while the person was in the base, whose files may name people."""
    jobs = Job.objects.filter(status__in=(Job.Status.READY, Job.Status.FAILED), created_at__gte=person.created_at).only(
        "pk", "kind", "input_file", "output_file"
    )
    doomed = [job for job in jobs if _names_people(job.kind)]
    for job in doomed:
        files += [stored for stored in (job.input_file, job.output_file) if stored]
    Job.objects.filter(pk__in=[job.pk for job in doomed]).delete()
    return len(doomed)


def _masked(changes: dict) -> dict:
    """What kind of change stays (the fields, whether a value was there), the values go."""
    return {
        field: [None if value in (None, "") else REMOVED_VALUE for value in pair] for field, pair in changes.items()
    }


def _pseudonymise_audit(person, documents, traces: Traces) -> int:
    """Entries about the person or a destroyed document: a pseudonym for the object, the values masked; every
    other entry of the school holding a trace: its name scrubbed, a value holding one replaced."""
    pseudonym = f"{person._meta.verbose_name.capitalize()} № {person.pk}"
    about = [(person._meta.label_lower, [str(person.pk)], pseudonym)]
    about += [("documents.document", [str(document.pk)], f"Документ № {document.pk}") for document in documents]
    changed = 0
    for object_type, ids, name in about:
        for entry in AuditEntry.objects.filter(object_type=object_type, object_id__in=ids):
            AuditEntry.objects.filter(pk=entry.pk).update(object_repr=name, changes=_masked(entry.changes))
            changed += 1
    for entry in traces.rows_holding(AuditEntry.objects.all(), ("object_repr", "changes")):
        AuditEntry.objects.filter(pk=entry.pk).update(
            object_repr=traces.scrub(entry.object_repr), changes=traces.scrub(entry.changes, whole=True)
        )
        changed += 1
    return changed


def _clear_journal_and_answers(person, pairs) -> int:
    """A mentee's questionnaire answers, and every free text of the meetings of their one-to-one pairs."""
    if not isinstance(person, Mentee):
        return Answer.objects.filter(response__invitation__mentor=person).exclude(text="").update(text="")
    own_pairs = [pair.pk for pair in pairs if pair.members.count() == 1]
    cleared = Meeting.objects.filter(pair__in=own_pairs).update(**dict.fromkeys(MEETING_TEXTS, ""))
    Pair.objects.filter(pk__in=own_pairs).update(goals="", final_notes="")
    return cleared + Answer.objects.filter(response__invitation__mentee=person).exclude(text="").update(text="")


def _scrub_drafts(traces: Traces, *, kept_ids) -> int:
    """The title and the school's own words of every other document (a draft follows the anonymised data)."""
    return traces.scrub_rows(Document.objects.exclude(pk__in=kept_ids), ("title", "blocks"))
