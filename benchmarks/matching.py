"""Matching suggestions for a school with 600 unpaired mentees and 150 selected mentors: time and peak memory
of the optimal assignment (from the database, as the curator's page runs it), and its total score beside the
greedy baseline's (first come, first served)."""

import random
import time
import tracemalloc
from datetime import UTC, date, datetime

from benchmarks.harness import bench_school, report, setup_django

MENTEES = 600
MENTORS = 150
TAGS = 12


def fill(school, curator):

    from core.tenancy import tenant_scope
    from demo import people as demo_people
    from mentoring.models import Consent, Mentee, Mentor, ProgrammeMentor, Tag
    from mentoring.services.programmes import create_programme, ensure_forms

    rng = random.Random(600)
    with tenant_scope(school):
        forms = ensure_forms(school)
        programme = create_programme(
            tenant=school, actor=curator, forms=forms, title="Бенчмарк", starts_on=date(2026, 9, 1),
            ends_on=date(2027, 6, 30), curator=curator,
        )  # fmt: skip
        tags = Tag.objects.bulk_create(Tag(organization=school, name=f"Запрос {n}") for n in range(TAGS))
        mentees = []
        for n in range(MENTEES):
            name = demo_people.person(rng)
            pupil = n % 10 != 0
            year = rng.randint(2009, 2016) if pupil else rng.randint(1996, 2003)
            mentees.append(
                Mentee(
                    organization=school,
                    last_name=name.last_name,
                    first_name=name.first_name,
                    patronymic=name.patronymic,
                    birth_date=date(year, rng.randint(1, 12), rng.randint(1, 28)),
                    category=Mentee.Category.PUPIL if pupil else Mentee.Category.YOUNG_SPECIALIST,
                    representative_name="Представитель",
                    representative_relation="мать",
                )
            )
        mentees = Mentee.objects.bulk_create(mentees)
        Consent.objects.bulk_create(
            Consent(
                organization=school,
                mentee=mentee,
                text_version="v",
                given_by_name="Представитель",
                given_by_relation="мать" if mentee.category == Mentee.Category.PUPIL else "",
                given_at=datetime(2026, 9, 1, tzinfo=UTC),
            )
            for mentee in mentees
        )
        mentors = []
        for n in range(MENTORS):
            name = demo_people.person(rng, female_share=0.8)
            pupil = n % 3 == 0
            year = rng.randint(2007, 2009) if pupil else rng.randint(1965, 1998)
            mentors.append(
                Mentor(
                    organization=school,
                    last_name=name.last_name,
                    first_name=name.first_name,
                    patronymic=name.patronymic,
                    birth_date=date(year, rng.randint(1, 12), rng.randint(1, 28)),
                    category=Mentor.Category.PUPIL if pupil else Mentor.Category.TEACHER,
                    capacity=rng.randint(2, 6),
                    consent_number=str(n),
                    consent_date=date(2026, 9, 1),
                    training=Mentor.Training.TRAINED,
                )
            )
        mentors = Mentor.objects.bulk_create(mentors)
        ProgrammeMentor.objects.bulk_create(
            ProgrammeMentor(organization=school, programme=programme, mentor=mentor) for mentor in mentors
        )
        requests, competencies = Mentee.requests.through, Mentor.competencies.through
        requests.objects.bulk_create(
            requests(mentee_id=m.pk, tag_id=tag.pk) for m in mentees for tag in rng.sample(tags, rng.randint(1, 3))
        )
        competencies.objects.bulk_create(
            competencies(mentor_id=m.pk, tag_id=tag.pk) for m in mentors for tag in rng.sample(tags, rng.randint(2, 4))
        )
    return programme


def measure(programme, school, algorithm):

    from core.tenancy import tenant_scope
    from mentoring.services.matching import suggest

    with tenant_scope(school):
        start = time.perf_counter()
        result, _, _ = suggest(programme, algorithm=algorithm)
        seconds = time.perf_counter() - start
        tracemalloc.start()  # a second run, traced: tracing slows Python down, so it is not timed
        suggest(programme, algorithm=algorithm)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return result, seconds, peak / 2**20


def main():
    setup_django()
    from django.contrib.auth import get_user_model

    from mentoring import matching

    school = bench_school("bench-matching")
    curator, _ = get_user_model().objects.get_or_create(
        email="bench-matcher@bench.local", defaults={"last_name": "Б", "first_name": "М"}
    )
    programme = fill(school, curator)
    optimal, optimal_seconds, optimal_peak = measure(programme, school, matching.optimal)
    greedy, greedy_seconds, _ = measure(programme, school, matching.greedy)
    report(
        f"Подбор пар: {MENTEES} наставляемых без пары, {MENTORS} отобранных наставников",
        [
            ("оптимальный (венгерский метод)", f"{optimal_seconds:.2f} с, пик памяти Python {optimal_peak:.1f} МБ"),
            ("жадный (по очереди)", f"{greedy_seconds:.2f} с"),
            ("сумма оценок: оптимальный", f"{optimal.total:.2f} ({len(optimal.suggestions)} пар)"),
            ("сумма оценок: жадный", f"{greedy.total:.2f} ({len(greedy.suggestions)} пар)"),
            ("выигрыш оптимального", f"{100 * (optimal.total / greedy.total - 1):+.1f} %"),
        ],
    )


if __name__ == "__main__":
    main()
