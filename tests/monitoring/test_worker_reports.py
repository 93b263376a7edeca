"""Reports under a real Celery worker and a real Redis: a worker process killed in the middle of a report, and a
broker that is down when a report is asked for."""

import os
import signal
import time

import psycopg
import pytest
from django.db import connection
from django.urls import reverse
from django_scopes import scopes_disabled

from core.models import Job
from core.queue import QUEUE_DOWN
from core.roles import Role
from tests.workers import celery_worker, pool_children, private_broker, wait_until

pytestmark = [pytest.mark.worker, pytest.mark.xdist_group("celery-worker")]


@pytest.fixture
def prefork_worker(transactional_db):
    with celery_worker(pool="prefork") as process:
        yield process


def job_state(pk):
    with scopes_disabled():
        return Job.objects.filter(pk=pk).values_list("status", "progress", "error").first()


def test_a_worker_killed_in_the_middle_of_the_summary_renders_it_again(world, prefork_worker):
    settings = connection.settings_dict
    # The summary reads the contingent after it has marked the job running: holding that table makes the
    # report stop half-way, exactly where a worker would be killed.
    blocker = psycopg.connect(
        dbname=settings["NAME"], user=settings["USER"], host=settings["HOST"] or "127.0.0.1",
        port=settings["PORT"] or 5432,
    )  # fmt: skip
    try:
        blocker.execute("LOCK TABLE monitoring_contingent IN ACCESS EXCLUSIVE MODE")
        client = world.client_for(world.users[Role.MUNICIPAL_SPECIALIST])
        response = client.post(reverse("m_summary", kwargs={"muni": world.municipality.slug}), {"fmt": "pdf"})
        assert response.status_code == 302
        with scopes_disabled():
            job = Job.objects.get(kind="municipal_summary")
        assert wait_until(lambda: job_state(job.pk)[0] == Job.Status.RUNNING), job_state(job.pk)
        children = wait_until(lambda: pool_children(prefork_worker.pid))
        assert children, "the worker has no pool process"
        for child in children:
            os.kill(child, signal.SIGKILL)
        # The main process sees its pool process lost; the task (acks late, rejected on a lost worker) is
        # delivered again to the new pool process, which finds the job "running" and renders it from the start.
        time.sleep(2)
        assert job_state(job.pk)[0] in (Job.Status.RUNNING, Job.Status.PENDING)
    finally:
        blocker.rollback()
        blocker.close()
    state = wait_until(lambda: job_state(job.pk)[0] in (Job.Status.READY, Job.Status.FAILED) and job_state(job.pk))
    assert state, f"the job stayed {job_state(job.pk)}"
    assert state[0] == Job.Status.READY, state
    page = client.get(job.get_absolute_url()).content.decode()
    assert "Файл готов" in page


@pytest.fixture
def broker(transactional_db, tmp_path):
    with private_broker(tmp_path) as server:
        yield server


def test_broker_down_fails_fast_with_a_clear_message_and_works_when_it_is_back(world, broker):
    client = world.client_for(world.users[Role.CURATOR])
    url = reverse("report_statistics", kwargs={"org": world.school.slug})
    period = {"date_from": "2026-09-01", "date_to": "2027-05-31", "fmt": "pdf"}
    broker["stop"]()
    started = time.monotonic()
    response = client.post(url, period, follow=True)
    elapsed = time.monotonic() - started
    assert elapsed < 10, f"the request hung for {elapsed:.1f} s"
    assert response.status_code == 200
    page = response.content.decode()
    assert "Очередь заданий сейчас недоступна" in page
    with scopes_disabled():
        job = Job.objects.get(kind="participant_statistics")
    assert job.status == Job.Status.FAILED and job.error == QUEUE_DOWN
    assert "Запустить ещё раз" in page

    broker["start"]()
    retry = client.post(reverse("file_job_retry", kwargs={"org": world.school.slug, "pk": job.pk}))
    assert retry.status_code == 302
    assert job_state(job.pk)[0] == Job.Status.PENDING
    again = client.post(url, period)
    assert again.status_code == 302
    assert broker["queued"]() == 2  # the job run again and the new one wait for a worker
