"""Indicators computed from the data, the contingent, the monthly snapshot, the three reports (PDF parsed back
with pypdf, XLSX with openpyxl), the dashboards, and the municipal summary's query count."""

import io
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled
from openpyxl import load_workbook
from pypdf import PdfReader

from core.models import Job, Organization
from core.roles import Role
from core.tenancy import tenant_scope
from mentoring.models import Consent, Mentee, PairMember
from mentoring.services.pairs import form_pair
from monitoring.forms import AnswerForm
from monitoring.models import Contingent, IndicatorSnapshot, Question, Swot
from monitoring.services import indicators as ind
from monitoring.services.questionnaires import launch_wave, submit
from monitoring.services.reports import municipal_summary
from monitoring.tasks import take_indicator_snapshots
from tests.monitoring.test_questionnaires import valid_answers


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def download(client, job) -> bytes:
    response = client.get(job.get_absolute_url() + "download/")
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def add_contingent(school, **fields):
    values = {"year": ind.school_year_of(timezone.localdate()), "pupils_total": 10, "pupils_10_14": 4,
              "pupils_15_19": 2, "teachers": 5, "young_specialists": 1} | fields  # fmt: skip
    with scopes_disabled():
        return Contingent.objects.create(organization=school, **values)


def answer_all(world, school):
    """Every invitation of the school's wave answered with the same valid answers (8 on each scale)."""
    with tenant_scope(school):
        for invitation in world.people[school.pk]["wave"].invitations.select_related("wave", "questionnaire"):
            submit(invitation, answer_form_data(invitation))


def answer_form_data(invitation):
    form = AnswerForm(valid_answers(invitation), questions=list(invitation.questionnaire.questions.all()))
    assert form.is_valid(), form.errors
    return form.cleaned_data


def test_values_are_computed_from_the_pairs_and_the_contingent(world):
    add_contingent(world.school, pupils_total=10, pupils_10_14=4)
    with tenant_scope(world.school):
        values = {v.indicator.code: v for v in ind.school_values(world.school, timezone.localdate())}
    involved = values["pupils-involved"]
    # One pupil of fourteen is in the fixture pair: 1 of 10 pupils = 10 %, below the plan of 70 %.
    assert (involved.numerator, involved.denominator, involved.value) == (1, 10, 10.0)
    assert involved.met is False and involved.state == "не выполнен"
    assert values["mentees-10-19"].value == round(100 / 6, 1)
    assert values["satisfaction"].value is None  # nobody answered yet: no data, not zero


def test_satisfaction_counts_respondents_with_a_mean_of_seven_or_more(world):
    answer_all(world, world.school)
    with tenant_scope(world.school):
        value = {v.indicator.code: v for v in ind.school_values(world.school, timezone.localdate())}["satisfaction"]
    # The mentor and the mentee answered the satisfaction questionnaires, each with 8 everywhere.
    assert (value.numerator, value.denominator, value.value) == (2, 2, 100.0)


def test_contingent_form_refuses_bands_larger_than_the_total(world):
    client = world.client_for(world.users[Role.CURATOR])
    url = reverse("contingent", kwargs={"org": world.school.slug})
    data = {"year": "2026", "pupils_total": "100", "pupils_10_14": "80", "pupils_15_19": "40", "teachers": "10",
            "young_specialists": "2"}  # fmt: skip
    response = client.post(url, data)
    assert response.status_code == 200
    assert "не может быть больше" in response.content.decode()
    with scopes_disabled():
        assert not Contingent.objects.filter(organization=world.school).exists()
    assert client.post(url, data | {"pupils_total": "200"}).status_code == 302
    with scopes_disabled():
        assert Contingent.objects.get(organization=world.school).pupils_total == 200


def test_monthly_snapshot_fans_out_per_school_and_is_idempotent(world, django_capture_on_commit_callbacks):
    add_contingent(world.school)
    with django_capture_on_commit_callbacks(execute=True):  # one task per school, sent after the commit
        take_indicator_snapshots.delay()
        take_indicator_snapshots.delay()
    with scopes_disabled():
        snapshots = IndicatorSnapshot.objects.filter(organization=world.school)
        assert snapshots.count() == len(ind.indicators())
        assert {s.month for s in snapshots} == {timezone.localdate().replace(day=1)}
        assert IndicatorSnapshot.objects.filter(organization=world.other_school).exists()
    with tenant_scope(world.school):
        trend = ind.trends([world.school.pk])
    assert trend["pupils-involved"] == [(timezone.localdate().replace(day=1), 10.0)]


