"""What the school holds about one person beyond their card: their pairs and the documents about them."""

from documents.kinds import all_kinds
from documents.models import Document, DocumentVersion
from mentoring.models import Mentee, Pair, RewardNomination


def pairs_of(person) -> list[Pair]:
    if isinstance(person, Mentee):
        return list(Pair.objects.filter(members__mentee=person).distinct())
    return list(Pair.objects.filter(mentor=person))


def documents_about(person, pairs) -> list[Document]:
    """The school's documents about the person or their pairs (and, for a mentor, their nominations)."""
    subjects = {
        "pair": [pair.pk for pair in pairs],
        "mentee": [person.pk] if isinstance(person, Mentee) else [],
        "mentor": [] if isinstance(person, Mentee) else [person.pk],
        "nomination": []
        if isinstance(person, Mentee)
        else list(RewardNomination.objects.filter(mentor=person).values_list("pk", flat=True)),
    }
    documents = []
    for kind in all_kinds("school"):
        if kind.subject and subjects.get(kind.subject):
            documents += Document.objects.filter(kind=kind.code, subject_id__in=subjects[kind.subject])
    return documents


def documents_naming(traces, *, exclude=()) -> list[Document]:
    """Approved documents of the kinds not about one person (orders) whose frozen text names the person."""
    kinds = [kind.code for kind in all_kinds("school") if not kind.subject]
    versions = DocumentVersion.objects.filter(document__kind__in=kinds).exclude(document__in=list(exclude))
    naming = {version.document_id for version in traces.rows_holding(versions, ("content", "agreed_content"))}
    return list(Document.objects.filter(pk__in=naming).order_by("dated", "pk"))
