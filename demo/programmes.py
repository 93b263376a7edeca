"""The demo's programme in progress in each school: stages 1–4 done, pairs formed by the matching, plans and
meetings in the mentors' journals (a few pairs left quiet for over 30 days, so the curator's page flags them)."""

import random
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db.models import Count

from core.tenancy import tenant_scope
from mentoring.models import Meeting, Mentee, Mentor, PlanItem, Programme, ProgrammeMentor, Stage, TrainingSession
from mentoring.services.completion import nominable_mentors, nominate
from mentoring.services.matching import suggest
from mentoring.services.pairs import form_pair
from mentoring.services.programmes import create_programme, ensure_forms
from mentoring.services.subprogrammes import save_subprogramme

TITLE = "Программа наставничества на {start}/{end} учебный год"
GOALS = (
    "Максимально полное раскрытие потенциала личности наставляемого, необходимое для успешной личной и "
    "профессиональной самореализации."
)
TASKS = (
    "Улучшение образовательных результатов; развитие гибких навыков и метакомпетенций; адаптация в новом "
    "коллективе; профессиональное самоопределение; формирование базы наставников."
)
RESULTS = "Рост успеваемости и вовлечённости; снижение числа конфликтов; рост числа участников олимпиад и проектов."
PLAN = ["Встреча-знакомство и постановка целей", "Составление индивидуального плана", "Промежуточная рефлексия"]
MEETINGS = [
    (Meeting.Kind.ACQUAINTANCE, "Знакомство, ожидания от работы"),
    (Meeting.Kind.TRIAL, "Пробная встреча: разбор трудностей"),
    (Meeting.Kind.PLANNING, "Планирование: цели и шаги"),
    (Meeting.Kind.WORK, "Совместная работа над проектом"),
    (Meeting.Kind.WORK, "Подготовка к контрольной работе"),
]

# The named programmes School №40 runs inside the target model (seed 003's table), with this school year's dates.
NAMED_PROGRAMMES = {
    "sh40": [
        {"name": "Наставничество в ранней профориентации",
         "operator": "Проект «Билет в будущее» (молодые профессионалы)",
         "who_mentors": "Педагоги", "mentor_role": "Партнёр в выстраивании траектории обучающегося на основе более "
         "осознанного выбора профессиональной области деятельности", "mentees": "Обучающиеся 6–11 классов",
         "period": "С сентября {year} года"},
        {"name": "Развитие наставниками профессиональных качеств у молодых педагогов",
         "operator": "Программа «Кадры будущего»", "who_mentors": "Педагоги-наставники",
         "mentor_role": "Партнёр в выстраивании индивидуальной образовательной и профессиональной траектории",
         "mentees": "Команды молодых педагогов", "period": "С сентября {year} года"},
        {"name": "Наставничество в проектной деятельности",
         "operator": "Программа работы с одарёнными детьми «Путь к успеху»", "who_mentors": "Педагоги, студенты вузов",
         "mentor_role": "Лидеры проектов, модераторы, консультанты", "mentees": "Обучающиеся",
         "period": "С октября {year} года"},
        {"name": "Целевая модель наставничества", "operator": "Проект «Наставничество»",
         "who_mentors": "Педагоги, ученики, студенты, работодатели",
         "mentor_role": "Помощник в раскрытии потенциала наставляемого, партнёр в выстраивании его индивидуальной "
         "образовательной и профессиональной траектории; инициатор улучшения показателей школы",
         "mentees": "Педагоги, обучающиеся, студенты", "period": "С сентября {year} года"},
    ]
}  # fmt: skip


def seed_programme(organization, curator, today: date, year_start: date) -> Programme:
    """Create the school's programme once; a second run finds it and changes nothing."""
    with tenant_scope(organization):
        title = TITLE.format(start=year_start.year, end=year_start.year + 1)
        existing = Programme.objects.filter(title=title).first()
        if existing:
            return existing
        rng = random.Random(f"demo-programme:{organization.slug}")
        programme = create_programme(
            tenant=organization, actor=curator, forms=ensure_forms(organization), title=title,
            starts_on=year_start, ends_on=date(year_start.year + 1, 5, 31), goals=GOALS, tasks=TASKS,
            expected_results=RESULTS, curator=curator, responsible=curator.initials_name,
        )  # fmt: skip
        finish_early_stages(programme, curator, today)
        train_mentors(programme, organization, year_start)
        form_pairs(programme, organization, curator, today, year_start, rng)
        nominate_a_mentor(programme, organization, curator)
        if organization.slug in NAMED_PROGRAMMES:
            for fields in NAMED_PROGRAMMES[organization.slug]:
                period = fields["period"].format(year=year_start.year)
                save_subprogramme(programme, tenant=organization, actor=curator, **{**fields, "period": period})
        return programme


