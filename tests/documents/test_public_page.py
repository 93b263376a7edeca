"""The site's «Наставничество» section: switched on by the director (the coordinator for a municipality), read by
anyone without a login — the approved documents without personal data as their frozen PDFs, the publishable best
practices, the contact, a ZIP of the kit and a fragment another site may frame. Nothing personal, ever."""

import io
import zipfile

import pytest
from django.test import Client
from django.urls import reverse
from django_scopes import scopes_disabled
from pypdf import PdfReader

from core.models import AuditEntry
from core.roles import Role
from core.tenancy import tenant_scope
from documents.kinds import all_kinds
from documents.models import Document, PublicPage
from documents.services import drafting, workflow
from mentoring.models import BestPractice, Mentor, PairMember

pytestmark = pytest.mark.usefixtures("_committed_world")

MINOR = "Воробьёв"  # the world's minor mentee, renamed so that no adult of the world shares the surname


def page_url(tenant, view="page", **kwargs):
    level = "public_school" if hasattr(tenant, "municipality") else "public_municipal"
    return reverse(f"{level}_{view}", kwargs={"slug": tenant.slug, **kwargs})


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages)


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def set_page(tenant, **fields):
    with scopes_disabled():
        PublicPage.objects.filter(tenant_key=f"{'o' if hasattr(tenant, 'municipality') else 'm'}:{tenant.pk}").update(
            **fields
        )


@pytest.fixture
def anonymous():
    return Client()


@pytest.fixture
def roadmap(world):
    """The world's school roadmap: approved by the director, waiting for the municipality's agreement."""
    return world.people[world.school.pk]["document"]


def approved(tenant, kind, actor, approver, **fields):
    document = drafting.create(tenant=tenant, kind_code=kind, actor=actor, **fields)
    workflow.send_for_approval(document, actor=actor)
    return workflow.approve(document, actor=approver, roles=frozenset({Role.DIRECTOR}))


def test_a_page_switched_off_does_not_exist(world, anonymous, roadmap):
    set_page(world.school, enabled=False)
    for view, kwargs in (("page", {}), ("embed", {}), ("zip", {}), ("pdf", {"pk": roadmap.pk})):
        assert anonymous.get(page_url(world.school, view, **kwargs)).status_code == 404, view
    assert anonymous.get(page_url(world.sibling)).status_code == 404  # never set up
    assert anonymous.get("/p/o/no-such-school/nastavnichestvo/").status_code == 404


