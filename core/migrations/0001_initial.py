"""The platform layer takes over the models it owns, with their tables and rows as they are: Municipality,
Organization, Membership, AuditEntry and Job from mentoring, Notification from documents. Only the state
moves (the tables keep their names through ``db_table``), and so do their content types, with the
permissions and admin history that point to them."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import core.models.jobs

MOVED = {
    "mentoring": ["municipality", "organization", "membership", "auditentry", "job"],
    "documents": ["notification"],
}


def move_content_types(apps, schema_editor):
    content_type = apps.get_model("contenttypes", "ContentType")
    for app_label, models_moved in MOVED.items():
        content_type.objects.filter(app_label=app_label, model__in=models_moved).update(app_label="core")


def move_content_types_back(apps, schema_editor):
    content_type = apps.get_model("contenttypes", "ContentType")
    for app_label, models_moved in MOVED.items():
        content_type.objects.filter(app_label="core", model__in=models_moved).update(app_label=app_label)


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("contenttypes", "0002_remove_content_type_name"),
        ("mentoring", "0004_job_for_any_tenant"),
        ("documents", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Municipality",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "slug",
                            models.SlugField(
                                help_text="Часть адреса страницы: /m/<адрес>/",
                                unique=True,
                                verbose_name="адрес в портале",
                            ),
                        ),
                        ("name", models.CharField(max_length=500, verbose_name="полное наименование")),
                        ("short_name", models.CharField(max_length=200, verbose_name="краткое наименование")),
                        ("region", models.CharField(max_length=200, verbose_name="субъект Российской Федерации")),
                        (
                            "head_position",
                            models.CharField(blank=True, max_length=200, verbose_name="должность руководителя"),
                        ),
                        ("head_name", models.CharField(blank=True, max_length=200, verbose_name="ФИО руководителя")),
                        ("address", models.CharField(blank=True, max_length=500, verbose_name="адрес")),
                    ],
                    options={
                        "verbose_name": "муниципальный орган управления образованием",
                        "verbose_name_plural": "муниципальные органы управления образованием",
                        "db_table": "mentoring_municipality",
                        "ordering": ["short_name"],
                    },
                ),
                migrations.CreateModel(
                    name="Organization",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "slug",
                            models.SlugField(
                                help_text="Часть адреса страницы: /o/<адрес>/",
                                unique=True,
                                verbose_name="адрес в портале",
                            ),
                        ),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("school", "общеобразовательная организация"),
                                    ("kindergarten", "дошкольная образовательная организация"),
                                    ("college", "профессиональная образовательная организация"),
                                    ("additional", "организация дополнительного образования"),
                                ],
                                default="school",
                                max_length=20,
                                verbose_name="тип",
                            ),
                        ),
                        ("name", models.CharField(max_length=500, verbose_name="полное наименование")),
                        ("short_name", models.CharField(max_length=200, verbose_name="краткое наименование")),
                        ("address", models.CharField(blank=True, max_length=500, verbose_name="адрес")),
                        (
                            "director_name",
                            models.CharField(blank=True, max_length=200, verbose_name="ФИО руководителя"),
                        ),
                        (
                            "director_position",
                            models.CharField(default="Директор", max_length=200, verbose_name="должность руководителя"),
                        ),
                        ("inn", models.CharField(blank=True, max_length=12, verbose_name="ИНН")),
                        ("ogrn", models.CharField(blank=True, max_length=15, verbose_name="ОГРН")),
                        ("phone", models.CharField(blank=True, max_length=50, verbose_name="телефон")),
                        ("email", models.EmailField(blank=True, max_length=254, verbose_name="электронная почта")),
                        ("website", models.URLField(blank=True, verbose_name="сайт")),
                        (
                            "municipality",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="organizations",
                                to="core.municipality",
                                verbose_name="муниципалитет",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "образовательная организация",
                        "verbose_name_plural": "образовательные организации",
                        "db_table": "mentoring_organization",
                        "ordering": ["short_name"],
                    },
                ),
                migrations.CreateModel(
                    name="Notification",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("text", models.CharField(max_length=500)),
                        ("url", models.CharField(max_length=300)),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("read_at", models.DateTimeField(blank=True, null=True)),
                        ("emailed_at", models.DateTimeField(blank=True, null=True)),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="notifications",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "уведомление",
                        "verbose_name_plural": "уведомления",
                        "db_table": "documents_notification",
                        "ordering": ["-created_at", "-pk"],
                    },
                ),
                migrations.CreateModel(
                    name="Membership",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "role",
                            models.CharField(
                                choices=[
                                    ("director", "Руководитель ОО"),
                                    ("curator", "Куратор"),
                                    ("methodist", "Методист / педагог-психолог"),
                                    ("mentor", "Наставник"),
                                    ("observer", "Наблюдатель"),
                                    ("municipal_coordinator", "Муниципальный координатор"),
                                    ("municipal_specialist", "Специалист органа управления образованием"),
                                ],
                                max_length=30,
                                verbose_name="роль",
                            ),
                        ),
                        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="назначена")),
                        (
                            "granted_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="кем назначена",
                            ),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="memberships",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="пользователь",
                            ),
                        ),
                        (
                            "municipality",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="memberships",
                                to="core.municipality",
                                verbose_name="муниципалитет",
                            ),
                        ),
                        (
                            "organization",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="memberships",
                                to="core.organization",
                                verbose_name="образовательная организация",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "роль пользователя",
                        "verbose_name_plural": "роли пользователей",
                        "db_table": "mentoring_membership",
                        "ordering": ["role", "user__last_name"],
                        "constraints": [
                            models.CheckConstraint(
                                condition=models.Q(
                                    models.Q(
                                        ("municipality__isnull", True),
                                        ("organization__isnull", False),
                                        ("role__in", ["curator", "director", "mentor", "methodist", "observer"]),
                                    ),
                                    models.Q(
                                        ("municipality__isnull", False),
                                        ("organization__isnull", True),
                                        ("role__in", ["municipal_coordinator", "municipal_specialist"]),
                                    ),
                                    _connector="OR",
                                ),
                                name="membership_role_fits_tenant",
                                violation_error_message="Роль школы назначается в школе, роль муниципалитета — в муниципалитете.",
                            ),
                            models.UniqueConstraint(
                                condition=models.Q(("organization__isnull", False)),
                                fields=("user", "organization", "role"),
                                name="membership_unique_in_organization",
                                violation_error_message="У пользователя уже есть эта роль в этой организации.",
                            ),
                            models.UniqueConstraint(
                                condition=models.Q(("municipality__isnull", False)),
                                fields=("user", "municipality", "role"),
                                name="membership_unique_in_municipality",
                                violation_error_message="У пользователя уже есть эта роль в этом муниципалитете.",
                            ),
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="Job",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("tenant_key", models.CharField(db_index=True, default="", editable=False, max_length=20)),
                        ("kind", models.CharField(max_length=50, verbose_name="вид")),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("pending", "в очереди"),
                                    ("running", "выполняется"),
                                    ("ready", "готово"),
                                    ("failed", "ошибка"),
                                    ("done", "завершено"),
                                ],
                                default="pending",
                                max_length=10,
                                verbose_name="состояние",
                            ),
                        ),
                        ("progress", models.PositiveIntegerField(default=0)),
                        ("total", models.PositiveIntegerField(default=0)),
                        ("params", models.JSONField(blank=True, default=dict)),
                        ("result", models.JSONField(blank=True, default=dict)),
                        ("error", models.TextField(blank=True, verbose_name="ошибка")),
                        ("input_file", models.FileField(blank=True, upload_to=core.models.jobs.job_file_path)),
                        ("output_file", models.FileField(blank=True, upload_to=core.models.jobs.job_file_path)),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "municipality",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="core.municipality",
                            ),
                        ),
                        (
                            "organization",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="core.organization",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "задание",
                        "verbose_name_plural": "задания",
                        "db_table": "mentoring_job",
                        "ordering": ["-created_at"],
                        "abstract": False,
                        "constraints": [
                            models.CheckConstraint(
                                condition=models.Q(
                                    models.Q(("municipality__isnull", True), ("organization__isnull", False)),
                                    models.Q(("municipality__isnull", False), ("organization__isnull", True)),
                                    _connector="OR",
                                ),
                                name="job_has_one_tenant",
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="AuditEntry",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("action", models.CharField(max_length=100, verbose_name="действие")),
                        ("object_type", models.CharField(blank=True, max_length=100, verbose_name="тип объекта")),
                        (
                            "object_id",
                            models.CharField(blank=True, max_length=64, verbose_name="идентификатор объекта"),
                        ),
                        ("object_repr", models.CharField(blank=True, max_length=300, verbose_name="объект")),
                        ("changes", models.JSONField(blank=True, default=dict, verbose_name="изменения")),
                        ("ip_address", models.GenericIPAddressField(blank=True, null=True, verbose_name="IP-адрес")),
                        ("created_at", models.DateTimeField(auto_now_add=True, db_index=True, verbose_name="когда")),
                        (
                            "actor",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="кто",
                            ),
                        ),
                        (
                            "municipality",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="core.municipality",
                                verbose_name="муниципалитет",
                            ),
                        ),
                        (
                            "organization",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="core.organization",
                                verbose_name="организация",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "запись журнала действий",
                        "verbose_name_plural": "журнал действий",
                        "db_table": "mentoring_auditentry",
                        "ordering": ["-created_at", "-id"],
                        "indexes": [
                            models.Index(fields=["organization", "-created_at"], name="mentoring_a_organiz_636e94_idx")
                        ],
                    },
                ),
            ],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
