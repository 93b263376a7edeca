"""The demo region (seed_demo): the region of the demo municipality with its coordinator and specialist, who
read the regional dashboard and compile the regional summary. Running it again changes nothing."""

from core.models import Membership
from core.roles import Role

REGIONAL_PEOPLE = (
    (
        "coordinator@region.demo",
        "Селезнёва",
        "Ирина",
        "Викторовна",
        "Региональный координатор",
        Role.REGIONAL_COORDINATOR,
    ),
    (
        "specialist@region.demo",
        "Дорохов",
        "Андрей",
        "Павлович",
        "Методист регионального центра",
        Role.REGIONAL_SPECIALIST,
    ),
)


def seed_region(region, demo_user) -> list[tuple[str, str, str]]:
    """The regional logins (``demo_user`` makes or updates an account); returns their (role, where, e-mail)."""
    rows = []
    for email, last_name, first_name, patronymic, position, role in REGIONAL_PEOPLE:
        user = demo_user(email, last_name, first_name, patronymic, position)
        Membership.objects.get_or_create(user=user, role=role, region=region)
        rows.append((role.label, region.short_name, email))
    return rows
