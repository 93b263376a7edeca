"""The questionnaire of professional difficulties (the school's editable copy of the default), recording a
teacher-mentee's self-assessment at entry and at exit, and the profile that shows both and the change."""

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from core.audit import log_action
from mentoring.models import Mentee
from mentoring.models.people import TEACHER_MENTEE_CATEGORIES
from teacher_growth import catalogue
from teacher_growth.models import DifficultyArea, DifficultyItem, SelfAssessment, SelfAssessmentAnswer
from teacher_growth.models.difficulties import DIAGNOSED_FROM, HIGHEST, LOWEST


def ensure_questionnaire(tenant) -> list[DifficultyItem]:
    """The school's statements in the questionnaire, installed from the default the first time."""
    if not DifficultyItem.objects.filter(organization=tenant).exists():
        position = 0
        rows = []
        for area, texts in catalogue.DEFAULT_ITEMS.items():
            for text in texts:
                rows.append(DifficultyItem(organization=tenant, area=area, text=text, position=position))
                position += 1
        DifficultyItem.objects.bulk_create(rows)
    return list(DifficultyItem.objects.filter(organization=tenant, active=True))


def not_a_teacher_error(mentee: Mentee) -> list[str]:
    if mentee.category in TEACHER_MENTEE_CATEGORIES:
        return []
    return [
        "Самооценка профессиональных затруднений и персонализированная программа — для педагогов: "
        f"{mentee.full_name} в базе в категории «{mentee.get_category_display()}»."
    ]


@transaction.atomic
def add_item(*, tenant, area: str, text: str, actor, request=None) -> DifficultyItem:
    text = text.strip()
    if area not in DifficultyArea.values:
        raise ValidationError("Выберите группу затруднений.")
    if not text:
        raise ValidationError("Сформулируйте утверждение анкеты.")
    last = DifficultyItem.objects.filter(organization=tenant).order_by("-position").first()
    item = DifficultyItem.objects.create(
        organization=tenant, area=area, text=text, position=(last.position + 1) if last else 0
    )
    log_action(
        "difficulties.questionnaire_updated", actor=actor, tenant=tenant, obj=item,
        changes={"утверждение": [None, text]}, request=request,
    )  # fmt: skip
    return item


@transaction.atomic
def set_item_active(item: DifficultyItem, active: bool, *, actor, tenant, request=None) -> DifficultyItem:
    """Switch a statement off (or back on): earlier answers keep it, new self-assessments no longer ask it."""
    if item.active != active:
        item.active = active
        item.save(update_fields=["active"])
        log_action(
            "difficulties.questionnaire_updated", actor=actor, tenant=tenant, obj=item,
            changes={"в анкете": ["нет" if active else "да", "да" if active else "нет"]}, request=request,
        )  # fmt: skip
    return item


def assessment_errors(mentee: Mentee, stage: str, taken_on: date | None, scores: dict, items) -> list[str]:
    errors = not_a_teacher_error(mentee)
    if stage not in SelfAssessment.Stage.values:
        errors.append("Укажите, входная это самооценка или итоговая.")
    if taken_on is None:
        errors.append("Укажите дату самооценки.")
    elif taken_on > timezone.localdate():
        errors.append("Дата самооценки не может быть позже сегодняшней.")
    if stage == SelfAssessment.Stage.EXIT:
        entry = SelfAssessment.objects.filter(mentee=mentee, stage=SelfAssessment.Stage.ENTRY).first()
        if entry is None:
            errors.append("Итоговая самооценка сравнивается с входной: сначала запишите входную.")
        elif taken_on and taken_on < entry.taken_on:
            errors.append(f"Итоговая самооценка не может быть раньше входной ({entry.taken_on:%d.%m.%Y}).")
    missing = [item for item in items if not LOWEST <= (scores.get(item.pk) or 0) <= HIGHEST]
    if missing:
        errors.append(f"Оцените все утверждения анкеты от {LOWEST} до {HIGHEST}: без оценки — {len(missing)}.")
    return errors


@transaction.atomic
def record_self_assessment(
    *, mentee: Mentee, stage: str, taken_on: date | None, scores: dict[int, int], actor, tenant, request=None
) -> SelfAssessment:
    """Record (or record again) the entry or exit self-assessment: every active statement scored 1–5."""
    Mentee.objects.select_for_update().filter(pk=mentee.pk).first()
    items = ensure_questionnaire(tenant)
    errors = assessment_errors(mentee, stage, taken_on, scores, items)
    if errors:
        raise ValidationError(errors)
    assessment, _ = SelfAssessment.objects.update_or_create(
        mentee=mentee, stage=stage,
        defaults={"organization": tenant, "taken_on": taken_on, "recorded_by": actor},
    )  # fmt: skip
    assessment.answers.all().delete()
    SelfAssessmentAnswer.objects.bulk_create(
        SelfAssessmentAnswer(organization=tenant, assessment=assessment, item=item, score=scores[item.pk])
        for item in items
    )
    log_action(
        "difficulties.assessed", actor=actor, tenant=tenant, obj=mentee,
        changes={"самооценка": [None, f"{assessment.get_stage_display()}, {taken_on:%d.%m.%Y}"]}, request=request,
    )  # fmt: skip
    return assessment


@dataclass
class ItemRow:
    item: DifficultyItem
    entry: int | None = None
    exit: int | None = None

    @property
    def diagnosed(self) -> bool:
        return self.entry is not None and self.entry >= DIAGNOSED_FROM

    @property
    def change(self) -> int | None:
        return None if self.entry is None or self.exit is None else self.exit - self.entry


@dataclass
class AreaRow:
    area: str
    label: str
    items: list[ItemRow] = field(default_factory=list)

    def _mean(self, attribute):
        values = [getattr(row, attribute) for row in self.items if getattr(row, attribute) is not None]
        return round(sum(values) / len(values), 1) if values else None

    @property
    def entry(self):
        return self._mean("entry")

    @property
    def exit(self):
        return self._mean("exit")

    @property
    def change(self):
        return None if self.entry is None or self.exit is None else round(self.exit - self.entry, 1)


@dataclass
class Profile:
    """A teacher-mentee's difficulties by area: the entry and exit scores and the change (negative: fewer
    difficulties)."""

    mentee: Mentee
    entry: SelfAssessment | None
    exit: SelfAssessment | None
    areas: list[AreaRow]

    @property
    def diagnosed(self) -> list[ItemRow]:
        """The statements scored as difficulties at entry, the most serious first."""
        rows = [row for area in self.areas for row in area.items if row.diagnosed]
        return sorted(rows, key=lambda row: (-row.entry, row.item.position))


def profile(mentee: Mentee) -> Profile:
    """The profile of ``mentee``, in three queries."""
    assessments = {a.stage: a for a in SelfAssessment.objects.filter(mentee=mentee)}
    answers = SelfAssessmentAnswer.objects.filter(assessment__mentee=mentee).select_related("item", "assessment")
    rows: dict[int, ItemRow] = {}
    for answer in answers:
        row = rows.setdefault(answer.item_id, ItemRow(answer.item))
        setattr(row, answer.assessment.stage, answer.score)
    areas = []
    for code, label in DifficultyArea.choices:
        items = sorted((row for row in rows.values() if row.item.area == code), key=lambda r: r.item.position)
        if items:
            areas.append(AreaRow(code, label, items))
    return Profile(
        mentee=mentee,
        entry=assessments.get(SelfAssessment.Stage.ENTRY),
        exit=assessments.get(SelfAssessment.Stage.EXIT),
        areas=areas,
    )
