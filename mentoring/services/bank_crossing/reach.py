"""Where the bank reaches, whom it serves, and whom it tells: the scope of the municipality's schools, the form
and the mentees of a bank pair, a school's directors and addresses."""

from django.urls import reverse

from core.models import Membership, Organization
from core.roles import Role
from core.tenancy import tenant_scope
from mentoring.models import Mentee

BANK_FORM_CODE = "teacher-teacher"  # a mentor from another school mentors a teacher: «педагог – педагог»
TEACHER_MENTEES = (Mentee.Category.YOUNG_SPECIALIST, Mentee.Category.NEW_TEACHER, Mentee.Category.TEACHER)


def peer_scope(school: Organization):
    """The scope of every school of the school's municipality (its own included, for the joins)."""
    return tenant_scope(school.municipality)


def school_directors(school: Organization):
    return [m.user for m in Membership.objects.filter(organization=school, role=Role.DIRECTOR).select_related("user")]


def school_url(name: str, school: Organization, **kwargs) -> str:
    return reverse(name, kwargs={"org": school.slug, **kwargs})
