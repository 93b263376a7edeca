"""The ICU collation ``russian`` people's names are ordered by on PostgreSQL (``core.collation``); a no-op on
SQLite, which registers a collation of the same name on each connection instead."""

from django.contrib.postgres.operations import CreateCollation
from django.db import migrations

from core.collation import ICU_LOCALE, RUSSIAN


class Migration(migrations.Migration):
    dependencies = [("core", "0004_region_memberships_and_report_jobs")]

    operations = [CreateCollation(RUSSIAN, provider="icu", locale=ICU_LOCALE)]
