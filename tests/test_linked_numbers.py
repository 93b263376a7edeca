"""Every number a school page links is the length of the list behind it: the landing of each school role,
the programme page and the stage pages are crawled and every linked number is followed."""

import html
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled

from core.roles import MUNICIPAL_ROLES, SCHOOL_ROLES, Role
from documents.models import Document
from documents.services import drafting, workflow
from mentoring.models import Consent, Mentee, Tag

from .test_journal import add_pair, today

LINKED_NUMBER = re.compile(r'<a\b[^>]*\bhref="([^"]+)"[^>]*>\s*(\d+)\s*</a>')
PAGE_LINK = re.compile(r'href="(/o/[^/"]+/(?:programmes|stages)/\d+/)"')
BODY = re.compile(r"<tbody>(.*?)</tbody>", re.S)
ROW = re.compile(r"<tr\b(.*?)</tr>", re.S)


def linked_numbers(content: str) -> list[tuple[str, int]]:
    return [(html.unescape(href), int(number)) for href, number in LINKED_NUMBER.findall(content)]


def listed_rows(response) -> int:
    """The length of the list a page shows: the paginator's count, or the rows of its first table body
    (without the «nothing found» row)."""
    page = response.context.get("page") if response.context else None
    if page is not None and hasattr(page, "paginator"):
        return page.paginator.count
    content = response.content.decode()
    body = BODY.search(content)
    if body is None and "data-row" in content:  # a list of links rather than a table
        return content.count(" data-row>")
    assert body, f"{response.request['PATH_INFO']} shows no list"
    return sum(1 for row in ROW.findall(body.group(1)) if "colspan" not in row)


def add_untidy_mentees(world):
    """Minors without a representative's consent, several with three requests each (the join that once
    multiplied the count), one with a withdrawn consent, one who left the programme, and an adult."""
    school = world.school
    birth = today() - timedelta(days=365 * 12)
    with scopes_disabled():
        tags = [Tag.objects.create(organization=school, name=f"Запрос {n}") for n in range(3)]
        for n in range(4):
            mentee = Mentee.objects.create(
                organization=school, last_name=f"Юнова{n}", first_name="Аня", birth_date=birth
            )
            mentee.requests.set(tags)
        Mentee.objects.create(organization=school, last_name="Безусловный", first_name="Иван", birth_date=birth)
        withdrawn = Mentee.objects.create(
            organization=school, last_name="Отозванный", first_name="Лев", birth_date=birth
        )
        Consent.objects.create(
            organization=school,
            mentee=withdrawn,
            purpose=Consent.Purpose.PERSONAL_DATA,
            given_by_name="Отозванная Мария",
            given_by_relation="мать",
            text_version="1",
            given_at=timezone.now(),
            withdrawn_at=timezone.now(),
        )
        Mentee.objects.create(
            organization=school, last_name="Ушедший", first_name="Ян", birth_date=birth, status=Mentee.Status.LEFT
        )
        Mentee.objects.create(
            organization=school, last_name="Взрослая", first_name="Ия", category=Mentee.Category.TEACHER
        )
    add_pair(world, meetings_days_ago=[45], name="Давний")


@pytest.mark.parametrize("role", sorted(SCHOOL_ROLES))
def test_every_linked_number_on_a_school_landing_equals_its_list(world, role):
    add_untidy_mentees(world)
    client = world.client_for(world.users[role])
    home = client.get(reverse("school_home", kwargs={"org": world.school.slug}))
    assert home.status_code == 200
    pages, seen = [home], set()
    for href in PAGE_LINK.findall(home.content.decode()):
        if href not in seen:
            seen.add(href)
            response = client.get(href)
            if response.status_code == 200:
                pages.append(response)
                for inner in PAGE_LINK.findall(response.content.decode()):
                    if inner not in seen:
                        seen.add(inner)
                        pages.append(client.get(inner))
    followed = 0
    for page in pages:
        if page.status_code != 200:
            continue
        for href, number in linked_numbers(page.content.decode()):
            target = client.get(href)
            assert target.status_code == 200, href
            if target.request["PATH_INFO"].rstrip("/").split("/")[-2] == "programmes":
                continue  # «отобраны в программу» opens the programme, which states the number on stage 4
            assert listed_rows(target) == number, f"{page.request['PATH_INFO']}: {href}"
            followed += 1
    if role in {"director", "curator", "methodist"}:
        assert followed > 0


