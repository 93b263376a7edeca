"""Pairs and groups (stage 5), their plans on the curator's side (stage 6) and completion (stage 7).

Every rule of forming a pair refuses with its reason in Russian and stores nothing; the database itself keeps a
mentee out of two active pairs of one form, also when two curators act at once; every write is audited; the
list pages' query counts do not grow with their rows."""

import threading
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled

from core.models import AuditEntry
from core.roles import Role
from core.tenancy import tenant_scope
from documents.models import Document
from mentoring.models import (
    BestPractice,
    Consent,
    Mentee,
    Mentor,
    MentoringForm,
    Pair,
    PairMember,
    PlanItem,
    Programme,
    ProgrammeMentor,
    RewardNomination,
)
from mentoring.services import matching as matching_service
from mentoring.services import pairs as pairs_service
from mentoring.services.pairs import add_months, close_pair, form_pair, plan_period_errors

START = date(2026, 12, 1)
END = date(2027, 5, 1)


def today():
    return timezone.localdate()


def url(world, name, **kwargs):
    return reverse(name, kwargs={"org": world.school.slug, **kwargs})


def in_school(world):
    return tenant_scope(world.school)


def people(world):
    return world.people[world.school.pk]


def school_forms(world):
    with in_school(world):
        return {form.code: form for form in MentoringForm.objects.all()}


def born(years: int) -> date:
    return date(today().year - years, 3, 15)


def add_mentee(world, last_name, *, years=13, category="pupil", consent="representative", group="7А", **fields):
    """A mentee of the school: a minor pupil with a legal representative's consent unless told otherwise."""
    with in_school(world):
        mentee = Mentee.objects.create(
            organization=world.school,
            last_name=last_name,
            first_name="Олег",
            birth_date=born(years),
            category=category,
            group=group,
            representative_name="Представитель" if years < 18 else "",
            representative_relation="мать" if years < 18 else "",
            **fields,
        )
        if consent:
            Consent.objects.create(
                organization=world.school,
                mentee=mentee,
                text_version="ПДн-2025-09",
                given_by_name="Представитель" if consent == "representative" else last_name,
                given_by_relation="мать" if consent == "representative" else "",
                given_at=timezone.now(),
            )
    return mentee


def add_mentor(world, last_name, *, category="teacher", capacity=2, consent=True, selected=True, years=40, **fields):
    """A mentor of the school, selected for the fixture programme and with a written consent unless told."""
    with in_school(world):
        mentor = Mentor.objects.create(
            organization=world.school,
            last_name=last_name,
            first_name="Анна",
            birth_date=born(years),
            category=category,
            capacity=capacity,
            consent_number="7" if consent else "",
            consent_date=date(2026, 9, 1) if consent else None,
            training=Mentor.Training.TRAINED,
            **fields,
        )
        if selected:
            ProgrammeMentor.objects.create(
                organization=world.school, programme=people(world)["programme"], mentor=mentor
            )
    return mentor


def form(world, mentor, mentees, code="teacher-pupil", starts_on=START, planned_end_on=END, **extra):
    """Form a pair through the service, as the curator of the school."""
    with in_school(world):
        return form_pair(
            programme=Programme.objects.get(pk=people(world)["programme"].pk), mentor=mentor, mentees=mentees,
            form=school_forms(world)[code], starts_on=starts_on, planned_end_on=planned_end_on,
            actor=world.users[Role.CURATOR], tenant=world.school, **extra,
        )  # fmt: skip


def stored(world):
    with in_school(world):
        return Pair.objects.count(), PairMember.objects.count(), AuditEntry.objects.filter(action="pair.formed").count()


def refused(world, expected, *args, **kwargs) -> list[str]:
    """Forming is refused with ``expected`` among the reasons, and nothing is stored."""
    before = stored(world)
    with pytest.raises(ValidationError) as refusal:
        form(world, *args, **kwargs)
    messages = refusal.value.messages
    assert any(expected in message for message in messages), messages
    assert stored(world) == before
    return messages


def audit(world, action):
    with in_school(world):
        return list(AuditEntry.objects.filter(action=action).order_by("pk"))


@pytest.fixture
def curator(world):
    return world.client_for(world.users[Role.CURATOR])


@pytest.fixture
def running_programme(world):
    """The fixture programme running from a month ago to eight months ahead, whatever the date of the run."""
    with in_school(world):
        Programme.objects.filter(pk=people(world)["programme"].pk).update(
            starts_on=today() - timedelta(days=30), ends_on=today() + timedelta(days=240)
        )
    return people(world)["programme"]


# Forming: the rules, each refusal in Russian, nothing stored.


def test_a_group_of_one_mentor_and_two_mentees_is_formed_and_audited(world):
    mentor = add_mentor(world, "Громова", capacity=3)
    first, second = add_mentee(world, "Белов", awaiting_mentor=True), add_mentee(world, "Седов")
    pair = form(world, mentor, [first, second], role_model="педагог – одарённый ученик", goals="Проект")
    with in_school(world):
        assert pair.is_group
        assert set(pair.members.values_list("mentee_id", flat=True)) == {first.pk, second.pk}
        assert set(Mentee.objects.filter(pk__in=[first.pk, second.pk]).values_list("status", "awaiting_mentor")) == {
            (Mentee.Status.IN_PAIR, False)
        }
    (entry,) = audit(world, "pair.formed")[-1:]
    assert entry.object_id == str(pair.pk)
    assert entry.actor == world.users[Role.CURATOR]
    assert entry.changes["наставляемые"][1] == "Белов Олег, Седов Олег"


