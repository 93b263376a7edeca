"""The role matrix as the project's documentation reads it (``docs/roles.md``), written from ``core.roles``.

``manage.py write_role_matrix`` rewrites the file; a test fails when the file and the code differ.
"""

from pathlib import Path

from core.roles import MATRIX, MUNICIPAL_ROLES, REGIONAL_ROLES, SCHOOL_ROLES, Capability, Role

DOCUMENT = Path(__file__).resolve().parent.parent / "docs" / "roles.md"

# What each capability lets a person do, in the words of the portal's users.
CAPABILITY_LABELS = {
    Capability.VIEW_SCHOOL_HOME: "главная страница школы",
    Capability.GRANT_SCHOOL_ROLES: "назначать роли в школе",
    Capability.READ_SCHOOL_DOCUMENTS: "читать документы школы (утверждённые версии)",
    Capability.READ_PERSON_CARDS: "карточки наставляемых и наставников (ФИО, запросы, контакты)",
    Capability.READ_SUPPORT_CATEGORIES: "категории поддержки наставляемых (ОВЗ, трудная жизненная ситуация…)",
    Capability.EDIT_BASES: "вести базы: создавать, изменять, импортировать, выгружать; согласия",
    Capability.MANAGE_PROGRAMME: "вести программу, этапы и их мероприятия",
    Capability.VIEW_PROGRAMME: "читать программы школы",
    Capability.VIEW_OWN_PROGRAMMES: "читать программы, в которых участвует сам",
    Capability.MANAGE_TRAINING: "«Школа наставников»: занятия и посещаемость",
    Capability.VIEW_OWN_TRAINING: "свои занятия «Школы наставников»",
    Capability.FORM_PAIRS: "формировать и завершать пары и группы, принимать подбор",
    Capability.MANAGE_PLANS: "планы всех пар и групп",
    Capability.KEEP_OWN_PLANS: "планы своих пар",
    Capability.READ_JOURNALS: "читать журналы наставников",
    Capability.KEEP_OWN_JOURNAL: "вести журнал своих пар",
    Capability.DRAFT_SCHOOL_DOCUMENTS: "документы школы: составлять, изменять, отправлять на утверждение",
    Capability.APPROVE_SCHOOL_DOCUMENTS: "документы школы: утверждать, регистрировать номер",
    Capability.PUBLISH_SCHOOL_PAGE: "публиковать раздел «Наставничество» на сайте школы",
    Capability.LAUNCH_QUESTIONNAIRES: "запускать анкетирование, видеть долю ответов",
    Capability.ANSWER_CURATOR_QUESTIONNAIRE: "отвечать на анкету куратора",
    Capability.ANSWER_MENTOR_QUESTIONNAIRE: "отвечать на анкету наставника",
    Capability.SCHOOL_REPORTS: "отчёты школы (мониторинг, статистика)",
    Capability.SCHOOL_AGGREGATE_REPORTS: "сводные показатели школы (без персональных данных)",
    Capability.VIEW_AUDIT: "журнал изменений и просмотров школы",
    # The municipal bank of mentors (issue 12).
    Capability.MANAGE_BANK_ENTRIES: "вносить наставников школы в муниципальный банк наставников и выводить из него",
    Capability.REQUEST_BANK_MENTORS: "искать наставника в банке муниципалитета и отправлять запросы",
    Capability.ANSWER_BANK_REQUESTS: "отвечать на запросы других школ к себе как к наставнику из банка",
    Capability.APPROVE_BANK_REQUESTS: "решать по запросам к наставникам школы из банка",
    Capability.KEEP_COUNCIL_RECORDS: "совет наставников: состав, заседания, предложения пар, доплата за наставничество",
    Capability.APPOINT_TEACHER_MENTORS: "назначение педагогов наставниками (ст. 351.8 ТК РФ): условия, допсоглашение, "
    "досрочное прекращение",
    Capability.VIEW_MUNICIPAL_HOME: "главная страница управления образования",
    Capability.GRANT_MUNICIPAL_ROLES: "назначать роли в управлении образования",
    Capability.VIEW_MUNICIPAL_SCHOOLS: "список школ муниципалитета, ход этапов и показатели",
    Capability.READ_MUNICIPAL_SCHOOL_DOCUMENTS: "читать документы своих школ (утверждённые версии)",
    Capability.AGREE_ROADMAPS: "согласовывать или возвращать дорожные карты школ",
    Capability.DRAFT_MUNICIPAL_DOCUMENTS: "муниципальные документы (приказ, дорожная карта): составлять",
    Capability.APPROVE_MUNICIPAL_DOCUMENTS: "муниципальные документы: утверждать",
    Capability.PUBLISH_MUNICIPAL_PAGE: "публиковать раздел «Наставничество» на сайте управления",
    Capability.MUNICIPAL_REPORTS: "сводный отчёт муниципалитета",
    Capability.VIEW_REGIONAL_HOME: "сводка региона: муниципалитеты, ход этапов, показатели и план, их динамика",
    Capability.REGIONAL_REPORTS: "сводный отчёт региона",
    Capability.EDIT_REGIONAL_REQUISITES: "реквизиты региона: орган управления образованием и региональные акты",
}

