"""The region above its municipalities: the dashboard read from the monthly snapshots (values against plan,
trends), the read-only drill-down into a municipality, the regional summary as PDF and XLSX, and a number of
queries that does not grow with the schools."""

import io
import re
from datetime import timedelta
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled
from openpyxl import load_workbook

from core.models import Job, Municipality, Organization
from core.roles import Role
from core.tenancy import tenant_scope
from monitoring.models import Contingent, Indicator, IndicatorSnapshot
from monitoring.services import indicators as ind
from monitoring.services.regional import regional_summary
from tests.monitoring.test_reports import add_contingent, download, latest_job, pdf_text, request


def snapshot_region(world):
    """This month's snapshot of every school of the world's region."""
    with scopes_disabled():
        ids = list(Organization.objects.filter(municipality__region=world.region).values_list("pk", flat=True))
        ind.take_snapshots(ids, timezone.localdate())


def test_dashboard_shows_the_regions_municipalities_against_plan_from_the_snapshots(world):
    add_contingent(world.school, pupils_total=10)  # one pupil of ten in a pair: 10 %, the national plan is 70 %
    snapshot_region(world)
    with scopes_disabled():
        Contingent.objects.filter(organization=world.school).delete()  # the live figure changes, the month's stays
        month = timezone.localdate().replace(day=1)
        previous = (month - timedelta(days=1)).replace(day=1)
        involved = Indicator.objects.get(code="pupils-involved")
        IndicatorSnapshot.objects.create(
            organization=world.school, indicator=involved, month=previous, numerator=0, denominator=Decimal(10)
        )
    client = world.client_for(world.users[Role.REGIONAL_SPECIALIST])
    response = client.get(reverse("region_home", kwargs={"region": world.region.pk}))
    assert response.status_code == 200
    content = response.content.decode()
    assert "УО Мурта" in content and "УО Канск" not in content  # the other region's municipality
    assert f"на {month:%d.%m.%Y}" in content
    rows = response.context["municipalities"]
    assert [row.municipality for row in rows] == [world.municipality]
    assert rows[0].schools == 2 and rows[0].with_programme == 1
    value = next(v for v in response.context["total_values"] if v.indicator.code == "pupils-involved")
    assert (value.value, value.plan, value.state) == (10.0, 70, "не выполнен")
    assert response.context["trends"]["Вовлечено обучающихся"] == [(previous, 0.0), (month, 10.0)]
    assert "<svg" in content
    # «Only those behind the plan» keeps the municipality, which is behind.
    behind = client.get(reverse("region_home", kwargs={"region": world.region.pk}), {"behind": "1"})
    assert [row.municipality for row in behind.context["rows"]] == [world.municipality]


def test_without_snapshots_the_dashboard_says_when_they_come(world):
    client = world.client_for(world.users[Role.REGIONAL_COORDINATOR])
    content = client.get(reverse("region_home", kwargs={"region": world.region.pk})).content.decode()
    assert "Ежемесячных срезов показателей ещё нет" in content


def test_drill_down_shows_a_municipalitys_schools_read_only(world):
    client = world.client_for(world.users[Role.REGIONAL_SPECIALIST])
    url = reverse("r_municipality", kwargs={"region": world.region.pk, "pk": world.municipality.pk})
    response = client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Школа А" in content and "Школа Б" in content and "Школа Я" not in content
    # No way into a school or a municipal page: the region reads aggregates only.
    assert not re.search(r'href="/(o|m)/', content)
    assert "только просмотр" in content


def add_municipalities(world, count, tag):
    """Municipalities of the region with two schools each, a contingent and this month's snapshot."""
    with scopes_disabled():
        for n in range(count):
            municipality = Municipality.objects.create(
                slug=f"r-{tag}-{n}", name=f"Управление {tag}{n}", short_name=f"УО {tag}{n}", region=world.region
            )
            for k in range(2):
                school = Organization.objects.create(
                    slug=f"r-{tag}-{n}-{k}", name=f"Школа {tag}{n}{k}", short_name=f"Школа {tag}{n}{k}",
                    municipality=municipality,
                )  # fmt: skip
                add_contingent(school)
    snapshot_region(world)


