"""A real Celery worker process, against the real Redis broker and the test database."""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.db import connection
from django.urls import reverse

from config.celery import app as celery_app
from mentoring.roles import Role

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [
    pytest.mark.worker,
    pytest.mark.xdist_group("celery-worker"),  # one worker at a time consumes the shared queue
]


def database_url():
    settings = connection.settings_dict
    return (
        f"postgres://{settings['USER']}@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}/{settings['NAME']}"
    )


@pytest.fixture
def worker(transactional_db, tmp_path):
    """Starts ``celery worker`` on the test database, sending e-mail to files in ``tmp_path``."""
    assert os.environ.get("REDIS_URL"), "worker tests need a real Redis: run them with `make test`"
    assert connection.vendor == "postgresql", "the worker shares the test database, which needs PostgreSQL"
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(tmp_path),
    }
    hostname = f"test-{os.getpid()}@%h"
    queue = f"test-{uuid.uuid4().hex}"  # a queue of its own: other runs sharing this Redis cannot take its tasks
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "--pool=solo",
            "--loglevel=WARNING",
            "-n",
            hostname,
            "-Q",
            queue,
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 30
    while not celery_app.control.ping(timeout=0.5, destination=[hostname.replace("%h", os.uname().nodename)]):
        assert process.poll() is None, process.stderr.read().decode()
        assert time.monotonic() < deadline, "the worker did not answer within 30 s"
    default_queue = celery_app.conf.task_default_queue
    celery_app.conf.task_always_eager = False
    celery_app.conf.task_default_queue = queue
    yield tmp_path
    celery_app.conf.task_default_queue = default_queue
    process.terminate()
    process.wait(timeout=30)


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
