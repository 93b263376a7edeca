"""Import of 10 000 mentees from .xlsx: the portal's preview + import beside the floor of the same work done
directly (openpyxl read + psycopg's COPY). Each side runs in a process of its own for a clean peak memory."""

import io
import json
import random
import subprocess
import sys
import time
from datetime import date

from benchmarks.harness import bench_school, peak_rss_mb, report, setup_django

ROWS = 10_000
HEADERS = [
    "Фамилия",
    "Имя",
    "Отчество",
    "Дата рождения",
    "Категория",
    "Класс / группа / должность",
    "Запросы",
    "Законный представитель: ФИО",
    "Кем приходится",
    "Телефон представителя",
]
TAGS = ["Адаптация в коллективе", "Профориентация", "Подготовка к ОГЭ по математике", "Проектная деятельность"]


def workbook_bytes() -> bytes:
    from openpyxl import Workbook

    from demo import people as demo_people

    rng = random.Random(10)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(HEADERS)
    for _ in range(ROWS):
        child, parent = demo_people.person(rng), demo_people.person(rng, female_share=0.8)
        year = rng.randint(2009, 2015)
        sheet.append(
            [
                child.last_name,
                child.first_name,
                child.patronymic,
                date(year, rng.randint(1, 12), rng.randint(1, 28)),
                "обучающийся",
                f"{2026 - year - 6}{rng.choice('АБВГ')}",
                rng.choice(TAGS),
                parent.full_name,
                "мать" if parent.gender.value == "female" else "отец",
                f"+7 913 {rng.randint(100, 999)}-{rng.randint(10, 99)}-{rng.randint(10, 99)}",
            ]
        )
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def prepare(slug):

    from core.tenancy import tenant_scope
    from mentoring.models import Tag

    school = bench_school(slug)
    with tenant_scope(school):
        Tag.objects.bulk_create(Tag(organization=school, name=name) for name in TAGS)
    return school


def floor(data: bytes) -> dict:
    """The least the work can cost: read the sheet, build the rows, COPY them with their tags."""
    from django.db import transaction
    from openpyxl import load_workbook

    from core.bulk_insert import bulk_insert
    from core.tenancy import tenant_scope
    from mentoring.models import Mentee, Tag

    school = prepare("bench-import-floor")
    start = time.perf_counter()
    with tenant_scope(school), transaction.atomic():
        tags = {tag.name: tag.pk for tag in Tag.objects.all()}
        rows = load_workbook(io.BytesIO(data), read_only=True).active.iter_rows(min_row=2, values_only=True)
        people, links = [], []
        for row in rows:
            people.append(
                Mentee(
                    organization=school,
                    last_name=row[0],
                    first_name=row[1],
                    patronymic=row[2],
                    birth_date=row[3].date(),
                    category=Mentee.Category.PUPIL,
                    group=row[5],
                    representative_name=row[7],
                    representative_relation=row[8],
                    representative_phone=row[9],
                )
            )
            links.append(tags[row[6]])
        people = bulk_insert(Mentee, people)
        through = Mentee.requests.through
        bulk_insert(
            through,
            [through(mentee_id=person.pk, tag_id=tag) for person, tag in zip(people, links, strict=True)],
            with_ids=False,
        )
    return {"seconds": time.perf_counter() - start, "created": len(people)}


def portal(data: bytes) -> dict:
    """What a curator's upload costs: the preview job (check every row), then the import job."""
    from django.contrib.auth import get_user_model

    from core.models import Job
    from core.tenancy import tenant_scope
    from mentoring.models import Mentee
    from mentoring.services import imports

    school = prepare("bench-import-portal")
    user, _ = get_user_model().objects.get_or_create(
        email="bench-importer@bench.local", defaults={"last_name": "Б", "first_name": "И"}
    )
    with tenant_scope(school):
        start = time.perf_counter()
        job = imports.start_import(
            base="mentees", upload_name="bench.xlsx", data=data, fmt="xlsx", user=user, tenant=school
        )  # tasks run in-process: no REDIS_URL in the benchmark
        job.refresh_from_db()
        previewed = time.perf_counter()
        assert job.status == Job.Status.READY and not job.result.get("errors"), (job.error, job.result.get("errors"))
        assert imports.confirm(job)
        job.refresh_from_db()
        done = time.perf_counter()
        assert job.status == Job.Status.READY and job.phase == imports.IMPORT, job.error
        created = Mentee.objects.count()
    return {"seconds": done - start, "preview": previewed - start, "import": done - previewed, "created": created}


def run_side(side: str) -> dict:
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.people_import", side], check=True, capture_output=True, text=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main():
    floor_result, portal_result = run_side("floor"), run_side("portal")
    ratio = portal_result["seconds"] / floor_result["seconds"]
    report(
        f"Импорт {ROWS} наставляемых из .xlsx",
        [
            (
                "пол (openpyxl + COPY)",
                f"{floor_result['seconds']:.2f} с, пик памяти {floor_result['rss']:.0f} МБ",
            ),
            (
                "портал: проверка + импорт",
                f"{portal_result['seconds']:.2f} с (проверка {portal_result['preview']:.2f} с, импорт "
                f"{portal_result['import']:.2f} с), пик памяти {portal_result['rss']:.0f} МБ",
            ),
            (
                "отношение к полу",
                f"{ratio:.2f}× по времени, {portal_result['rss'] / floor_result['rss']:.2f}× по памяти",
            ),
            ("создано записей", f"{floor_result['created']} / {portal_result['created']}"),
        ],
    )


if __name__ == "__main__":
    if len(sys.argv) > 1:
        setup_django()
        data = workbook_bytes()
        baseline = peak_rss_mb()
        outcome = {"floor": floor, "portal": portal}[sys.argv[1]](data)
        print(json.dumps({**outcome, "rss": peak_rss_mb(), "baseline_rss": baseline}))
    else:
        main()
