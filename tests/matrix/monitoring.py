"""Permission-matrix cases of the monitoring (merged into tests/test_permissions.py CASES).

The fixture wave is open; its mentor's invitation belongs to the school's mentor account, the curator's to the
curator, so another holder of the capability gets 404 there, as for another school's object. Reports queued by
an allowed role run eagerly in the test process.
"""

from core.roles import MUNICIPAL_ROLES
from tests.matrix import MN, MT, OB, C, Case, D

LAUNCH = frozenset({D, C, MT})
AGGREGATES = frozenset({D, C, MT, OB})
PERIOD = {"date_from": "2026-09-01", "date_to": "2027-05-31", "fmt": "xlsx"}
CONTINGENT_POST = {
    "year": "2026",
    "pupils_total": "600",
    "pupils_10_14": "250",
    "pupils_15_19": "150",
    "teachers": "50",
    "young_specialists": "6",
}
SWOT_POST = {"strengths": "Опытные наставники", "weaknesses": "", "opportunities": "", "threats": ""}
WAVE_POST = {"kind": "final", "opens_on": "2026-09-01", "closes_on": "2026-08-01"}  # refused: ends before it starts

CASES: dict = {
    "monitoring_home": Case("school", AGGREGATES),
    "questionnaire_list": Case("school", LAUNCH),
    "questionnaire_install": Case("school", LAUNCH, ("post",)),
    # The fixture questionnaire was sent in the wave: saving it is refused with a message (a redirect).
    "questionnaire_edit": Case("school", LAUNCH, ("get", "post"), obj="questionnaire", post_data={"q-title": "Новая"}),
    "questionnaire_copy": Case("school", LAUNCH, ("post",), obj="questionnaire"),
    "wave_create": Case("school", LAUNCH, ("get", "post"), post_data=WAVE_POST),
    "wave_detail": Case("school", LAUNCH, obj="wave"),
    "wave_remind": Case("school", LAUNCH, ("post",), obj="wave"),
    "wave_close": Case("school", LAUNCH, ("post",), obj="wave"),
    "wave_sheet": Case("school", LAUNCH, obj="wave"),
    "contingent": Case("school", frozenset({D, C}), ("get", "post"), post_data=CONTINGENT_POST),
    "swot_edit": Case("school", frozenset({D, C}), ("get", "post"), obj="programme", post_data=SWOT_POST),
    "report_monitoring": Case("school", LAUNCH, ("post",), post_data=PERIOD),
    "report_statistics": Case("school", AGGREGATES, ("post",), post_data=PERIOD),
    "my_questionnaires": Case("school", frozenset({MN})),
    "my_questionnaire_answer": Case("school", frozenset({MN}), ("get",), obj="mentor_invitation", owner=MN),
    "curator_questionnaire_answer": Case("school", frozenset({C}), ("get",), obj="curator_invitation", owner=C),
    "m_monitoring": Case("municipality", MUNICIPAL_ROLES),
    "m_monitoring_school": Case("municipality", MUNICIPAL_ROLES, obj="school"),
    "m_summary": Case("municipality", MUNICIPAL_ROLES, ("post",), post_data={"fmt": "xlsx"}),
    "questionnaire_link": Case("public"),
}
