"""Finding people in the bases: one filter for the list pages and the exports."""

from django.db import connection
from django.db.models import Exists, OuterRef, Q

from core.collation import name_order
from mentoring.models import Mentee, Mentor, SupportCategory
from mentoring.services.people import with_consent_flags
from mentoring.services.programmes import ACTIVE_MENTEE

MENTEE_FILTERS = ("q", "category", "status", "tag", "consent", "requests", "active", "support")
MENTOR_FILTERS = ("q", "category", "status", "tag", "training", "partner")


def name_query(queryset, text):
    for word in text.split()[:3]:
        queryset = queryset.filter(
            Q(last_name__icontains=word) | Q(first_name__icontains=word) | Q(patronymic__icontains=word)
        )
    return queryset


def find_mentees(params, *, support_visible: bool):
    """Mentees matching the list's filters, with ``needs_consent`` and their requests prefetched."""
    mentees = with_consent_flags(Mentee.objects.all()).prefetch_related("requests")
    if text := params.get("q", "").strip():
        mentees = name_query(mentees, text)
    if params.get("category") in Mentee.Category.values:
        mentees = mentees.filter(category=params["category"])
    if params.get("status") in Mentee.Status.values:
        mentees = mentees.filter(status=params["status"])
    if (tag := params.get("tag", "")).isdigit():
        mentees = mentees.filter(requests__pk=int(tag))
    if params.get("consent") == "missing":
        mentees = mentees.filter(needs_consent=True)
    if params.get("requests") == "missing":
        # NOT EXISTS, an anti-join on the through table's index (a LEFT JOIN … IS NULL scans the whole table).
        tagged = Mentee.requests.through.objects.filter(mentee_id=OuterRef("pk"))
        mentees = mentees.filter(~Exists(tagged), requests_text="")
    if params.get("active") == "1":  # the working base: in the base or in a pair, not anonymised
        mentees = mentees.filter(ACTIVE_MENTEE)
    if support_visible and (support := params.get("support")) in SupportCategory.values:
        if connection.features.supports_json_field_contains:
            mentees = mentees.filter(support_categories__contains=[support])
        else:  # SQLite, the demo database: the codes are distinct words in the stored JSON text
            mentees = mentees.filter(support_categories__icontains=f'"{support}"')
    return mentees.order_by(*name_order())


def find_mentors(params):
    mentors = Mentor.objects.select_related("partner").prefetch_related("competencies")
    if text := params.get("q", "").strip():
        mentors = name_query(mentors, text)
    if params.get("category") in Mentor.Category.values:
        mentors = mentors.filter(category=params["category"])
    if params.get("status") in Mentor.Status.values:
        mentors = mentors.filter(status=params["status"])
    if params.get("training") in Mentor.Training.values:
        mentors = mentors.filter(training=params["training"])
    if (tag := params.get("tag", "")).isdigit():
        mentors = mentors.filter(competencies__pk=int(tag))
    if (partner := params.get("partner", "")).isdigit():
        mentors = mentors.filter(partner__pk=int(partner))
    return mentors.order_by(*name_order())
