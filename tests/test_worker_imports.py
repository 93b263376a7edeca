"""Imports on the one job lifecycle, under a real Celery worker and a real Redis: a worker killed while the rows
are written, a broker that is down at the upload, a transaction that rolls back, and where the files go."""

import os
import signal
import time
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled

from core.jobs import lifecycle
from core.models import Job
from core.queue import QUEUE_DOWN
from core.roles import Role
from core.tasks import fail_stale_jobs
from core.tenancy import tenant_scope
from mentoring.models import Mentee
from mentoring.services import imports
from mentoring.tasks import expire_import_previews
from tests.spreadsheets import ADULT_MENTEE, mentees_xlsx
from tests.workers import celery_worker, pool_children, private_broker, wait_until

ROWS = 40


def import_file() -> bytes:
    people = [
        {**ADULT_MENTEE, "Фамилия": f"Воркерова-{n}", "Образовательная организация": "Школа А"} for n in range(ROWS)
    ]
    return mentees_xlsx(*people)


def job_state(pk):
    with scopes_disabled():
        return Job.objects.filter(pk=pk).values_list("status", "error").first()


def imported(world) -> int:
    with tenant_scope(world.school):
        return Mentee.objects.filter(last_name__startswith="Воркерова-").count()


def upload(client, world):
    response = client.post(
        reverse("mentee_import", kwargs={"org": world.school.slug}),
        {"file": SimpleUploadedFile("класс 9А.xlsx", import_file())},
    )
    assert response.status_code == 302, response.content.decode()[:500]
    with scopes_disabled():
        return Job.objects.order_by("-pk").first()


@contextmanager
def write_held(client, world):
    """Upload a file, wait for its check, confirm it, and hold the write where a worker would be killed: a
    second connection keeps the school's row, which the write locks first, after it has checked the rows and
    inside its transaction. Yields the job while its write waits."""
    job = upload(client, world)
    assert wait_until(lambda: job_state(job.pk)[0] == Job.Status.READY, 60), job_state(job.pk)
    db = connection.settings_dict
    blocker = psycopg.connect(
        dbname=db["NAME"], user=db["USER"], host=db["HOST"] or "127.0.0.1", port=db["PORT"] or 5432
    )
    try:
        blocker.execute("SELECT 1 FROM mentoring_organization WHERE id = %s FOR UPDATE", [world.school.pk])
        client.post(reverse("import_job_confirm", kwargs={"org": world.school.slug, "pk": job.pk}))
        assert wait_until(lambda: job_state(job.pk)[0] == Job.Status.RUNNING, 30), job_state(job.pk)
        time.sleep(1)  # checked and waiting for the lock, in the write's transaction
        yield job
    finally:
        blocker.rollback()
        blocker.close()


@pytest.fixture
def prefork_worker(transactional_db):
    with celery_worker(pool="prefork") as process:
        yield process


@pytest.mark.worker
@pytest.mark.xdist_group("celery-worker")
def test_an_import_whose_pool_process_is_killed_while_writing_is_written_once_by_the_redelivery(world, prefork_worker):
    client = world.client_for(world.users[Role.CURATOR])
    with write_held(client, world) as job:
        for child in wait_until(lambda: pool_children(prefork_worker.pid), 10):
            os.kill(child, signal.SIGKILL)
        time.sleep(2)
        assert imported(world) == 0  # the killed transaction wrote nothing
    # The task (acknowledged late, rejected on a lost worker) comes again; the job, found running for the same
    # attempt, is run again from the start: every row once.
    state = wait_until(lambda: job_state(job.pk)[0] in (Job.Status.READY, Job.Status.FAILED) and job_state(job.pk), 60)
    assert state and state[0] == Job.Status.READY, state
    assert imported(world) == ROWS
    page = client.get(reverse("import_job", kwargs={"org": world.school.slug, "pk": job.pk})).content.decode()
    assert f"Внесено записей: <strong>{ROWS}</strong>" in page


