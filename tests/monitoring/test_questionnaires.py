"""Questionnaires and waves as their users meet them: installing the defaults, launching a wave, answering in
the portal and through a personal link (used twice, expired, altered, out of range), reminders."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from core.models import AuditEntry
from core.roles import Role
from core.tenancy import tenant_scope
from monitoring.models import Answer, Invitation, Question, Questionnaire, Response, Wave
from monitoring.services import links
from monitoring.services.questionnaires import install_defaults, launch_wave, response_rates


def school_scope(world):
    return tenant_scope(world.school)


def link_url(token):
    return reverse("questionnaire_link", kwargs={"token": token})


def valid_answers(invitation):
    """A complete, valid set of answers for the invitation's questionnaire."""
    data = {}
    for question in invitation.questionnaire.questions.all():
        key = f"q{question.pk}"
        if question.kind == Question.Kind.SCALE:
            data[key] = "8"
        elif question.kind == Question.Kind.YES_NO:
            data[key] = "yes"
        elif question.kind == Question.Kind.SINGLE:
            data[key] = question.choices[0]
        elif question.kind == Question.Kind.MULTIPLE:
            data[key] = question.choices[:2]
        else:
            data[key] = "Больше встреч"
    return data


def test_defaults_are_installed_once_per_form_of_the_school(world):
    with school_scope(world):
        before = Questionnaire.objects.count()
        assert install_defaults(world.school) == 0  # the world installed them already
        codes = set(Questionnaire.objects.values_list("code", flat=True))
    assert before == len(codes)
    assert {"conditions-curator", "growth-mentee", "satisfaction-mentee-teacher-pupil"} <= codes
    assert "satisfaction-mentor-teacher-teacher" in codes


def test_launch_invites_every_participant_of_the_working_pairs(world):
    people = world.people[world.school.pk]
    with school_scope(world):
        invitations = Invitation.objects.filter(wave=people["wave"])
        assert set(invitations.values_list("respondent", flat=True)) == {"mentor", "mentee", "curator"}
        mentee = invitations.filter(mentee=people["mentee"])
        # The final wave asks the mentee about satisfaction (of the pair's form) and growth (at exit).
        assert sorted(mentee.values_list("questionnaire__purpose", flat=True)) == ["growth", "satisfaction"]
        assert mentee.get(questionnaire__purpose="satisfaction").questionnaire.form == people["form"]
        assert all(i.nonce and i.token_digest for i in mentee)
        mentor = invitations.get(respondent="mentor")
        assert mentor.user == world.users[Role.MENTOR] and not mentor.nonce


def test_the_token_is_not_stored(world):
    people = world.people[world.school.pk]
    with school_scope(world):
        stored = Invitation.objects.filter(pk=people["mentee_invitation"].pk).values().get()
    assert people["link_token"] not in {str(value) for value in stored.values()}
    assert stored["token_digest"] == links.digest(people["link_token"])


def test_a_wave_needs_working_pairs_and_a_future_end(world):
    from django.core.exceptions import ValidationError

    people = world.people[world.school.pk]
    with school_scope(world), pytest.raises(ValidationError, match="Окончание уже прошло"):
        today = timezone.localdate()
        launch_wave(
            programme=people["programme"], kind="final", title="x", opens_on=today - timedelta(days=9),
            closes_on=today - timedelta(days=1), actor=world.users[Role.CURATOR], tenant=world.school,
        )  # fmt: skip