def test_the_same_mentee_twice_is_one_member(world):
    mentor, mentee = add_mentor(world, "Громова"), add_mentee(world, "Белов")
    pair = form(world, mentor, [mentee, mentee])
    with in_school(world):
        assert pair.members.count() == 1


def test_a_parent_never_mentors_their_own_child(world):
    with in_school(world):
        people(world)["programme"].forms.add(school_forms(world)["employer-pupil"])
    child, other = add_mentee(world, "Кротов"), add_mentee(world, "Лосев")
    parent = add_mentor(world, "Кротова", category="parent")
    with in_school(world):
        parent.children.add(child)
    refused(
        world, "Родитель не может быть наставником своего ребёнка (Кротов Олег).", parent, [child], "employer-pupil"
    )
    refused(world, "Родитель не может быть наставником своего ребёнка", parent, [other, child], "employer-pupil")
    assert form(world, parent, [other], "employer-pupil").pk


def test_a_minor_needs_a_valid_consent_of_a_legal_representative(world):
    mentor = add_mentor(world, "Громова", capacity=5)
    own_consent = add_mentee(world, "Белов", consent="own")
    no_consent = add_mentee(world, "Седов", consent=None)
    message = "Нет действующего согласия законного представителя на обработку персональных данных несовершеннолетнего"
    refused(world, f"{message}: Белов Олег.", mentor, [own_consent])
    refused(world, f"{message}: Седов Олег.", mentor, [no_consent])
    withdrawn = add_mentee(world, "Орлов")
    with in_school(world):
        Consent.objects.filter(mentee=withdrawn).update(withdrawn_at=timezone.now())
    refused(world, message, mentor, [withdrawn])
    # An adult gives the consent themselves.
    adult = add_mentee(world, "Лаптев", years=24, category="young_specialist", consent="own")
    assert form(world, mentor, [adult], "teacher-teacher").pk


def test_a_mentor_is_never_over_capacity(world):
    mentor = people(world)["mentor"]  # capacity 2, one mentee in the fixture pair
    first, second = add_mentee(world, "Белов"), add_mentee(world, "Седов")
    refused(
        world, "У наставника Сидорова Мария Павловна свободных мест: 1, а наставляемых: 2.", mentor, [first, second]
    )
    form(world, mentor, [first])
    refused(world, "свободных мест: 0, а наставляемых: 1", mentor, [second])


def test_a_mentor_needs_a_written_consent_where_it_is_required(world):
    teacher = add_mentor(world, "Громова", consent=False)
    refused(
        world,
        "Нет письменного согласия Громова Анна быть наставником (ст. 351.8 ТК РФ).",
        teacher,
        [add_mentee(world, "Белов")],
    )
    # A pupil mentor under 18 is appointed without the written consent of an employee.
    pupil_mentor = add_mentor(world, "Юнусова", category="pupil", consent=False, years=16, position="10А")
    assert form(world, pupil_mentor, [add_mentee(world, "Седов", years=12)], "pupil-pupil").pk


def test_the_form_must_fit_the_participants(world):
    mentee = add_mentee(world, "Белов", years=13)
    teacher = add_mentor(world, "Громова")
    refused(
        world,
        "В форме «ученик – ученик» наставник не может быть из категории «педагог».",
        teacher,
        [mentee],
        "pupil-pupil",
    )
    younger = add_mentor(world, "Юнусова", category="pupil", years=12)
    refused(
        world,
        "В форме «ученик – ученик» наставник должен быть старше наставляемого (Белов Олег).",
        younger,
        [mentee],
        "pupil-pupil",
    )
    adult = add_mentee(world, "Лаптев", years=24, category="young_specialist", consent="own")
    refused(world, "наставляемый не может быть из категории «молодой специалист»", teacher, [adult], "teacher-pupil")
    with in_school(world):
        employer_form = school_forms(world)["employer-pupil"]
    refused(world, f"Форма «{employer_form.name}» не выбрана в программе.", teacher, [mentee], "employer-pupil")
    alien = "Ролевая модель «лидер – пассивный» не относится к форме «учитель – ученик»."
    refused(world, alien, teacher, [mentee], role_model="лидер – пассивный")
    older = add_mentor(world, "Юдина", category="pupil", years=16)
    assert form(world, older, [mentee], "pupil-pupil", role_model="лидер – пассивный").role_model == "лидер – пассивный"


def test_a_mentee_is_in_one_active_pair_of_a_form_but_may_be_in_another_form(world):
    mentee = people(world)["mentee"]  # in the fixture's active «учитель – ученик» pair
    teacher = add_mentor(world, "Громова")
    refused(
        world, "Петров Илья Сергеевич уже в действующей паре или группе формы «учитель – ученик».", teacher, [mentee]
    )
    older = add_mentor(world, "Юдина", category="pupil", years=17)
    assert form(world, older, [mentee], "pupil-pupil").pk


def test_a_mentor_must_be_selected_for_the_programme(world):
    mentor = add_mentor(world, "Громова", selected=False)
    refused(world, "Наставник Громова Анна не отобран в эту программу (этап 4).", mentor, [add_mentee(world, "Белов")])


SHORT = "Персонализированная программа длится не меньше 3 месяцев"
LONG = "Персонализированная программа длится не больше 1 года"


