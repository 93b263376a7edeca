"""Logging in and out, passwords, sessions and the lockout against password guessing."""

import re
from datetime import timedelta
from uuid import uuid4

import pytest
from django.contrib.sessions.models import Session
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core.roles import Role

from .conftest import PASSWORD


def login(client, email, password=PASSWORD, **extra):
    return client.post(reverse("login"), {"username": email, "password": password}, **extra)


def test_login_by_email_in_any_case_lands_on_the_school(world, client):
    response = login(client, "CURATOR@A.test", follow=True)
    assert response.redirect_chain[-1][0] == f"/o/{world.school.slug}/"
    assert "Школа А" in response.content.decode()


def test_wrong_password_shows_a_russian_error_and_keeps_the_email(world, client):
    response = login(client, "curator@a.test", "wrong-password")
    content = response.content.decode()
    assert response.status_code == 200
    assert "Неверный адрес электронной почты или пароль" in content
    assert 'value="curator@a.test"' in content


def test_login_gives_a_new_session_key(world, client):
    client.get(reverse("login"))
    client.session["probe"] = 1
    anonymous_key = client.session.session_key
    login(client, "curator@a.test")
    assert client.session.session_key != anonymous_key


def test_logout_needs_post_and_ends_the_session(world, client):
    login(client, "curator@a.test")
    assert client.get(reverse("logout")).status_code == 405
    assert client.post(reverse("logout")).status_code == 302
    assert client.get(f"/o/{world.school.slug}/")["Location"].startswith(reverse("login"))


def test_idle_session_expires_and_activity_extends_it(world, client, settings):
    login(client, "curator@a.test")
    session = Session.objects.get(session_key=client.session.session_key)
    assert session.expire_date <= timezone.now() + timedelta(seconds=settings.SESSION_COOKIE_AGE)
    Session.objects.filter(pk=session.pk).update(expire_date=timezone.now() + timedelta(seconds=30))
    assert client.get(f"/o/{world.school.slug}/").status_code == 200
    extended = Session.objects.get(pk=session.pk).expire_date
    assert extended > timezone.now() + timedelta(seconds=settings.SESSION_COOKIE_AGE - 60)
    Session.objects.filter(pk=session.pk).update(expire_date=timezone.now() - timedelta(seconds=1))
    assert client.get(f"/o/{world.school.slug}/")["Location"].startswith(reverse("login"))


def test_a_fresh_session_is_not_rewritten_by_every_request(world, client):
    login(client, "curator@a.test")
    key = client.session.session_key
    Session.objects.filter(pk=key).update(expire_date=timezone.now() + timedelta(minutes=59, seconds=30))
    stored = Session.objects.get(pk=key).expire_date
    assert client.get(f"/o/{world.school.slug}/").status_code == 200
    assert Session.objects.get(pk=key).expire_date == stored  # renewed at most once a minute


def test_deactivated_user_is_logged_out_everywhere(world, client):
    login(client, "curator@a.test")
    assert client.get(f"/o/{world.school.slug}/").status_code == 200
    curator = world.users[Role.CURATOR]
    curator.is_active = False
    curator.save()
    assert client.get(f"/o/{world.school.slug}/")["Location"].startswith(reverse("login"))
    assert login(client, "curator@a.test").status_code == 200  # the form again, no session


def test_password_change_ends_other_sessions(world, client):
    other_device = world.client_for(world.users[Role.CURATOR])
    login(client, "curator@a.test")
    new_password = "a-new-password-2026"
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": new_password, "new_password2": new_password},
    )
    assert response["Location"] == reverse("password_change_done")
    assert client.get(f"/o/{world.school.slug}/").status_code == 200
    assert other_device.get(f"/o/{world.school.slug}/").status_code == 302


def test_password_change_rejects_a_weak_password_in_russian(world, client):
    login(client, "curator@a.test")
    response = client.post(
        reverse("password_change"), {"old_password": PASSWORD, "new_password1": "12345", "new_password2": "12345"}
    )
    assert response.status_code == 200
    assert "Введённый пароль слишком короткий" in response.content.decode()


