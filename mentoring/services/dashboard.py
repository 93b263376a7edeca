"""What the curator's home page counts: the programme's numbers, each with the list behind it.

Each figure names the list by URL name, query string and kwargs; the view resolves it.
"""

from dataclasses import dataclass, field

from django.db.models import Count, F, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

from core.counting import counts_of
from core.roles import Capability
from mentoring.models import Mentee, Mentor, Pair, PairMember, Programme, ProgrammeMentor, TrainingSession
from mentoring.services.programme_reading import inactive_pairs, unpaired_mentees
from mentoring.services.programmes import INACTIVE_DAYS


@dataclass(frozen=True)
class Figure:
    """One number of the home page and the list it links to."""

    group: str
    label: str
    count: int
    url_name: str
    query: str = ""
    kwargs: dict = field(default_factory=dict)
    capability: Capability = Capability.READ_PERSON_CARDS  # who may open the list


MENTEES, MENTORS, PAIRS = "Наставляемые", "Наставники", "Пары и группы"
INACTIVE_LABEL = f"без встреч больше {INACTIVE_DAYS} дней"


def mentors_with_free_places(programme: Programme):
    """Mentors selected for the programme, still in the base, with fewer active mentees than their capacity."""
    load = (
        PairMember.objects.filter(active=True, pair__mentor=OuterRef("pk"))
        .order_by()
        .values("pair__mentor")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        Mentor.objects.filter(programmes__programme=programme, status=Mentor.Status.ACTIVE, anonymized_at__isnull=True)
        .annotate(load=Coalesce(Subquery(load), Value(0), output_field=IntegerField()))
        .filter(load__lt=F("capacity"))
    )


def selection_counts(programme: Programme) -> dict[str, int]:
    """The programme page's numbers in one query: mentors selected, of them trained, training sessions."""
    selected = ProgrammeMentor.objects.filter(programme=programme)
    return counts_of(
        Programme.objects.filter(pk=programme.pk),
        selected_count=selected,
        trained_count=selected.filter(mentor__training=Mentor.Training.TRAINED),
        session_count=TrainingSession.objects.filter(programme=programme),
    )


def programme_figures(programme: Programme) -> list[Figure]:
    """The counts of the curator's home page, in one query of counts over the school's indexed columns
    (``organization``, ``status``, ``programme``) whatever the size of the school."""
    counts = counts_of(
        Programme.objects.filter(pk=programme.pk),
        mentees=Mentee.objects.all(),
        in_pair=Mentee.objects.filter(status=Mentee.Status.IN_PAIR),
        unpaired=unpaired_mentees(programme),
        mentors=Mentor.objects.all(),
        trained=Mentor.objects.filter(training=Mentor.Training.TRAINED),
        selected=ProgrammeMentor.objects.filter(programme=programme),
        free=mentors_with_free_places(programme),
        active_pairs=Pair.objects.filter(programme=programme, status=Pair.Status.ACTIVE),
        inactive=inactive_pairs(programme),
    )
    mentees = {"total": counts["mentees"], "in_pair": counts["in_pair"]}
    mentors = {"total": counts["mentors"], "trained": counts["trained"]}
    unpaired, selected, free = counts["unpaired"], counts["selected"], counts["free"]
    active_pairs, inactive = counts["active_pairs"], counts["inactive"]
    programme_kwargs, of_programme = {"pk": programme.pk}, f"programme={programme.pk}"
    return [
        Figure(MENTEES, "в базе", mentees["total"], "mentee_list"),
        Figure(MENTEES, "в паре или группе", mentees["in_pair"], "mentee_list", "status=in_pair"),
        Figure(
            MENTEES,
            "без пары в программе",
            unpaired,
            "unpaired_mentees",
            capability=Capability.FORM_PAIRS,
        ),
        Figure(MENTORS, "в базе", mentors["total"], "mentor_list"),
        Figure(
            MENTORS,
            "отобраны в программу",
            selected,
            "programme_detail",
            kwargs=programme_kwargs,
            capability=Capability.VIEW_PROGRAMME,
        ),
        Figure(MENTORS, "обучены", mentors["trained"], "mentor_list", "training=trained"),
        Figure(
            MENTORS,
            "со свободными местами",
            free,
            "free_mentors",
            capability=Capability.FORM_PAIRS,
        ),
        Figure(PAIRS, "работают", active_pairs, "journal_list", of_programme, capability=Capability.READ_JOURNALS),
        Figure(
            PAIRS,
            INACTIVE_LABEL,
            inactive,
            "journal_list",
            f"{of_programme}&inactive=1",
            capability=Capability.READ_JOURNALS,
        ),
    ]