@pytest.mark.parametrize(
    ("starts_on", "planned_end_on", "expected"),
    [
        (START, START + timedelta(days=60), SHORT + ": окончание не раньше 28.02.2027."),
        (START, date(2027, 2, 27), SHORT),
        (START, date(2027, 12, 1), LONG + ": окончание не позже 30.11.2027."),
        (START, START - timedelta(days=1), "Плановое окончание должно быть позже начала."),
        (START, START, "Плановое окончание должно быть позже начала."),
    ],
)  # fmt: skip
def test_a_personalised_programme_lasts_from_three_months_to_a_year(world, starts_on, planned_end_on, expected):
    refused(world, expected, add_mentor(world, "Громова"), [add_mentee(world, "Белов")], starts_on=starts_on,
            planned_end_on=planned_end_on)  # fmt: skip


def test_plan_period_limits_are_calendar_months_with_both_days_included():
    assert plan_period_errors(START, date(2027, 2, 28)) == []
    assert plan_period_errors(START, date(2027, 11, 30)) == []
    assert plan_period_errors(date(2026, 11, 30), date(2027, 2, 27)) == []  # 30.11 + 3 months = 28.02 (exclusive)
    assert plan_period_errors(date(2026, 11, 30), date(2027, 2, 26))
    assert add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)
    assert add_months(date(2026, 12, 15), 3) == date(2027, 3, 15)


# The database keeps one active pair of a form per mentee.


def test_the_database_refuses_a_mentee_in_two_active_pairs_of_one_form(world):
    pair, mentee = people(world)["pair"], people(world)["mentee"]
    with in_school(world), pytest.raises(IntegrityError), transaction.atomic():
        second = Pair.objects.create(
            organization=world.school, programme=pair.programme, mentor=add_mentor(world, "Громова"), form=pair.form,
            starts_on=START, planned_end_on=END,
        )  # fmt: skip
        PairMember.objects.create(organization=world.school, pair=second, mentee=mentee, form=pair.form)


def test_a_check_outrun_by_another_curator_ends_in_a_refusal_not_an_error(world, monkeypatch):
    """Between the check and the insert another curator paired the mentee in this form: the database refuses
    the second member, the service turns that into a reason, and the half-made pair is rolled back."""
    real_facts = pairs_service.mentee_facts

    def stale_facts(mentees, today):
        facts = real_facts(mentees, today)
        for fact in facts.values():
            fact.active_forms = set()  # as read before the other curator's pair was committed
        return facts

    monkeypatch.setattr(pairs_service, "mentee_facts", stale_facts)
    refused(
        world,
        "Кто-то из наставляемых уже в действующей паре этой формы",
        add_mentor(world, "Громова"),
        [people(world)["mentee"]],
    )


def test_a_pair_stopped_early_frees_the_mentee_for_a_new_pair_of_the_same_form(world):
    pair, mentee = people(world)["pair"], people(world)["mentee"]
    with in_school(world):
        close_pair(pair, outcome="stopped", final_notes="Наставник уволился", actor=None, tenant=world.school)
        assert Mentee.objects.get(pk=mentee.pk).status == Mentee.Status.IN_BASE
        assert not PairMember.objects.get(pair=pair).active
    assert form(world, add_mentor(world, "Громова"), [mentee]).pk


def test_a_mentee_who_completed_is_not_paired_again(world):
    mentee = people(world)["mentee"]
    with in_school(world):
        close_pair(people(world)["pair"], outcome="completed", final_notes="", actor=None, tenant=world.school)
        assert Mentee.objects.get(pk=mentee.pk).status == Mentee.Status.COMPLETED
    refused(
        world,
        "Петров Илья Сергеевич не участвует в программе (выбыл или завершил).",
        add_mentor(world, "Громова"),
        [mentee],
    )


# Two curators at once (real transactions, two database connections).


def in_threads(world, *calls):
    """Run each call in its own thread (and database connection) in the school's scope, all at once; return
    ("formed", pair id) or ("refused", messages) for each."""
    results = [None] * len(calls)
    start = threading.Barrier(len(calls))

    def run(index, call):
        try:
            with tenant_scope(world.school):
                start.wait(timeout=10)
                results[index] = ("formed", call().pk)
        except ValidationError as error:
            results[index] = ("refused", error.messages)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(n, call)) for n, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


@pytest.mark.django_db(transaction=True)
def test_two_curators_accepting_the_same_suggestion_keep_one_pair(world, running_programme):
    mentor, mentee = add_mentor(world, "Громова"), add_mentee(world, "Белов")
    with in_school(world):
        programme = Programme.objects.get(pk=running_programme.pk)
        form_id = school_forms(world)["teacher-pupil"].pk
    accept = [
        lambda user=user: matching_service.accept(
            programme,
            mentee_id=mentee.pk,
            mentor_id=mentor.pk,
            form_id=form_id,
            score=0.8,
            actor=user,
            tenant=world.school,
        )
        for user in (world.users[Role.CURATOR], world.users[Role.DIRECTOR])
    ]
    results = in_threads(world, *accept)
    assert sorted(kind for kind, _ in results) == ["formed", "refused"], results
    (reasons,) = [value for kind, value in results if kind == "refused"]
    assert "Белов Олег уже в действующей паре или группе формы «учитель – ученик»." in reasons
    with in_school(world):
        assert PairMember.objects.filter(mentee=mentee, active=True).count() == 1
        assert Pair.objects.filter(mentor=mentor).count() == 1
        assert (
            AuditEntry.objects.filter(
                action="pair.formed", object_id__in=[str(v) for k, v in results if k == "formed"]
            ).count()
            == 1
        )


