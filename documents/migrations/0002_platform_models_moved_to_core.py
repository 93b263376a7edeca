"""The platform layer: Notification moved to core (its table stays, state only); a frozen version and a remark
carry their document's municipality as well, so that every tenant-owned row has exactly one owner."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def copy_municipality(apps, schema_editor):
    """Versions and remarks of a municipal document belong to its municipality."""
    for name in ("DocumentVersion", "Remark"):
        model = apps.get_model("documents", name)
        for row in model.objects.filter(organization__isnull=True).select_related("document"):
            model.objects.filter(pk=row.pk).update(municipality_id=row.document.municipality_id)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("documents", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables stay as they are: only the models' app changed.
            state_operations=[
                migrations.RemoveField(
                    model_name="notification",
                    name="user",
                ),
                migrations.AlterField(
                    model_name="document",
                    name="municipality",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="core.municipality",
                    ),
                ),
                migrations.AlterField(
                    model_name="document",
                    name="organization",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="core.organization",
                    ),
                ),
                migrations.AlterField(
                    model_name="documentversion",
                    name="organization",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="core.organization",
                    ),
                ),
                migrations.AlterField(
                    model_name="remark",
                    name="organization",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="core.organization",
                    ),
                ),
                migrations.DeleteModel(
                    name="Notification",
                ),
            ],
        ),
        migrations.AddField(
            model_name="documentversion",
            name="municipality",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="core.municipality",
            ),
        ),
        migrations.AddField(
            model_name="remark",
            name="municipality",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="core.municipality",
            ),
        ),
        migrations.AlterField(
            model_name="document",
            name="tenant_key",
            field=models.CharField(db_index=True, default="", editable=False, max_length=20),
        ),
        migrations.AlterField(
            model_name="documentversion",
            name="tenant_key",
            field=models.CharField(db_index=True, default="", editable=False, max_length=20),
        ),
        migrations.AlterField(
            model_name="remark",
            name="tenant_key",
            field=models.CharField(db_index=True, default="", editable=False, max_length=20),
        ),
        migrations.RunPython(copy_municipality, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="documentversion",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("municipality__isnull", True), ("organization__isnull", False)),
                    models.Q(("municipality__isnull", False), ("organization__isnull", True)),
                    _connector="OR",
                ),
                name="documentversion_has_one_tenant",
            ),
        ),
        migrations.AddConstraint(
            model_name="remark",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("municipality__isnull", True), ("organization__isnull", False)),
                    models.Q(("municipality__isnull", False), ("organization__isnull", True)),
                    _connector="OR",
                ),
                name="remark_has_one_tenant",
            ),
        ),
    ]
