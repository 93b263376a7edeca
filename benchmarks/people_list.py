"""The mentee list of a school with 5 000 mentees: median server time of filtered, paginated pages."""

import random

from benchmarks.harness import bench_school, median_ms, report, setup_django, stopwatch

MENTEES = 5000
REQUESTS = 30
PAGES = {
    "весь список, стр. 1": {},
    "стр. 50": {"page": "50"},
    "поиск по фамилии": {"q": "Ива"},
    "категория + статус": {"category": "pupil", "status": "in_base"},
    "по запросу": {"tag": None},
    "без согласия": {"consent": "missing"},
}


def fill(school):
    from datetime import date

    from core.tenancy import tenant_scope
    from demo import people as demo_people
    from mentoring.models import Mentee, Tag

    rng = random.Random(5)
    with tenant_scope(school):
        tags = Tag.objects.bulk_create(Tag(organization=school, name=f"Запрос {n}") for n in range(12))
        people = []
        for _ in range(MENTEES):
            name = demo_people.person(rng)
            people.append(
                Mentee(
                    organization=school,
                    last_name=name.last_name,
                    first_name=name.first_name,
                    patronymic=name.patronymic,
                    birth_date=date(rng.randint(2008, 2015), rng.randint(1, 12), rng.randint(1, 28)),
                    group=f"{rng.randint(5, 11)}{rng.choice('АБВ')}",
                    representative_name="Представитель",
                    representative_relation="мать",
                )
            )
        people = Mentee.objects.bulk_create(people, batch_size=2000)
        through = Mentee.requests.through
        through.objects.bulk_create(
            (through(mentee_id=m.pk, tag_id=rng.choice(tags).pk) for m in people), batch_size=5000
        )
    return tags[0].pk


def main():
    setup_django()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from core.models import Membership
    from core.roles import Role
    from mentoring.models import User
    from mentoring.services.saved_filters import PRIVATE_FILTERS

    school = bench_school("bench-list")
    tag_id = fill(school)
    user, _ = User.objects.get_or_create(
        email="bench-curator@bench.local", defaults={"last_name": "Б", "first_name": "К"}
    )
    Membership.objects.get_or_create(user=user, organization=school, role=Role.CURATOR)
    client = Client()
    client.force_login(user)
    rows = []
    for name, params in PAGES.items():
        params = {key: (value if value is not None else str(tag_id)) for key, value in params.items()}
        address = f"/o/{school.slug}/mentees/"
        if set(params) & PRIVATE_FILTERS:  # a typed name: posted once, then the page of its short filter id
            address, params = client.post(address, params)["Location"], {}
        samples = []
        for _ in range(REQUESTS):
            with stopwatch(samples):
                response = client.get(address, params)
            assert response.status_code == 200
        with CaptureQueriesContext(connection) as queries:
            client.get(address, params)
        rows.append((name, f"медиана {median_ms(samples):6.1f} мс, запросов к БД {len(queries)}"))
    report(f"Список наставляемых: {MENTEES} человек, {REQUESTS} запросов на страницу", rows)


if __name__ == "__main__":
    main()
