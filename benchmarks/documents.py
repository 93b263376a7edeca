"""Rendering the documents of the kit: the regulation, the implementation order (which embeds the regulation and
the roadmap as appendices) and the roadmap of one school, in PDF and DOCX, plus the municipal order and roadmap.

For each kind and format: the median of ``RUNS`` whole renders (``content_of`` + the renderer), after one warm-up
render (fonts and templates are loaded once per worker process; the cold first render is printed too), and the
share of it spent in our own code rather than in WeasyPrint / python-docx — the data assembly (``content_of``,
with its queries) and, for a PDF, the Django template that turns the content into HTML. The parts are timed
separately on the renderer's own call path (``core.rendering.pdf``).

School: the first generated school (``make dataset``; slug ``gen-o-…``) with a programme whose stages are dated,
with its pairs; without a dataset a school of its own is built (``bench-documents``: a director, a curator, a
programme of three forms with its seven stages and activities, two sub-programmes). The documents are unsaved
drafts of that school (a draft's text follows the data; the school's own texts, if any, are used as they are).

Targets (the issue): the regulation below 1.5 s; our share below 20 %.
"""

import io
import statistics
import time
from contextlib import contextmanager
from datetime import date

from benchmarks.harness import bench_school, report, setup_django

RUNS = 7
SCHOOL_KINDS = ("regulation", "implementation_order", "roadmap")
MUNICIPAL_KINDS = ("municipal_order", "municipal_roadmap")
FORMATS = ("pdf", "docx")
TARGET_SECONDS = {"regulation": 1.5}
TARGET_SHARE = 0.20


def find_school():
    """The first generated school with a dated programme, its curator and pairs; None without a dataset."""
    from django.db.models import Count, Q

    from core.models import Organization
    from mentoring.models import Programme

    programme = (
        Programme.objects.filter(organization__slug__startswith="gen-o-", curator__isnull=False)
        .exclude(organization__director_name="")
        .annotate(pair_count=Count("pairs", distinct=True), undated=Count("stages", filter=Q(stages__starts_on=None)))
        .filter(pair_count__gt=0, undated=0)
        .order_by("organization__pk", "-starts_on")
        .first()
    )
    if programme is None:
        return None
    return Organization.objects.select_related("municipality").get(pk=programme.organization_id), programme


def build_school():
    """A school of its own with a realistic programme (when there is no generated dataset)."""

    from core.models import Membership
    from core.roles import Role
    from core.tenancy import tenant_scope
    from mentoring.models import SubProgramme
    from mentoring.services.programmes import create_programme, ensure_forms

    school = bench_school("bench-documents")
    school.director_name = "Петрова Ольга Ивановна"
    school.address = "663060, Красноярский край, пгт Большая Мурта, ул. Советская, 1"
    school.save()
    municipality = school.municipality
    if not municipality.head_name:
        municipality.head_position, municipality.head_name = "Руководитель", "Максименко Светлана Геннадьевна"
        municipality.save()
    curator = _user("curator@bench-documents.test", "Орлова", "Марина", "Сергеевна")
    Membership.objects.get_or_create(user=curator, organization=school, role=Role.CURATOR)
    with tenant_scope(school):
        forms = {form.code: form for form in ensure_forms(school)}
        programme = create_programme(
            tenant=school, actor=curator,
            forms=[forms["teacher-pupil"], forms["pupil-pupil"], forms["teacher-teacher"]],
            title="Программа наставничества 2026/2027", starts_on=date(2026, 9, 1), ends_on=date(2027, 5, 31),
            goals="Раскрытие потенциала каждого обучающегося", curator=curator,
        )  # fmt: skip
        for name in ("Билет в будущее", "Школа молодого педагога"):
            SubProgramme.objects.create(organization=school, programme=programme, name=name, period="2026/2027")
    return school, programme


def _user(email, last_name, first_name, patronymic):
    from mentoring.models import User

    user = User.objects.filter(email=email).first()
    return user or User.objects.create_user(
        email=email, password=None, last_name=last_name, first_name=first_name, patronymic=patronymic,
        position="заместитель директора по УВР",
    )  # fmt: skip


@contextmanager
def timed(module, name, into: list):
    """Time every call of ``module.name`` (a function the renderer looks up at call time)."""
    original = getattr(module, name)

    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            into.append(time.perf_counter() - start)

    setattr(module, name, wrapper)
    try:
        yield
    finally:
        setattr(module, name, original)


