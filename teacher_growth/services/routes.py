"""The optional individual educational route of a teacher-mentee: 4 to 5 years (seed 001 §1.3.8), its steps
inside that period."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction

from core.audit import log_action
from mentoring.models import Mentee
from mentoring.services.pairs import add_months
from teacher_growth.models import EducationalRoute, RouteStep
from teacher_growth.services.difficulties import not_a_teacher_error

SHORTEST_YEARS, LONGEST_YEARS = 4, 5


def route_errors(mentee: Mentee, starts_on: date | None, ends_on: date | None, aim: str, steps) -> list[str]:
    errors = not_a_teacher_error(mentee)
    if not aim.strip():
        errors.append("Опишите цель маршрута: каким педагог видит себя в профессии.")
    if starts_on is None or ends_on is None:
        return [*errors, "Укажите начало и окончание маршрута."]
    earliest = add_months(starts_on, 12 * SHORTEST_YEARS) - timedelta(days=1)
    latest = add_months(starts_on, 12 * LONGEST_YEARS) - timedelta(days=1)
    if not earliest <= ends_on <= latest:
        errors.append(
            "Индивидуальный образовательный маршрут рассчитан на 4–5 лет: окончание "
            f"с {earliest:%d.%m.%Y} по {latest:%d.%m.%Y}."
        )
    outside = [year for year, _, _ in steps if not starts_on.year <= year <= ends_on.year]
    if outside:
        errors.append(
            f"Шаги маршрута — в его годах ({starts_on.year}–{ends_on.year}): "
            f"{', '.join(str(year) for year in outside)} вне их."
        )
    return errors


@transaction.atomic
def save_route(*, mentee: Mentee, starts_on, ends_on, aim: str, steps, actor, tenant, request=None):
    """Create or replace the route and its steps (``steps``: (year, title, expected result))."""
    steps = [(year, title.strip(), result.strip()) for year, title, result in steps if title.strip()]
    errors = route_errors(mentee, starts_on, ends_on, aim, steps)
    if errors:
        raise ValidationError(errors)
    route, _ = EducationalRoute.objects.update_or_create(
        mentee=mentee, defaults={"organization": tenant, "starts_on": starts_on, "ends_on": ends_on, "aim": aim.strip()}
    )
    route.steps.all().delete()
    RouteStep.objects.bulk_create(
        RouteStep(organization=tenant, route=route, year=year, title=title, expected_result=result)
        for year, title, result in steps
    )
    log_action(
        "route.saved", actor=actor, tenant=tenant, obj=mentee,
        changes={"маршрут": [None, f"{starts_on:%d.%m.%Y} – {ends_on:%d.%m.%Y}, шагов: {len(steps)}"]},
        request=request,
    )  # fmt: skip
    return route