@pytest.fixture(autouse=True)
def fresh_rate_limits(settings):
    """Each test counts its own password-reset requests (a cache of its own)."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": str(uuid4())}
    }


def request_reset(client, email, capture, **extra):
    """Ask for a password reset and run what the request queued (the e-mail task)."""
    with capture(execute=True):
        return client.post(reverse("password_reset"), {"email": email}, **extra)


def test_password_reset_by_email_link(world, client, django_capture_on_commit_callbacks):
    response = request_reset(client, "Mentor@A.test", django_capture_on_commit_callbacks)
    assert response["Location"] == reverse("password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["mentor@a.test"]
    assert "восстановление пароля" in message.subject
    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/\S+/)", message.body).group(1)
    form_url = client.get(link)["Location"]  # Django hides the token behind a redirect
    new_password = "reset-password-2026"
    done = client.post(form_url, {"new_password1": new_password, "new_password2": new_password})
    assert done["Location"] == reverse("password_reset_complete")
    assert login(client, "mentor@a.test", new_password)["Location"] == reverse("home")
    assert client.get(link, follow=True).context["validlink"] is False  # used once


def test_password_reset_for_an_unknown_address_says_the_same_and_sends_nothing(
    world, client, django_capture_on_commit_callbacks
):
    response = request_reset(client, "nobody@nowhere.test", django_capture_on_commit_callbacks)
    assert response["Location"] == reverse("password_reset_done")
    assert mail.outbox == []


@pytest.fixture
def behind_one_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1


def test_repeated_wrong_passwords_lock_the_login(world, client, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(client, "director@a.test", "guess", REMOTE_ADDR="203.0.113.7")
    response = login(client, "director@a.test", PASSWORD, REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 429
    assert "Вход временно заблокирован" in response.content.decode()
    # Forged X-Forwarded-For is ignored when no proxy is configured: still locked.
    forged = login(client, "director@a.test", PASSWORD, REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert forged.status_code == 429
    # Another address logs in as usual.
    assert login(client, "director@a.test", PASSWORD, REMOTE_ADDR="192.0.2.10").status_code == 302


def test_lockout_uses_the_address_the_trusted_proxy_reports(world, client, settings, behind_one_proxy):
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(client, "director@a.test", "guess", HTTP_X_FORWARDED_FOR="203.0.113.7", **proxy)
    assert login(client, "director@a.test", PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.7", **proxy).status_code == 429
    # A different client behind the same proxy is not punished for the attacker.
    assert login(client, "director@a.test", PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.10", **proxy).status_code == 302


def test_tries_spread_over_addresses_lock_the_account(world, client, settings):
    """Ten wrong passwords for one account from ten addresses: the right password is refused everywhere, and the
    page says when to try again."""
    account_limit = settings.AXES_LOCKOUT_LIMITS[1]
    for number in range(account_limit):
        login(client, "director@a.test", "guess", REMOTE_ADDR=f"203.0.113.{number + 1}")
    response = login(client, "director@a.test", PASSWORD, REMOTE_ADDR="192.0.2.77")
    assert response.status_code == 429
    page = response.content.decode()
    assert "Вход временно заблокирован" in page and re.search(r"Повторите попытку после \d\d:\d\d", page)
    # Another account is not punished.
    assert login(client, "curator@a.test", PASSWORD, REMOTE_ADDR="192.0.2.77").status_code == 302


def test_tries_over_many_accounts_from_one_address_lock_the_address(world, client, settings):
    address_limit = settings.AXES_LOCKOUT_LIMITS[2]
    for number in range(address_limit):
        login(client, f"guess{number}@a.test", "guess", REMOTE_ADDR="203.0.113.50")
    assert login(client, "director@a.test", PASSWORD, REMOTE_ADDR="203.0.113.50").status_code == 429
    assert login(client, "director@a.test", PASSWORD, REMOTE_ADDR="192.0.2.10").status_code == 302


def test_a_few_typos_on_a_shared_school_address_lock_nobody_else(world, client, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        login(client, "mentor@a.test", "typo", REMOTE_ADDR="198.51.100.9")
    assert login(client, "director@a.test", PASSWORD, REMOTE_ADDR="198.51.100.9").status_code == 302
    assert login(client, "mentor@a.test", PASSWORD, REMOTE_ADDR="198.51.100.9").status_code == 302


def test_a_reset_request_does_the_same_work_for_known_and_unknown_addresses(world, client):
    """The request only counts and queues: the same queries (none reads the accounts), so the same time."""
    seen = []
    for email in ("mentor@a.test", "nobody@nowhere.test"):
        with CaptureQueriesContext(connection) as queries:
            response = client.post(reverse("password_reset"), {"email": email})
        assert response["Location"] == reverse("password_reset_done")
        seen.append([query["sql"] for query in queries.captured_queries])
    assert seen[0] == seen[1]
    assert not any("mentoring_user" in sql for sql in seen[0])
    assert mail.outbox == []  # sent by the queue, not inside the request


def test_password_reset_e_mails_are_limited_per_e_mail(world, client, settings, django_capture_on_commit_callbacks):
    for number in range(settings.PASSWORD_RESET_LIMIT_PER_EMAIL + 2):
        response = request_reset(
            client, "mentor@a.test", django_capture_on_commit_callbacks, REMOTE_ADDR=f"192.0.2.{number + 1}"
        )
        assert response["Location"] == reverse("password_reset_done")  # the same answer over the limit
    assert len(mail.outbox) == settings.PASSWORD_RESET_LIMIT_PER_EMAIL


def test_password_reset_requests_are_limited_per_address(world, client, settings, django_capture_on_commit_callbacks):
    settings.PASSWORD_RESET_LIMIT_PER_ADDRESS = 2
    for email in ("mentor@a.test", "curator@a.test", "director@a.test"):
        request_reset(client, email, django_capture_on_commit_callbacks, REMOTE_ADDR="203.0.113.9")
    assert sorted(message.to[0] for message in mail.outbox) == ["curator@a.test", "mentor@a.test"]
    request_reset(client, "director@a.test", django_capture_on_commit_callbacks, REMOTE_ADDR="192.0.2.1")
    assert len(mail.outbox) == 3  # another address is not limited
