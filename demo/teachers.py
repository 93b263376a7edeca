"""The teachers' system in the demo: every school's young teachers get their hire dates (the retention
indicators count them), and School №40 runs a «педагог – педагог» pair of kind «традиционное» for a young
teacher, with her entry self-assessment of difficulties, the personalised programme built on it, meetings in the
mentor's journal and an individual educational route. Running it again changes nothing."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db.models import Count, Q

from core.tenancy import tenant_scope
from mentoring.models import Meeting, Mentee, Mentor, MentoringKind, PairMember
from mentoring.services.pairs import form_pair, latest_plan_end
from mentoring.services.programmes import ensure_forms
from teacher_growth.models import PersonalProgramme, SelfAssessment
from teacher_growth.services.difficulties import ensure_questionnaire, profile, record_self_assessment
from teacher_growth.services.personal_programmes import add_activity, create_personal_programme
from teacher_growth.services.routes import save_route

PROGRAMME_SCHOOL = "sh40"
MENTOR_ACCOUNT = "mentor1@sh40.demo"
# The young teacher's entry self-assessment: the statements she finds hard (score 4–5); the rest get 1–2.
DIFFICULTIES = {
    "Поддержание дисциплины на уроке": 5,
    "Общение с родителями (законными представителями), в том числе в конфликтных ситуациях": 4,
    "Составление рабочей программы и календарно-тематического планирования": 4,
}
# Activities per diagnosed difficulty: (days after the start, title, expected result).
ACTIVITIES = {
    "Поддержание дисциплины на уроке": [
        (14, "Посещение уроков наставника: приёмы организации класса", "Освоены три приёма организации дисциплины"),
        (70, "Открытый урок с анализом наставника", "Урок без нарушений дисциплины, письменный анализ урока"),
    ],
    "Общение с родителями (законными представителями), в том числе в конфликтных ситуациях": [
        (45, "Родительское собрание, подготовленное вместе с наставником", "Проведено собрание, протокол собрания"),
    ],
    "Составление рабочей программы и календарно-тематического планирования": [
        (30, "Корректировка рабочей программы вместе с наставником", "Рабочая программа согласована на МО"),
    ],
}
MEETINGS = [
    (Meeting.Kind.ACQUAINTANCE, "Знакомство: ожидания и трудности первого года"),
    (Meeting.Kind.PLANNING, "Персонализированная программа: цели из самооценки"),
    (Meeting.Kind.WORK, "Разбор посещённого урока: дисциплина и темп"),
]


def seed_teachers(organization, curator, programme, today: date, year_start: date) -> None:
    with tenant_scope(organization):
        for mentee in Mentee.objects.filter(category=Mentee.Category.YOUNG_SPECIALIST, hired_on__isnull=True):
            years = mentee.teaching_experience or 0
            mentee.hired_on = date(year_start.year - years, 8, 25)
            mentee.save(update_fields=["hired_on"])
        if organization.slug == PROGRAMME_SCHOOL:
            seed_young_teacher(organization, curator, programme, today, year_start)


def seed_young_teacher(organization, curator, programme, today, year_start):
    mentee = (
        Mentee.objects.filter(category=Mentee.Category.YOUNG_SPECIALIST, anonymized_at__isnull=True)
        .order_by("-teaching_experience", "last_name", "pk")
        .first()
    )
    if mentee is None or PersonalProgramme.objects.filter(mentee=mentee).exists():
        return
    pair = teachers_pair(organization, curator, programme, mentee, today, year_start)
    if pair is None:
        return
    items = {item.text: item for item in ensure_questionnaire(organization)}
    if not SelfAssessment.objects.filter(mentee=mentee, stage=SelfAssessment.Stage.ENTRY).exists():
        scores = {item.pk: DIFFICULTIES.get(text, 1 + item.pk % 2) for text, item in items.items()}
        record_self_assessment(
            mentee=mentee, stage=SelfAssessment.Stage.ENTRY, taken_on=pair.starts_on - timedelta(days=7),
            scores=scores, actor=curator, tenant=organization,
        )  # fmt: skip
    diagnosed = [row.item.pk for row in profile(mentee).diagnosed]
    personal = create_personal_programme(
        pair=pair, mentee=mentee, starts_on=pair.starts_on, ends_on=pair.planned_end_on, item_ids=diagnosed,
        strengths="Хорошо знает предмет, открыта новому, уверенно работает с цифровыми ресурсами",
        actor=curator, tenant=organization,
    )  # fmt: skip
    for goal in personal.goals.select_related("item"):
        for days, title, result in ACTIVITIES.get(goal.item.text, []):
            due_on = min(pair.starts_on + timedelta(days=days), personal.ends_on)
            add_activity(
                programme=personal, goal=goal, title=title, due_on=due_on, expected_result=result, actor=curator,
                tenant=organization,
            )  # fmt: skip
    save_route(
        mentee=mentee, starts_on=date(year_start.year, 9, 1), ends_on=date(year_start.year + 5, 5, 31),
        aim="Учитель первой квалификационной категории, руководитель школьного методического объединения",
        steps=[
            (year_start.year, "Курсы повышения квалификации «Управление классом»", "Удостоверение"),
            (year_start.year + 2, "Муниципальный конкурс «Педагогический дебют»", "Участие в конкурсе"),
            (year_start.year + 3, "Аттестация на первую квалификационную категорию", "Первая категория"),
        ],
        actor=curator, tenant=organization,
    )  # fmt: skip


def free_teacher(programme):
    """The demo mentor's account when it has a free place, else the selected teacher with the most free places."""
    teachers = (
        Mentor.objects.filter(programmes__programme=programme, category=Mentor.Category.TEACHER, status="active")
        .exclude(consent_number="")
        .annotate(load=Count("pairs__members", filter=Q(pairs__members__active=True)))
        .order_by("pk")
    )
    free = [mentor for mentor in teachers if mentor.capacity > mentor.load]
    own = [mentor for mentor in free if mentor.user and mentor.user.email == MENTOR_ACCOUNT]
    return (own or sorted(free, key=lambda m: m.load - m.capacity) or [None])[0]