def send_regulation(world):
    """The school's regulation, sent by the curator for the director's approval."""
    with scopes_disabled():
        regulation = drafting.create(
            tenant=world.school, kind_code="regulation", actor=world.users[Role.CURATOR],
            programme=world.people[world.school.pk]["programme"],
        )  # fmt: skip
        workflow.send_for_approval(regulation, actor=world.users[Role.CURATOR])
    return regulation


def next_steps(content: str) -> str:
    section = re.search(r'<section[^>]*data-testid="next-steps".*?</section>', content, re.S)
    assert section, "the landing has no «Что сделать сейчас»"
    return section.group(0)


def test_the_director_home_names_the_document_waiting_for_approval(world):
    regulation = send_regulation(world)
    director = world.client_for(world.users[Role.DIRECTOR])
    tasks = next_steps(director.get(reverse("school_home", kwargs={"org": world.school.slug})).content.decode())
    assert "Документы ждут вашего утверждения" in tasks
    assert f'href="{regulation.get_absolute_url()}"' in tasks
    inbox = reverse("document_inbox", kwargs={"org": world.school.slug})
    assert (inbox, 1) in linked_numbers(tasks)
    # The curator who sent it has nothing to approve; the mentor sees only their own tasks.
    curator = world.client_for(world.users[Role.CURATOR])
    assert "ждут вашего утверждения" not in next_steps(
        curator.get(reverse("school_home", kwargs={"org": world.school.slug})).content.decode()
    )


def test_a_returned_document_is_the_curators_task_with_a_list_of_that_length(world):
    regulation = send_regulation(world)
    with scopes_disabled():
        workflow.return_to_author(
            regulation, "Уточните сроки", actor=world.users[Role.DIRECTOR], roles=frozenset({Role.DIRECTOR})
        )
    curator = world.client_for(world.users[Role.CURATOR])
    tasks = next_steps(curator.get(reverse("school_home", kwargs={"org": world.school.slug})).content.decode())
    assert "Документы возвращены на доработку" in tasks and f'href="{regulation.get_absolute_url()}"' in tasks
    for href, number in linked_numbers(tasks):
        assert listed_rows(curator.get(href)) == number, href


@pytest.mark.parametrize("role", sorted(MUNICIPAL_ROLES))
def test_the_municipal_landing_lists_roadmaps_waiting_first_with_links(world, role):
    client = world.client_for(world.users[role])
    page = client.get(reverse("municipality_home", kwargs={"muni": world.municipality.slug})).content.decode()
    tasks = next_steps(page)
    roadmap = world.municipal[world.municipality.pk]["roadmap"]
    assert "Дорожные карты ждут согласования" in tasks
    assert world.school.short_name in tasks
    assert reverse("m_school_document", kwargs={"muni": world.municipality.slug, "pk": roadmap.pk}) in tasks
    # Every school of the list links to its page; the other municipality's school is not there.
    assert reverse("m_school_documents", kwargs={"muni": world.municipality.slug, "pk": world.sibling.pk}) in page
    assert world.other_school.short_name not in page
    followed = 0
    for href, number in linked_numbers(page):
        target = client.get(href)
        assert target.status_code == 200, href
        assert listed_rows(target) == number, href
        followed += 1
    assert followed >= 1
    with scopes_disabled():
        assert Document.objects.get(pk=roadmap.pk).status == Document.Status.SUBMITTED