@pytest.mark.django_db(transaction=True)
def test_two_pairs_of_one_form_for_one_mentee_at_once_keep_one(world, monkeypatch):
    """Two curators pair the same mentee with different mentors (no common lock): both pass the checks, the
    database's partial unique constraint keeps one, the other is told why."""
    first, second = add_mentor(world, "Громова"), add_mentor(world, "Юдина")
    mentee = add_mentee(world, "Белов")
    real_facts = pairs_service.mentee_facts
    both_checked = threading.Barrier(2)

    def facts_then_wait(mentees, today):
        facts = real_facts(mentees, today)
        both_checked.wait(timeout=10)  # each has read "not paired" before either inserts
        return facts

    monkeypatch.setattr(pairs_service, "mentee_facts", facts_then_wait)
    results = in_threads(world, lambda: form(world, first, [mentee]), lambda: form(world, second, [mentee]))
    assert sorted(kind for kind, _ in results) == ["formed", "refused"], results
    (reasons,) = [value for kind, value in results if kind == "refused"]
    assert reasons == ["Кто-то из наставляемых уже в действующей паре этой формы (её только что сформировали)."]
    with in_school(world):
        assert PairMember.objects.filter(mentee=mentee, active=True).count() == 1
        assert Pair.objects.filter(mentor__in=[first, second]).count() == 1


# The pages: forming, the pair, its plan, closing.


def test_curator_forms_a_group_on_the_page(world, curator):
    mentor = add_mentor(world, "Громова", capacity=3)
    first, second = add_mentee(world, "Белов"), add_mentee(world, "Седов")
    forms = school_forms(world)
    response = curator.post(
        url(world, "pair_create"),
        {
            "mentor": mentor.pk, "form": forms["teacher-pupil"].pk, "mentees": [first.pk, second.pk],
            "role_model": "педагог – одарённый ученик", "goals": "Исследовательский проект",
            "starts_on": START.isoformat(), "planned_end_on": END.isoformat(),
        },
    )  # fmt: skip
    with in_school(world):
        pair = Pair.objects.get(mentor=mentor)
    assert response.status_code == 302
    assert response["Location"] == url(world, "pair_detail", pk=pair.pk)
    page = curator.get(response["Location"]).content.decode()
    assert "Группа сформирована" in page
    assert "Белов Олег" in page and "Седов Олег" in page and "Исследовательский проект" in page


def test_a_refused_pair_lists_the_reasons_and_keeps_the_input(world, curator):
    teacher = add_mentor(world, "Громова", consent=False)
    mentee = add_mentee(world, "Белов", consent=None)
    forms = school_forms(world)
    before = stored(world)
    response = curator.post(
        url(world, "pair_create"),
        {
            "mentor": teacher.pk, "form": forms["teacher-pupil"].pk, "mentees": [mentee.pk],
            "goals": "Мои цели", "starts_on": START.isoformat(), "planned_end_on": END.isoformat(),
        },
    )  # fmt: skip
    page = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="refusals"' in page
    assert "<li>Нет письменного согласия Громова Анна быть наставником (ст. 351.8 ТК РФ).</li>" in page
    assert "законного представителя" in page
    assert "Мои цели" in page
    assert f'<option value="{mentee.pk}" selected>' in page
    assert stored(world) == before


def test_a_too_short_plan_is_refused_beside_its_field(world, curator):
    forms = school_forms(world)
    response = curator.post(
        url(world, "pair_create"),
        {
            "mentor": add_mentor(world, "Громова").pk, "form": forms["teacher-pupil"].pk,
            "mentees": [add_mentee(world, "Белов").pk], "starts_on": START.isoformat(),
            "planned_end_on": (START + timedelta(days=30)).isoformat(),
        },
    )  # fmt: skip
    assert response.status_code == 200
    assert "не меньше 3 месяцев" in response.content.decode()


def mentee_choices(page: str) -> str:
    """The mentees' select of the pair form (ids of mentors and mentees may coincide)."""
    start = page.index('name="mentees"')
    return page[start : page.index("</select>", start)]


def test_the_mentees_offered_are_those_free_in_the_chosen_form(world, curator):
    forms, busy = school_forms(world), people(world)["mentee"]
    free = add_mentee(world, "Белов")
    page = curator.get(url(world, "pair_create"), {"form": forms["teacher-pupil"].pk}).content.decode()
    in_teacher_form = mentee_choices(page)
    assert f'<option value="{free.pk}">' in in_teacher_form
    assert f'<option value="{busy.pk}">' not in in_teacher_form
    page = curator.get(url(world, "pair_create"), {"form": forms["pupil-pupil"].pk}).content.decode()
    assert f'<option value="{busy.pk}">' in mentee_choices(page)
    prefilled = curator.get(
        url(world, "pair_create"),
        {"form": forms["teacher-pupil"].pk, "mentor": people(world)["mentor"].pk, "mentees": free.pk},
    ).content.decode()
    assert f'<option value="{free.pk}" selected>' in prefilled
    assert 'hx-get="' in prefilled and 'hx-select="#pair-mentees"' in prefilled