def test_curator_launches_a_wave_on_the_page(world):
    client = world.client_for(world.users[Role.CURATOR])
    today = timezone.localdate()
    people = world.people[world.school.pk]
    response = client.post(
        reverse("wave_create", kwargs={"org": world.school.slug}),
        {"programme": people["programme"].pk, "kind": "interim", "title": "", "opens_on": today,
         "closes_on": today + timedelta(days=7)},
    )  # fmt: skip
    assert response.status_code == 302
    with school_scope(world):
        wave = Wave.objects.get(kind="interim")
        assert wave.title.startswith("Промежуточное анкетирование")
        assert response["Location"] == wave.get_absolute_url()
        # The interim wave has no growth questionnaire.
        assert not Invitation.objects.filter(wave=wave, questionnaire__purpose="growth").exists()
    page = client.get(response["Location"]).content.decode()
    assert "Ответили 0 из" in page
    with school_scope(world):
        entry = AuditEntry.objects.filter(action="wave.launched", object_id=str(wave.pk)).get()
    assert entry.actor == world.users[Role.CURATOR] and entry.changes["invited"][1] > 0


def test_mentee_answers_through_the_link_once(world, client):
    people = world.people[world.school.pk]
    url = link_url(people["link_token"])
    page = client.get(url)
    assert page.status_code == 200
    assert people["questionnaire"].title in page.content.decode()
    with school_scope(world):
        data = valid_answers(people["mentee_invitation"])
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Ваши ответы сохранены" in response.content.decode()
    with school_scope(world):
        stored = Response.objects.get(invitation=people["mentee_invitation"])
        assert stored.form == people["form"] and stored.respondent == "mentee"
        assert Answer.objects.filter(response=stored).count() == len(data)
        total, _ = response_rates(people["wave"])
        assert total.answered == 1
    again = client.get(url)
    assert again.status_code == 410
    assert "уже заполнена" in again.content.decode()
    second = client.post(url, data)
    assert second.status_code == 410
    with school_scope(world):
        assert Response.objects.filter(invitation=people["mentee_invitation"]).count() == 1


def test_an_answer_out_of_range_is_refused_and_nothing_is_stored(world, client):
    people = world.people[world.school.pk]
    with school_scope(world):
        data = valid_answers(people["mentee_invitation"])
        scale = people["questionnaire"].questions.filter(kind=Question.Kind.SCALE).first()
    data[f"q{scale.pk}"] = "11"
    response = client.post(link_url(people["link_token"]), data)
    assert response.status_code == 400
    assert "Выберите оценку от 1 до 10." in response.content.decode()
    with school_scope(world):
        assert (
            not Response.objects.exists()
            or not Response.objects.filter(invitation=people["mentee_invitation"]).exists()
        )
        assert Invitation.objects.get(pk=people["mentee_invitation"].pk).answered_at is None


@pytest.mark.parametrize(
    "alter",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),  # one character changed
        lambda token: "999999." + token.split(".", 1)[1],  # another school's number
        lambda token: "not-a-token",
    ],
)
def test_an_altered_link_is_not_found(world, client, alter):
    response = client.get(link_url(alter(world.people[world.school.pk]["link_token"])))
    assert response.status_code == 404
    assert "Ссылка недействительна" in response.content.decode()


def test_an_expired_link_says_so(world, client):
    people = world.people[world.school.pk]
    with school_scope(world):
        Invitation.objects.filter(pk=people["mentee_invitation"].pk).update(
            expires_at=timezone.now() - timedelta(minutes=1)
        )
        data = valid_answers(people["mentee_invitation"])
    response = client.post(link_url(people["link_token"]), data)
    assert response.status_code == 410
    assert "Срок анкетирования закончился" in response.content.decode()
    with school_scope(world):
        assert not Response.objects.filter(invitation=people["mentee_invitation"]).exists()


def test_a_closed_wave_takes_no_answers(world, client):
    people = world.people[world.school.pk]
    curator = world.client_for(world.users[Role.CURATOR])
    curator.post(reverse("wave_close", kwargs={"org": world.school.slug, "pk": people["wave"].pk}))
    assert client.get(link_url(people["link_token"])).status_code == 410
    with school_scope(world):
        assert AuditEntry.objects.filter(action="wave.closed", object_id=str(people["wave"].pk)).exists()


