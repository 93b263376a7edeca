"""``manage.py generate_dataset``: a large, realistic, deterministic data set for benchmarks (meant for
PostgreSQL); the options are parsed here, the rows are made by ``demo.dataset``."""

import math

from django.core.management.base import BaseCommand, CommandError

from demo.dataset.constants import DATASET_PASSWORD, EMAIL_DOMAIN, MENTEES_PER_MENTOR, MENTEES_PER_SCHOOL
from demo.dataset.rows import COUNT_LABELS
from demo.dataset.run import describe, generate
from demo.places import REGIONS


class Command(BaseCommand):
    help = (
        "Создаёт большой синтетический набор данных для нагрузочных замеров (муниципалитеты, школы, пользователи, "
        "базы наставляемых и наставников, согласия)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--schools", type=int, required=True, help="число школ")
        parser.add_argument(
            "--municipalities", type=int, default=None, help="число муниципалитетов (по умолчанию ⌈школ / 25⌉)"
        )
        parser.add_argument(
            "--mentors-per-school", type=int, default=15, help="учётных записей наставников в каждой школе (15)"
        )
        parser.add_argument(
            "--mentees-per-school",
            type=int,
            default=MENTEES_PER_SCHOOL,
            help=f"наставляемых в базе каждой школы ({MENTEES_PER_SCHOOL})",
        )
        parser.add_argument(
            "--mentor-records-per-school",
            type=int,
            default=None,
            help=f"наставников в базе каждой школы (по умолчанию наставляемых / {MENTEES_PER_MENTOR}); "
            "первые из них — учителя с учётными записями наставников",
        )
        parser.add_argument(
            "--no-programmes", action="store_true", help="не создавать программы, пары и журналы (только базы)"
        )
        parser.add_argument(
            "--region",
            default=None,
            choices=[region.name for region in REGIONS],
            help="все муниципалитеты — в этом субъекте РФ, с региональным координатором и специалистом "
            "(по умолчанию муниципалитеты в разных субъектах)",
        )
        parser.add_argument("--seed", type=int, default=1, help="зерно генератора: одно зерно — одни данные (1)")
        parser.add_argument(
            "--replace", action="store_true", help="удалить ранее сгенерированные данные и создать их заново"
        )

    def handle(self, *args, **options):
        schools = options["schools"]
        municipalities = options["municipalities"]
        if municipalities is None:
            municipalities = max(1, math.ceil(schools / 25))
        mentors = options["mentors_per_school"]
        mentees = options["mentees_per_school"]
        mentor_records = options["mentor_records_per_school"]
        if mentor_records is None:
            mentor_records = round(mentees / MENTEES_PER_MENTOR)
        if schools < 1 or municipalities < 1 or min(mentors, mentees, mentor_records) < 0:
            raise CommandError(
                "Число школ и муниципалитетов должно быть не меньше 1, число наставников и наставляемых — не меньше 0."
            )
        elapsed, counts = generate(
            self.stdout,
            schools=schools,
            municipalities=municipalities,
            mentors=mentors,
            mentees=mentees,
            mentor_records=mentor_records,
            seed=options["seed"],
            replace=options["replace"],
            programmes=not options["no_programmes"],
            region=options["region"],
        )
        self.stdout.write(self.style.SUCCESS(f"Сгенерировано за {elapsed:.1f} с: {describe(counts)}"))
        for kind, label in COUNT_LABELS.items():
            self.stdout.write(f"  {label:<45} {counts[kind]:>9}")
        self.stdout.write(
            f"Пароль у всех сгенерированных пользователей (вход по e-mail …@{EMAIL_DOMAIN}): {DATASET_PASSWORD}"
        )