def test_the_pair_page_shows_members_plan_and_journal(world, curator):
    pair = people(world)["pair"]
    page = curator.get(url(world, "pair_detail", pk=pair.pk)).content.decode()
    assert "Петров Илья Сергеевич" in page and "Сидорова Мария Павловна" in page
    assert "Выбор темы проекта" in page
    assert f'href="/o/{world.school.slug}/pairs/{pair.pk}/journal/"' in page
    assert 'data-testid="close-form"' in page
    # The closing form waits behind its button: folded until asked for (or until it comes back with errors).
    assert '<details class="mt-4" data-testid="close-details">' in page
    methodist = (
        world.client_for(world.users[Role.METHODIST]).get(url(world, "pair_detail", pk=pair.pk)).content.decode()
    )
    assert "Выбор темы проекта" in methodist
    assert 'data-testid="close-form"' not in methodist
    assert url(world, "plan_item_edit", pk=people(world)["plan_item"].pk) not in methodist


def test_curator_keeps_the_plan_of_a_pair(world, curator):
    pair, item = people(world)["pair"], people(world)["plan_item"]
    response = curator.post(
        url(world, "plan_item_create", pk=pair.pk),
        {"title": "Олимпиада", "goal": "Призёр", "due_on": "2027-01-20", "status": "planned"},
    )
    assert response["Location"] == url(world, "pair_detail", pk=pair.pk)
    out_of_pair = curator.post(
        url(world, "plan_item_create", pk=pair.pk), {"title": "Поздно", "due_on": "2027-09-01", "status": "planned"}
    )
    assert out_of_pair.status_code == 200
    assert "Срок должен быть в пределах работы пары: с 15.10.2026 по 15.05.2027." in out_of_pair.content.decode()
    curator.post(
        url(world, "plan_item_edit", pk=item.pk), {"title": "Тема выбрана", "due_on": "2026-11-05", "status": "done"}
    )
    curator.post(url(world, "plan_item_status", pk=item.pk), {"status": "cancelled"})
    with in_school(world):
        assert list(pair.plan_items.values_list("title", "status")) == [
            ("Тема выбрана", "cancelled"), ("Олимпиада", "planned")
        ]  # fmt: skip
    entries = audit(world, "plan.updated")
    assert len(entries) == 3
    assert all(entry.actor == world.users[Role.CURATOR] for entry in entries)


def test_curator_closes_a_pair_with_outcome_and_notes_once(world, curator):
    pair, mentee = people(world)["pair"], people(world)["mentee"]
    incomplete = curator.post(url(world, "pair_close", pk=pair.pk), {"outcome": "completed"})
    assert incomplete.status_code == 200
    assert "Опишите итоги работы пары." in incomplete.content.decode()
    assert 'data-testid="close-details" open>' in incomplete.content.decode()  # the errors are in sight
    response = curator.post(url(world, "pair_close", pk=pair.pk), {"outcome": "partial", "final_notes": "Проект сдан"})
    assert response["Location"] == url(world, "pair_detail", pk=pair.pk)
    with in_school(world):
        pair.refresh_from_db()
        assert (pair.status, pair.outcome, pair.final_notes, pair.closed_on) == (
            "closed",
            "partial",
            "Проект сдан",
            today(),
        )
        assert not PairMember.objects.get(pair=pair).active
        assert Mentee.objects.get(pk=mentee.pk).status == Mentee.Status.COMPLETED
    assert len(audit(world, "pair.closed")) == 1
    again = curator.post(
        url(world, "pair_close", pk=pair.pk), {"outcome": "completed", "final_notes": "Ещё раз"}, follow=True
    )
    assert "Пара уже завершена." in again.content.decode()
    assert len(audit(world, "pair.closed")) == 1
    frozen = curator.post(
        url(world, "plan_item_status", pk=people(world)["plan_item"].pk), {"status": "done"}, follow=True
    )
    assert "Пара завершена: её план больше не изменяется." in frozen.content.decode()


def test_the_pair_list_filters_by_status_form_and_mentor(world, curator):
    mentor = add_mentor(world, "Громова")
    form(world, mentor, [add_mentee(world, "Белов")])
    page = curator.get(url(world, "pair_list")).content.decode()
    assert "Белов Олег" in page and "Петров Илья Сергеевич" in page
    only_mentor = curator.get(url(world, "pair_list"), {"mentor": mentor.pk}).content.decode()
    assert "Белов Олег" in only_mentor and "Петров Илья Сергеевич" not in only_mentor
    peer_form = curator.get(url(world, "pair_list"), {"form": school_forms(world)["pupil-pupil"].pk}).content.decode()
    assert "Пар и групп не найдено." in peer_form
    with in_school(world):
        close_pair(people(world)["pair"], outcome="completed", final_notes="", actor=None, tenant=world.school)
    closed = curator.get(url(world, "pair_list"), {"status": "closed"}).content.decode()
    assert "Петров Илья Сергеевич" in closed and "Белов Олег" not in closed


def test_without_a_programme_the_pages_say_so_and_link_to_creating_one(world, curator):
    with in_school(world):
        Document.objects.all().delete()  # a programme's approved documents protect it
        Programme.objects.all().delete()
    for name in ("pair_list", "pair_create", "matching", "unpaired_mentees", "completion", "practice_list"):
        page = curator.get(url(world, name)).content.decode()
        assert 'data-testid="no-programme"' in page, name
        assert f'href="/o/{world.school.slug}/programmes/new/"' in page


# Matching.


def matching_page(client, world, capture, **params) -> str:
    """The matching page once its run (started by the first visit, after the commit) has been computed."""
    with capture(execute=True):
        client.get(url(world, "matching"), params)
    return client.get(url(world, "matching"), params).content.decode()


