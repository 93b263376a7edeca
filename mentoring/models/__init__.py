from .bank import BankEntry, BankRequest
from .calendar import CalendarFeed
from .consents import Consent
from .kinds import MentoringKind
from .matching import MatchSuggestion
from .pairs import BestPractice, Meeting, Pair, PairMember, PlanItem, RewardNomination
from .people import Gender, Mentee, Mentor, PartnerOrganization, SupportCategory, Tag
from .programmes import MentoringForm, Programme, ProgrammeMentor, Stage, StageActivity, SubProgramme, TrainingSession
from .reminders import Reminder, ReminderKind, ReminderSettings
from .users import User

__all__ = [
    "BankEntry",
    "BankRequest",
    "BestPractice",
    "CalendarFeed",
    "Consent",
    "Gender",
    "MatchSuggestion",
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
    "Reminder",
    "ReminderKind",
    "ReminderSettings",
    "RewardNomination",
    "Stage",
    "StageActivity",
    "SubProgramme",
    "SupportCategory",
    "Tag",
    "TrainingSession",
    "User",
]
