"""Many counts in one query: ``CountOf(queryset)`` is ``(SELECT COUNT(*) FROM (<queryset>))`` as a column, so a
page's numbers are one round trip, however many there are."""

from django.db.models import IntegerField, Subquery


class CountOf(Subquery):
    """The number of rows of a queryset, as a column of another query (its order is dropped: a count needs none)."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) AS counted)"
    output_field = IntegerField()

    def __init__(self, queryset, **extra):
        super().__init__(queryset.order_by().values("pk"), **extra)


def counts_of(anchor, **querysets) -> dict[str, int]:
    """``{name: rows of queryset}`` in one query, hung on ``anchor`` (a queryset of exactly one row)."""
    columns = {f"counted_{name}": CountOf(queryset) for name, queryset in querysets.items()}  # no clash with fields
    row = anchor.annotate(**columns).values(*columns).get()
    return {name: row[f"counted_{name}"] for name in querysets}