def test_the_matching_page_proposes_and_the_curator_accepts_one(
    world, curator, running_programme, django_capture_on_commit_callbacks
):
    mentee = add_mentee(world, "Белов")
    with in_school(world):
        mentee.requests.add(people(world)["tag"])
    page = matching_page(curator, world, django_capture_on_commit_callbacks)
    assert "Белов Олег" in page and "Сидорова Мария Павловна" in page
    assert "общие запросы: Адаптация в коллективе" in page
    assert 'data-testid="suggestion"' in page
    data = {"mentee": mentee.pk, "mentor": people(world)["mentor"].pk, "form": school_forms(world)["teacher-pupil"].pk}
    response = curator.post(url(world, "matching_accept"), {**data, "score": "0.96"}, follow=True)
    with in_school(world):
        pair = Pair.objects.get(members__mentee=mentee)
        assert pair.match_score == 0.96
    message = response.content.decode()
    assert 'data-testid="no-suggestions"' in message  # the accepted proposal is gone, and no new run was needed
    assert f'Пара сформирована: <a href="{url(world, "pair_detail", pk=pair.pk)}">Белов Олег</a>.' in message
    assert f'<a href="{url(world, "plan_item_create", pk=pair.pk)}">составить план работы пары</a>' in message
    assert (pair.starts_on, pair.planned_end_on) == (today(), today() + timedelta(days=240))
    again = curator.post(url(world, "matching_accept"), {**data, "score": "0.96"}, follow=True).content.decode()
    assert "Белов Олег: пара не сформирована." in again
    assert "Белов Олег уже в действующей паре или группе формы «учитель – ученик»." in again
    with in_school(world):
        assert PairMember.objects.filter(mentee=mentee).count() == 1


def test_accept_all_reports_how_many_were_formed_and_why_others_were_not(world, curator, running_programme):
    first, second, third = add_mentee(world, "Белов"), add_mentee(world, "Седов"), add_mentee(world, "Орлов")
    spare = add_mentor(world, "Громова", capacity=1)
    form_id = school_forms(world)["teacher-pupil"].pk
    mentor = people(world)["mentor"]
    suggestions = [
        f"{first.pk}:{mentor.pk}:{form_id}:0.9",
        f"{second.pk}:{spare.pk}:{form_id}:0.7",
        f"{third.pk}:{spare.pk}:{form_id}:0.6",  # the spare mentor's only place is taken by the one before
        "garbage",
    ]
    page = curator.post(url(world, "matching_accept_all"), {"suggestion": suggestions}, follow=True).content.decode()
    assert "Сформировано пар: 2 из 3." in page
    assert "Орлов Олег: не сформирована. У наставника Громова Анна свободных мест: 0, а наставляемых: 1." in page
    assert len(audit(world, "pair.formed")) == 3  # the fixture's and two
    empty = curator.post(url(world, "matching_accept_all"), {}, follow=True).content.decode()
    assert "Нет предложений, которые можно принять." in empty


def test_the_unplaced_are_listed_with_the_reason_and_can_be_marked(
    world, curator, running_programme, django_capture_on_commit_callbacks
):
    no_consent = add_mentee(world, "Белов", consent=None)
    page = matching_page(curator, world, django_capture_on_commit_callbacks, show="unplaced")
    assert 'data-testid="unmatched"' in page
    assert "нет действующего согласия законного представителя на обработку персональных данных" in page
    response = curator.post(
        url(world, "mentee_awaiting", pk=no_consent.pk), {"awaiting": "1", "next": url(world, "matching")}
    )
    assert response["Location"] == url(world, "matching")
    with in_school(world):
        assert Mentee.objects.get(pk=no_consent.pk).awaiting_mentor
    (entry,) = audit(world, "person.updated")
    assert entry.changes == {"без пары: поддержка, поиск наставника продолжается": ["нет", "да"]}
    unpaired = curator.get(url(world, "unpaired_mentees")).content.decode()
    assert "Белов Олег" in unpaired and "отмечено" in unpaired and "Снять отметку" in unpaired
    assert "Петров Илья Сергеевич" not in unpaired
    curator.post(url(world, "mentee_awaiting", pk=no_consent.pk), {"awaiting": "0", "next": "https://evil.test/"})
    with in_school(world):
        assert not Mentee.objects.get(pk=no_consent.pk).awaiting_mentor
    paired = curator.post(url(world, "mentee_awaiting", pk=people(world)["mentee"].pk), {"awaiting": "1"}, follow=True)
    assert "уже в паре или группе программы: отметка о поиске не нужна." in paired.content.decode()


def test_mentors_with_free_places(world, curator):
    full = add_mentor(world, "Громова", capacity=1)
    form(world, full, [add_mentee(world, "Белов")])
    add_mentor(world, "Юдина", capacity=3)
    page = curator.get(url(world, "free_mentors")).content.decode()
    assert "Юдина Анна" in page and "3 из 3" in page
    assert "Сидорова Мария Павловна" in page and "1 из 2" in page
    assert "Громова Анна" not in page


# Completion.


