"""A real Celery worker process, against the real Redis broker and the test database."""

import time
from pathlib import Path

import pytest
from django.urls import reverse

from core.roles import Role
from tests.workers import celery_worker

pytestmark = [
    pytest.mark.worker,
    pytest.mark.xdist_group("celery-worker"),  # one worker at a time consumes the shared queue
]


@pytest.fixture
def worker(transactional_db, tmp_path):
    """A solo worker sending e-mail to files in ``tmp_path``."""
    env = {"EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend", "EMAIL_FILE_PATH": str(tmp_path)}
    with celery_worker(pool="solo", env=env):
        yield tmp_path


def wait_for_files(folder: Path, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        files = list(folder.glob("*.log"))
        if files:
            return files
        time.sleep(0.2)
    return []


def test_invitation_is_sent_by_the_worker_after_commit(world, worker):
    director = world.client_for(world.users[Role.DIRECTOR])
    response = director.post(
        reverse("school_members", kwargs={"org": world.school.slug}),
        {"email": "worker.test@school.test", "role": "mentor", "last_name": "Воркерова", "first_name": "Ева"},
    )
    assert response.status_code == 302
    files = wait_for_files(worker)
    assert files, "the worker sent no e-mail"
    message = files[0].read_text()
    assert "worker.test@school.test" in message
    assert "/accounts/password/reset/" in message


def test_health_sees_the_worker(world, worker, client):
    state = client.get("/healthz").json()
    assert state["worker"].startswith("ok")
