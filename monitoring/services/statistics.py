"""The statistical information on participants of a school: pairs, mentors and mentees of a period by form,
role and age band, built inside the tenant's scope in a fixed number of queries."""

from datetime import date

from django.db.models import Count, Q

from core.models import Organization
from mentoring.models import (
    Mentee,
    Mentor,
    MentoringForm,
    MentoringKind,
    Pair,
    PairMember,
    PartnerOrganization,
)
from monitoring import charts
from monitoring.services import indicators as ind
from monitoring.services.reports import in_period

AGE_BANDS = [("до 10 лет", 0, 9), ("10–14 лет", 10, 14), ("15–19 лет", 15, 19), ("20 лет и старше", 20, 200)]


def teachers_system(organization: Organization, pairs, on: date) -> dict:
    """The teachers' system beside the pupils': its pairs by kind, teachers who mentor teachers, teacher-mentees
    by category, the young teachers retained after one and three years."""
    teachers_pairs = pairs.filter(form__audience=MentoringForm.Audience.TEACHERS)
    by_kind = dict(teachers_pairs.values_list("kinds__name").annotate(n=Count("pk", distinct=True)).order_by())
    kinds = [(name, by_kind.get(name, 0)) for name in MentoringKind.objects.values_list("name", flat=True)]
    mentees = Mentee.objects.filter(pair_memberships__pair__in=teachers_pairs)
    counts = next(iter(ind.young_teachers_retention([organization.pk], on)), {})
    return {
        "pairs": teachers_pairs.count(),
        "by_kind": kinds,
        "mentors": Mentor.objects.filter(pairs__in=teachers_pairs).distinct().count(),
        "mentees": mentees.values("pk").distinct().count(),
        "retention": [
            ("через год после приёма", counts.get("retained_1", 0), counts.get("hired_1", 0)),
            ("через три года после приёма", counts.get("retained_3", 0), counts.get("hired_3", 0)),
        ],
    }


def statistics(organization: Organization, date_from: date, date_to: date) -> dict:
    """Counts for the statistical forms: by form, role, category, age band; young specialists; partners."""
    pairs = Pair.objects.filter(in_period(date_from, date_to))
    members = PairMember.objects.filter(pair__in=pairs)
    by_form = {
        row["form__name"]: row
        for row in members.values("form__name")
        .annotate(mentees=Count("mentee", distinct=True), mentors=Count("pair__mentor", distinct=True))
        .order_by()
    }
    pair_counts = dict(pairs.values_list("form__name").annotate(n=Count("pk")).order_by())
    form_rows = [
        (
            name,
            pair_counts.get(name, 0),
            by_form.get(name, {}).get("mentees", 0),
            by_form.get(name, {}).get("mentors", 0),
        )
        for name in MentoringForm.objects.order_by("audience", "name").values_list("name", flat=True)
    ]
    mentees = Mentee.objects.filter(pair_memberships__pair__in=pairs).distinct()
    mentors = Mentor.objects.filter(pairs__in=pairs).distinct()
    mentee_categories = dict(mentees.order_by().values_list("category").annotate(n=Count("pk", distinct=True)))
    mentor_categories = dict(mentors.order_by().values_list("category").annotate(n=Count("pk", distinct=True)))
    ages = mentees.filter(category=Mentee.Category.PUPIL).aggregate(
        **{
            f"band{n}": Count("pk", distinct=True, filter=ind.born_aged(low, high, date_to))
            for n, (_, low, high) in enumerate(AGE_BANDS)
        },
        unknown=Count("pk", distinct=True, filter=Q(birth_date__isnull=True)),
    )
    partners = PartnerOrganization.objects.aggregate(
        total=Count("pk", distinct=True),
        providing=Count("pk", distinct=True, filter=Q(mentors__pairs__in=pairs)),
    )
    totals = {
        "pairs": sum(row[1] for row in form_rows),
        "mentees": sum(mentee_categories.values()),
        "mentors": sum(mentor_categories.values()),
    }
    data = {
        "organization": organization,
        "date_from": date_from,
        "date_to": date_to,
        "by_form": form_rows,
        "by_role": [("наставники", totals["mentors"]), ("наставляемые", totals["mentees"])],
        "mentee_categories": [(label, mentee_categories.get(code, 0)) for code, label in Mentee.Category.choices],
        "mentor_categories": [(label, mentor_categories.get(code, 0)) for code, label in Mentor.Category.choices],
        "age_bands": [(label, ages[f"band{n}"]) for n, (label, _, _) in enumerate(AGE_BANDS)]
        + [("возраст не указан", ages["unknown"])],
        "young_specialists": mentee_categories.get(Mentee.Category.YOUNG_SPECIALIST, 0),
        "partners": partners["total"],
        "partners_providing": partners["providing"],
        "totals": totals,
        "has_data": bool(totals["pairs"]),
    }
    data["teachers"] = teachers_system(organization, pairs, date_to)
    data["form_chart"] = charts.bars(
        "Участники по формам наставничества (наставляемые)", [(row[0], row[2]) for row in form_rows if row[1]]
    )
    return data
