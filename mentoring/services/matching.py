"""Matching suggestions for a programme: the unpaired mentees and the selected mentors with free places."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from core.audit import log_action
from mentoring import matching
from mentoring.models import Mentee, Mentor, PairMember, Tag
from mentoring.services.pair_rules import form_facts, mentee_facts, mentor_facts
from mentoring.services.pairs import form_pair, latest_plan_end
from mentoring.services.programmes import ACTIVE_MENTEE


def suggest(programme, *, algorithm=matching.optimal) -> tuple[matching.Matching, dict, dict]:
    """Suggestions for every unpaired active mentee of the school, with the facts to show them by name."""
    today = timezone.localdate()
    paired = PairMember.objects.filter(active=True, pair__programme=programme).values("mentee_id")
    mentees = mentee_facts(Mentee.objects.filter(ACTIVE_MENTEE).exclude(pk__in=paired), today)
    mentors = mentor_facts(programme, Mentor.objects.filter(programmes__programme=programme), today)
    forms = list(form_facts(programme.forms.all()).values())
    tag_names = dict(Tag.objects.values_list("pk", "name"))
    result = algorithm(list(mentors.values()), list(mentees.values()), forms, tag_names)
    return result, mentees, mentors


def accept(programme, *, mentee_id, mentor_id, form_id, score, actor, tenant, request=None):
    """Accept one suggestion: a pair formed under every rule (checked again now)."""
    mentee = Mentee.objects.filter(pk=mentee_id).first()
    mentor = Mentor.objects.filter(pk=mentor_id).first()
    form = programme.forms.filter(pk=form_id).first()
    if not (mentee and mentor and form):
        raise ValidationError("Предложение устарело: обновите страницу.")
    starts_on, planned_end_on = default_period(programme)
    return form_pair(
        programme=programme, mentor=mentor, mentees=[mentee], form=form, starts_on=starts_on,
        planned_end_on=planned_end_on, actor=actor, tenant=tenant, match_score=score, request=request,
    )  # fmt: skip


def default_period(programme, today=None):
    """A new pair starts today (or when the programme starts) and is planned to the programme's end, at most a
    year; the rules of the personalised programme's length are checked by ``form_pair``."""
    today = today or timezone.localdate()
    starts_on = max(today, programme.starts_on)
    return starts_on, min(programme.ends_on, latest_plan_end(starts_on))


@transaction.atomic
def set_awaiting_mentor(programme, mentee: Mentee, awaiting: bool, *, actor, tenant, request=None) -> Mentee:
    """Mark a mentee whom no pair was found for: «без пары: поддержка, поиск наставника продолжается» (stage 5),
    or take the mark off. A mentee in an active pair of the programme needs no mark."""
    mentee = Mentee.objects.select_for_update().get(pk=mentee.pk)
    paired = PairMember.objects.filter(active=True, pair__programme=programme, mentee=mentee).exists()
    if awaiting and paired:
        raise ValidationError(f"{mentee.full_name} уже в паре или группе программы: отметка о поиске не нужна.")
    if mentee.awaiting_mentor == awaiting:
        return mentee
    label = str(Mentee._meta.get_field("awaiting_mentor").verbose_name)
    mentee.awaiting_mentor = awaiting
    mentee.save(update_fields=["awaiting_mentor", "updated_at"])
    log_action(
        "person.updated",
        actor=actor,
        tenant=tenant,
        obj=mentee,
        changes={label: ["нет" if awaiting else "да", "да" if awaiting else "нет"]},
        request=request,
    )
    return mentee
