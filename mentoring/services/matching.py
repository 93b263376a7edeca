"""Matching suggestions for a programme: the unpaired mentees and the selected mentors with free places."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone

from mentoring import matching
from mentoring.models import Mentee, Mentor, PairMember, Tag
from mentoring.services.pair_rules import form_facts, mentee_facts, mentor_facts
from mentoring.services.pairs import form_pair
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
    today = timezone.localdate()
    end = min(programme.ends_on, today + timedelta(days=365))
    return form_pair(
        programme=programme, mentor=mentor, mentees=[mentee], form=form, starts_on=today, planned_end_on=end,
        actor=actor, tenant=tenant, match_score=score, request=request,
    )  # fmt: skip
