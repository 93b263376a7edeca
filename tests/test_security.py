"""Security headers, production guards, `check --deploy`, and error pages that leak nothing."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings
from django.urls import include, path

from core.roles import Role

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "PORTAL_ENV": "production",
    "SECRET_KEY": "k" * 20 + "-production-secret-key-for-the-test-" + "z" * 20,
    "ALLOWED_HOSTS": "portal.example.ru",
    "DEBUG": "false",
    "EMAIL_URL": "smtp+tls://portal:secret@smtp.example.ru:587",
    "PORTAL_BASE_URL": "https://portal.example.ru",
}


def manage(*args, env):
    base = {key: value for key, value in os.environ.items() if key not in PRODUCTION_ENV}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env={**base, **env}, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_is_clean_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    ("override", "message"),
    [
        ({"SECRET_KEY": ""}, "SECRET_KEY"),
        ({"SECRET_KEY": "demo-insecure-key-do-not-use-in-production"}, "SECRET_KEY"),
        ({"DEBUG": "true"}, "DEBUG"),
        ({"ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS"),
        ({"EMAIL_URL": ""}, "EMAIL_URL"),
        ({"PORTAL_BASE_URL": ""}, "PORTAL_BASE_URL"),
    ],
)
def test_production_refuses_to_start_unsafely(override, message):
    env = {**PRODUCTION_ENV, **override}
    if not env["SECRET_KEY"]:
        del env["SECRET_KEY"]
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


def test_security_headers_on_every_page(world):
    response = world.client_for(world.users[Role.CURATOR]).get(f"/o/{world.school.slug}/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_pages_load_nothing_from_other_sites(world):
    content = world.client_for(world.users[Role.DIRECTOR]).get(f"/o/{world.school.slug}/").content.decode()
    assert re.findall(r'(?:src|href)="(https?://[^"]+)"', content) == []
    assert "/static/vendor/bootstrap/css/bootstrap.min.css" in content
    assert "/static/vendor/htmx/htmx.min.js" in content


def test_forms_need_a_csrf_token(world):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post("/accounts/login/", {"username": "curator@a.test", "password": "x"})
    assert response.status_code == 403
    assert "Форма устарела" in response.content.decode()


def broken_view(request):
    raise RuntimeError("secret internal detail")


urlpatterns = [path("broken/", broken_view), path("", include("config.urls"))]


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_server_error_page_is_russian_and_leaks_nothing(world):
    client = world.client_for(world.users[Role.CURATOR])
    client.raise_request_exception = False
    response = client.get("/broken/")
    content = response.content.decode()
    assert response.status_code == 500
    assert "Что-то пошло не так" in content
    assert "secret internal detail" not in content
    assert "Traceback" not in content


def test_not_found_page_is_russian(world):
    response = world.client_for(world.users[Role.CURATOR]).get("/no/such/page/")
    assert response.status_code == 404
    assert "Страница не найдена" in response.content.decode()


def test_forbidden_page_is_russian(world):
    response = world.client_for(world.users[Role.MENTOR]).get(f"/o/{world.school.slug}/audit/")
    assert response.status_code == 403
    assert "Нет доступа" in response.content.decode()
