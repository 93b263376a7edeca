from .audit import AuditEntry
from .consents import Consent
from .jobs import Job
from .memberships import Membership
from .people import Mentee, Mentor, PartnerOrganization, SupportCategory, Tag
from .tenants import Municipality, Organization
from .users import User

__all__ = [
    "AuditEntry",
    "Consent",
    "Job",
    "Membership",
    "Mentee",
    "Mentor",
    "Municipality",
    "Organization",
    "PartnerOrganization",
    "SupportCategory",
    "Tag",
    "User",
]
