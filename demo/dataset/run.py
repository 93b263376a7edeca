"""One run of the data set generator: replace or refuse earlier generated rows, generate the schools with their
bases, programmes and monitoring, and describe what the database then holds."""

import random
import time

from django.contrib.auth.hashers import make_password
from django.core.management.base import CommandError
from django.db import connection, transaction
from django_scopes import scopes_disabled

from core.models import Organization
from demo.dataset.constants import DATASET_PASSWORD, ORGANIZATION_PREFIX
from demo.dataset.generator import DatasetGenerator
from demo.dataset.programmes import generate_programmes
from demo.dataset.rows import count_generated, delete_generated
from demo.monitoring import generate_monitoring


def generate(
    stdout,
    *,
    schools: int,
    municipalities: int,
    mentors: int,
    mentees: int,
    mentor_records: int,
    seed: int,
    replace: bool,
    programmes: bool,
    region: str | None = None,
) -> tuple[float, dict[str, int]]:
    """Generate the data set in one transaction; return the seconds it took and the counts of generated rows."""
    # Generated rows span every tenant: one of the reviewed places where scopes are disabled.
    with scopes_disabled(), transaction.atomic():
        existing = count_generated()
        if any(existing.values()):
            if not replace:
                raise CommandError(
                    f"В базе уже есть сгенерированные данные ({describe(existing)}). "
                    "Чтобы заменить их, запустите команду с --replace."
                )
            started = time.perf_counter()
            delete_generated()
            stdout.write(
                f"Удалены прежние сгенерированные данные ({describe(existing)}) "
                f"за {time.perf_counter() - started:.1f} с."
            )
        started = time.perf_counter()
        generator = DatasetGenerator(random.Random(seed), make_password(DATASET_PASSWORD))
        generator.run(schools, municipalities, mentors, mentees, mentor_records, region=region)
        refresh_statistics()  # the programmes and the monitoring read the bases: plan them on their real size
        if mentees and programmes:
            generate_programmes(
                Organization.objects.filter(slug__startswith=ORGANIZATION_PREFIX).order_by("pk"),
                seed=seed, today=generator.today, year_start=generator.year_start,
            )  # fmt: skip
            generate_monitoring(
                Organization.objects.filter(slug__startswith=ORGANIZATION_PREFIX).order_by("pk"),
                seed=seed, today=generator.today,
            )  # fmt: skip
        counts = count_generated()
    refresh_statistics()
    elapsed = time.perf_counter() - started
    return elapsed, counts


def refresh_statistics():
    """``ANALYZE`` the database: the planner's statistics describe the new data set, not the empty tables it
    started from (the first runs after a generation were 2–4× slower without it). Inside the generation's
    transaction it counts the transaction's own new rows."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def describe(counts: dict[str, int]) -> str:
    """«муниципалитетов 4, организаций 100, пользователей 1912, ролей 1912, наставляемых 200000, …»."""
    return (
        f"муниципалитетов {counts['municipalities']}, организаций {counts['organizations']}, "
        f"пользователей {counts['users']}, ролей {counts['memberships']}, "
        f"наставляемых {counts['mentees']}, наставников {counts['mentors']}, согласий {counts['consents']}"
    )