def test_mentor_answers_in_the_portal_and_the_rate_rises(world):
    people = world.people[world.school.pk]
    mentor = world.client_for(world.users[Role.MENTOR])
    listing = mentor.get(reverse("my_questionnaires", kwargs={"org": world.school.slug})).content.decode()
    invitation = people["mentor_invitation"]
    assert invitation.questionnaire.title in listing
    url = reverse("my_questionnaire_answer", kwargs={"org": world.school.slug, "pk": invitation.pk})
    with school_scope(world):
        data = valid_answers(invitation)
    assert mentor.post(url, data).status_code == 302
    curator = world.client_for(world.users[Role.CURATOR])
    page = curator.get(people["wave"].get_absolute_url()).content.decode()
    assert "Ответили 1 из" in page
    # Answered: the page no longer takes answers.
    assert mentor.get(url).status_code == 302


def test_reminders_go_by_email_after_commit_to_those_who_have_not_answered(world, django_capture_on_commit_callbacks):
    people = world.people[world.school.pk]
    curator = world.client_for(world.users[Role.CURATOR])
    url = reverse("wave_remind", kwargs={"org": world.school.slug, "pk": people["wave"].pk})
    with django_capture_on_commit_callbacks(execute=True):
        assert curator.post(url).status_code == 302
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted([world.users[Role.MENTOR].email, world.users[Role.CURATOR].email])
    assert "/monitoring/my/" in mail.outbox[0].body or "/monitoring/my/" in mail.outbox[1].body
    # Within the hour nobody is reminded twice.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        curator.post(url)
    assert mail.outbox == []


def test_sheet_prints_a_qr_code_and_the_link_of_each_mentee(world):
    people = world.people[world.school.pk]
    curator = world.client_for(world.users[Role.CURATOR])
    page = curator.get(reverse("wave_sheet", kwargs={"org": world.school.slug, "pk": people["wave"].pk}))
    html = page.content.decode()
    assert people["link_token"] in html
    assert 'class="segno"' in html
    assert "style=" not in html


def test_a_used_questionnaire_is_edited_only_as_a_copy(world):
    people = world.people[world.school.pk]
    curator = world.client_for(world.users[Role.CURATOR])
    questionnaire = people["questionnaire"]
    edit = reverse("questionnaire_edit", kwargs={"org": world.school.slug, "pk": questionnaire.pk})
    assert "Создать копию для изменения" in curator.get(edit).content.decode()
    response = curator.post(reverse("questionnaire_copy", kwargs={"org": world.school.slug, "pk": questionnaire.pk}))
    with school_scope(world):
        copy = Questionnaire.objects.get(title=f"{questionnaire.title} (копия)")
        assert copy.questions.count() == questionnaire.questions.count()
        assert not Questionnaire.objects.get(pk=questionnaire.pk).active
        questions = list(copy.questions.all())
    assert response["Location"] == copy.get_absolute_url()
    data = {
        "q-title": "Моя анкета", "q-purpose": "satisfaction", "q-respondent": "mentee", "q-form": "",
        "q-waves": ["final"], "q-intro": "", "q-active": "on",
        "questions-TOTAL_FORMS": str(len(questions)), "questions-INITIAL_FORMS": str(len(questions)),
        "questions-MIN_NUM_FORMS": "1", "questions-MAX_NUM_FORMS": "1000",
    }  # fmt: skip
    for n, question in enumerate(questions):
        data |= {
            f"questions-{n}-id": question.pk, f"questions-{n}-position": question.position,
            f"questions-{n}-text": question.text, f"questions-{n}-kind": question.kind,
            f"questions-{n}-required": "on", f"questions-{n}-choices_text": "\n".join(question.choices),
        }  # fmt: skip
    data["questions-0-DELETE"] = "on"
    saved = curator.post(copy.get_absolute_url(), data)
    assert saved.status_code == 302, saved.content.decode()[:2000]
    with school_scope(world):
        copy.refresh_from_db()
        assert copy.title == "Моя анкета"
        assert copy.questions.count() == len(questions) - 1
