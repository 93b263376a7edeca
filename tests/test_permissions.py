"""The permission matrix: every URL pattern × every role × own / other tenant.

Expectations are written here from the agreed role matrix, independently of ``core.roles.MATRIX``, so that a
change to the code's matrix that contradicts the document fails. A URL pattern missing from ``CASES``
fails ``test_every_url_pattern_is_in_the_matrix``.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django_scopes import scopes_disabled

from core.models import AuditEntry, Job, Membership, Notification, Region
from core.roles import MUNICIPAL_ROLES, REGIONAL_ROLES, SCHOOL_ROLES, Role
from documents.models import Document, PublicPage
from mentoring.models import (
    Consent,
    Meeting,
    Mentee,
    Mentor,
    Pair,
    PartnerOrganization,
    PlanItem,
    Programme,
    Stage,
    Tag,
    User,
)
from monitoring.models import Contingent, Questionnaire, Response, Swot, Wave
from teacher_growth.models import DifficultyItem, EducationalRoute, PersonalProgramme, SelfAssessment
from tests.matrix import (
    EDIT_BASES,
    MC,
    READ_CARDS,
    C,
    Case,
    D,
    bank,
    documents,
    files,
    journal,
    monitoring,
    pairs,
    privacy,
    programmes,
    regional,
    teacher_growth,
    teachers,
)

MENTEE_POST = {
    "last_name": "Новикова",
    "first_name": "Ольга",
    "category": "pupil",
    "status": "in_base",
    "source": "application",
}
MENTOR_POST = {
    "last_name": "Громов",
    "first_name": "Олег",
    "category": "teacher",
    "capacity": "1",
    "training": "not_trained",
    "status": "active",
}
CONSENT_POST = {
    "purpose": "participation",
    "text_version": "v1",
    "given_by_name": "Петрова Анна",
    "given_by_relation": "мать",
    "given_at": "2025-09-01T10:00",
    "method": "paper",
}


CASES = {
    "home": Case("account"),
    "school_home": Case("school", SCHOOL_ROLES),
    "school_members": Case(
        "school",
        frozenset({D}),
        ("get", "post"),
        post_data={"email": "new@a.test", "role": "mentor", "last_name": "Новиков", "first_name": "Олег"},
    ),
    "school_member_revoke": Case("school", frozenset({D}), ("post",), obj="membership"),
    "school_audit": Case("school", frozenset({D, C})),
    "mentee_list": Case("school", READ_CARDS, ("get", "post"), post_data={"q": "Петров"}),
    "mentee_create": Case("school", EDIT_BASES, ("get", "post"), post_data=MENTEE_POST),
    "mentee_detail": Case("school", READ_CARDS, obj="mentee"),
    "mentee_edit": Case("school", EDIT_BASES, ("get", "post"), obj="mentee", post_data=MENTEE_POST),
    "mentee_history": Case("school", frozenset({D, C}), obj="mentee"),
    "mentee_consent_create": Case("school", EDIT_BASES, ("get", "post"), obj="mentee", post_data=CONSENT_POST),
    "mentor_list": Case("school", READ_CARDS, ("get", "post"), post_data={"q": "Сидорова"}),
    "mentor_create": Case("school", EDIT_BASES, ("get", "post"), post_data=MENTOR_POST),
    "mentor_detail": Case("school", READ_CARDS, obj="mentor"),
    "mentor_edit": Case("school", EDIT_BASES, ("get", "post"), obj="mentor", post_data=MENTOR_POST),
    "mentor_history": Case("school", frozenset({D, C}), obj="mentor"),
    "mentor_consent_create": Case("school", EDIT_BASES, ("get", "post"), obj="mentor", post_data=CONSENT_POST),
    "consent_withdraw": Case("school", EDIT_BASES, ("post",), obj="consent", post_data={"note": "заявление"}),
    "consent_scan": Case("school", EDIT_BASES, obj="consent"),
    "tag_list": Case("school", EDIT_BASES, ("get", "post"), post_data={"name": "Профориентация"}),
    "tag_delete": Case("school", EDIT_BASES, ("post",), obj="tag"),
    "partner_list": Case("school", READ_CARDS),
    "partner_create": Case(
        "school", EDIT_BASES, ("get", "post"), post_data={"name": "ООО «Вектор»", "kind": "employer"}
    ),
    "partner_edit": Case(
        "school", EDIT_BASES, ("get", "post"), obj="partner", post_data={"name": "ООО «Вектор»", "kind": "employer"}
    ),
    "mentee_import": Case("school", EDIT_BASES, ("get", "post")),
    "mentee_import_template": Case("school", EDIT_BASES),
    "mentee_export_xlsx": Case("school", EDIT_BASES, ("post",), post_data={"q": "Иванов"}),
    "mentee_export_csv": Case("school", EDIT_BASES, ("post",)),
    "mentor_import": Case("school", EDIT_BASES, ("get", "post")),
    "mentor_import_template": Case("school", EDIT_BASES),
    "mentor_export_xlsx": Case("school", EDIT_BASES, ("post",)),
    "mentor_export_csv": Case("school", EDIT_BASES, ("post",)),
    # The fixture job belongs to the director: the curator holds the capability but gets 404, as for an
    # object of another school (tests/test_import.py also checks one curator against another).
    "import_job": Case("school", EDIT_BASES, obj="job", owner=D),
    "import_job_progress": Case("school", EDIT_BASES, obj="job", owner=D),
    "import_job_confirm": Case("school", EDIT_BASES, ("post",), obj="job", owner=D),
    "import_job_recheck": Case("school", EDIT_BASES, ("post",), obj="job", owner=D),
    "import_job_retry": Case("school", EDIT_BASES, ("post",), obj="job", owner=D),
    "municipality_home": Case("municipality", MUNICIPAL_ROLES),
    "municipal_members": Case(
        "municipality",
        frozenset({MC}),
        ("get", "post"),
        post_data={
            "email": "new@m.test",
            "role": "municipal_specialist",
            "last_name": "Новикова",
            "first_name": "Анна",
        },
    ),
    "municipal_member_revoke": Case("municipality", frozenset({MC}), ("post",), obj="membership"),
    "healthz": Case("public"),
    "favicon": Case("public"),
    "login": Case("public"),
    "logout": Case("account", methods=("post",)),
    "password_change": Case("account"),
    "password_change_done": Case("account"),
    "password_reset": Case("public"),
    "password_reset_done": Case("public"),
    "password_reset_confirm": Case("public"),
    "password_reset_complete": Case("public"),
    "calendar_settings": Case("account", methods=("get", "post")),
    "calendar_feed": Case("public"),
    "guidance": Case("account"),  # the secret in the address is the key (tests/test_calendar.py)
}


# Each feature area keeps its own cases in tests/matrix/*.py.
for area in (programmes, pairs, journal, files, documents, monitoring, privacy, regional, teachers, teacher_growth):
    assert not set(area.CASES) & set(CASES), "a URL name is declared twice in the matrix"
    CASES.update(area.CASES)


def url_names(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from url_names(pattern.url_patterns, pattern.namespace or namespace)
        elif isinstance(pattern, URLPattern):
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name


# The bank's URLs reach a second school of the municipality: their matrix runs in tests/test_bank_permissions.py.
COVERED_ELSEWHERE = set(bank.CASES)


def test_every_url_pattern_is_in_the_matrix():
    names = set(url_names(get_resolver().url_patterns))
    portal_names = {name for name in names if not name.startswith("admin:")}
    covered = set(CASES) | COVERED_ELSEWHERE
    assert portal_names - covered == set(), "add these URL patterns to CASES in tests/test_permissions.py"
    assert covered - portal_names == set(), "CASES names URL patterns that no longer exist"


def snapshot():
    """Everything a request could change, to compare before and after a denied one."""
    with scopes_disabled():
        return (
            sorted(Membership.objects.values_list("pk", "user_id", "role", "organization_id", "municipality_id")),
            sorted(Region.objects.values_list("pk", "authority", "acts")),
            User.objects.count(),
            AuditEntry.objects.count(),
            sorted(Mentee.objects.values_list("pk", "last_name", "updated_at")),
            sorted(Mentor.objects.values_list("pk", "last_name", "updated_at")),
            sorted(Consent.objects.values_list("pk", "withdrawn_at")),
            sorted(Tag.objects.values_list("pk", "name")),
            sorted(PartnerOrganization.objects.values_list("pk", "name")),
            sorted(Job.objects.values_list("pk", "status", "input_file")),
            Response.objects.count(),
            sorted(Wave.objects.values_list("pk", "status")),
            sorted(Contingent.objects.values_list("pk", "pupils_total")),
            sorted(Swot.objects.values_list("pk", "strengths")),
            sorted(Programme.objects.values_list("pk", "title", "starts_on", "ends_on")),
            sorted(Stage.objects.values_list("pk", "status", "starts_on", "ends_on")),
            sorted(Pair.objects.values_list("pk", "status")),
            sorted(PlanItem.objects.values_list("pk", "title", "status")),
            sorted(Meeting.objects.values_list("pk", "held_on")),
            sorted(Document.objects.values_list("pk", "status", "version", "blocks")),
            sorted(Questionnaire.objects.values_list("pk", "title")),
            sorted(Notification.objects.values_list("pk", "read_at")),
            sorted(PublicPage.objects.values_list("pk", "enabled", "intro", "contact")),
            sorted(DifficultyItem.objects.values_list("pk", "text", "active")),
            SelfAssessment.objects.count(),
            EducationalRoute.objects.count(),
            PersonalProgramme.objects.count(),
        )


def tenant_url(world, name, case, *, other: bool):
    """The URL of ``name`` in the user's own tenant, or in another municipality's tenant."""
    if case.level == "region":
        tenant = world.other_region if other else world.region
        kwargs = {"region": tenant.pk, **case.url_kwargs}
        if case.obj:
            kwargs["pk"] = world.regional[tenant.pk][case.obj].pk
        return reverse(name, kwargs=kwargs)
    if case.level == "school":
        tenant = world.other_school if other else world.school
        kwargs = {"org": tenant.slug}
        mentor_role, lookup = Role.MENTOR, {"organization": tenant}
    else:
        tenant = world.other_municipality if other else world.municipality
        kwargs = {"muni": tenant.slug}
        mentor_role, lookup = Role.MUNICIPAL_SPECIALIST, {"municipality": tenant}
    kwargs.update(case.url_kwargs)
    if case.obj == "membership":
        kwargs["pk"] = Membership.objects.get(role=mentor_role, **lookup).pk
    elif case.obj and case.level == "municipality":
        kwargs["pk"] = world.municipal[tenant.pk][case.obj].pk
    elif case.obj:
        kwargs["pk"] = world.people[tenant.pk][case.obj].pk
    return reverse(name, kwargs=kwargs)


TENANT_CASES = [(name, case) for name, case in CASES.items() if case.level in ("school", "municipality", "region")]
MATRIX_PARAMS = [
    pytest.param(name, role, method, id=f"{name}-{role.value}-{method}")
    for name, case in TENANT_CASES
    for role in Role
    for method in case.methods
]


def expected_status(case, role):
    own_level_roles = {"school": SCHOOL_ROLES, "municipality": MUNICIPAL_ROLES, "region": REGIONAL_ROLES}[case.level]
    if role not in own_level_roles:
        return 404  # a municipal or regional user has no school here, a school user no municipality or region
    if role in case.allowed and case.owner not in (None, role):
        return 404  # someone else's object in your own school does not exist for you
    return "allowed" if role in case.allowed else 403


def assert_succeeded(response, url):
    """The specific success of an allowed request: the view's own page, its file, or a redirect that stays in
    the same school or municipality (a form saved, a job started) — never the login page or an error page."""
    assert response.status_code in (200, 302), response.content[:500]
    tenant_root = "/".join(url.split("/")[:3]) + "/"  # «/o/<school>/», «/m/<municipality>/» or «/r/<region>/»
    if response.status_code == 302:
        assert response["Location"].startswith(tenant_root), response["Location"]
        return
    view_class = getattr(resolve(url).func, "view_class", None)
    template = getattr(view_class, "template_name", None)
    if template:
        assert template in [used.name for used in response.templates], (template, url)
    else:
        assert "attachment" in response.get("Content-Disposition", "") or response["Content-Type"] != "text/html"


@pytest.mark.parametrize(("name", "role", "method"), MATRIX_PARAMS)
def test_own_tenant(world, name, role, method):
    case = CASES[name]
    client = world.client_for(world.users[role])
    url = tenant_url(world, name, case, other=False)
    before = snapshot()
    response = getattr(client, method)(url, case.post_data)
    expected = expected_status(case, role)
    if expected == "allowed":
        assert_succeeded(response, url)
    else:
        assert response.status_code == expected
        assert snapshot() == before, "a denied request changed data"


@pytest.mark.parametrize(("name", "role", "method"), MATRIX_PARAMS)
def test_other_tenant_is_404(world, name, role, method):
    case = CASES[name]
    client = world.client_for(world.users[role])
    before = snapshot()
    response = getattr(client, method)(tenant_url(world, name, case, other=True), case.post_data)
    assert response.status_code == 404
    assert snapshot() == before


@pytest.mark.parametrize(("name", "method"), [(n, m) for n, c in TENANT_CASES for m in c.methods])
def test_anonymous_goes_to_login(world, client, name, method):
    case = CASES[name]
    before = snapshot()
    response = getattr(client, method)(tenant_url(world, name, case, other=False), case.post_data)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert snapshot() == before


def test_sibling_school_of_the_same_municipality_is_404(world):
    client = world.client_for(world.users[Role.DIRECTOR])
    assert client.get(reverse("school_home", kwargs={"org": world.sibling.slug})).status_code == 404


def test_object_of_another_tenant_under_own_url_is_404(world):
    """The director of school A cannot revoke a role in school Я by putting its id under A's URL."""
    client = world.client_for(world.users[Role.DIRECTOR])
    foreign = Membership.objects.get(organization=world.other_school, role=Role.MENTOR)
    before = snapshot()
    response = client.post(reverse("school_member_revoke", kwargs={"org": world.school.slug, "pk": foreign.pk}))
    assert response.status_code == 404
    assert snapshot() == before


