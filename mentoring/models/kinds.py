"""The kinds (виды) of mentoring of the teachers' system (seed 001 §2.3.2–2.3.8): reference data shared by
every school, installed from ``mentoring.reference.KINDS``."""

from django.db import models


class MentoringKind(models.Model):
    """A kind of mentoring («традиционное», «в группе», «скоростное»…). Its ``code`` carries the rules that
    follow the kind (``services.pair_rules.kind_refusals``); the name and description are what users read."""

    code = models.SlugField("код", max_length=20, unique=True)
    name = models.CharField("название", max_length=100)
    description = models.TextField("описание")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = "вид наставничества"
        verbose_name_plural = "виды наставничества"
        ordering = ["position", "pk"]

    def __str__(self):
        return self.name


def install_kinds(kind_model) -> None:
    """Create or update the shipped kinds (the model is passed, for migrations)."""
    from mentoring.reference import KINDS

    for position, row in enumerate(KINDS):
        kind_model.objects.update_or_create(
            code=row["code"], defaults={"name": row["name"], "description": row["description"], "position": position}
        )
