"""Reports under a real Celery worker and a real Redis: a worker process killed in the middle of a report, and a
broker that is down when a report is asked for."""

import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import psycopg
import pytest
import redis
from django.db import connection
from django.urls import reverse
from django_scopes import scopes_disabled
from kombu import pools as kombu_pools

from config.celery import app as celery_app
from mentoring.models import Job
from mentoring.roles import Role
from mentoring.services.files import QUEUE_DOWN
from tests.test_worker import database_url

ROOT = Path(__file__).resolve().parent.parent.parent

pytestmark = [pytest.mark.worker, pytest.mark.xdist_group("celery-worker")]


def wait_until(check, timeout=60, step=0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if value := check():
            return value
        time.sleep(step)
    return None


@pytest.fixture
def prefork_worker(transactional_db):
    """``celery worker`` with one pool process, as in production: the pool process renders, the main process
    watches it. Yields the main process."""
    assert os.environ.get("REDIS_URL"), "worker tests need a real Redis"
    assert connection.vendor == "postgresql"
    hostname = f"report-{os.getpid()}-{uuid.uuid4().hex[:6]}@%h"
    queue = f"test-{uuid.uuid4().hex}"
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=prefork", "--concurrency=1",
         "--loglevel=WARNING", "-n", hostname, "-Q", queue],
        cwd=ROOT, env={**os.environ, "DATABASE_URL": database_url()}, stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    destination = [hostname.replace("%h", os.uname().nodename)]
    assert wait_until(lambda: celery_app.control.ping(timeout=0.5, destination=destination), 30), "no worker"
    default_queue = celery_app.conf.task_default_queue
    celery_app.conf.task_always_eager = False
    celery_app.conf.task_default_queue = queue
    yield process
    celery_app.conf.task_default_queue = default_queue
    process.terminate()
    process.wait(timeout=30)


def pool_children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in path.read_text().split()] if path.exists() else []


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


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_redis(port: int, folder: Path) -> subprocess.Popen:
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(folder)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    assert wait_until(lambda: _answers(port), 10), "redis-server did not start"
    return process


def _answers(port):
    try:
        return redis.Redis(port=port, socket_timeout=0.5).ping()
    except redis.ConnectionError:
        return False


def point_celery_at(url: str) -> None:
    celery_app.conf.broker_url = url
    kombu_pools.reset()  # connections and producers are pooled per broker: start afresh
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.fixture
def private_broker(transactional_db, tmp_path):
    """A redis-server of this test's own, on a free port, that the test may stop and start again."""
    port = free_port()
    server = {"process": start_redis(port, tmp_path)}
    previous = celery_app.conf.broker_url
    queue = f"test-{uuid.uuid4().hex}"
    default_queue = celery_app.conf.task_default_queue
    celery_app.conf.task_always_eager = False
    celery_app.conf.task_default_queue = queue
    point_celery_at(f"redis://127.0.0.1:{port}/0")

    def stop():
        server["process"].terminate()
        server["process"].wait(timeout=10)

    def start():
        server["process"] = start_redis(port, tmp_path)

    yield {"port": port, "queue": queue, "stop": stop, "start": start}
    server["process"].terminate()
    server["process"].wait(timeout=10)
    celery_app.conf.task_default_queue = default_queue
    point_celery_at(previous)


def queued(broker) -> int:
    return redis.Redis(port=broker["port"]).llen(broker["queue"])


def test_broker_down_fails_fast_with_a_clear_message_and_works_when_it_is_back(world, private_broker):
    client = world.client_for(world.users[Role.CURATOR])
    url = reverse("report_statistics", kwargs={"org": world.school.slug})
    period = {"date_from": "2026-09-01", "date_to": "2027-05-31", "fmt": "pdf"}
    private_broker["stop"]()
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

    private_broker["start"]()
    point_celery_at(f"redis://127.0.0.1:{private_broker['port']}/0")
    retry = client.post(reverse("file_job_retry", kwargs={"org": world.school.slug, "pk": job.pk}))
    assert retry.status_code == 302
    assert job_state(job.pk)[0] == Job.Status.PENDING
    again = client.post(url, period)
    assert again.status_code == 302
    assert queued(private_broker) == 2  # the job run again and the new one wait for a worker