def nominate_a_mentor(programme, organization, curator):
    """The mentor with the most pairs, nominated for a reward for the first half-year (the reward order and the
    thank-you letter then have someone to name)."""
    mentor = (
        nominable_mentors(programme).annotate(pair_count=Count("pairs")).order_by("-pair_count", "last_name").first()
    )
    if mentor is not None:
        nominate(
            programme, mentor=mentor, reason="за активную работу с наставляемыми в первом полугодии", actor=curator,
            tenant=organization,
        )  # fmt: skip


def finish_early_stages(programme, curator, today):
    for stage in programme.stages.filter(number__lte=Stage.Number.TRAINING):
        stage.status = Stage.Status.DONE
        stage.save(update_fields=["status"])
        stage.activities.update(done_on=min(stage.ends_on, today), done_by=curator)
    programme.stages.filter(number__in=[Stage.Number.PAIRS, Stage.Number.WORK]).update(status=Stage.Status.IN_PROGRESS)


def train_mentors(programme, organization, year_start):
    """Select the trained mentors with a written consent; the school of mentors' sessions list them present."""
    ready = [
        mentor
        for mentor in Mentor.objects.filter(status=Mentor.Status.ACTIVE, training=Mentor.Training.TRAINED)
        if not (mentor.needs_written_consent and not mentor.has_written_consent)
    ]
    ProgrammeMentor.objects.bulk_create(
        ProgrammeMentor(organization=organization, programme=programme, mentor=mentor) for mentor in ready
    )
    for offset, topic in ((35, "Роль и задачи наставника"), (42, "Техники эффективной обратной связи")):
        session = TrainingSession.objects.create(
            organization=organization, programme=programme, held_on=year_start + timedelta(days=offset), topic=topic,
            trainer="Педагог-психолог",
        )  # fmt: skip
        session.attendees.set(ready)


def form_pairs(programme, organization, curator, today, year_start, rng):
    """Accept about two thirds of the matching's suggestions, as a curator would, and fill the journals."""
    result, _, _ = suggest(programme)
    starts_on = year_start + timedelta(days=50)
    for index, suggestion in enumerate(result.suggestions[: max(1, len(result.suggestions) * 2 // 3)]):
        try:
            pair = form_pair(
                programme=programme, mentor=Mentor.objects.get(pk=suggestion.mentor_id),
                mentees=[Mentee.objects.get(pk=suggestion.mentee_id)],
                form=programme.forms.get(pk=suggestion.form_id), starts_on=starts_on,
                planned_end_on=programme.ends_on, actor=curator, tenant=organization, match_score=suggestion.score,
            )  # fmt: skip
        except ValidationError:
            continue  # the mentor's places were taken by an earlier suggestion of this loop
        due_dates = [starts_on + timedelta(days=20 * (n + 1)) for n in range(len(PLAN))]
        PlanItem.objects.bulk_create(
            PlanItem(
                organization=organization,
                pair=pair,
                title=title,
                due_on=due,
                status=PlanItem.Status.DONE if due < today else PlanItem.Status.PLANNED,
            )
            for title, due in zip(PLAN, due_dates, strict=True)
        )
        quiet = index % 4 == 1  # no meeting for over a month: flagged on the curator's page
        last_day = today - timedelta(days=45 if quiet else 3)
        day = starts_on + timedelta(days=2)
        for kind, topic in MEETINGS[: rng.randint(2, len(MEETINGS))]:
            if day > last_day:
                break
            meeting = Meeting.objects.create(
                organization=organization, pair=pair, held_on=day, kind=kind, topic=topic,
                duration_minutes=rng.choice([30, 40, 45, 60]), what_was_done=topic,
                mentee_rating=rng.randint(7, 10), recorded_by=pair.mentor.user or curator,
            )  # fmt: skip
            meeting.present.set(pair.members.values_list("mentee_id", flat=True))
            day += timedelta(days=rng.randint(7, 14))
