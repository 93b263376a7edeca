from .indicators import Contingent, Indicator, IndicatorPlan, IndicatorSnapshot
from .questionnaires import Answer, Invitation, Question, Questionnaire, Response, Wave
from .swot import Swot

__all__ = [
    "Answer",
    "Contingent",
    "Indicator",
    "IndicatorPlan",
    "IndicatorSnapshot",
    "Invitation",
    "Question",
    "Questionnaire",
    "Response",
    "Swot",
    "Wave",
]