INTRO = """# Роли и права

Одна матрица прав на весь портал: её объявляет `core/roles.py` (`MATRIX`), представление называет право,
которое ему нужно (`required_capability`), и промежуточный слой проверяет его по ролям пользователя в школе или
управлении образования из адреса. Этот файл написан из кода командой `manage.py write_role_matrix`; тест
`tests/test_role_matrix.py` не пропустит расхождения.

Принципы: человек видит не больше персональных данных, чем нужно для его работы (152-ФЗ, минимизация);
управление образования и регион работают со сводными данными и документами, а не с карточками детей; региональные
роли только читают сводки своих муниципалитетов и школ; каждое утверждение
делает названный человек в названной роли. Чужая школа — 404 для всех, кроме сотрудников платформы; право,
которого у роли нет в своей школе, — 403. Наставляемые и законные представители учётных записей не имеют: они
отвечают на анкеты по личным одноразовым ссылкам. Наставник, работающий в двух школах, имеет два членства и
видит каждую школу отдельно. Сотрудники платформы работают в административном интерфейсе Django (`/admin/`):
создают муниципалитеты, школы и пользователей.
"""


def table(roles: list[Role], capabilities: list[Capability]) -> list[str]:
    lines = ["| право | " + " | ".join(role.label for role in roles) + " |", "|---" * (len(roles) + 1) + "|"]
    for capability in capabilities:
        marks = ["✓" if role in MATRIX[capability] else "" for role in roles]
        lines.append(f"| {CAPABILITY_LABELS[capability]} (`{capability}`) | " + " | ".join(marks) + " |")
    return lines


def role_matrix_markdown() -> str:
    """``docs/roles.md``: the school, municipal and regional roles' capabilities, as three tables."""
    school_roles = [role for role in Role if role in SCHOOL_ROLES]
    municipal_roles = [role for role in Role if role in MUNICIPAL_ROLES]
    school_capabilities = [c for c in Capability if not MATRIX[c].isdisjoint(SCHOOL_ROLES)]
    municipal_capabilities = [c for c in Capability if not MATRIX[c].isdisjoint(MUNICIPAL_ROLES)]
    lines = [INTRO, "## Школа", "", *table(school_roles, school_capabilities), ""]
    lines += ["## Управление образования", "", *table(municipal_roles, municipal_capabilities), ""]
    regional_roles = [role for role in Role if role in REGIONAL_ROLES]
    regional_capabilities = [c for c in Capability if not MATRIX[c].isdisjoint(REGIONAL_ROLES)]
    lines += ["## Регион", "", *table(regional_roles, regional_capabilities), ""]
    return "\n".join(lines)
