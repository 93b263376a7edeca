"""What every benchmark shares: Django set up on the benchmark database, a school of its own, timing."""

import os
import resource
import statistics
import time
from contextlib import contextmanager

BENCH_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/mentoring_bench"


def setup_django():
    os.environ.setdefault("DATABASE_URL", BENCH_DATABASE_URL)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("PORTAL_BASE_URL", "http://bench.local")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def bench_school(slug):
    """A fresh school (and its municipality) for one benchmark; earlier rows of it are deleted first."""
    from django_scopes import scopes_disabled

    from core.models import Municipality, Organization, Region

    with scopes_disabled():
        Organization.objects.filter(slug=slug).delete()
        region, _ = Region.objects.get_or_create(name="—")
        municipality, _ = Municipality.objects.get_or_create(
            slug="bench-m", defaults={"name": "Бенчмарк", "short_name": "Бенчмарк", "region": region}
        )
        return Organization.objects.create(
            slug=slug, name=f"МБОУ «{slug}»", short_name=f"МБОУ «{slug}»", municipality=municipality
        )


@contextmanager
def stopwatch(into: list):
    start = time.perf_counter()
    yield
    into.append(time.perf_counter() - start)


def median_ms(samples):
    return statistics.median(samples) * 1000


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def report(title, rows):
    print(f"\n## {title}")
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"  {name:<{width}}  {value}")
