"""The demo world (``manage.py seed_demo``): the Bolshaya Murta education department (seed 004) with three
schools, one of them School №40 (seed 003), and a demo account for every role. Running it again updates the same rows.

Every school also gets its bases (stages 2 and 3): a list of requests / competencies, two partner organisations,
about forty mentees (mostly pupils with their legal representatives; most minors have the representative's
personal-data consent, a few have none and one has withdrawn it) and about twelve mentors (teachers — the demo
mentor accounts among them —, senior pupils, a student, a partner's employee and a parent of a pupil of the
school). People come from ``random.Random`` with a fixed seed per school and are found again by name
(organisation, surname, name, patronymic), so a second run updates them instead of adding new ones. Birth dates
are counted back from today, so that ages and classes stay right whenever the demo is loaded.
"""

from django.conf import settings
from django.utils import timezone

from core.models import Membership, Municipality, Organization, Region
from demo.bank import seed_bank
from demo.documents import seed_documents, seed_municipal_documents
from demo.monitoring import seed_monitoring
from demo.programmes import seed_programme
from demo.region import seed_region
from demo.school_bases import SCHOOL_BASES
from demo.school_seeder import SchoolSeeder
from demo.teachers import seed_teachers
from demo.teachers_council import seed_teachers_council
from demo.world import ADMIN, DEMO_PASSWORD, MUNICIPALITY, PEOPLE, REGION, SCHOOLS
from mentoring.models import User


def seed(stdout, style):
    """Create or update the demo world; return a function that prints the logins and the bases' summary."""
    region, _ = Region.objects.update_or_create(name=REGION["name"], defaults=REGION)
    municipality, _ = Municipality.objects.update_or_create(
        slug=MUNICIPALITY["slug"], defaults={**MUNICIPALITY, "region": region}
    )
    tenants = {f"m:{municipality.slug}": municipality}
    for school in SCHOOLS:
        organization, _ = Organization.objects.update_or_create(
            slug=school["slug"], defaults={**school, "municipality": municipality}
        )
        tenants[organization.slug] = organization

    rows, users = [], {}
    for email, last_name, first_name, patronymic, position, roles in PEOPLE:
        user = demo_user(email, last_name, first_name, patronymic, position)
        users[email] = user
        for tenant_key, role in roles:
            tenant = tenants[tenant_key]
            field = "municipality" if tenant_key.startswith("m:") else "organization"
            Membership.objects.get_or_create(user=user, role=role, **{field: tenant})
            rows.append((role.label, tenant.short_name, email))
    rows += seed_region(region, demo_user)
    admin = demo_user(*ADMIN, is_staff=True, is_superuser=True)
    rows.append(("Сотрудник платформы", "Администрирование", admin.email))

    seed_municipal_documents(municipality)
    today = timezone.localdate()
    seeders = [SchoolSeeder(tenants[slug], base, users, today) for slug, base in SCHOOL_BASES.items()]
    for seeder in seeders:
        seeder.run()
        curator = seeder.registrar
        programme = seed_programme(seeder.organization, curator, today, seeder.year_start)
        seed_documents(seeder.organization, programme)
        seed_monitoring(seeder.organization, curator, today)
        seed_teachers(seeder.organization, curator, programme, today, seeder.year_start)
        seed_teachers_council(seeder.organization, programme, today)

    seed_bank(today)

    def report():
        stdout.write(style.SUCCESS(f"Демонстрационные данные готовы. Вход: {settings.PORTAL_BASE_URL.rstrip('/')}/"))
        stdout.write(f"Пароль у всех демо-пользователей: {DEMO_PASSWORD}")
        for role, tenant, email in rows:
            stdout.write(f"  {email:<28} {role:<45} {tenant}")
        stdout.write("Базы наставляемых и наставников:")
        for seeder in seeders:
            stdout.write(seeder.summary())

    return report


def demo_user(email, last_name, first_name, patronymic, position, **flags):
    user, _ = User.objects.update_or_create(
        email=email,
        defaults={
            "last_name": last_name,
            "first_name": first_name,
            "patronymic": patronymic,
            "position": position,
            "is_active": True,
            **flags,
        },
    )
    user.set_password(DEMO_PASSWORD)
    user.save(update_fields=["password"])
    return user
