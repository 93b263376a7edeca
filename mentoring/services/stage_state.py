"""The one definition of a stage's state, read by the school home, the programme and stage pages, the
municipal dashboard and the reports.

A stage is, in this order of precedence:

- **completed** («завершён») — the curator marked it so (the audit log tells by whom and when);
- **ready** («готов к завершению») — not marked, but the portal's data shows its work done;
- **planned** («запланирован») — it has not started yet (or has no dates);
- **late** («просрочен») — its end has passed;
- **in progress** («идёт») — today is within its dates.

The stored status counts only as "completed or not": whether a stage runs is a matter of its dates, so a stage
that starts next month is never «идёт». «Готово N из 7» everywhere counts the completed stages.
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from django.db.models import Q

from mentoring.models import Stage


@dataclass
class Readiness:
    """Whether a stage's work is done judged from the portal's data, and what is missing when it is not
    (``mentoring.services.programme_reading.stage_readiness``)."""

    ready: bool
    reasons: list[str] = field(default_factory=list)


class StageState(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    LATE = "late"
    READY = "ready"
    COMPLETED = "completed"

    @property
    def label(self) -> str:
        return STATE_LABELS[self]


STATE_LABELS = {
    StageState.PLANNED: "запланирован",
    StageState.IN_PROGRESS: "идёт",
    StageState.LATE: "просрочен",
    StageState.READY: "готов к завершению",
    StageState.COMPLETED: "завершён",
}


def completed_stages(prefix: str = "") -> Q:
    """The completed stages as a filter, for counts over many programmes (``prefix`` for a relation, e.g.
    ``"stages__"``)."""
    return Q(**{f"{prefix}status": Stage.Status.DONE})


def state_of(stage: Stage, readiness: Readiness, today: date) -> StageState:
    """The state of ``stage`` on ``today`` given its readiness judged from the data."""
    if stage.status == Stage.Status.DONE:
        return StageState.COMPLETED
    if readiness.ready:
        return StageState.READY
    if stage.starts_on is None or stage.starts_on > today:
        return StageState.PLANNED
    if stage.ends_on is not None and stage.ends_on < today:
        return StageState.LATE
    return StageState.IN_PROGRESS


@dataclass
class StageProgress:
    """A stage with its state, its readiness and, when completed, who marked it and when."""

    stage: Stage
    state: StageState
    readiness: Readiness
    completed_by: object = None  # the user, when the audit log knows
    completed_at: datetime | None = None

    @property
    def label(self) -> str:
        return self.state.label

    @property
    def is_completed(self) -> bool:
        return self.state == StageState.COMPLETED


def completed_count(progress: list[StageProgress]) -> int:
    """«Готово N из 7»: the completed stages."""
    return sum(1 for item in progress if item.is_completed)
