"""The regional pages on a generated region (``manage.py generate_dataset --schools 2000 --mentees-per-school 100
--region "Красноярский край"``): the regional dashboard, a municipality's read-only dashboard and the regional
summary report, with their median server time and query count.

``REGIONAL_PAGES`` is the list the pages benchmark takes in (each entry: a name and a function of the region
giving its URL); run alone, this module prints the same figures.
"""

import time

from benchmarks.harness import median_ms, report, setup_django, stopwatch

REQUESTS = 10

REGIONAL_PAGES = [
    ("сводка региона (регион. координатор)", lambda region, municipality: f"/r/{region.pk}/"),
    (
        "муниципалитет из сводки региона",
        lambda region, municipality: f"/r/{region.pk}/municipalities/{municipality.pk}/",
    ),
]


def generated_region():
    """The region of the generated data set with the most schools, its coordinator and its largest municipality."""
    from django.db.models import Count
    from django_scopes import scopes_disabled

    from core.models import Membership, Municipality, Region
    from core.roles import Role

    with scopes_disabled():
        region = (
            Region.objects.filter(memberships__role=Role.REGIONAL_COORDINATOR)
            .annotate(schools=Count("municipalities__organizations", distinct=True))
            .order_by("-schools")
            .first()
        )
        if region is None:
            raise SystemExit("Нет сгенерированного региона: generate_dataset … --region «Красноярский край».")
        coordinator = Membership.objects.filter(region=region, role=Role.REGIONAL_COORDINATOR).first().user
        municipality = (
            Municipality.objects.filter(region=region).annotate(n=Count("organizations")).order_by("-n").first()
        )
    return region, coordinator, municipality


def main():
    setup_django()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from core.tenancy import tenant_scope
    from monitoring.regional_report import RegionalSummary

    region, coordinator, municipality = generated_region()
    client = Client()
    client.force_login(coordinator)
    rows = []
    for name, url_of in REGIONAL_PAGES:
        url = url_of(region, municipality)
        samples = []
        client.get(url)  # warm-up
        for _ in range(REQUESTS):
            with stopwatch(samples):
                assert client.get(url).status_code == 200, url
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        rows.append((name, f"медиана {median_ms(samples):7.1f} мс, запросов к БД {len(captured)}"))
    renderer = RegionalSummary()
    for fmt in ("xlsx", "pdf"):
        start = time.perf_counter()
        with tenant_scope(region):
            source = renderer.load({"on": timezone.localdate().isoformat()}, tenant=region, user=None,
                                   progress=lambda *args: None)  # fmt: skip
            rendered = renderer.render(source, fmt)
        elapsed = time.perf_counter() - start
        rows.append((f"сводный отчёт региона ({fmt.upper()})", f"{elapsed:7.1f} с, {len(rendered.content) // 1024} КБ"))
    schools = sum(row.schools for row in source["municipalities"])
    report(f"Страницы региона: {region.name}, {len(source['municipalities'])} муниципалитетов, {schools} школ", rows)


if __name__ == "__main__":
    main()
