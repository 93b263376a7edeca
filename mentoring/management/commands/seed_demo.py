"""``manage.py seed_demo``: the demo world (``demo.seed``) — the Bolshaya Murta education department with three
schools, a demo account for every role, and each school's bases, programme, documents and monitoring. Running it
again updates the same rows."""

from django.core.management.base import BaseCommand
from django.db import transaction
from django_scopes import scopes_disabled

from demo.seed import seed


class Command(BaseCommand):
    help = "Создаёт или обновляет демонстрационные данные и печатает логины."

    def handle(self, *args, **options):
        # Demo people span three schools: a management command is one of the places where scopes are disabled.
        with scopes_disabled():
            with transaction.atomic():
                report = seed(self.stdout, self.style)
            # Printed after the commit, below what the tasks sent after it (the demo's notification e-mails) print.
            report()
