"""The municipal summary on the generated data set: compile time (data, PDF, XLSX) and peak memory, beside the floor
— the same per-school aggregates computed by one raw SQL query.

Run ``make dataset`` first; the largest generated municipality is used.
"""

import statistics

from benchmarks.harness import median_ms, peak_rss_mb, report, setup_django, stopwatch

RUNS = 5

FLOOR_SQL = """
WITH schools AS (SELECT id FROM mentoring_organization WHERE municipality_id = %(muni)s),
current AS (
    SELECT DISTINCT ON (organization_id) id, organization_id FROM mentoring_programme
    WHERE organization_id IN (SELECT id FROM schools) ORDER BY organization_id, starts_on DESC, id DESC
),
stages AS (
    SELECT s.organization_id, count(*) AS total, count(*) FILTER (WHERE s.status = 'done') AS done
    FROM mentoring_stage s JOIN current c ON c.id = s.programme_id GROUP BY s.organization_id
),
pairs AS (
    SELECT organization_id, count(*) AS pairs, count(DISTINCT mentor_id) AS mentors FROM mentoring_pair
    WHERE status = 'active' AND organization_id IN (SELECT id FROM schools) GROUP BY organization_id
),
mentees AS (
    SELECT m.organization_id,
           count(DISTINCT m.id) FILTER (WHERE m.category = 'pupil') AS pupils,
           count(DISTINCT m.id) FILTER (WHERE m.category = 'pupil'
               AND m.birth_date > %(on)s::date - interval '20 years'
               AND m.birth_date <= %(on)s::date - interval '10 years') AS aged,
           count(DISTINCT m.id) FILTER (WHERE m.category = 'young_specialist') AS young,
           count(DISTINCT m.id) AS total
    FROM mentoring_mentee m JOIN mentoring_pairmember pm ON pm.mentee_id = m.id AND pm.active
    JOIN mentoring_pair p ON p.id = pm.pair_id AND p.status = 'active'
    WHERE m.organization_id IN (SELECT id FROM schools) GROUP BY m.organization_id
),
means AS (
    SELECT a.response_id, avg(a.number) AS mean FROM monitoring_answer a
    JOIN monitoring_question q ON q.id = a.question_id AND q.kind = 'scale'
    WHERE a.organization_id IN (SELECT id FROM schools) GROUP BY a.response_id
),
satisfaction AS (
    SELECT r.organization_id, count(*) AS total, count(*) FILTER (WHERE m.mean >= 7) AS satisfied
    FROM monitoring_response r
    JOIN monitoring_questionnaire q ON q.id = r.questionnaire_id AND q.purpose = 'satisfaction'
    LEFT JOIN means m ON m.response_id = r.id
    WHERE r.organization_id IN (SELECT id FROM schools) GROUP BY r.organization_id
)
SELECT o.id, st.done, st.total, pa.pairs, pa.mentors, me.total, me.pupils, me.aged, me.young, sa.total, sa.satisfied,
       ct.pupils_total, ct.pupils_10_14 + ct.pupils_15_19
FROM schools o
LEFT JOIN stages st ON st.organization_id = o.id
LEFT JOIN pairs pa ON pa.organization_id = o.id
LEFT JOIN mentees me ON me.organization_id = o.id
LEFT JOIN satisfaction sa ON sa.organization_id = o.id
LEFT JOIN LATERAL (
    SELECT * FROM monitoring_contingent c WHERE c.organization_id = o.id ORDER BY year DESC LIMIT 1
) ct ON true
"""


def main():
    setup_django()
    from django.db import connection
    from django.db.models import Count
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from core.models import Municipality
    from core.rendering import renderer_for
    from core.tenancy import tenant_scope
    from monitoring.services.reports import municipal_summary

    municipality = (
        Municipality.objects.filter(slug__startswith="gen-m-")
        .annotate(schools=Count("organizations"))
        .order_by("-schools")
        .first()
    )
    if municipality is None:
        raise SystemExit("No generated data: run `make dataset` first.")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh statistics after the bulk load, as autovacuum would give them
    on = timezone.localdate()
    renderer = renderer_for("municipal_summary")
    data_times, pdf_times, xlsx_times, floor_times = [], [], [], []
    with tenant_scope(municipality):
        for _ in range(RUNS):
            with stopwatch(data_times):
                source = municipal_summary(municipality, on)
            source["compiled_at"] = timezone.localtime()
            with stopwatch(pdf_times):
                pdf = renderer.render(source, "pdf")
            with stopwatch(xlsx_times):
                xlsx = renderer.render(source, "xlsx")
        with CaptureQueriesContext(connection) as queries:
            municipal_summary(municipality, on)
    with connection.cursor() as cursor:
        for _ in range(RUNS):
            with stopwatch(floor_times):
                cursor.execute(FLOOR_SQL, {"muni": municipality.pk, "on": on})
                rows = cursor.fetchall()
    total = [d + p + x for d, p, x in zip(data_times, pdf_times, xlsx_times, strict=True)]
    floor = statistics.median(floor_times)
    schools = len(source["schools"])
    report(
        f"Сводный отчёт муниципалитета: {municipality.short_name}, школ {schools} (медиана {RUNS} прогонов)",
        [
            ("данные отчёта", f"{median_ms(data_times):8.1f} мс, запросов к БД {len(queries)}"),
            ("PDF (WeasyPrint)", f"{median_ms(pdf_times):8.1f} мс, {len(pdf.content) // 1024} КБ"),
            ("XLSX (openpyxl)", f"{median_ms(xlsx_times):8.1f} мс, {len(xlsx.content) // 1024} КБ"),
            ("всего: данные + PDF + XLSX", f"{median_ms(total):8.1f} мс"),
            ("пол: один SQL-запрос агрегатов", f"{floor * 1000:8.1f} мс ({len(rows)} строк)"),
            ("данные / пол", f"{statistics.median(data_times) / floor:8.1f}×"),
            ("пиковая память процесса", f"{peak_rss_mb():8.1f} МБ"),
        ],
    )


if __name__ == "__main__":
    main()
