"""The role matrix of the portal (who may do what, by role), declared once.

Views name the capability they need (``required_capability``); the tenant middleware checks it against the
roles the user holds in the school or municipality of the URL. Nothing else decides what a role may do.
"""

from enum import StrEnum

from django.db import models


class Role(models.TextChoices):
    DIRECTOR = "director", "Руководитель ОО"
    CURATOR = "curator", "Куратор"
    METHODIST = "methodist", "Методист / педагог-психолог"
    MENTOR = "mentor", "Наставник"
    OBSERVER = "observer", "Наблюдатель"
    MUNICIPAL_COORDINATOR = "municipal_coordinator", "Муниципальный координатор"
    MUNICIPAL_SPECIALIST = "municipal_specialist", "Специалист органа управления образованием"
    # The region above its municipalities (read-only aggregates, never a child's card).
    REGIONAL_COORDINATOR = "regional_coordinator", "Региональный координатор"
    REGIONAL_SPECIALIST = "regional_specialist", "Региональный специалист"


SCHOOL_ROLES = frozenset({Role.DIRECTOR, Role.CURATOR, Role.METHODIST, Role.MENTOR, Role.OBSERVER})
MUNICIPAL_ROLES = frozenset({Role.MUNICIPAL_COORDINATOR, Role.MUNICIPAL_SPECIALIST})
REGIONAL_ROLES = frozenset({Role.REGIONAL_COORDINATOR, Role.REGIONAL_SPECIALIST})


class Capability(StrEnum):
    # School level.
    VIEW_SCHOOL_HOME = "view_school_home"
    GRANT_SCHOOL_ROLES = "grant_school_roles"
    READ_SCHOOL_DOCUMENTS = "read_school_documents"
    READ_PERSON_CARDS = "read_person_cards"
    READ_SUPPORT_CATEGORIES = "read_support_categories"
    EDIT_BASES = "edit_bases"
    MANAGE_PROGRAMME = "manage_programme"
    VIEW_PROGRAMME = "view_programme"
    VIEW_OWN_PROGRAMMES = "view_own_programmes"
    MANAGE_TRAINING = "manage_training"
    VIEW_OWN_TRAINING = "view_own_training"
    FORM_PAIRS = "form_pairs"
    MANAGE_PLANS = "manage_plans"
    KEEP_OWN_PLANS = "keep_own_plans"
    READ_JOURNALS = "read_journals"
    KEEP_OWN_JOURNAL = "keep_own_journal"
    DRAFT_SCHOOL_DOCUMENTS = "draft_school_documents"
    APPROVE_SCHOOL_DOCUMENTS = "approve_school_documents"
    PUBLISH_SCHOOL_PAGE = "publish_school_page"  # the «Наставничество» section of the school's site
    LAUNCH_QUESTIONNAIRES = "launch_questionnaires"
    ANSWER_CURATOR_QUESTIONNAIRE = "answer_curator_questionnaire"
    ANSWER_MENTOR_QUESTIONNAIRE = "answer_mentor_questionnaire"
    SCHOOL_REPORTS = "school_reports"
    SCHOOL_AGGREGATE_REPORTS = "school_aggregate_reports"
    VIEW_AUDIT = "view_audit"
    # The municipal bank of mentors (issue 12): a school lists its mentors for the other schools of its
    # municipality, finds theirs and sends requests; the mentor and the mentor's director answer them.
    MANAGE_BANK_ENTRIES = "manage_bank_entries"
    REQUEST_BANK_MENTORS = "request_bank_mentors"
    ANSWER_BANK_REQUESTS = "answer_bank_requests"  # the mentor, for requests to their own listing
    APPROVE_BANK_REQUESTS = "approve_bank_requests"  # the director of the mentor's school
    # The teachers' system of mentoring (issue 12): the council of mentors, appointing teacher-mentors (art. 351.8).
    KEEP_COUNCIL_RECORDS = "keep_council_records"
    APPOINT_TEACHER_MENTORS = "appoint_teacher_mentors"
    # Municipal level.
    VIEW_MUNICIPAL_HOME = "view_municipal_home"
    GRANT_MUNICIPAL_ROLES = "grant_municipal_roles"
    VIEW_MUNICIPAL_SCHOOLS = "view_municipal_schools"
    READ_MUNICIPAL_SCHOOL_DOCUMENTS = "read_municipal_school_documents"
    AGREE_ROADMAPS = "agree_roadmaps"
    DRAFT_MUNICIPAL_DOCUMENTS = "draft_municipal_documents"
    APPROVE_MUNICIPAL_DOCUMENTS = "approve_municipal_documents"
    PUBLISH_MUNICIPAL_PAGE = "publish_municipal_page"
    MUNICIPAL_REPORTS = "municipal_reports"
    # Regional level (the region above its municipalities).
    VIEW_REGIONAL_HOME = "view_regional_home"
    REGIONAL_REPORTS = "regional_reports"
    EDIT_REGIONAL_REQUISITES = "edit_regional_requisites"  # the region's acts its municipalities' documents cite


