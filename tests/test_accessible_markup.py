"""Markup a screen reader and a keyboard can use (what axe-core reports as serious or critical): every answer
field of a questionnaire has a label, no table has an empty header cell, the curator's «Ждут вашего ответа»
links use the alert's own (contrasting) colour."""

import re
from pathlib import Path

from django.conf import settings
from django.urls import reverse

from core.roles import Role

EMPTY_HEADER = re.compile(r"<th(\s[^>]*)?>\s*</th>")


def test_no_template_has_an_empty_table_header():
    offenders = [
        str(path.relative_to(settings.BASE_DIR))
        for path in Path(settings.BASE_DIR, "templates").rglob("*.html")
        if EMPTY_HEADER.search(path.read_text())
    ]
    assert offenders == []


def test_every_answer_field_of_a_questionnaire_has_a_label(world):
    invitation = world.people[world.school.pk]["mentor_invitation"]
    page = world.client_for(world.users[Role.MENTOR]).get(
        reverse("my_questionnaire_answer", kwargs={"org": world.school.slug, "pk": invitation.pk})
    )
    content = page.content.decode()
    fields = re.findall(r'<(?:textarea|input|select)\b[^>]*\bid="([^"]+)"', content)
    assert fields
    text_fields = re.findall(r'<textarea\b[^>]*\bid="([^"]+)"', content)
    assert text_fields, "the questionnaire has a free-text question"
    for field_id in text_fields:
        assert f'for="{field_id}"' in content, field_id


def test_the_curators_waiting_questionnaires_use_the_alerts_link_colour(world):
    page = world.client_for(world.users[Role.CURATOR]).get(
        reverse("monitoring_home", kwargs={"org": world.school.slug})
    )
    content = page.content.decode()
    assert "Ждут вашего ответа" in content
    assert '<a class="alert-link" href="/o/school-a/monitoring/curator/' in content