def test_nominations_are_added_once_and_removed_with_audit(world, curator):
    mentor = people(world)["mentor"]
    nomination = people(world)["nomination"]
    curator.post(url(world, "nomination_delete", pk=nomination.pk))
    with in_school(world):
        assert not RewardNomination.objects.exists()
    response = curator.post(url(world, "nomination_add"), {"mentor": mentor.pk, "reason": "Два проекта-победителя"})
    assert response["Location"] == url(world, "completion")
    twice = curator.post(url(world, "nomination_add"), {"mentor": mentor.pk, "reason": "Ещё"})
    assert twice.status_code == 200
    assert "Сидорова Мария Павловна уже представлена к поощрению в этой программе." in twice.content.decode()
    without_pairs = add_mentor(world, "Громова")
    stranger = curator.post(url(world, "nomination_add"), {"mentor": without_pairs.pk, "reason": "За участие"})
    assert "Выберите наставника из списка." in stranger.content.decode()
    with in_school(world):
        assert list(RewardNomination.objects.values_list("mentor_id", "reason")) == [
            (mentor.pk, "Два проекта-победителя")
        ]
    assert [e.action for e in audit(world, "nomination.removed") + audit(world, "nomination.added")] == [
        "nomination.removed", "nomination.added"
    ]  # fmt: skip
    page = curator.get(url(world, "completion")).content.decode()
    assert "Два проекта-победителя" in page


def test_best_practices_are_kept_and_only_publishable_ones_are_shown_to_everyone(world, curator):
    pair = people(world)["pair"]
    form_page = curator.get(url(world, "practice_create"), {"pair": pair.pk}).content.decode()
    assert f'<option value="{pair.pk}" selected>' in form_page
    response = curator.post(
        url(world, "practice_create"),
        {"title": "Проект «Моя профессия»", "form": pair.form_id, "pair": pair.pk, "story": "Как работали",
         "results": "Призёры конкурса", "publishable": "on"},
    )  # fmt: skip
    assert response["Location"] == url(world, "practice_list")
    wrong_form = curator.post(
        url(world, "practice_create"),
        {"title": "Кейс", "form": school_forms(world)["pupil-pupil"].pk, "pair": pair.pk, "story": "И", "results": "Р"},
    )
    assert "Пара работала в форме «учитель – ученик»." in wrong_form.content.decode()
    practice = people(world)["practice"]
    curator.post(
        url(world, "practice_edit", pk=practice.pk),
        {"title": "Проект с наставником", "form": practice.form_id, "story": "История", "results": "Лучше"},
    )
    with in_school(world):
        assert BestPractice.objects.get(pk=practice.pk).results == "Лучше"
    saved = audit(world, "practice.saved")
    assert [entry.changes for entry in saved][1] == {"результаты": ["Результаты", "Лучше"]}
    assert "можно публиковать на сайте" in saved[0].changes
    everyone = curator.get(url(world, "practice_list")).content.decode()
    assert "Проект «Моя профессия»" in everyone and "Проект с наставником" in everyone
    for role in (Role.MENTOR, Role.OBSERVER, Role.METHODIST):
        page = world.client_for(world.users[role]).get(url(world, "practice_list")).content.decode()
        assert "Проект «Моя профессия»" in page, role
        assert "Проект с наставником" not in page, role


def test_a_former_mentee_joins_the_base_of_mentors(world, curator):
    pair, mentee = people(world)["pair"], people(world)["mentee"]
    with in_school(world):
        Mentee.objects.filter(pk=mentee.pk).update(phone="+7 913 000-00-00", email="ilya@example.test")
    active = curator.post(url(world, "mentor_from_mentee", pk=mentee.pk), follow=True).content.decode()
    assert "в базу наставников вносят бывшего наставляемого, чья пара или группа завершена." in active
    with in_school(world):
        close_pair(pair, outcome="completed", final_notes="", actor=None, tenant=world.school)
    page = curator.get(url(world, "completion")).content.decode()
    assert "Петров Илья Сергеевич" in page and "В базу наставников" in page
    response = curator.post(url(world, "mentor_from_mentee", pk=mentee.pk))
    with in_school(world):
        mentor = Mentor.objects.get(last_name="Петров", first_name="Илья")
    assert response["Location"] == url(world, "mentor_edit", pk=mentor.pk)
    assert (mentor.patronymic, mentor.birth_date, mentor.phone, mentor.email, mentor.category, mentor.position) == (
        "Сергеевич", mentee.birth_date, "+7 913 000-00-00", "ilya@example.test", Mentor.Category.PUPIL, "8А"
    )  # fmt: skip
    (entry,) = audit(world, "mentor.from_mentee")
    assert entry.object_id == str(mentor.pk)
    assert entry.changes["из базы наставляемых"] == [None, "Петров Илья Сергеевич"]
    twice = curator.post(url(world, "mentor_from_mentee", pk=mentee.pk), follow=True).content.decode()
    assert "Петров Илья Сергеевич уже в базе наставников." in twice
    assert "в базе наставников" in curator.get(url(world, "completion")).content.decode()


def test_a_teacher_mentee_becomes_a_teacher_mentor(world):
    from mentoring.services.completion import mentor_from_mentee

    adult = add_mentee(world, "Лаптев", years=25, category="young_specialist", consent="own")
    pair = form(world, add_mentor(world, "Громова"), [adult], "teacher-teacher")
    with in_school(world):
        close_pair(pair, outcome="completed", final_notes="", actor=None, tenant=world.school)
        mentor = mentor_from_mentee(adult, actor=None, tenant=world.school)
    assert mentor.category == Mentor.Category.TEACHER


# Query counts do not grow with rows.


