"""What differs between a school's and a municipality's own documents: the capabilities each view declares
and the level a view reads from ``request.tenant``."""

from django.shortcuts import get_object_or_404

from core.models import Organization
from core.roles import Capability, has_capability

from ..kinds import all_kinds
from ..models import Document

# What each level requires, by the role a view needs: a school role never holds a municipal capability and vice
# versa, so a tuple of the two serves both levels (``core.tenancy`` accepts any one of a tuple).
READ = (Capability.READ_SCHOOL_DOCUMENTS, Capability.DRAFT_MUNICIPAL_DOCUMENTS)
DRAFT = (Capability.DRAFT_SCHOOL_DOCUMENTS, Capability.DRAFT_MUNICIPAL_DOCUMENTS)
APPROVE = (Capability.APPROVE_SCHOOL_DOCUMENTS, Capability.APPROVE_MUNICIPAL_DOCUMENTS)
PUBLISH = (Capability.PUBLISH_SCHOOL_PAGE, Capability.PUBLISH_MUNICIPAL_PAGE)


class Level:
    """What differs between a school's and a municipality's own documents, read from ``request.tenant``."""

    @property
    def level(self) -> str:
        return "school" if isinstance(self.request.tenant, Organization) else "municipality"

    @property
    def prefix(self) -> str:
        return "" if self.level == "school" else "m_"

    @property
    def draft(self):
        return DRAFT[0] if self.level == "school" else DRAFT[1]

    @property
    def approve(self):
        return APPROVE[0] if self.level == "school" else APPROVE[1]

    @property
    def can_draft(self):
        return has_capability(self.request.roles, self.draft)

    @property
    def can_publish(self):
        """Whether this person switches the site's «Наставничество» section on and edits it."""
        return has_capability(self.request.roles, PUBLISH[0] if self.level == "school" else PUBLISH[1])

    def documents(self):
        """The tenant's own documents this person may see: drafts only for those who draft them; documents about
        one person (an agreement, a consent, a pair's plan or journal…) only for those who read people's cards
        (an observer reads the school's documents, not a child's or a mentor's personal data: 152-ФЗ)."""
        documents = Document.owned.all()
        if not self.can_draft:
            documents = documents.filter(versions__isnull=False).distinct()
        if self.level == "school" and not has_capability(self.request.roles, Capability.READ_PERSON_CARDS):
            documents = documents.exclude(kind__in=[kind.code for kind in all_kinds("school") if kind.subject])
        return documents

    def get_document(self):
        return get_object_or_404(self.documents().select_related("programme"), pk=self.kwargs["pk"])

    def level_context(self):
        return {"prefix": self.prefix, "level": self.level, "can_draft": self.can_draft}