def test_platform_staff_without_a_role_get_403_not_404(world):
    client = world.client_for(world.staff)
    assert client.get(reverse("school_home", kwargs={"org": world.other_school.slug})).status_code == 403


def test_unknown_tenant_is_404(world):
    client = world.client_for(world.users[Role.DIRECTOR])
    assert client.get("/o/no-such-school/").status_code == 404
    assert client.get("/m/no-such-municipality/").status_code == 404
    assert client.get("/r/999999/").status_code == 404


@pytest.mark.parametrize("role", sorted(REGIONAL_ROLES))
def test_a_regional_user_reaches_no_school_and_no_municipal_page(world, role):
    """Read-only aggregates: no school's card, list or home, and no municipal page, even of the region's own
    schools and municipalities (the drill-down is the region's own read-only page)."""
    client = world.client_for(world.users[role])
    mentee = world.people[world.school.pk]["mentee"]
    for url in (
        reverse("mentee_detail", kwargs={"org": world.school.slug, "pk": mentee.pk}),
        reverse("mentee_list", kwargs={"org": world.school.slug}),
        reverse("school_home", kwargs={"org": world.sibling.slug}),
        reverse("m_monitoring", kwargs={"muni": world.municipality.slug}),
        reverse("m_monitoring_school", kwargs={"muni": world.municipality.slug, "pk": world.school.pk}),
        reverse("r_municipality", kwargs={"region": world.region.pk, "pk": world.other_municipality.pk}),
    ):
        assert client.get(url).status_code == 404, url