def add_pairs(world, count, offset):
    """``count`` more pairs with a plan item each, mentees waiting for a pair, selected mentors, and cases."""
    school, programme, tag = world.school, people(world)["programme"], people(world)["tag"]
    forms = school_forms(world)
    with scopes_disabled():
        for n in range(count):
            mentor = Mentor.objects.create(
                organization=school, last_name=f"Наставник{offset}-{n}", first_name="А", capacity=3
            )
            mentor.competencies.add(tag)
            ProgrammeMentor.objects.create(organization=school, programme=programme, mentor=mentor)
            mentees = [
                Mentee.objects.create(
                    organization=school, last_name=f"Ученик{offset}-{n}-{k}", first_name="Б", group="5А"
                )
                for k in range(3)
            ]
            for mentee in mentees:
                mentee.requests.add(tag)
            pair = Pair.objects.create(
                organization=school, programme=programme, mentor=mentor, form=forms["teacher-pupil"], starts_on=START,
                planned_end_on=END, status=Pair.Status.CLOSED if n % 2 else Pair.Status.ACTIVE,
            )  # fmt: skip
            PairMember.objects.create(
                organization=school, pair=pair, mentee=mentees[0], form=pair.form, active=pair.status == "active"
            )
            PlanItem.objects.create(organization=school, pair=pair, title="Пункт", due_on=START)
            BestPractice.objects.create(
                organization=school, programme=programme, title=f"Кейс {n}", form=pair.form, story="И", results="Р",
                publishable=True,
            )  # fmt: skip
            RewardNomination.objects.create(organization=school, programme=programme, mentor=mentor, reason="За труд")


def query_count(client, target, params=None):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(target, params or {}).status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("pair_list", {}),
        ("pair_list", {"status": "all"}),
        ("unpaired_mentees", {}),
        ("free_mentors", {}),
        ("completion", {}),
        ("practice_list", {}),
    ],
)
def test_list_pages_run_as_many_queries_for_few_rows_as_for_many(world, curator, name, params):
    add_pairs(world, 2, offset=0)
    few = query_count(curator, url(world, name), params)
    add_pairs(world, 12, offset=1)
    many = query_count(curator, url(world, name), params)
    assert few == many, (few, many)


@pytest.mark.parametrize("show", ["", "unplaced"])
def test_the_matching_page_runs_as_many_queries_for_few_proposals_as_for_many(
    world, curator, running_programme, django_capture_on_commit_callbacks, show
):
    add_mentor(world, "Громова", capacity=30)
    for n in range(2):
        add_mentee(world, f"Белов{n}", consent=None if show else "representative")
    matching_page(curator, world, django_capture_on_commit_callbacks, show=show)
    few = query_count(curator, url(world, "matching"), {"show": show})
    for n in range(2, 14):
        add_mentee(world, f"Белов{n}", consent=None if show else "representative")
    page = matching_page(curator, world, django_capture_on_commit_callbacks, show=show)
    assert page.count("Белов") >= 14
    many = query_count(curator, url(world, "matching"), {"show": show})
    assert few == many <= 12, (few, many)  # the page's own: programme, run, cohort, forms, count, rows


def test_a_changed_cohort_starts_a_new_run_and_a_stale_proposal_is_checked_again(
    world, curator, running_programme, django_capture_on_commit_callbacks
):
    mentee = add_mentee(world, "Белов")
    page = matching_page(curator, world, django_capture_on_commit_callbacks)
    assert "Белов Олег" in page
    with in_school(world):  # the consent is withdrawn after the run: its proposal is stale
        Consent.objects.filter(mentee=mentee).update(withdrawn_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=False) as queued:
        rerun = curator.get(url(world, "matching")).content.decode()
    assert len(queued) == 1 and "идёт пересчёт" in rerun  # the old proposals are shown while the new run works
    data = {"mentee": mentee.pk, "mentor": people(world)["mentor"].pk, "form": school_forms(world)["teacher-pupil"].pk}
    refused = curator.post(url(world, "matching_accept"), data, follow=True).content.decode()
    assert "Белов Олег: пара не сформирована." in refused
    with in_school(world):
        assert not PairMember.objects.filter(mentee=mentee).exists()


def test_ids_of_another_school_or_stale_ones_are_refused_and_nothing_is_stored(world, curator):
    """Bad input: a mentor and a mentee of another school under this school's URL, and a stale suggestion."""
    other = world.people[world.other_school.pk]
    forms = school_forms(world)
    before = stored(world)
    response = curator.post(
        url(world, "pair_create"),
        {
            "mentor": other["mentor"].pk, "form": forms["teacher-pupil"].pk, "mentees": [other["mentee"].pk],
            "starts_on": START.isoformat(), "planned_end_on": END.isoformat(),
        },
    )  # fmt: skip
    page = response.content.decode()
    assert response.status_code == 200
    assert "Наставник не отобран в программу." in page
    assert "Наставляемый выбыл из базы или завершил программу: обновите страницу." in page
    stale = curator.post(
        url(world, "matching_accept"),
        {"mentee": other["mentee"].pk, "mentor": other["mentor"].pk, "form": 1},
        follow=True,
    )
    assert "Предложение устарело: обновите страницу." in stale.content.decode()
    garbage = curator.post(url(world, "matching_accept"), {"mentee": "x"}, follow=True)
    assert "Предложение не распознано: обновите страницу подбора." in garbage.content.decode()
    assert stored(world) == before
    with scopes_disabled():
        assert PairMember.objects.filter(mentee=other["mentee"]).count() == 1


def test_markup_in_texts_is_refused(world, curator):
    response = curator.post(
        url(world, "pair_close", pk=people(world)["pair"].pk),
        {"outcome": "completed", "final_notes": "<script>alert(1)</script>"},
    )
    assert response.status_code == 200
    with in_school(world):
        assert Pair.objects.get(pk=people(world)["pair"].pk).status == Pair.Status.ACTIVE
