"""Matching suggestions, as the stored run computes them from the database.

A school of 600 unpaired mentees and 150 selected mentors: the run's time, the total score of the sparse
candidate set's assignment beside the exact optimum over every allowed combination (their gap printed) and
the greedy baseline's (first come, first served). A school of 20 000 mentees and 1 500 mentors: the whole run
(facts, scoring, assignment, storing every proposal) in a child process, its time and how much it raised the
process's memory; beside it, the floor: reading the same facts from the database alone.
"""

import multiprocessing
import random
import time
from datetime import UTC, date, datetime

from benchmarks.harness import bench_school, report, setup_django

MENTEES = 600
MENTORS = 150
LARGE_MENTEES = 20_000
LARGE_MENTORS = 1_500
TAGS = 12


def fill(school, curator, mentee_count=MENTEES, mentor_count=MENTORS):

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
        for n in range(mentee_count):
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
        mentees = Mentee.objects.bulk_create(mentees, batch_size=2_000)
        Consent.objects.bulk_create(
            (
                Consent(
                    organization=school,
                    mentee=mentee,
                    text_version="v",
                    given_by_name="Представитель",
                    given_by_relation="мать" if mentee.category == Mentee.Category.PUPIL else "",
                    given_at=datetime(2026, 9, 1, tzinfo=UTC),
                )
                for mentee in mentees
            ),
            batch_size=2_000,
        )
        mentors = []
        for n in range(mentor_count):
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


def vm_kb(field: str) -> int:
    """A figure of this process's memory from /proc (``VmRSS``, ``VmHWM``: the peak), in kB."""
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith(field + ":"))


def timed_run(programme, school, algorithm, into):
    """Run the matching as the job does (facts, scoring, assignment, storing), in this child process; put
    the seconds, the rise of the peak memory over the memory at the start (MB) and the result's totals."""
    from core.models import Job
    from core.tenancy import tenant_scope
    from mentoring.services.matching import JOB_KIND, store, suggest

    start_rss = vm_kb("VmRSS")
    with tenant_scope(school):
        job = Job(user=programme.curator, kind=JOB_KIND, params={"programme": programme.pk})
        job.tenant = school
        job.save()
        start = time.perf_counter()
        result, mentees, _ = suggest(programme, algorithm=algorithm)
        store(job, programme, result, mentees)
        seconds = time.perf_counter() - start
    into.put((seconds, (vm_kb("VmHWM") - start_rss) / 1024, result.total, len(result.suggestions)))


def facts_floor(programme, school, into):
    """The floor: reading the facts alone (the queries the run makes before any scoring)."""
    from django.utils import timezone

    from core.tenancy import tenant_scope
    from mentoring.models import Mentee, Mentor, PairMember
    from mentoring.services.pair_rules import mentee_facts, mentor_facts
    from mentoring.services.programmes import ACTIVE_MENTEE

    with tenant_scope(school):
        start = time.perf_counter()
        paired = PairMember.objects.filter(active=True, pair__programme=programme).values("mentee_id")
        mentee_facts(Mentee.objects.filter(ACTIVE_MENTEE).exclude(pk__in=paired), timezone.localdate())
        mentor_facts(programme, Mentor.objects.filter(programmes__programme=programme), timezone.localdate())
        into.put((time.perf_counter() - start, 0, 0, 0))


def in_child(target, *args):
    """``target(*args, queue)`` in a forked process of its own (its own peak memory); what it put."""
    from django.db import connections

    connections.close_all()  # the child opens its own connection
    queue = multiprocessing.Queue()
    child = multiprocessing.get_context("fork").Process(target=target, args=(*args, queue))
    child.start()
    figures = queue.get()
    child.join()
    return figures


def main():
    setup_django()
    from django.contrib.auth import get_user_model

    from mentoring import matching

    curator, _ = get_user_model().objects.get_or_create(
        email="bench-matcher@bench.local", defaults={"last_name": "Б", "first_name": "М"}
    )
    programme = fill(bench_school("bench-matching"), curator)
    school = programme.organization
    seconds, memory, sparse_total, pairs = in_child(timed_run, programme, school, matching.optimal)
    exact = lambda *args: matching.optimal(*args, top=None)  # noqa: E731 - the reference, every combination
    exact_seconds, _, exact_total, _ = in_child(timed_run, programme, school, exact)
    greedy_seconds, _, greedy_total, greedy_pairs = in_child(timed_run, programme, school, matching.greedy)
    floor, *_ = in_child(facts_floor, programme, school)
    report(
        f"Подбор пар: {MENTEES} наставляемых без пары, {MENTORS} отобранных наставников",
        [
            ("пол: чтение фактов из базы", f"{floor:.2f} с"),
            ("подбор (разреженный набор)", f"{seconds:.2f} с ({seconds / floor:.1f}× пола), память +{memory:.0f} МБ"),
            ("подбор по всем сочетаниям (эталон)", f"{exact_seconds:.2f} с"),
            ("жадный (по очереди)", f"{greedy_seconds:.2f} с"),
            ("сумма оценок: разреженный", f"{sparse_total:.4f} ({pairs} пар)"),
            ("сумма оценок: эталон", f"{exact_total:.4f}"),
            ("отставание от оптимума", f"{100 * (1 - sparse_total / exact_total):.3f} % (допустимо 0,1 %)"),
            ("сумма оценок: жадный", f"{greedy_total:.4f} ({greedy_pairs} пар)"),
            ("выигрыш над жадным", f"{100 * (sparse_total / greedy_total - 1):+.1f} %"),
        ],
    )
    large = fill(bench_school("bench-matching-large"), curator, LARGE_MENTEES, LARGE_MENTORS)
    school = large.organization
    floor, *_ = in_child(facts_floor, large, school)
    seconds, memory, total, pairs = in_child(timed_run, large, school, matching.optimal)
    report(
        f"Подбор пар: {LARGE_MENTEES} наставляемых, {LARGE_MENTORS} наставников (цель: до 60 с и 500 МБ)",
        [
            ("пол: чтение фактов из базы", f"{floor:.2f} с"),
            ("весь расчёт с сохранением", f"{seconds:.1f} с ({seconds / floor:.1f}× пола), память +{memory:.0f} МБ"),
            ("предложено пар", f"{pairs} (сумма оценок {total:.1f})"),
        ],
    )


if __name__ == "__main__":
    main()