def test_monthly_snapshot_is_in_the_beat_schedule(settings):
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "monitoring.tasks.take_indicator_snapshots" in tasks


def request(client, url, data, capture):
    with capture(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302
    return response


def latest_job(user):
    with scopes_disabled():
        return Job.objects.filter(user=user).exclude(kind__startswith="import_").latest("pk")


PERIOD = {"date_from": "2026-01-01", "date_to": "2027-12-31"}


def test_school_monitoring_report_pdf_has_every_section_and_the_charts(world, django_capture_on_commit_callbacks):
    answer_all(world, world.school)
    add_contingent(world.school)
    with scopes_disabled():
        Swot.objects.create(
            organization=world.school, programme=world.people[world.school.pk]["programme"],
            strengths=["Опытные наставники"], threats=["Нагрузка педагогов"],
        )  # fmt: skip
    user = world.users[Role.CURATOR]
    client = world.client_for(user)
    url = reverse("report_monitoring", kwargs={"org": world.school.slug})
    response = request(client, url, PERIOD | {"fmt": "pdf"}, django_capture_on_commit_callbacks)
    job = latest_job(user)
    assert response["Location"] == job.get_absolute_url()
    assert job.status == Job.Status.READY, job.error
    text = pdf_text(download(client, job))
    for expected in (
        "Отчёт о мониторинге",
        "Этап 1. Качество реализации программы",
        "учитель – ученик",
        "Насколько эффективными были встречи",
        "Опытные наставники",
        "Этап 2.",
        "Работа пар и групп",
        "Доля обучающихся, вовлечённых",
        "Показатели и план",  # the chart's title, drawn in SVG
        "Открытые ответы",
        "Больше встреч",  # a free-text answer, without who gave it
    ):
        assert expected in text, expected
    assert world.people[world.school.pk]["mentee"].last_name not in text


def test_school_report_xlsx_lists_open_answers_as_text(world, django_capture_on_commit_callbacks):
    people = world.people[world.school.pk]
    with tenant_scope(world.school):
        invitation = people["mentee_invitation"]
        data = valid_answers(invitation)
        for question in invitation.questionnaire.questions.filter(kind=Question.Kind.TEXT):
            data[f"q{question.pk}"] = '=HYPERLINK("http://evil.example")'
        form = AnswerForm(data, questions=list(invitation.questionnaire.questions.all()))
        assert form.is_valid(), form.errors
        submit(invitation, form.cleaned_data)
    user = world.users[Role.CURATOR]
    client = world.client_for(user)
    url = reverse("report_monitoring", kwargs={"org": world.school.slug})
    request(client, url, PERIOD | {"fmt": "xlsx"}, django_capture_on_commit_callbacks)
    sheet = load_workbook(io.BytesIO(download(client, latest_job(user))))["Открытые ответы"]
    cells = [row[3] for row in sheet.iter_rows(min_row=2) if row[3].value]
    assert cells and all(cell.data_type == "s" for cell in cells)
    assert any("HYPERLINK" in cell.value for cell in cells)


def test_school_report_for_a_period_without_data_says_so(world, django_capture_on_commit_callbacks):
    user = world.users[Role.CURATOR]
    client = world.client_for(user)
    url = reverse("report_monitoring", kwargs={"org": world.school.slug})
    request(client, url, {"date_from": "2020-01-01", "date_to": "2020-12-31", "fmt": "pdf"},
            django_capture_on_commit_callbacks)  # fmt: skip
    job = latest_job(user)
    assert job.status == Job.Status.READY
    assert "ответов на анкеты нет" in pdf_text(download(client, job))


def test_statistics_xlsx_counts_participants(world, django_capture_on_commit_callbacks):
    user = world.users[Role.OBSERVER]
    client = world.client_for(user)
    url = reverse("report_statistics", kwargs={"org": world.school.slug})
    today = timezone.localdate().isoformat()  # ages are counted on the last day of the period
    request(client, url, PERIOD | {"date_to": today, "fmt": "xlsx"}, django_capture_on_commit_callbacks)
    job = latest_job(user)
    assert job.status == Job.Status.READY, job.error
    sheet = load_workbook(io.BytesIO(download(client, job))).active
    rows = {row[0]: row[1:] for row in sheet.iter_rows(values_only=True) if row and row[0]}
    assert rows["учитель – ученик"][:3] == (1, 1, 1)
    assert rows["Итого"][:3] == (1, 1, 1)
    assert rows["наставляемые"][0] == 1
    assert rows["10–14 лет"][0] == 1


def test_a_report_in_a_reversed_period_is_refused_on_the_page(world):
    client = world.client_for(world.users[Role.CURATOR])
    url = reverse("report_statistics", kwargs={"org": world.school.slug})
    response = client.post(url, {"date_from": "2027-01-01", "date_to": "2026-01-01", "fmt": "pdf"}, follow=True)
    assert "Окончание периода раньше его начала." in response.content.decode()


def test_municipal_summary_pdf_lists_every_school_and_the_totals(world, django_capture_on_commit_callbacks):
    add_contingent(world.school)
    user = world.users[Role.MUNICIPAL_SPECIALIST]
    client = world.client_for(user)
    url = reverse("m_summary", kwargs={"muni": world.municipality.slug})
    request(client, url, {"fmt": "pdf"}, django_capture_on_commit_callbacks)
    job = latest_job(user)
    assert job.status == Job.Status.READY, job.error
    text = pdf_text(download(client, job))
    assert "Сводный отчёт" in text
    assert "Школа А" in text and "Школа Б" in text
    assert "Школа Я" not in text  # another municipality's school
    assert "Итого" in text
    assert "Вовлечено обучающихся" in text


def test_municipal_summary_xlsx_has_a_row_per_school_and_totals(world, django_capture_on_commit_callbacks):
    user = world.users[Role.MUNICIPAL_COORDINATOR]
    client = world.client_for(user)
    request(client, reverse("m_summary", kwargs={"muni": world.municipality.slug}), {"fmt": "xlsx"},
            django_capture_on_commit_callbacks)  # fmt: skip
    sheet = load_workbook(io.BytesIO(download(client, latest_job(user)))).active
    names = [row[0] for row in sheet.iter_rows(min_row=6, values_only=True) if row[0]]
    assert names == ["Школа А", "Школа Б", "Итого"]
    totals = next(row for row in sheet.iter_rows(values_only=True) if row[0] == "Итого")
    assert 1 in totals  # one pair, one mentee, one mentor across the municipality


def test_another_municipalitys_summary_is_404(world):
    client = world.client_for(world.users[Role.MUNICIPAL_SPECIALIST])
    response = client.post(reverse("m_summary", kwargs={"muni": world.other_municipality.slug}), {"fmt": "pdf"})
    assert response.status_code == 404
    with scopes_disabled():
        assert not Job.objects.filter(kind="municipal_summary").exists()


def add_schools(world, count, tag):
    """Schools of the municipality, each with a programme, a pair with a mentee, and a contingent."""
    from tests.conftest import fill_programme, fill_school

    created = []
    with scopes_disabled():
        for n in range(count):
            school = Organization.objects.create(
                slug=f"q-{tag}-{n}",
                name=f"Школа {tag}{n}",
                short_name=f"Школа {tag}{n}",
                municipality=world.municipality,
            )
            people = fill_school(school)
            fill_programme(school, people, world.users)
            add_contingent(school)
            created.append(school)
    return created


def summary_queries(world):
    with tenant_scope(world.municipality), CaptureQueriesContext(connection) as captured:
        summary = municipal_summary(world.municipality, timezone.localdate())
    return len(captured), summary


def test_municipal_summary_queries_do_not_grow_with_the_schools(world):
    add_schools(world, 2, "a")
    few, summary = summary_queries(world)
    assert len(summary["schools"]) == 4
    add_schools(world, 4, "b")
    many, summary = summary_queries(world)
    assert len(summary["schools"]) == 8
    assert summary["totals"]["pairs"] == 7  # the world's pair in school A and one in each added school
    assert few == many


def test_municipal_dashboard_sorts_filters_and_links_each_number(world):
    add_contingent(world.school)
    client = world.client_for(world.users[Role.MUNICIPAL_SPECIALIST])
    url = reverse("m_monitoring", kwargs={"muni": world.municipality.slug})
    page = client.get(url, {"sort": "-mentees"}).content.decode()
    assert page.index("Школа А") < page.index("Школа Б")
    page = client.get(url, {"sort": "mentees"}).content.decode()
    table = page[page.index('data-testid="school-table"') :]
    assert table.index("Школа Б") < table.index("Школа А")
    school_url = reverse("m_monitoring_school", kwargs={"muni": world.municipality.slug, "pk": world.school.pk})
    assert f"{school_url}#pupils-involved" in page
    filtered = client.get(url, {"q": "Школа А"}).content.decode()
    assert "Школа Б" not in filtered.split('data-testid="school-table"')[1].split("</table>")[0]
    assert "<svg" in page and "style=" not in page
    # The roadmap's agreement state comes from the documents: school A's waits for the department.
    documents_url = reverse("m_school_documents", kwargs={"muni": world.municipality.slug, "pk": world.school.pk})
    assert f'<a href="{documents_url}">на согласовании</a>' in table
    assert "не создана" in table  # school B has no roadmap
    detail = client.get(school_url).content.decode()
    assert "Доля обучающихся, вовлечённых" in detail
    # A school of another municipality does not exist here.
    other = reverse("m_monitoring_school", kwargs={"muni": world.municipality.slug, "pk": world.other_school.pk})
    assert client.get(other).status_code == 404


def test_curator_monitoring_page_shows_rates_indicators_and_charts(world):
    client = world.client_for(world.users[Role.CURATOR])
    page = client.get(reverse("monitoring_home", kwargs={"org": world.school.slug})).content.decode()
    assert "Итоговое анкетирование" in page
    assert "0 из 4" in page  # the mentor, the curator and the mentee's two questionnaires
    assert "Контингент школы не внесён" in page
    assert "<svg" in page and "style=" not in page


@pytest.fixture
def second_pair(world):
    """Another pupil of school A with the fixture mentor, so that rates and shares move."""
    people = world.people[world.school.pk]
    with scopes_disabled():
        mentee = Mentee.objects.create(
            organization=world.school, last_name="Юрьева", first_name="Анна",
            group="6Б",
        )  # fmt: skip
        Consent.objects.create(
            organization=world.school, mentee=mentee, purpose=Consent.Purpose.PERSONAL_DATA, text_version="ПДн-2025-09",
            given_by_name="Юрьева Анна", given_by_relation="сама", given_at=timezone.now(), method=Consent.Method.PAPER,
        )  # fmt: skip
        form_pair(
            programme=people["programme"], mentor=people["mentor"], mentees=[mentee], form=people["form"],
            starts_on=date(2026, 10, 15), planned_end_on=date(2027, 5, 15), actor=world.users[Role.CURATOR],
            tenant=world.school,
        )  # fmt: skip
        assert PairMember.objects.filter(organization=world.school, active=True).count() == 2
    return mentee


def test_a_new_wave_invites_the_new_pair_too(world, second_pair):
    people = world.people[world.school.pk]
    with tenant_scope(world.school):
        today = timezone.localdate()
        wave = launch_wave(
            programme=people["programme"], kind="entry", title="Вход", opens_on=today, closes_on=today,
            actor=world.users[Role.CURATOR], tenant=world.school,
        )  # fmt: skip
        mentees = set(wave.invitations.exclude(mentee=None).values_list("mentee", flat=True))
        assert mentees == {people["mentee"].pk, second_pair.pk}
        assert set(wave.invitations.values_list("questionnaire__purpose", flat=True)) == {"growth"}
        assert not Question.objects.filter(questionnaire__invitations__wave=wave, kind="bogus").exists()
