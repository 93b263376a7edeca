"""A director gives and takes roles in the school; a coordinator in the municipality."""

import re

from django.core import mail
from django.urls import reverse

from core.models import AuditEntry, Membership
from core.roles import Role
from core.tenancy import tenant_scope
from mentoring.models import User


def members_url(world):
    return reverse("school_members", kwargs={"org": world.school.slug})


def test_director_invites_a_new_mentor_who_sets_a_password_and_logs_in(
    world, client, django_capture_on_commit_callbacks
):
    director = world.client_for(world.users[Role.DIRECTOR])
    with django_capture_on_commit_callbacks(execute=True):
        response = director.post(
            members_url(world),
            {"email": "Petrova@School.test", "role": "mentor", "last_name": "Петрова", "first_name": "Анна"},
            follow=True,
        )
    assert "Петрова Анна получает роль «Наставник»" in response.content.decode()
    user = User.objects.get(email="petrova@school.test")
    assert not user.has_usable_password()
    assert Membership.objects.filter(user=user, organization=world.school, role=Role.MENTOR).exists()
    with tenant_scope(world.school):
        entry = AuditEntry.objects.get(action="membership.granted")
    assert entry.actor == world.users[Role.DIRECTOR]
    assert entry.changes == {"role": [None, "Наставник"], "user": [None, "petrova@school.test"]}

    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "Наставник" in body and "МБОУ «Школа А»" in body
    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/\S+/)", body).group(1)
    form_url = client.get(link)["Location"]
    client.post(form_url, {"new_password1": "anna-password-2026", "new_password2": "anna-password-2026"})
    response = client.post(
        reverse("login"), {"username": "petrova@school.test", "password": "anna-password-2026"}, follow=True
    )
    assert response.redirect_chain[-1][0] == f"/o/{world.school.slug}/"


def test_an_existing_user_gets_the_role_without_a_new_account(world, django_capture_on_commit_callbacks):
    mentor_elsewhere = world.other_users[Role.MENTOR]
    director = world.client_for(world.users[Role.DIRECTOR])
    users_before = User.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        director.post(members_url(world), {"email": mentor_elsewhere.email, "role": "mentor"})
    assert User.objects.count() == users_before
    assert set(mentor_elsewhere.memberships.values_list("organization__slug", flat=True)) == {"school-a", "school-z"}
    assert "reset" not in mail.outbox[0].body


def test_a_rejected_grant_keeps_what_was_typed_and_changes_nothing(world):
    director = world.client_for(world.users[Role.DIRECTOR])
    memberships_before = Membership.objects.count()
    response = director.post(
        members_url(world), {"email": "new.person@school.test", "role": "mentor", "patronymic": "Ильич"}
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "Новый пользователь: заполните это поле." in content
    assert 'value="new.person@school.test"' in content
    assert 'value="Ильич"' in content
    assert Membership.objects.count() == memberships_before
    assert not User.objects.filter(email="new.person@school.test").exists()


def test_the_same_role_twice_is_refused_in_russian(world, django_capture_on_commit_callbacks):
    director = world.client_for(world.users[Role.DIRECTOR])
    with django_capture_on_commit_callbacks(execute=True):
        response = director.post(members_url(world), {"email": "curator@a.test", "role": "curator"})
    assert "уже есть эта роль" in response.content.decode()
    assert Membership.objects.filter(user=world.users[Role.CURATOR], role=Role.CURATOR).count() == 1
    assert mail.outbox == []


def test_a_municipal_role_cannot_be_given_in_a_school(world):
    director = world.client_for(world.users[Role.DIRECTOR])
    response = director.post(members_url(world), {"email": "curator@a.test", "role": "municipal_coordinator"})
    assert response.status_code == 200
    assert "Выберите корректный вариант" in response.content.decode()
    assert not Membership.objects.filter(role=Role.MUNICIPAL_COORDINATOR, organization=world.school).exists()


def test_director_revokes_a_role_and_it_is_audited(world):
    director = world.client_for(world.users[Role.DIRECTOR])
    membership = Membership.objects.get(organization=world.school, role=Role.MENTOR)
    director.post(reverse("school_member_revoke", kwargs={"org": world.school.slug, "pk": membership.pk}))
    assert not Membership.objects.filter(pk=membership.pk).exists()
    with tenant_scope(world.school):
        assert AuditEntry.objects.get(action="membership.revoked").changes["role"] == ["Наставник", None]
    mentor = world.client_for(world.users[Role.MENTOR])
    assert mentor.get(f"/o/{world.school.slug}/").status_code == 404


def test_the_last_director_cannot_be_removed(world):
    director = world.client_for(world.users[Role.DIRECTOR])
    own = Membership.objects.get(organization=world.school, role=Role.DIRECTOR)
    response = director.post(
        reverse("school_member_revoke", kwargs={"org": world.school.slug, "pk": own.pk}), follow=True
    )
    assert "Нельзя снять последнюю роль «Руководитель ОО»" in response.content.decode()
    assert Membership.objects.filter(pk=own.pk).exists()


def test_coordinator_adds_a_municipal_specialist(world):
    coordinator = world.client_for(world.users[Role.MUNICIPAL_COORDINATOR])
    url = reverse("municipal_members", kwargs={"muni": world.municipality.slug})
    coordinator.post(
        url, {"email": "spec2@uo.test", "role": "municipal_specialist", "last_name": "Зайцева", "first_name": "Вера"}
    )
    specialist = User.objects.get(email="spec2@uo.test")
    assert specialist.memberships.get().municipality == world.municipality
    response = world.client_for(specialist).get(reverse("municipality_home", kwargs={"muni": world.municipality.slug}))
    names = [school.short_name for school in response.context["schools"]]
    assert names == ["Школа А", "Школа Б"]
