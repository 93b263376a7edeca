"""``manage.py render_documents --school SLUG --out DIR`` (or ``--municipality SLUG``): every document kind the
tenant can draw from its data, as PDF and DOCX, one line per file (``documents.services.batch`` says which
document of each kind is drawn). A kind that cannot be drawn is named with what to fill first, and the command
then exits with status 1 once every other kind is written."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.models import Municipality, Organization
from core.tenancy import tenant_scope
from documents.services.batch import Refused, render_kit


class Command(BaseCommand):
    help = "Формирует все документы школы или муниципалитета в PDF и DOCX в указанную папку."

    def add_arguments(self, parser):
        tenant = parser.add_mutually_exclusive_group(required=True)
        tenant.add_argument("--school", metavar="SLUG", help="адрес школы в портале (/o/<адрес>/)")
        tenant.add_argument("--municipality", metavar="SLUG", help="адрес муниципалитета в портале (/m/<адрес>/)")
        parser.add_argument("--out", required=True, type=Path, metavar="DIR", help="папка для файлов")

    def handle(self, *args, school=None, municipality=None, out: Path, **options):
        if school:
            tenant = Organization.objects.select_related("municipality").filter(slug=school).first()
        else:
            tenant = Municipality.objects.filter(slug=municipality).first()
        if tenant is None:
            raise CommandError(f"Нет {'школы' if school else 'муниципалитета'} с адресом «{school or municipality}».")
        out.mkdir(parents=True, exist_ok=True)
        refused = []
        with tenant_scope(tenant):
            for outcome in render_kit(tenant, out):
                kind = outcome.kind
                if isinstance(outcome, Refused):
                    refused.append(kind.code)
                    problems = " ".join(outcome.problems)
                    self.stdout.write(self.style.ERROR(f"{kind.code}: не сформирован — {kind.name}. {problems}"))
                    continue
                for path in outcome.files:
                    self.stdout.write(f"{path}  {kind.name}: {outcome.state}")
        if refused:
            raise CommandError(
                f"Не сформированы ({len(refused)}): {', '.join(refused)}. Заполните в портале то, что названо выше."
            )
