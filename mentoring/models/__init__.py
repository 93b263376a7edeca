from .audit import AuditEntry
from .consents import Consent
from .jobs import Job
from .memberships import Membership
from .pairs import BestPractice, Meeting, Pair, PairMember, PlanItem, RewardNomination
from .people import Mentee, Mentor, PartnerOrganization, SupportCategory, Tag
from .programmes import MentoringForm, Programme, ProgrammeMentor, Stage, StageActivity, SubProgramme, TrainingSession
from .tenants import Municipality, Organization
from .users import User

__all__ = [
    "AuditEntry",
    "BestPractice",
    "Consent",
    "Job",
    "Meeting",
    "Membership",
    "Mentee",
    "Mentor",
    "MentoringForm",
    "Municipality",
    "Organization",
    "Pair",
    "PairMember",
    "PartnerOrganization",
    "PlanItem",
    "Programme",
    "ProgrammeMentor",
    "RewardNomination",
    "Stage",
    "StageActivity",
    "SubProgramme",
    "SupportCategory",
    "Tag",
    "TrainingSession",
    "User",
]