def test_the_director_switches_it_on_and_anyone_reads_it(world, anonymous, roadmap):
    with scopes_disabled():
        PublicPage.objects.filter(organization=world.school).delete()
    school = world.school
    school.phone = "8 (39198) 3-10-40"
    school.save(update_fields=["phone"])
    director = world.client_for(world.users[Role.DIRECTOR])
    settings_url = reverse("public_page_settings", kwargs={"org": school.slug})
    form = director.get(settings_url).content.decode()
    curator = world.users[Role.CURATOR]
    assert f"Куратор программы наставничества — {curator.full_name}, тел. 8 (39198) 3-10-40" in form
    assert "Дорожная карта внедрения целевой модели наставничества" in form  # what will be published
    assert anonymous.get(page_url(school)).status_code == 404

    response = director.post(
        settings_url,
        {"enabled": "on", "intro": "В школе работают 12 наставнических пар.", "contact": "Орлова М.С., 3-10-40"},
    )
    assert response.status_code == 302 and response["Location"] == settings_url
    with scopes_disabled():
        assert AuditEntry.objects.filter(action="public_page.saved", organization=school).exists()
    settings_page = director.get(settings_url).content.decode()
    assert page_url(school) in settings_page
    assert "&lt;iframe src=&quot;" in settings_page and page_url(school, "embed") in settings_page

    page = anonymous.get(page_url(school))
    assert page.status_code == 200
    text = page.content.decode()
    for part in (school.name, "В школе работают 12 наставнических пар.", "Орлова М.С., 3-10-40", "Дорожная карта"):
        assert part in text, part
    assert page_url(school, "pdf", pk=roadmap.pk) in text and page_url(school, "zip") in text

    # The frozen PDF as approved, not a render of today's data.
    with tenant_scope(school):
        version = roadmap.frozen_versions().get()
        frozen = version.pdf.read()
    download = anonymous.get(page_url(school, "pdf", pk=roadmap.pk))
    assert download.status_code == 200 and body(download) == frozen
    assert "attachment" in download["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(anonymous.get(page_url(school, "zip")).content))
    files = {name: archive.read(name) for name in archive.namelist()}
    assert frozen in files.values() and len(files) == 2  # the roadmap and the order that approved it
    assert any("Об утверждении дорожной карты" in name for name in files)

    # Once the municipality agrees the roadmap, the agreed PDF is the one published.
    with tenant_scope(school.municipality):
        workflow.agree(roadmap, tenant=school.municipality, actor=world.users[Role.MUNICIPAL_SPECIALIST])
    with tenant_scope(school):
        agreed = roadmap.frozen_versions().get().agreed_pdf.read()
    assert body(anonymous.get(page_url(school, "pdf", pk=roadmap.pk))) == agreed != frozen


def test_the_settings_page_is_linked_from_the_documents_list(world):
    url = reverse("document_list", kwargs={"org": world.school.slug})
    for role, sees_settings in ((Role.DIRECTOR, True), (Role.CURATOR, False), (Role.OBSERVER, False)):
        content = world.client_for(world.users[role]).get(url).content.decode()
        assert (reverse("public_page_settings", kwargs={"org": world.school.slug}) in content) is sees_settings
        assert page_url(world.school) in content  # the page is on: everyone who reads the list sees its address


def test_only_the_embed_may_be_framed_by_another_site(world, anonymous):
    embed = anonymous.get(page_url(world.school, "embed"))
    assert embed.status_code == 200
    assert "X-Frame-Options" not in embed
    assert "frame-ancestors *" in embed["Content-Security-Policy"]
    assert 'target="_blank"' in embed.content.decode()
    page = anonymous.get(page_url(world.school))
    assert page["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in page["Content-Security-Policy"]


def test_nothing_personal_is_ever_published(world, anonymous, roadmap):
    """Every personal kind approved, and the pairs order that names the minor: the public page, the ZIP and every
    listed PDF never carry the minor's surname, and the personal documents are not reachable publicly."""
    school, people = world.school, world.people[world.school.pk]
    mentee, mentor = people["mentee"], people["mentor"]
    mentee.last_name = MINOR
    mentee.representative_name = "Воробьёва Анна Ивановна"
    mentee.save(update_fields=["last_name", "representative_name"])
    school.address = "663060, Красноярский край, пгт Большая Мурта, ул. Советская, 1"
    school.save(update_fields=["address"])
    curator, director = world.users[Role.CURATOR], world.users[Role.DIRECTOR]
    programme = people["programme"]
    with tenant_scope(school):
        assert PairMember.objects.filter(mentee=mentee, active=True).exists()
        personal = [
            approved(school, "agreement", curator, director, programme=programme, subject_id=people["pair"].pk),
            approved(school, "pd_consent", curator, director, programme=programme, subject_id=mentee.pk),
            approved(school, "mentor_consent", curator, director, programme=programme, subject_id=mentor.pk),
            approved(school, "pairs_order", curator, director, programme=programme),
            approved(school, "regulation", curator, director, programme=programme),
            approved(school, "curator_order", curator, director, programme=programme),
        ]
        for document in personal[:4]:  # each really names the minor
            assert MINOR in pdf_text(document.frozen_versions().get().pdf.read()), document.kind
        # A publishable practice that names the minor is withheld; one that does not is shown.
        BestPractice.objects.filter(pk=people["practice"].pk).update(publishable=True, story="Проект по физике")
        BestPractice.objects.create(
            organization=school, programme=programme, form=people["form"], publishable=True,
            title="Помощь Воробьёву с математикой", story="Занятия раз в неделю", results="Четвёрка в четверти",
        )  # fmt: skip

    page = anonymous.get(page_url(school))
    text = page.content.decode()
    assert "Проект по физике" in text and "Четвёрка в четверти" not in text
    listed = {kind.code: kind for kind in all_kinds("school")}
    with scopes_disabled():
        published = Document.objects.filter(organization=school, versions__isnull=False).distinct()
        codes = {document.kind for document in published}
    assert codes == {"roadmap", "agreement", "pd_consent", "mentor_consent", "pairs_order", "regulation",
                     "curator_order", "approval_order"}  # fmt: skip
    for document in published:
        url = page_url(school, "pdf", pk=document.pk)
        if listed[document.kind].public and not listed[document.kind].subject:
            assert url in text, document.kind
            download = anonymous.get(url)
            assert download.status_code == 200
            assert "Воробь" not in pdf_text(body(download)), document.kind
        else:
            assert url not in text, document.kind
            assert anonymous.get(url).status_code == 404, document.kind
            version_url = reverse("document_version_pdf", kwargs={"org": school.slug, "pk": document.pk, "number": 1})
            assert anonymous.get(version_url)["Location"].startswith(reverse("login"))
    assert "Воробь" not in text
    assert "Воробь" not in anonymous.get(page_url(school, "embed")).content.decode()
    archive = zipfile.ZipFile(io.BytesIO(anonymous.get(page_url(school, "zip")).content))
    # The roadmap, the regulation, the curator order and the two orders that approved the first two on their own.
    assert len(archive.namelist()) == 5
    for name in archive.namelist():
        assert "Воробь" not in name and "Воробь" not in pdf_text(archive.read(name))

    # The director sees why the practice is not on the page.
    settings_page = world.client_for(director).get(reverse("public_page_settings", kwargs={"org": school.slug}))
    assert "«Помощь Воробьёву с математикой» — Воробьёв" in settings_page.content.decode()


def test_a_practice_naming_a_minor_mentor_is_withheld(world, anonymous):
    school, people = world.school, world.people[world.school.pk]
    with tenant_scope(school):
        pupil = Mentor.objects.create(
            organization=school, last_name="Снегирёва", first_name="Дарья", category=Mentor.Category.PUPIL,
            birth_date=people["mentee"].birth_date,
        )  # fmt: skip
        BestPractice.objects.filter(pk=people["practice"].pk).update(
            publishable=True, story="С наставницей Снегирёвой Даша освоилась в классе"
        )
    assert pupil.is_minor
    assert "освоилась" not in anonymous.get(page_url(school)).content.decode()


def test_the_municipal_page_lists_its_documents_and_its_schools_practices(world, anonymous):
    municipality, school = world.municipality, world.school
    order = world.municipal[municipality.pk]["document"]
    with tenant_scope(school):
        BestPractice.objects.filter(pk=world.people[school.pk]["practice"].pk).update(publishable=True)
    coordinator = world.client_for(world.users[Role.MUNICIPAL_COORDINATOR])
    settings_url = reverse("m_public_page_settings", kwargs={"muni": municipality.slug})
    assert coordinator.get(settings_url).status_code == 200
    text = anonymous.get(page_url(municipality)).content.decode()
    assert "Приказ об утверждении плана мероприятий" in text
    assert page_url(municipality, "pdf", pk=order.pk) in text
    assert "Проект с наставником" in text and school.short_name in text
    assert anonymous.get(page_url(municipality, "pdf", pk=order.pk)).status_code == 200
    # A school's document is not a file of the municipal page.
    roadmap = world.people[school.pk]["document"]
    assert anonymous.get(page_url(municipality, "pdf", pk=roadmap.pk)).status_code == 404
