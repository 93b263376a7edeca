"""The programme page's timeline: the months of the programme and each stage's cells, progress, readiness and
what is overdue, the stage's state coming from ``stage_state``."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone

from mentoring.models import Programme, Stage, StageActivity
from mentoring.services.programme_reading import programme_progress
from mentoring.services.stage_state import StageProgress, StageState

MONTH_NAMES = ("янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек")


@dataclass
class Month:
    first_day: date
    last_day: date
    is_current: bool

    @property
    def label(self):
        return f"{MONTH_NAMES[self.first_day.month - 1]} {self.first_day:%y}"


def months_of(starts_on: date, ends_on: date, today: date) -> list[Month]:
    months = []
    first = starts_on.replace(day=1)
    while first <= ends_on:
        following = (first + timedelta(days=32)).replace(day=1)
        last = following - timedelta(days=1)
        months.append(Month(first, last, first <= today <= last))
        first = following
    return months


@dataclass
class StageOverview:
    """A stage as the programme page shows it: its state, dates on the timeline, activities, what is overdue."""

    progress: StageProgress
    activities: list
    overdue: list
    cells: list  # per month of the programme: (the stage's state if it runs then, else "", is it this month)

    @property
    def stage(self) -> Stage:
        return self.progress.stage

    @property
    def readiness(self):
        return self.progress.readiness

    @property
    def state(self) -> StageState:
        return self.progress.state

    @property
    def late(self) -> bool:
        return self.state == StageState.LATE

    @property
    def done_count(self):
        return sum(1 for activity in self.activities if activity.done_on)


def is_overdue(activity: StageActivity, today: date) -> bool:
    return activity.done_on is None and activity.due_on is not None and activity.due_on < today


def covers(stage: Stage, month: Month) -> bool:
    if stage.starts_on is None or stage.ends_on is None:
        return False
    return stage.starts_on <= month.last_day and stage.ends_on >= month.first_day


def programme_overview(programme: Programme, today=None) -> tuple[list[Month], list[StageOverview]]:
    """The months of the programme and its stages with their timeline cells, in a fixed number of queries."""
    today = today or timezone.localdate()
    months = months_of(programme.starts_on, programme.ends_on, today)
    stages = list(programme.stages.prefetch_related("activities").order_by("number"))
    overview = []
    for progress in programme_progress(programme, stages, today):
        activities = list(progress.stage.activities.all())
        item = StageOverview(
            progress=progress,
            activities=activities,
            overdue=[activity for activity in activities if is_overdue(activity, today)],
            cells=[],
        )
        stage = progress.stage
        item.cells = [(item.state if covers(stage, month) else "", month.is_current) for month in months]
        overview.append(item)
    return months, overview
