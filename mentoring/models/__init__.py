from .consents import Consent
from .kinds import MentoringKind
from .pairs import BestPractice, Meeting, Pair, PairMember, PlanItem, RewardNomination
from .people import Gender, Mentee, Mentor, PartnerOrganization, SupportCategory, Tag
from .programmes import MentoringForm, Programme, ProgrammeMentor, Stage, StageActivity, SubProgramme, TrainingSession
from .users import User

__all__ = [
    "BestPractice",
    "Consent",
    "Gender",
    "Meeting",
    "Mentee",
    "Mentor",
    "MentoringForm",
    "MentoringKind",
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