ACCOUNT_AND_PUBLIC = [(name, case) for name, case in CASES.items() if case.level in ("account", "public")]


def account_url(world, name):
    if name == "notification_open":
        return reverse(name, kwargs={"pk": world.notification.pk})
    if name == "password_reset_confirm":
        return reverse(name, kwargs={"uidb64": "MQ", "token": "set-password"})
    if name == "calendar_feed":
        from mentoring.models import CalendarFeed

        token = CalendarFeed.objects.get_or_create(user=world.users[Role.MENTOR])[0].token
        return reverse(name, kwargs={"token": token})
    if name == "questionnaire_link":
        return reverse(name, kwargs={"token": world.people[world.school.pk]["link_token"]})
    if name.startswith(("public_school_", "public_municipal_")):
        school = name.startswith("public_school_")
        tenant = world.school if school else world.municipality
        kwargs = {"slug": tenant.slug}
        if name.endswith("_pdf"):  # an approved document of a public kind: the school's roadmap, the municipal order
            published = world.people[tenant.pk]["document"] if school else world.municipal[tenant.pk]["document"]
            kwargs["pk"] = published.pk
        return reverse(name, kwargs=kwargs)
    return reverse(name)


@pytest.mark.parametrize(("name", "case"), ACCOUNT_AND_PUBLIC, ids=[name for name, _ in ACCOUNT_AND_PUBLIC])
def test_account_and_public_pages(world, client, name, case):
    method = case.methods[0]
    anonymous = getattr(client, method)(account_url(world, name))
    if case.level == "public":
        assert anonymous.status_code in (200, 301, 302)
        assert not anonymous.get("Location", "").startswith(reverse("login") + "?")
    else:
        assert anonymous.status_code == 302
        assert anonymous["Location"].startswith(reverse("login"))
    logged_in = getattr(world.client_for(world.users[Role.MENTOR]), method)(account_url(world, name))
    assert logged_in.status_code in (200, 301, 302)


@pytest.mark.parametrize("role", list(Role))
def test_admin_is_for_platform_staff_only(world, role):
    client = world.client_for(world.users[role])
    for url in (reverse("admin:index"), reverse("admin:core_organization_changelist")):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))


def test_admin_lists_every_tenant_for_staff(world):
    response = world.client_for(world.staff).get(reverse("admin:core_auditentry_changelist"))
    assert response.status_code == 200
    content = world.client_for(world.staff).get(reverse("admin:core_organization_changelist")).content.decode()
    assert all(name in content for name in ("Школа А", "Школа Б", "Школа Я"))
