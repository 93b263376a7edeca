"""``manage.py write_role_matrix``: rewrite ``docs/roles.md`` from ``core.roles``."""

from django.core.management.base import BaseCommand

from core.role_matrix import DOCUMENT, role_matrix_markdown


class Command(BaseCommand):
    help = "Переписывает docs/roles.md по матрице прав из core/roles.py."

    def handle(self, *args, **options):
        DOCUMENT.write_text(role_matrix_markdown(), encoding="utf-8")
        self.stdout.write(f"Записано: {DOCUMENT}")