def pdf_pages(data: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(data)).pages)


def measure(make_document, code, fmt):
    """One warm-up render, then ``RUNS`` whole renders timed in parts; returns the figures of one row."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from core.rendering import pdf as pdf_module
    from core.rendering import renderer_for
    from documents.kinds import content_of

    renderer = renderer_for(code)
    totals, ours, cold = [], [], None
    pages = queries = None
    for run in range(RUNS + 1):
        template = []
        start = time.perf_counter()
        if run == 0:  # the queries are counted on the warm-up run only: recording them costs time of its own
            with CaptureQueriesContext(connection) as captured:
                content = content_of(make_document())
        else:
            content = content_of(make_document())
        assembled = time.perf_counter() - start
        with timed(pdf_module, "render_to_string", template):
            rendered = renderer.render({"content": content, "name": code}, fmt)
        total = time.perf_counter() - start
        if run == 0:
            cold, queries = total, len(captured)
            pages = pdf_pages(rendered.content) if fmt == "pdf" else None
            continue
        totals.append(total)
        ours.append((assembled + sum(template)) / total)
    return {
        "median": statistics.median(totals),
        "share": statistics.median(ours),
        "cold": cold,
        "pages": pages,
        "queries": queries,
        "size": len(rendered.content),
    }


def main():
    setup_django()
    from django_scopes import scopes_disabled

    import documents.renderers  # noqa: F401 - registers a renderer per kind
    from core.tenancy import tenant_scope
    from documents.models import Document
    from mentoring.models import Programme, User

    with scopes_disabled():
        found = find_school()
        source = "первая школа сгенерированного набора (make dataset)" if found else "своя школа bench-documents"
        school, programme = found or build_school()
        author = User.objects.order_by("pk").first()
    print(f"\nШкола: {school.short_name} ({school.slug}) — {source}; программа «{programme.title}».")

    rows = []
    with tenant_scope(school):
        for code in SCHOOL_KINDS:

            def make(code=code):
                # As a job loads it: the document with its programme (a fresh row each run, nothing cached).
                fresh = Programme.objects.select_related("curator").get(pk=programme.pk)
                return Document(kind=code, organization=school, programme=fresh, created_by=author)

            for fmt in FORMATS:
                rows.append((code, fmt, measure(make, code, fmt)))
    municipality = school.municipality
    with tenant_scope(municipality):
        for code in MUNICIPAL_KINDS:

            def make(code=code):
                return Document(kind=code, municipality=municipality, created_by=author)

            for fmt in FORMATS:
                rows.append((code, fmt, measure(make, code, fmt)))

    print_table(rows)


def print_table(rows):
    header = f"  {'вид документа':<22} {'формат':<6} {'медиана, с':>10} {'наша доля':>9} {'страниц':>7} " + (
        f"{'1-й запуск, с':>13} {'запросов':>8}  цели"
    )
    print(f"\n## Формирование документов: медиана {RUNS} запусков (content_of + renderer.render)")
    print(header)
    print("  " + "-" * (len(header) - 2))
    misses = []
    for code, fmt, figures in rows:
        verdicts = []
        limit = TARGET_SECONDS.get(code)
        if limit is not None:
            ok = figures["median"] < limit
            verdicts.append(f"< {limit} с {'да' if ok else 'НЕТ'}")
            if not ok:
                misses.append(f"{code} {fmt}: {figures['median']:.2f} с ≥ {limit} с")
        ok = figures["share"] < TARGET_SHARE
        verdicts.append(f"доля < {TARGET_SHARE:.0%} {'да' if ok else 'НЕТ'}")
        if not ok:
            misses.append(f"{code} {fmt}: наша доля {figures['share']:.0%} ≥ {TARGET_SHARE:.0%}")
        pages = str(figures["pages"]) if figures["pages"] is not None else "—"
        print(
            f"  {code:<22} {fmt:<6} {figures['median']:>10.3f} {figures['share']:>9.1%} {pages:>7} "
            f"{figures['cold']:>13.3f} {figures['queries']:>8}  {', '.join(verdicts)}"
        )
    report(
        "Цели",
        [
            ("положение", "быстрее 1,5 с (PDF и DOCX)"),
            ("наша доля", "меньше 20 %: content_of и шаблон HTML; остальное — WeasyPrint / python-docx"),
            ("итог", "все цели достигнуты" if not misses else "не достигнуто: " + "; ".join(misses)),
        ],
    )


if __name__ == "__main__":
    main()
