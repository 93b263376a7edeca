"""The ICU collation ``russian`` people's names are ordered by on PostgreSQL (``core.collation``); a no-op on
SQLite, which registers a collation of the same name on each connection instead."""

from django.contrib.postgres.operations import CreateCollation
from django.db import migrations

from core.collation import ICU_LOCALE, RUSSIAN


class Migration(migrations.Migration):
    dependencies = [("core", "0003_region_and_name_forms")]

    operations = [CreateCollation(RUSSIAN, provider="icu", locale=ICU_LOCALE)]