_D, _C, _M, _MT, _O = Role.DIRECTOR, Role.CURATOR, Role.METHODIST, Role.MENTOR, Role.OBSERVER
_MC, _MS = Role.MUNICIPAL_COORDINATOR, Role.MUNICIPAL_SPECIALIST

MATRIX: dict[Capability, frozenset[Role]] = {
    Capability.VIEW_SCHOOL_HOME: SCHOOL_ROLES,
    Capability.GRANT_SCHOOL_ROLES: frozenset({_D}),
    Capability.READ_SCHOOL_DOCUMENTS: frozenset({_D, _C, _M, _O}),
    Capability.READ_PERSON_CARDS: frozenset({_D, _C, _M}),
    Capability.READ_SUPPORT_CATEGORIES: frozenset({_D, _C, _M}),
    Capability.EDIT_BASES: frozenset({_D, _C}),
    Capability.MANAGE_PROGRAMME: frozenset({_D, _C}),
    Capability.VIEW_PROGRAMME: frozenset({_D, _C, _M, _O}),
    Capability.VIEW_OWN_PROGRAMMES: frozenset({_MT}),  # the programmes a mentor takes part in
    Capability.MANAGE_TRAINING: frozenset({_D, _C, _M}),
    Capability.VIEW_OWN_TRAINING: frozenset({_MT}),
    Capability.FORM_PAIRS: frozenset({_D, _C}),
    Capability.MANAGE_PLANS: frozenset({_D, _C}),
    Capability.KEEP_OWN_PLANS: frozenset({_MT}),
    Capability.READ_JOURNALS: frozenset({_D, _C, _M}),
    Capability.KEEP_OWN_JOURNAL: frozenset({_MT}),
    Capability.DRAFT_SCHOOL_DOCUMENTS: frozenset({_D, _C}),
    Capability.APPROVE_SCHOOL_DOCUMENTS: frozenset({_D}),
    Capability.PUBLISH_SCHOOL_PAGE: frozenset({_D}),  # what the school publishes is the director's decision
    Capability.LAUNCH_QUESTIONNAIRES: frozenset({_D, _C, _M}),
    Capability.ANSWER_CURATOR_QUESTIONNAIRE: frozenset({_C}),
    Capability.ANSWER_MENTOR_QUESTIONNAIRE: frozenset({_MT}),
    Capability.SCHOOL_REPORTS: frozenset({_D, _C, _M}),
    Capability.SCHOOL_AGGREGATE_REPORTS: frozenset({_D, _C, _M, _O}),
    Capability.VIEW_AUDIT: frozenset({_D, _C}),
    # The municipal bank of mentors (issue 12).
    Capability.MANAGE_BANK_ENTRIES: frozenset({_D, _C}),
    Capability.REQUEST_BANK_MENTORS: frozenset({_D, _C}),
    Capability.ANSWER_BANK_REQUESTS: frozenset({_MT}),
    Capability.APPROVE_BANK_REQUESTS: frozenset({_D}),
    # The teachers' system of mentoring (issue 12).
    Capability.KEEP_COUNCIL_RECORDS: frozenset({_D, _C}),
    Capability.APPOINT_TEACHER_MENTORS: frozenset({_D, _C}),
    Capability.VIEW_MUNICIPAL_HOME: MUNICIPAL_ROLES,
    Capability.GRANT_MUNICIPAL_ROLES: frozenset({_MC}),
    Capability.VIEW_MUNICIPAL_SCHOOLS: frozenset({_MC, _MS}),
    Capability.READ_MUNICIPAL_SCHOOL_DOCUMENTS: frozenset({_MC, _MS}),
    Capability.AGREE_ROADMAPS: frozenset({_MC, _MS}),
    Capability.DRAFT_MUNICIPAL_DOCUMENTS: frozenset({_MC, _MS}),
    Capability.APPROVE_MUNICIPAL_DOCUMENTS: frozenset({_MC}),
    Capability.PUBLISH_MUNICIPAL_PAGE: frozenset({_MC}),
    Capability.MUNICIPAL_REPORTS: frozenset({_MC, _MS}),
    # The region above its municipalities: aggregates of its municipalities and schools, read only.
    Capability.VIEW_REGIONAL_HOME: REGIONAL_ROLES,
    Capability.REGIONAL_REPORTS: REGIONAL_ROLES,
    Capability.EDIT_REGIONAL_REQUISITES: frozenset({Role.REGIONAL_COORDINATOR}),
}


def has_capability(roles, capability: Capability) -> bool:
    """Whether any of ``roles`` grants ``capability``."""
    return not MATRIX[capability].isdisjoint(roles)


def roles_with(capability: Capability) -> frozenset[Role]:
    """The roles that grant ``capability``."""
    return MATRIX[capability]


def capabilities_of(roles) -> frozenset[Capability]:
    return frozenset(capability for capability, allowed in MATRIX.items() if not allowed.isdisjoint(roles))


def sorted_by_role(memberships):
    """Memberships in the order roles are listed above (director first), then by name."""
    order = list(Role)
    return sorted(memberships, key=lambda m: (order.index(m.role), m.user.last_name, m.user.first_name))
