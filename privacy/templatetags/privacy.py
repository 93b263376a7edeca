"""``{% erasure_of person as erasure %}``: the erasure record of an anonymised card (what went, what was kept)."""

from django import template

from mentoring.models import Mentee

from ..models import Erasure

register = template.Library()


@register.simple_tag
def erasure_of(person):
    if person.anonymized_at is None:
        return None
    subject = Erasure.Subject.MENTEE if isinstance(person, Mentee) else Erasure.Subject.MENTOR
    return Erasure.objects.filter(subject_type=subject, subject_id=person.pk).first()
