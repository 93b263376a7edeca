"""``manage.py erase_withdrawn_data [--as-of YYYY-MM-DD]``: the daily erasure, run by hand for every school."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from core.models import Organization
from core.tenancy import tenant_scope
from privacy.services.erasure import erase_due


def iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"Дата должна быть в виде ГГГГ-ММ-ДД, получено: {value!r}") from None


class Command(BaseCommand):
    help = "Удалить персональные данные, срок удаления которых после отзыва согласия наступил (как ежедневная задача)."

    def add_arguments(self, parser):
        parser.add_argument("--as-of", type=iso_date, default=None, help="дата, на которую судить о сроке (ГГГГ-ММ-ДД)")

    def handle(self, *args, as_of=None, **options):
        total = 0
        for school in Organization.objects.order_by("pk"):
            with tenant_scope(school):
                erasures = erase_due(school, as_of=as_of)
            for erasure in erasures:
                self.stdout.write(f"{school.short_name}: {erasure}; сохранено документов: {len(erasure.kept)}")
            total += len(erasures)
        self.stdout.write(f"Удалено: {total}.")
