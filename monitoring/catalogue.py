"""What the portal ships as data: the default questionnaires of the target model's monitoring (a school installs
them and then copies and edits its own), and the target indicators with their plans by year.

Questionnaires follow the methodological recommendations of Р-145 (appendix: monitoring of the quality of the
programme and of the participants' growth): satisfaction of the mentor and of the mentee, unique per form; the
curator's questionnaire on conditions; the growth questionnaire taken at entry and at exit (same question codes,
so that the portal computes the deltas).
"""

import copy

SCALE, YES_NO, SINGLE, MULTIPLE, TEXT = "scale", "yes_no", "single", "multiple", "text"

# Items every satisfaction questionnaire asks (code, text), on a 1–10 scale unless a kind is given.
SATISFACTION_COMMON = [
    ("meetings_effective", "Насколько эффективными были встречи с {partner}?"),
    ("communication_comfort", "Насколько комфортным было общение с {partner}?"),
    ("support_felt", "Насколько вы ощущали поддержку {support}?"),
    ("expectations_met", "Насколько оправдались ваши ожидания от программы?"),
    ("organisation_quality", "Как вы оцениваете организацию программы в школе?"),
]
SATISFACTION_TAIL = [
    ("wish_to_continue", "Хотели бы вы продолжить участие в программе наставничества?", YES_NO),
    ("would_recommend", "Порекомендуете ли вы программу другим?", YES_NO),
    ("what_to_improve", "Что стоит изменить в программе?", TEXT),
]

# Per form: what the mentor and the mentee are asked besides the common items.
FORM_ITEMS = {
    "pupil-pupil": {
        "mentee": [("study_progress", "Насколько улучшилась ваша успеваемость?")],
        "mentor": [("leadership", "Насколько программа помогла вам развить лидерские качества?")],
    },
    "teacher-pupil": {
        "mentee": [("goal_clarity", "Насколько яснее стали ваши цели в учёбе и жизни?")],
        "mentor": [("pupil_progress", "Насколько заметен прогресс вашего наставляемого?")],
    },
    "student-pupil": {
        "mentee": [("profession_idea", "Насколько лучше вы представляете себе будущую профессию?")],
        "mentor": [("own_skills", "Насколько программа помогла вам развить собственные навыки?")],
    },
    "employer-pupil": {
        "mentee": [("profession_idea", "Насколько лучше вы представляете себе будущую профессию?")],
        "mentor": [("company_interest", "Насколько программа полезна вашей организации?")],
    },
    "employer-student": {
        "mentee": [("practice_value", "Насколько полезным был практический опыт на предприятии?")],
        "mentor": [("company_interest", "Насколько программа полезна вашей организации?")],
    },
    "teacher-teacher": {
        "mentee": [
            ("adaptation", "Насколько программа помогла вам адаптироваться в коллективе?"),
            ("methods", "Насколько выросла ваша уверенность в методике преподавания?"),
        ],
        "mentor": [("own_growth", "Насколько наставничество способствовало вашему профессиональному росту?")],
    },
}

FORM_NAMES = {
    "pupil-pupil": "«ученик – ученик»",
    "teacher-pupil": "«учитель – ученик»",
    "student-pupil": "«студент – ученик»",
    "employer-pupil": "«работодатель – ученик»",
    "employer-student": "«работодатель – студент»",
    "teacher-teacher": "«учитель – учитель»",
}


def _questions(rows):
    return [{"code": code, "text": text, "kind": kind, "choices": []} for code, text, kind in rows]


def satisfaction(form_code: str, respondent: str) -> dict:
    if respondent == "mentor":
        partner, support = "наставляемым", "со стороны куратора"
    else:
        partner, support = "наставником", "наставника"
    rows = [(code, text.format(partner=partner, support=support), SCALE) for code, text in SATISFACTION_COMMON]
    rows += [(code, text, SCALE) for code, text in FORM_ITEMS[form_code][respondent]]
    rows += SATISFACTION_TAIL
    who = "наставника" if respondent == "mentor" else "наставляемого"
    return {
        "code": f"satisfaction-{respondent}-{form_code}",
        "title": f"Удовлетворённость {who}: форма {FORM_NAMES[form_code]}",
        "purpose": "satisfaction",
        "respondent": respondent,
        "form_code": form_code,
        "waves": ["interim", "final"],
        "intro": "Оцените, пожалуйста, участие в программе наставничества: 1 — совсем нет, 10 — полностью.",
        "questions": _questions(rows),
    }


