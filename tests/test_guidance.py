"""Help where the work is: every stage's and every document's page says what the target model expects there
and what to fill first, and links to the place of the «Методика» page that says it in full."""

import re

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from core.roles import Role
from documents.kinds import all_kinds
from documents.models import Document
from mentoring import guidance

GUIDE_LINK = re.compile(r'href="/metodika/#([\w-]+)"')


@pytest.fixture
def methodology(world):
    page = world.client_for(world.users[Role.MENTOR]).get(reverse("guidance")).content.decode()
    return page


def test_every_stage_page_has_its_guidance_and_link(world, methodology):
    curator = world.client_for(world.users[Role.CURATOR])
    with scopes_disabled():
        stages = list(world.people[world.school.pk]["programme"].stages.order_by("number"))
    assert len(stages) == 7
    for stage in stages:
        page = curator.get(reverse("stage_detail", kwargs={"org": world.school.slug, "pk": stage.pk})).content.decode()
        assert 'data-testid="guidance"' in page
        assert guidance.STAGES[stage.number].first in page
        assert GUIDE_LINK.findall(page) == [f"stage-{stage.number}"]
        assert f'id="stage-{stage.number}"' in methodology


def test_a_document_page_has_its_guidance_and_the_methodology_names_every_guided_kind(world, methodology):
    curator = world.client_for(world.users[Role.CURATOR])
    roadmap = world.people[world.school.pk]["document"]
    page = curator.get(reverse("document_detail", kwargs={"org": world.school.slug, "pk": roadmap.pk})).content
    page = page.decode()
    assert guidance.DOCUMENTS["roadmap"].expects in page
    assert GUIDE_LINK.findall(page) == ["document-roadmap"]
    codes = {kind.code for level in ("school", "municipality") for kind in all_kinds(level)}
    assert set(guidance.DOCUMENTS) <= codes  # no guidance for a kind that does not exist
    for code in guidance.DOCUMENTS:
        assert f'id="document-{code}"' in methodology
    with scopes_disabled():
        assert Document.objects.filter(pk=roadmap.pk).exists()
