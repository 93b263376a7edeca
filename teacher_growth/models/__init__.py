from .difficulties import DifficultyArea, DifficultyItem, SelfAssessment, SelfAssessmentAnswer
from .programmes import PersonalActivity, PersonalGoal, PersonalProgramme
from .routes import EducationalRoute, RouteStep

__all__ = [
    "DifficultyArea",
    "DifficultyItem",
    "EducationalRoute",
    "PersonalActivity",
    "PersonalGoal",
    "PersonalProgramme",
    "RouteStep",
    "SelfAssessment",
    "SelfAssessmentAnswer",
]