CONDITIONS = {
    "code": "conditions-curator",
    "title": "Анкета куратора: условия реализации программы",
    "purpose": "conditions",
    "respondent": "curator",
    "form_code": None,
    "waves": ["interim", "final"],
    "intro": "Оценка условий реализации программы наставничества в образовательной организации.",
    "questions": _questions(
        [
            ("documents_ready", "Локальные акты программы (положение, приказ, дорожная карта) утверждены?", YES_NO),
            ("premises", "Насколько программа обеспечена помещениями и оборудованием?", SCALE),
            ("mentor_training", "Насколько наставники подготовлены к работе (школа наставников)?", SCALE),
            ("partners", "Привлечены ли организации-партнёры?", YES_NO),
            ("informing", "Насколько участники и родители проинформированы о программе?", SCALE),
            (
                "difficulties",
                "С какими трудностями вы столкнулись?",
                MULTIPLE,
            ),
            ("comment", "Комментарий куратора", TEXT),
        ]
    ),
}
CONDITIONS["questions"][5]["choices"] = [
    "нехватка наставников",
    "нехватка времени у педагогов",
    "низкая мотивация наставляемых",
    "недостаток методических материалов",
    "нет трудностей",
]

GROWTH = {
    "code": "growth-mentee",
    "title": "Личностный и профессиональный рост участника (вход и выход)",
    "purpose": "growth",
    "respondent": "mentee",
    "form_code": None,
    "waves": ["entry", "final"],
    "intro": "Оцените себя сегодня: 1 — совсем нет, 10 — полностью. Эти же вопросы зададут в конце программы.",
    "questions": _questions(
        [
            ("motivation", "Насколько вы мотивированы учиться и развиваться?", SCALE),
            ("self_confidence", "Насколько вы уверены в своих силах?", SCALE),
            ("goal_setting", "Насколько хорошо вы умеете ставить цели и достигать их?", SCALE),
            ("communication", "Насколько легко вам общаться и работать в команде?", SCALE),
            ("professional_idea", "Насколько ясно вы представляете своё профессиональное будущее?", SCALE),
            (
                "main_interest",
                "Что для вас сейчас важнее всего?",
                SINGLE,
            ),
        ]
    ),
}
GROWTH["questions"][5]["choices"] = ["учёба", "профессия", "общение", "творчество", "спорт"]


def default_questionnaires() -> list[dict]:
    """Every default questionnaire, as data (a fresh copy on each call)."""
    items = [satisfaction(form, respondent) for form in FORM_ITEMS for respondent in ("mentor", "mentee")]
    return [*items, copy.deepcopy(CONDITIONS), copy.deepcopy(GROWTH)]


