from .bank import BankEntry, BankRequest
from .consents import Consent
from .matching import MatchSuggestion
from .pairs import BestPractice, Meeting, Pair, PairMember, PlanItem, RewardNomination
from .people import Gender, Mentee, Mentor, PartnerOrganization, SupportCategory, Tag
from .programmes import MentoringForm, Programme, ProgrammeMentor, Stage, StageActivity, SubProgramme, TrainingSession
from .users import User

__all__ = [
    "BankEntry",
    "BankRequest",
    "BestPractice",
    "Consent",
    "Gender",
    "MatchSuggestion",
    "Meeting",
    "Mentee",
    "Mentor",
    "MentoringForm",
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
