"""Sub-programmes of a programme and the school's forms of mentoring (reference data)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.functions import Lower

from core.audit import changes_between, log_action, snapshot
from mentoring.models import (
    Mentee,
    Mentor,
    MentoringForm,
    SubProgramme,
)

SUBPROGRAMME_FIELDS = ("name", "operator", "who_mentors", "mentor_role", "mentees", "period")


@transaction.atomic
def save_subprogramme(programme, subprogramme=None, *, tenant, actor, request=None, **fields) -> SubProgramme:
    created = subprogramme is None
    if created:
        subprogramme = SubProgramme(organization=tenant, programme=programme)
    else:
        subprogramme = SubProgramme.objects.select_for_update().get(pk=subprogramme.pk)
    before = {} if created else snapshot(subprogramme)
    for name in SUBPROGRAMME_FIELDS:
        setattr(subprogramme, name, fields.get(name, ""))
    subprogramme.save()
    changes = changes_between(before, snapshot(subprogramme))
    changes.pop("programme", None)
    if created or changes:
        action = "subprogramme.created" if created else "subprogramme.updated"
        log_action(action, actor=actor, tenant=tenant, obj=subprogramme, changes=changes, request=request)
    return subprogramme


@transaction.atomic
def delete_subprogramme(subprogramme, *, tenant, actor, request=None) -> None:
    log_action("subprogramme.deleted", actor=actor, tenant=tenant, obj=subprogramme, request=request)
    subprogramme.delete()


def role_models_from_text(text: str) -> list[str]:
    """One role model per line; blank lines and repeats dropped, the order kept."""
    seen: dict[str, None] = {}
    for line in text.splitlines():
        line = " ".join(line.split())
        if line:
            seen.setdefault(line, None)
    return list(seen)


@transaction.atomic
def save_form(form=None, *, tenant, actor, request=None, **fields) -> MentoringForm:
    """Create or change a form of mentoring of the school; names are unique in the school."""
    created = form is None
    clash = MentoringForm.objects.annotate(lower=Lower("name")).filter(lower=fields["name"].lower())
    if not created:
        clash = clash.exclude(pk=form.pk)
    if clash.exists():
        raise ValidationError({"name": "Форма с таким названием уже есть в списке."})
    if created:
        codes = set(MentoringForm.objects.values_list("code", flat=True))
        number = 1
        while f"custom-{number}" in codes:
            number += 1
        form = MentoringForm(organization=tenant, code=f"custom-{number}")
    else:
        form = MentoringForm.objects.select_for_update().get(pk=form.pk)
    before = {} if created else form_snapshot(form)
    for name, value in fields.items():
        setattr(form, name, value)
    form.save()
    changes = changes_between(before, form_snapshot(form))
    if created or changes:
        action = "form.created" if created else "form.updated"
        log_action(action, actor=actor, tenant=tenant, obj=form, changes=changes, request=request)
    return form


def category_labels(choices, codes) -> str:
    labels = dict(choices)
    return ", ".join(str(labels.get(code, code)) for code in codes)


def form_snapshot(form: MentoringForm) -> dict:
    return {
        "название": form.name,
        "для кого": form.get_audience_display(),
        "категории наставников": category_labels(Mentor.Category.choices, form.mentor_categories),
        "категории наставляемых": category_labels(Mentee.Category.choices, form.mentee_categories),
        "наставник старше наставляемого": "да" if form.mentor_must_be_older else "нет",
        "ролевые модели": "; ".join(form.role_models),
    }