def page_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response


def test_regional_queries_do_not_grow_with_the_schools(world):
    client = world.client_for(world.users[Role.REGIONAL_COORDINATOR])
    url = reverse("region_home", kwargs={"region": world.region.pk})
    add_municipalities(world, 1, "a")
    client.get(url)  # the session and the content types warmed up
    few, response = page_queries(client, url)
    assert response.context["totals"]["schools"] == 4
    with tenant_scope(world.region), CaptureQueriesContext(connection) as captured:
        regional_summary(world.region, timezone.localdate())
    summary_few = len(captured)
    add_municipalities(world, 5, "b")
    many, response = page_queries(client, url)
    assert response.context["totals"] == {
        "municipalities": 7, "schools": 14, "with_programme": 1, "stages_done": 0, "stages_total": 7,
    }  # fmt: skip
    with tenant_scope(world.region), CaptureQueriesContext(connection) as captured:
        regional_summary(world.region, timezone.localdate())
    assert len(captured) == summary_few
    assert many == few


def test_regional_summary_pdf_has_the_municipalities_and_the_charts(world, django_capture_on_commit_callbacks):
    add_contingent(world.school)
    snapshot_region(world)
    user = world.users[Role.REGIONAL_SPECIALIST]
    client = world.client_for(user)
    request(client, reverse("r_summary", kwargs={"region": world.region.pk}), {"fmt": "pdf"},
            django_capture_on_commit_callbacks)  # fmt: skip
    job = latest_job(user)
    assert job.status == Job.Status.READY, job.error
    assert job.get_absolute_url().startswith(f"/r/{world.region.pk}/")
    text = pdf_text(download(client, job))
    assert "Сводный отчёт региона" in text
    assert "УО Мурта" in text and "УО Канск" not in text
    assert "Итого" in text and "Вовлечено обучающихся" in text
    assert "Показатели региона по месяцам" in text  # the trend chart's title


def test_regional_summary_xlsx_has_a_row_per_municipality(world, django_capture_on_commit_callbacks):
    add_contingent(world.school, pupils_total=10)
    snapshot_region(world)
    user = world.users[Role.REGIONAL_COORDINATOR]
    client = world.client_for(user)
    request(client, reverse("r_summary", kwargs={"region": world.region.pk}), {"fmt": "xlsx"},
            django_capture_on_commit_callbacks)  # fmt: skip
    workbook = load_workbook(io.BytesIO(download(client, latest_job(user))))
    sheet = workbook.active
    rows = [row for row in sheet.iter_rows(min_row=6, values_only=True) if row[0]]
    assert [row[0] for row in rows] == ["УО Мурта", "Итого по региону"]
    assert rows[0][1:5] == (2, 1, 0, 7)  # two schools, one with a programme of seven stages, none done
    assert rows[0][5:7] == (10.0, 70.0)  # pupils involved against the national 70 %
    assert "Динамика по месяцам" in workbook.sheetnames


def test_the_regions_acts_entered_by_its_coordinator_are_cited_by_its_schools_orders(world):
    from documents.kinds.legal_basis import pupils_basis

    act = "приказ министерства образования Красноярского края от 30.11.2020 № 590-11-05 «О внедрении модели»"
    client = world.client_for(world.users[Role.REGIONAL_COORDINATOR])
    url = reverse("regional_requisites", kwargs={"region": world.region.pk})
    response = client.post(url, {"authority": "Министерство образования Красноярского края", "acts": act})
    assert response.status_code == 302
    world.school.municipality.region.refresh_from_db()
    with tenant_scope(world.school):
        basis = pupils_basis(world.school)
    assert "приказом министерства образования Красноярского края от 30.11.2020 № 590-11-05" in basis
    # The specialist reads the region's figures but does not edit its requisites.
    specialist = world.client_for(world.users[Role.REGIONAL_SPECIALIST])
    assert specialist.get(url).status_code == 403
