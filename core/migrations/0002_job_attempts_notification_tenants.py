"""One job lifecycle: a job counts its attempts, and an import that wrote its rows is «ready» like every other
job (its phase says it was the write). A notification belongs to the tenant it is about, read from its link."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def finished_imports_are_ready(apps, schema_editor):
    apps.get_model("core", "Job").objects.filter(status="done").update(status="ready")


def ready_imports_are_done(apps, schema_editor):
    apps.get_model("core", "Job").objects.filter(status="ready", kind__in=IMPORT_KINDS, params__phase="import").update(
        status="done"
    )


IMPORT_KINDS = ["import_mentees", "import_mentors"]


def notifications_of_their_tenant(apps, schema_editor):
    """«/o/<school>/…» belongs to the school, «/m/<municipality>/…» to the municipality; a link of neither
    goes to the recipient's first tenant (a person without one never reads it: it is deleted)."""
    notification_model = apps.get_model("core", "Notification")
    organizations = {o.slug: o for o in apps.get_model("core", "Organization").objects.all()}
    municipalities = {m.slug: m for m in apps.get_model("core", "Municipality").objects.all()}
    memberships = apps.get_model("core", "Membership").objects.order_by("pk")
    for notification in notification_model.objects.all():
        parts = notification.url.strip("/").split("/")
        school = organizations.get(parts[1]) if len(parts) > 1 and parts[0] == "o" else None
        municipality = municipalities.get(parts[1]) if len(parts) > 1 and parts[0] == "m" else None
        if school is None and municipality is None:
            membership = memberships.filter(user_id=notification.user_id).first()
            if membership is None:
                notification.delete()
                continue
            school, municipality = membership.organization, membership.municipality
        key = f"o:{school.pk}" if school is not None else f"m:{municipality.pk}"
        notification_model.objects.filter(pk=notification.pk).update(
            organization=school, municipality=municipality, tenant_key=key
        )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="job",
            name="attempt",
            field=models.PositiveIntegerField(default=0, verbose_name="попытка"),
        ),
        migrations.AddField(
            model_name="notification",
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
            model_name="notification",
            name="organization",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="core.organization",
            ),
        ),
        migrations.AddField(
            model_name="notification",
            name="tenant_key",
            field=models.CharField(db_index=True, default="", editable=False, max_length=20),
        ),
        migrations.RunPython(finished_imports_are_ready, ready_imports_are_done),
        migrations.RunPython(notifications_of_their_tenant, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="job",
            name="status",
            field=models.CharField(
                choices=[
                    ("pending", "в очереди"),
                    ("running", "выполняется"),
                    ("ready", "готово"),
                    ("failed", "ошибка"),
                ],
                default="pending",
                max_length=10,
                verbose_name="состояние",
            ),
        ),
        migrations.AddConstraint(
            model_name="notification",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("municipality__isnull", True), ("organization__isnull", False)),
                    models.Q(("municipality__isnull", False), ("organization__isnull", True)),
                    _connector="OR",
                ),
                name="notification_has_one_tenant",
            ),
        ),
    ]
