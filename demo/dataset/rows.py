"""The generated rows in the database: querysets of every kind, their counts, and a fast deletion of them all
(``--replace``)."""

from django.core.management.base import CommandError
from django.db import models
from django.db.models import Q

from core.models import Membership, Municipality, Organization
from demo.dataset.constants import EMAIL_DOMAIN, MUNICIPALITY_PREFIX, ORGANIZATION_PREFIX
from mentoring.models import (
    Consent,
    Meeting,
    Mentee,
    Mentor,
    MentoringForm,
    Pair,
    PartnerOrganization,
    Programme,
    Tag,
    User,
)
from monitoring.models import IndicatorSnapshot, Questionnaire


def generated_rows():
    """Querysets of every generated row, in the order they can be deleted."""
    in_generated = {"organization__slug__startswith": ORGANIZATION_PREFIX}
    return {
        "programmes": Programme.objects.filter(**in_generated),
        "questionnaires": Questionnaire.objects.filter(**in_generated),
        "forms": MentoringForm.objects.filter(**in_generated),
        "consents": Consent.objects.filter(**in_generated),
        "mentors": Mentor.objects.filter(**in_generated),
        "mentees": Mentee.objects.filter(**in_generated),
        "tags": Tag.objects.filter(**in_generated),
        "partners": PartnerOrganization.objects.filter(**in_generated),
        "memberships": Membership.objects.filter(
            Q(user__email__endswith=f"@{EMAIL_DOMAIN}")
            | Q(organization__slug__startswith=ORGANIZATION_PREFIX)
            | Q(municipality__slug__startswith=MUNICIPALITY_PREFIX)
        ),
        "users": User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}"),
        "organizations": Organization.objects.filter(slug__startswith=ORGANIZATION_PREFIX),
        "municipalities": Municipality.objects.filter(slug__startswith=MUNICIPALITY_PREFIX),
    }


# The big tables of a school's bases: deleted with one DELETE per table instead of Django's collector, which would
# load every row (hundreds of thousands) into memory first.
FAST_DELETED = ("programmes", "questionnaires", "forms", "consents", "mentors", "mentees", "tags", "partners")


def link_rows():
    """Querysets of the generated many-to-many rows (deleted with their people)."""
    return {
        "requests": Mentee.requests.through.objects.filter(mentee__organization__slug__startswith=ORGANIZATION_PREFIX),
        "competencies": Mentor.competencies.through.objects.filter(
            mentor__organization__slug__startswith=ORGANIZATION_PREFIX
        ),
        "children": Mentor.children.through.objects.filter(mentor__organization__slug__startswith=ORGANIZATION_PREFIX),
    }


def programme_rows():
    """Querysets of the generated pairs and meetings (deleted with their programmes) and the monthly snapshots
    (deleted with their schools), for the counts."""
    in_generated = {"organization__slug__startswith": ORGANIZATION_PREFIX}
    return {
        "pairs": Pair.objects.filter(**in_generated),
        "meetings": Meeting.objects.filter(**in_generated),
        "snapshots": IndicatorSnapshot.objects.filter(**in_generated),
    }


def count_generated() -> dict[str, int]:
    """How many generated rows of each kind the database holds."""
    rows = {**generated_rows(), **link_rows(), **programme_rows()}
    return {kind: queryset.count() for kind, queryset in rows.items()}


def fast_delete(queryset) -> None:
    """Delete the rows of ``queryset`` without loading them: first, recursively, the rows that refer to them
    (one ``DELETE … WHERE … IN (subquery)`` per table), then the rows themselves.

    Follows ``on_delete`` of every relation to the model (CASCADE deletes, SET_NULL updates, DO_NOTHING skips);
    a PROTECT or RESTRICT relation that still has rows stops the deletion. Signals are not sent, which is fine
    for generated rows.
    """
    model = queryset.model
    keys = queryset.values("pk")
    for relation in model._meta.get_fields(include_hidden=True):
        if not (relation.auto_created and not relation.concrete and (relation.one_to_many or relation.one_to_one)):
            continue
        related = relation.related_model._base_manager.filter(**{f"{relation.field.name}__in": keys})
        if relation.on_delete is models.CASCADE:
            fast_delete(related)
        elif relation.on_delete is models.SET_NULL:
            related.update(**{relation.field.name: None})
        elif relation.on_delete is not models.DO_NOTHING and related.exists():
            raise CommandError(
                f"Нельзя удалить сгенерированные записи «{model._meta.verbose_name_plural}»: на них ссылаются "
                f"«{relation.related_model._meta.verbose_name_plural}»."
            )
    queryset._raw_delete(queryset.db)  # what QuerySet.delete() does for a table nothing refers to


def delete_generated() -> None:
    """Delete every generated row (cascading to whatever hangs off the generated schools and users)."""
    for kind, queryset in generated_rows().items():
        if kind in FAST_DELETED:
            fast_delete(queryset)
        else:
            queryset.delete()


# Rows per model, as printed at the end.
COUNT_LABELS = {
    "municipalities": "Муниципальные органы управления образованием",
    "organizations": "Образовательные организации",
    "users": "Пользователи",
    "memberships": "Роли",
    "tags": "Запросы и компетенции (списки школ)",
    "partners": "Организации-партнёры",
    "mentees": "Наставляемые",
    "mentors": "Наставники",
    "consents": "Согласия на обработку персональных данных",
    "requests": "Запросы наставляемых (связи)",
    "competencies": "Компетенции наставников (связи)",
    "children": "Дети наставников-родителей (связи)",
    "programmes": "Программы наставничества",
    "pairs": "Наставнические пары и группы",
    "meetings": "Встречи в журналах наставников",
    "questionnaires": "Анкеты мониторинга",
    "snapshots": "Значения показателей по месяцам (срезы)",
}