@pytest.mark.worker
@pytest.mark.xdist_group("celery-worker")
def test_an_import_whose_whole_worker_is_killed_fails_with_its_reason_at_the_sweep_and_runs_again(
    world, transactional_db
):
    client = world.client_for(world.users[Role.CURATOR])
    with celery_worker(pool="prefork") as process, write_held(client, world) as job:
        for pid in [*pool_children(process.pid), process.pid]:
            os.kill(pid, signal.SIGKILL)  # the machine went down: nobody will redeliver for a while
        process.wait(timeout=10)
    assert imported(world) == 0
    assert job_state(job.pk)[0] == Job.Status.RUNNING
    # The sweep (every 15 minutes) fails a job silent for longer than a task can live.
    silence = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"] + 120
    with scopes_disabled():
        Job.objects.filter(pk=job.pk).update(updated_at=timezone.now() - timedelta(seconds=silence))
    assert fail_stale_jobs() == 1
    assert job_state(job.pk) == (Job.Status.FAILED, lifecycle.STALE)
    page = client.get(reverse("import_job", kwargs={"org": world.school.slug, "pk": job.pk})).content.decode()
    assert "Задание прервано" in page and "Запустить ещё раз" in page
    with celery_worker(pool="solo"):
        retry = client.post(reverse("import_job_retry", kwargs={"org": world.school.slug, "pk": job.pk}))
        assert retry.status_code == 302
        state = wait_until(lambda: job_state(job.pk)[0] == Job.Status.READY and job_state(job.pk), 60)
    assert state, job_state(job.pk)
    assert imported(world) == ROWS


@pytest.mark.worker
@pytest.mark.xdist_group("celery-worker")
def test_an_upload_while_the_broker_is_down_fails_with_the_reason_and_its_file_goes_when_abandoned(
    world, transactional_db, tmp_path, django_capture_on_commit_callbacks
):
    client = world.client_for(world.users[Role.CURATOR])
    with private_broker(tmp_path) as broker:
        broker["stop"]()
        started = time.monotonic()
        response = client.post(
            reverse("mentee_import", kwargs={"org": world.school.slug}),
            {"file": SimpleUploadedFile("класс 9А.xlsx", import_file())},
            follow=True,
        )
        assert time.monotonic() - started < 10
        assert response.status_code == 200
        page = response.content.decode()
        assert "Очередь заданий сейчас недоступна" in page and "Запустить ещё раз" in page
        with scopes_disabled():
            job = Job.objects.order_by("-pk").first()
        assert (job.status, job.error) == (Job.Status.FAILED, QUEUE_DOWN)
        stored = Path(job.input_file.path)
        assert stored.exists()  # kept for «Запустить ещё раз»

        broker["start"]()
        assert (
            client.post(reverse("import_job_retry", kwargs={"org": world.school.slug, "pk": job.pk})).status_code == 302
        )
        assert job_state(job.pk)[0] == Job.Status.PENDING and broker["queued"]() == 1

    # Nobody ran it: abandoned past the limit, the pupils' file is deleted.
    stale = timezone.now() - timedelta(hours=settings.IMPORT_PREVIEW_TTL_HOURS + 1)
    with scopes_disabled():
        Job.objects.filter(pk=job.pk).update(status=Job.Status.FAILED, updated_at=stale)
    with django_capture_on_commit_callbacks(execute=True):
        expire_import_previews.apply()
    assert not stored.exists()
    with scopes_disabled():
        assert not Job.objects.get(pk=job.pk).input_file


def test_a_rolled_back_upload_leaves_no_file(world, django_capture_on_commit_callbacks):
    folder = Path(settings.MEDIA_ROOT) / "jobs"
    before = set(folder.rglob("*")) if folder.exists() else set()
    with (
        tenant_scope(world.school),
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        imports.start_import(
            base="mentees",
            upload_name="класс.xlsx",
            data=import_file(),
            fmt="xlsx",
            user=world.users[Role.CURATOR],
            tenant=world.school,
        )
        raise RuntimeError("the request failed after the upload")
    after = set(folder.rglob("*")) if folder.exists() else set()
    assert after == before
    with tenant_scope(world.school):
        assert not Job.objects.filter(kind="import_mentees", params__filename="класс.xlsx").exists()


def test_uploaded_files_are_stored_under_their_schools_folder(world, django_capture_on_commit_callbacks):
    for school, users in ((world.school, world.users), (world.other_school, world.other_users)):
        with tenant_scope(school), django_capture_on_commit_callbacks(execute=True):
            job = imports.start_import(
                base="mentees",
                upload_name="класс.xlsx",
                data=import_file(),
                fmt="xlsx",
                user=users[Role.CURATOR],
                tenant=school,
            )
        job.refresh_from_db()
        assert job.input_file.name.startswith(f"jobs/o-{school.pk}/import_mentees/")
        assert "класс" not in job.input_file.name  # the user's file name stays out of the path