# Target indicators: the national one and the regional ones of DOMAIN.md, with plans by year.
INDICATORS = [
    {
        "code": "pupils-involved",
        "name": "Доля обучающихся, вовлечённых в различные формы наставничества и сопровождения",
        "short_name": "Вовлечено обучающихся",
        "numerator": "pupils_in_pairs",
        "denominator": "contingent_pupils",
        "level": "school",
        "source": "Национальный проект «Образование», региональный проект «Современная школа»",
        "plans": {2024: 50, 2025: 60, 2026: 70, 2027: 70, 2028: 70, 2029: 70, 2030: 70},
    },
    {
        "code": "mentees-10-19",
        "name": "Доля детей в возрасте от 10 до 19 лет в роли наставляемого",
        "short_name": "Наставляемые 10–19 лет",
        "numerator": "mentees_10_19",
        "denominator": "contingent_10_19",
        "level": "school",
        "source": "Региональная целевая модель наставничества",
        "plans": {2024: 10, 2025: 15, 2026: 20, 2027: 25, 2028: 30, 2029: 30, 2030: 30},
    },
    {
        "code": "mentors-15-19",
        "name": "Доля детей в возрасте от 15 до 19 лет в роли наставника",
        "short_name": "Наставники 15–19 лет",
        "numerator": "mentors_15_19",
        "denominator": "contingent_15_19",
        "level": "school",
        "source": "Региональная целевая модель наставничества",
        "plans": {2024: 5, 2025: 7, 2026: 10, 2027: 10, 2028: 10, 2029: 10, 2030: 10},
    },
    {
        "code": "young-teachers",
        "name": "Доля молодых педагогов (стаж 0–3 года) в роли наставляемого",
        "short_name": "Молодые педагоги",
        "numerator": "young_specialists_in_pairs",
        "denominator": "contingent_young_specialists",
        "level": "school",
        "source": "Региональная целевая модель наставничества",
        "plans": {2024: 50, 2025: 60, 2026: 70, 2027: 80, 2028: 80, 2029: 80, 2030: 80},
    },
    {
        "code": "partners-providing-mentors",
        "name": "Доля организаций-партнёров, предоставивших наставников",
        "short_name": "Партнёры с наставниками",
        "numerator": "partners_with_mentors",
        "denominator": "partners",
        "level": "school",
        "source": "Региональная целевая модель наставничества",
        "plans": {2024: 30, 2025: 40, 2026: 50, 2027: 50, 2028: 50, 2029: 50, 2030: 50},
    },
    {
        "code": "satisfaction",
        "name": "Доля участников, удовлетворённых участием в программе (средняя оценка 7 и выше из 10)",
        "short_name": "Удовлетворённость",
        "numerator": "satisfied_respondents",
        "denominator": "satisfaction_respondents",
        "level": "school",
        "source": "Региональная целевая модель наставничества",
        "plans": {2024: 70, 2025: 75, 2026: 80, 2027: 85, 2028: 85, 2029: 85, 2030: 85},
    },
    {
        "code": "schools-implementing",
        "name": "Доля образовательных организаций, реализующих программы наставничества",
        "short_name": "ОО с программой",
        "numerator": "schools_with_programme",
        "denominator": "schools",
        "level": "municipality",
        "source": "Муниципальная дорожная карта (раздел 7)",
        "plans": {2024: 80, 2025: 90, 2026: 100, 2027: 100, 2028: 100, 2029: 100, 2030: 100},
    },
    # The teachers' system (seed 001 §2.1: «закрепление в профессии» of young teachers).
    {
        "code": "teachers-mentoring",
        "name": "Доля педагогов, выступающих наставниками педагогов",
        "short_name": "Педагоги-наставники",
        "numerator": "teacher_mentors",
        "denominator": "contingent_teachers",
        "level": "school",
        "source": "Система (целевая модель) наставничества педагогических работников",
        "plans": {2024: 10, 2025: 12, 2026: 15, 2027: 15, 2028: 15, 2029: 15, 2030: 15},
    },
    {
        "code": "young-teachers-retained-1",
        "name": "Доля молодых педагогов-наставляемых, работающих в школе через год после приёма",
        "short_name": "Закрепление через год",
        "numerator": "young_teachers_retained_1y",
        "denominator": "young_teachers_hired_1y",
        "level": "school",
        "source": "Система (целевая модель) наставничества педагогических работников",
        "plans": {2024: 85, 2025: 85, 2026: 90, 2027: 90, 2028: 90, 2029: 90, 2030: 90},
    },
    {
        "code": "young-teachers-retained-3",
        "name": "Доля молодых педагогов-наставляемых, работающих в школе через три года после приёма",
        "short_name": "Закрепление через 3 года",
        "numerator": "young_teachers_retained_3y",
        "denominator": "young_teachers_hired_3y",
        "level": "school",
        "source": "Система (целевая модель) наставничества педагогических работников",
        "plans": {2024: 60, 2025: 65, 2026: 70, 2027: 70, 2028: 75, 2029: 75, 2030: 80},
    },
]


def install_indicators(indicator_model, plan_model) -> None:
    """Create or update the shipped indicators and their plans (the models are passed, for migrations)."""
    for position, row in enumerate(INDICATORS):
        fields = {key: value for key, value in row.items() if key not in ("code", "plans")}
        indicator, _ = indicator_model.objects.update_or_create(
            code=row["code"], defaults={**fields, "position": position}
        )
        for year, value in row["plans"].items():
            plan_model.objects.update_or_create(indicator=indicator, year=year, defaults={"value": value})
