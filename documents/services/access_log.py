"""Reading a document about a minor (its page, its PDF or DOCX, a frozen version) goes into the 152-ФЗ access
log (``mentoring.services.access_log``) on each minor the document is about: the mentee of a consent, the mentees
of a pair's agreement, plan or journal."""

from mentoring.models import Mentee, PairMember
from mentoring.services.access_log import record_reading

from ..kinds import kind_of


def people_of(document) -> list:
    """The mentees a document is about (none for a document about the school, a mentor or a nomination)."""
    subject = kind_of(document.kind).subject
    if not document.subject_id:
        return []
    if subject == "mentee":
        return list(Mentee.objects.filter(pk=document.subject_id))
    if subject == "pair":
        members = PairMember.objects.filter(pair_id=document.subject_id).select_related("mentee")
        return [member.mentee for member in members]
    return []


def record_document_reading(action: str, document, *, request) -> int:
    if not kind_of(document.kind).subject:
        return 0
    return record_reading(action, people_of(document), request=request)
