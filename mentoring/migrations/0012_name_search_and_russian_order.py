"""Search and order people by name on PostgreSQL: trigram GIN indexes under the name search (``icontains``
compares ``UPPER(column)``, the indexed expression) and an index in the Russian order of the lists; the lists'
default order becomes the Russian one on every database. The indexes are PostgreSQL's: SQLite gets none and keeps
the plain filter."""

import django.db.models.functions.comparison
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

TABLES = {"mentee": "mentoring_mentee", "mentor": "mentoring_mentor"}
NAME_COLUMNS = ("last_name", "first_name", "patronymic")


def index_statements():
    for model, table in TABLES.items():
        for column in NAME_COLUMNS:
            yield (
                f"{model}_{column}_trgm",
                f"CREATE INDEX IF NOT EXISTS {model}_{column}_trgm ON {table} "
                f'USING gin (UPPER("{column}") gin_trgm_ops)',
            )
        yield (
            f"{model}_russian_name_order",
            f"CREATE INDEX IF NOT EXISTS {model}_russian_name_order ON {table} (organization_id, "
            'last_name COLLATE "russian", first_name COLLATE "russian", patronymic COLLATE "russian", id)',
        )


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for _, statement in index_statements():
            schema_editor.execute(statement)


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, _ in index_statements():
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("mentoring", "0011_matching_suggestions"),
        ("core", "0005_russian_collation"),
    ]

    operations = [
        TrigramExtension(),
        migrations.RunPython(create_indexes, drop_indexes),
        migrations.AlterModelOptions(
            name="mentee",
            options={
                "ordering": [
                    django.db.models.functions.comparison.Collate(models.F("last_name"), "russian"),
                    django.db.models.functions.comparison.Collate(models.F("first_name"), "russian"),
                    django.db.models.functions.comparison.Collate(models.F("patronymic"), "russian"),
                ],
                "verbose_name": "наставляемый",
                "verbose_name_plural": "наставляемые",
            },
        ),
        migrations.AlterModelOptions(
            name="mentor",
            options={
                "ordering": [
                    django.db.models.functions.comparison.Collate(models.F("last_name"), "russian"),
                    django.db.models.functions.comparison.Collate(models.F("first_name"), "russian"),
                    django.db.models.functions.comparison.Collate(models.F("patronymic"), "russian"),
                ],
                "verbose_name": "наставник",
                "verbose_name_plural": "наставники",
            },
        ),
        migrations.AlterModelOptions(
            name="user",
            options={
                "ordering": [
                    django.db.models.functions.comparison.Collate(models.F("last_name"), "russian"),
                    django.db.models.functions.comparison.Collate(models.F("first_name"), "russian"),
                    django.db.models.functions.comparison.Collate(models.F("patronymic"), "russian"),
                ],
                "verbose_name": "пользователь",
                "verbose_name_plural": "пользователи",
            },
        ),
    ]
