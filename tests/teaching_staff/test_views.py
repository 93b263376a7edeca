"""The council's page and a teacher-pair's appointment page as the curator uses them: a refused post says why in
Russian and keeps what was typed; the council's page reads a bounded number of queries."""

import pytest
from django.urls import reverse

from teaching_staff.models import AgendaItem, Appointment, CouncilMeeting

pytestmark = pytest.mark.usefixtures("in_school")


@pytest.fixture
def client(world, curator):
    return world.client_for(curator)


def test_a_meeting_without_quorum_keeps_what_was_typed(client, school, teachers):
    url = reverse("council_meeting_create", kwargs={"org": school.slug})
    response = client.post(url, {
        "held_on": "2026-11-20", "present": [teachers.mentor.pk], "invited": "педагог-психолог",
        "item1-kind": "general", "item1-question": "О плане работы совета", "item1-decision": "Утвердить план",
        "item2-kind": "general", "item3-kind": "general",
    })  # fmt: skip
    assert response.status_code == 200
    page = response.content.decode()
    assert "Нет кворума" in page
    assert "О плане работы совета" in page and "педагог-психолог" in page
    assert CouncilMeeting.objects.count() == 1


def test_a_meeting_with_quorum_is_recorded(client, school, teachers):
    url = reverse("council_meeting_create", kwargs={"org": school.slug})
    response = client.post(url, {
        "held_on": "2026-11-20", "present": [teachers.mentor.pk, teachers.ended.pair.mentor.pk],
        "item1-kind": "difficulties_review", "item1-question": "О диагностике затруднений Ковалёва А.И.",
        "item1-decision": "Добавить в программу посещение уроков", "item1-pair": teachers.pair.pk,
        "item2-kind": "general", "item3-kind": "general",
    })  # fmt: skip
    assert response.status_code == 302
    meeting = CouncilMeeting.objects.get(number=2)
    assert [(item.kind, item.pair_id) for item in meeting.items.all()] == [("difficulties_review", teachers.pair.pk)]


def test_the_curator_declines_a_proposal_on_the_council_page(client, school, teachers):
    item = teachers.meeting.items.get(position=1)
    AgendaItem.objects.filter(pk=item.pk).update(proposal=AgendaItem.Proposal.PROPOSED)
    url = reverse("council", kwargs={"org": school.slug})
    response = client.post(url, {"action": "decline", "item": item.pk, "reason": ""}, follow=True)
    assert "Укажите, почему предложение совета отклонено" in response.content.decode()
    client.post(url, {"action": "decline", "item": item.pk, "reason": "наставник уже ведёт пару"})
    item.refresh_from_db()
    assert (item.proposal, item.proposal_answer) == (AgendaItem.Proposal.DECLINED, "наставник уже ведёт пару")


def test_the_council_page_reads_a_bounded_number_of_queries(client, school, teachers, django_assert_max_num_queries):
    with django_assert_max_num_queries(30):
        response = client.get(reverse("council", kwargs={"org": school.slug}))
    page = response.content.decode()
    assert "Сидорова Мария Павловна</a>" in page or "Сидорова Мария Павловна — председатель" in page
    assert "О закреплении наставника за молодым специалистом" in page


def test_a_short_notice_is_refused_on_the_appointment_page(client, school, teachers):
    url = reverse("pair_appointment", kwargs={"org": school.slug, "pk": teachers.pair.pk})
    response = client.post(url, {
        "action": "end", "ended_by": "employer", "notice_on": "2026-12-04", "ended_on": "2026-12-07",
        "reason": "сокращение нагрузки",
    })  # fmt: skip
    assert response.status_code == 200
    page = response.content.decode()
    assert "не позднее чем за три рабочих дня" in page and "сокращение нагрузки" in page
    assert not Appointment.objects.get(pk=teachers.appointment.pk).ended_early