def teachers_pair(organization, curator, programme, mentee, today, year_start):
    """The young teacher's active «педагог – педагог» pair (the matching may have formed it), else a new one
    with the demo mentor's account, of kind «традиционное», with its first meetings."""
    teacher_form = next(form for form in ensure_forms(organization) if form.code == "teacher-teacher")
    if not programme.forms.filter(pk=teacher_form.pk).exists():
        programme.forms.add(teacher_form)
    member = PairMember.objects.filter(mentee=mentee, form=teacher_form, active=True).select_related("pair").first()
    if member is not None:
        member.pair.kinds.add(MentoringKind.objects.get(code="traditional"))
        return member.pair
    mentor = free_teacher(programme)
    if mentor is None:
        return None
    starts_on = min(year_start + timedelta(days=45), today - timedelta(days=30))
    try:
        pair = form_pair(
            programme=programme, mentor=mentor, mentees=[mentee], form=teacher_form, starts_on=starts_on,
            planned_end_on=min(programme.ends_on, latest_plan_end(starts_on)), actor=curator, tenant=organization,
            role_model="опытный педагог – молодой специалист", kinds=MentoringKind.objects.filter(code="traditional"),
            goals="Адаптация молодого педагога: дисциплина на уроке, работа с родителями, рабочая программа",
        )  # fmt: skip
    except ValidationError:
        return None
    day = starts_on + timedelta(days=2)
    for kind, topic in MEETINGS:
        if day >= today:
            break
        meeting = Meeting.objects.create(
            organization=organization, pair=pair, held_on=day, kind=kind, topic=topic, duration_minutes=45,
            what_was_done=topic, mentee_rating=9, recorded_by=mentor.user,
        )  # fmt: skip
        meeting.present.set([mentee])
        day += timedelta(days=10)
    return pair
