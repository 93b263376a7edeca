"""Monitoring in the demo (seed_demo) and in the synthetic data set (generate_dataset): the default
questionnaires, the contingent, an entry wave answered by most participants, an interim wave half answered,
the curator's SWOT and the monthly snapshots since the programme began. Running it again changes nothing."""

import random
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db.models import Count, Q

from mentoring.models import Mentee, Programme
from monitoring.models import Contingent, Invitation, Question, Swot, Wave
from monitoring.services.indicators import school_year_of, take_snapshot, take_snapshots
from monitoring.services.questionnaires import install_defaults, launch_wave, submit

SWOT = {
    "strengths": ["Опытные педагоги-наставники", "Поддержка администрации", "Партнёрство с предприятиями района"],
    "weaknesses": ["Высокая нагрузка педагогов", "Мало наставников из числа обучающихся"],
    "opportunities": ["Программа «Билет в будущее»", "Школа наставников района"],
    "threats": ["Отток молодых специалистов", "Удалённость сельских школ"],
}


def ensure_contingent(organization, today, rng) -> Contingent:
    """The school's numbers for this school year, sized so that the mentees in the base are a realistic share."""
    year = school_year_of(today)
    counts = Mentee.objects.filter(organization=organization).aggregate(
        pupils=Count("pk", filter=Q(category=Mentee.Category.PUPIL)),
        young=Count("pk", filter=Q(category=Mentee.Category.YOUNG_SPECIALIST)),
    )
    pupils = max(int(counts["pupils"] * rng.uniform(1.15, 1.6)), 20)
    contingent, _ = Contingent.objects.get_or_create(
        organization=organization,
        year=year,
        defaults={
            "pupils_total": pupils,
            "pupils_10_14": int(pupils * 0.45),
            "pupils_15_19": int(pupils * 0.3),
            "teachers": max(pupils // 12, 10),
            "young_specialists": max(counts["young"] + rng.randint(0, 2), 1),
        },
    )
    return contingent


def answers_for(invitation, rng, low: int, high: int) -> dict:
    cleaned = {}
    for question in invitation.questionnaire.questions.all():
        key = f"q{question.pk}"
        if question.kind == Question.Kind.SCALE:
            cleaned[key] = str(rng.randint(low, high))
        elif question.kind == Question.Kind.YES_NO:
            cleaned[key] = "yes" if rng.random() < 0.8 else "no"
        elif question.kind == Question.Kind.SINGLE:
            cleaned[key] = rng.choice(question.choices)
        elif question.kind == Question.Kind.MULTIPLE:
            cleaned[key] = rng.sample(question.choices, 2)
        else:
            cleaned[key] = ""
    return cleaned


def answer_share(wave, share: float, rng, low: int, high: int) -> None:
    invitations = Invitation.objects.filter(wave=wave, answered_at__isnull=True).select_related("wave", "questionnaire")
    for invitation in invitations.prefetch_related("questionnaire__questions"):
        if rng.random() < share:
            submit(invitation, answers_for(invitation, rng, low, high))


def seed_monitoring(organization, curator, today, *, seed: str = "") -> None:
    """Call inside the school's scope (or with scopes disabled), after its programme exists."""
    programme = Programme.objects.filter(organization=organization).order_by("-starts_on").first()
    if programme is None or Wave.objects.filter(organization=organization).exists():
        return
    if not programme.pairs.filter(status="active").exists():
        return
    rng = random.Random(f"demo-monitoring:{seed or organization.slug}")
    install_defaults(organization)
    ensure_contingent(organization, today, rng)
    entry = launch_wave(
        programme=programme, kind="entry", title="Входное анкетирование", opens_on=today - timedelta(days=20),
        closes_on=today, actor=curator, tenant=organization,
    )  # fmt: skip
    answer_share(entry, 0.85, rng, 3, 7)
    interim = launch_wave(
        programme=programme, kind="interim", title="Промежуточное анкетирование", opens_on=today,
        closes_on=today + timedelta(days=21), actor=curator, tenant=organization,
    )  # fmt: skip
    answer_share(interim, 0.5, rng, 5, 10)
    Swot.objects.get_or_create(organization=organization, programme=programme, defaults={**SWOT, "updated_by": curator})
    month = programme.starts_on.replace(day=1)
    while month <= today:
        take_snapshot(organization, max(month, programme.starts_on) if month < today.replace(day=1) else today)
        month = (month + timedelta(days=32)).replace(day=1)


def generate_monitoring(organizations, *, seed: int, today) -> None:
    """For the synthetic data set: per school the defaults, the contingent, an interim wave of which about 40 %
    answered (responses written with bulk inserts) and this month's snapshot (of every school at once, at the
    end)."""
    from django.db import reset_queries
    from django.utils import timezone

    from monitoring.models import Answer, Response

    with_programme = []
    for organization in organizations:
        rng = random.Random(f"{seed}:monitoring:{organization.slug}")
        programme = Programme.objects.filter(organization=organization).order_by("-starts_on").first()
        if programme is None:
            continue
        with_programme.append(organization.pk)
        install_defaults(organization)
        ensure_contingent(organization, today, rng)
        try:
            wave = launch_wave(
                programme=programme, kind="interim", title="Промежуточное анкетирование", opens_on=today,
                closes_on=today + timedelta(days=21), actor=programme.curator, tenant=organization,
            )  # fmt: skip
        except ValidationError:  # a school without working pairs has nobody to ask
            continue
        invitations = [
            i for i in Invitation.objects.filter(wave=wave).select_related("questionnaire") if rng.random() < 0.4
        ]
        questions: dict[int, list] = {}
        for question in Question.objects.filter(
            questionnaire__in={i.questionnaire_id for i in invitations},
            kind__in=[Question.Kind.SCALE, Question.Kind.YES_NO],
        ):
            questions.setdefault(question.questionnaire_id, []).append(question)
        responses = Response.objects.bulk_create(
            Response(
                organization=organization, invitation=i, wave=wave, questionnaire_id=i.questionnaire_id,
                respondent=i.respondent, form_id=i.form_id,
            )
            for i in invitations
        )  # fmt: skip
        Answer.objects.bulk_create(
            (
                Answer(
                    organization=organization,
                    response=response,
                    question=question,
                    number=rng.randint(4, 10) if question.kind == Question.Kind.SCALE else int(rng.random() < 0.8),
                )
                for response in responses
                for question in questions.get(response.questionnaire_id, [])
            ),
            batch_size=5000,
        )
        Invitation.objects.filter(pk__in=[i.pk for i in invitations]).update(answered_at=timezone.now())
        reset_queries()
    take_snapshots(with_programme, today)
