"""The council of mentors: members are the school's teacher-mentors; a meeting needs a quorum and decisions; it
proposes pairs to the curator, who accepts (the pair is formed by the usual rules) or declines with a reason;
it nominates mentors for rewards; its protocol is a document."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone

from documents.content import plain_text
from documents.kinds import content_of
from documents.services import drafting
from mentoring.models import Consent, Mentee, Mentor, ProgrammeMentor, RewardNomination
from teaching_staff.models import AgendaItem
from teaching_staff.services import council as service
from teaching_staff.services.council import Item

pytestmark = pytest.mark.usefixtures("in_school")
K = AgendaItem.Kind


def test_a_pupil_mentor_does_not_join_the_council(teachers, school, curator):
    pupil = Mentor.objects.create(organization=school, last_name="Юный", first_name="Пётр", category="pupil")
    with pytest.raises(ValidationError) as refused:
        service.add_member(teachers.council, pupil, actor=curator, tenant=school)
    assert "объединяет педагогов-наставников" in str(refused.value)


def test_without_a_quorum_no_decision_is_recorded(teachers, school, curator):
    third = Mentor.objects.create(organization=school, last_name="Зайцева", first_name="Ольга", category="teacher")
    service.add_member(teachers.council, third, actor=curator, tenant=school)
    items = [Item("Разное", "Принять к сведению")]
    with pytest.raises(ValidationError) as refused:
        service.record_meeting(
            teachers.council, held_on=date(2026, 11, 1), present=[third], items=items, actor=curator, tenant=school
        )
    assert "Нет кворума" in str(refused.value)
    assert teachers.council.meetings.count() == 1


def test_a_reward_nomination_is_recorded_once(teachers, school, programme, curator):
    items = [Item("О поощрении", "Представить к грамоте за работу с молодым специалистом", K.REWARD,
                  mentor=teachers.mentor)]  # fmt: skip
    meeting = service.record_meeting(
        teachers.council, held_on=date(2026, 12, 20), present=[teachers.mentor, teachers.ended.pair.mentor],
        items=items, actor=curator, tenant=school, programme=programme,
    )  # fmt: skip
    assert meeting.number == 2
    nomination = RewardNomination.objects.get(programme=programme, mentor=teachers.mentor)
    assert "протокол № 2 от 20.12.2026" in nomination.reason
    with pytest.raises(ValidationError) as refused:
        service.record_meeting(
            teachers.council, held_on=date(2026, 12, 21), present=[teachers.mentor, teachers.ended.pair.mentor],
            items=items, actor=curator, tenant=school, programme=programme,
        )  # fmt: skip
    assert "уже представлена к поощрению" in str(refused.value) or "уже представлен(а)" in str(refused.value)


def test_a_review_names_the_pair_and_a_proposal_its_people(teachers, school, curator):
    items = [Item("О программе", "Одобрить", K.PROGRAMME_REVIEW), Item("О паре", "Предложить", K.PAIR_PROPOSAL)]
    with pytest.raises(ValidationError) as refused:
        service.record_meeting(
            teachers.council, held_on=date(2026, 11, 1), present=[teachers.mentor, teachers.ended.pair.mentor],
            items=items, actor=curator, tenant=school,
        )  # fmt: skip
    assert "Вопрос 1: укажите пару" in str(refused.value)
    assert "Вопрос 2: для предложения пары укажите наставника, наставляемого и форму" in str(refused.value)


def proposal(teachers, school, curator, programme):
    mentee = Mentee.objects.create(
        organization=school, last_name="Горина", first_name="Вера", category=Mentee.Category.YOUNG_SPECIALIST
    )
    Consent.objects.create(
        organization=school, mentee=mentee, text_version="ПДн-2025-09", given_by_name="Горина Вера",
        given_at=timezone.now(), method=Consent.Method.SCAN, scan=ContentFile(b"%PDF-1.4", name="consent.pdf"),
    )  # fmt: skip
    mentor = teachers.ended.pair.mentor
    ProgrammeMentor.objects.create(organization=school, programme=programme, mentor=mentor)
    meeting = service.record_meeting(
        teachers.council, held_on=date(2026, 12, 10), present=[teachers.mentor, mentor], actor=curator, tenant=school,
        items=[Item("О наставнике для Гориной В.", "Предложить куратору пару", K.PAIR_PROPOSAL, mentor=mentor,
                    mentee=mentee, form=teachers.pair.form)],
    )  # fmt: skip
    return meeting.items.get()


def test_the_curator_accepts_a_proposed_pair(teachers, school, programme, curator):
    item = proposal(teachers, school, curator, programme)
    assert item.proposal == AgendaItem.Proposal.PROPOSED
    pair = service.accept_proposal(
        item, programme=programme, starts_on=date(2026, 12, 15), planned_end_on=date(2027, 5, 31), actor=curator,
        tenant=school,
    )  # fmt: skip
    item.refresh_from_db()
    assert (item.proposal, item.created_pair) == (AgendaItem.Proposal.ACCEPTED, pair)
    with pytest.raises(ValidationError) as refused:
        service.decline_proposal(item, reason="поздно", actor=curator, tenant=school)
    assert "Куратор уже ответил на это предложение: принято куратором." in str(refused.value)


def test_a_declined_proposal_keeps_the_reason(teachers, school, programme, curator):
    item = proposal(teachers, school, curator, programme)
    with pytest.raises(ValidationError):
        service.decline_proposal(item, reason=" ", actor=curator, tenant=school)
    item = service.decline_proposal(item, reason="наставник уже ведёт группу", actor=curator, tenant=school)
    assert (item.proposal, item.proposal_answer) == (AgendaItem.Proposal.DECLINED, "наставник уже ведёт группу")


def test_the_protocol_lists_the_agenda_and_the_decisions(teachers, school, programme, curator):
    protocol = drafting.create(
        tenant=school, kind_code="council_protocol", actor=curator, programme=programme,
        subject_id=teachers.meeting.pk,
    )  # fmt: skip
    text = " ".join(plain_text(content_of(protocol)).split())
    assert "Председатель: Сидорова Мария Павловна." in text
    assert "Присутствовали: 2 члена совета" in text
    assert "РЕШИЛИ: Предложить куратору пару «Сидорова М.П. — Ковалёв А.И.»" in text
    assert "(принято куратором)" in text
    assert "Пара: наставник Сидорова Мария Павловна, наставляемый(ые): Ковалёв Артём Игоревич" in text
