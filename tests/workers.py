"""Real Celery workers and a private Redis for the tests that need them: one way to start each."""

import os
import socket
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import redis
from django.conf import settings
from django.db import connection
from kombu import pools as kombu_pools

from config.celery import app as celery_app

ROOT = Path(__file__).resolve().parent.parent


def wait_until(check, timeout=60, step=0.2):
    """The first truthy value of ``check()`` within ``timeout`` seconds, or None."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if value := check():
            return value
        time.sleep(step)
    return None


def database_url():
    settings = connection.settings_dict
    return (
        f"postgres://{settings['USER']}@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}/{settings['NAME']}"
    )


@contextmanager
def celery_worker(*, pool: str, env: dict | None = None):
    """``celery worker`` on the test database and media folder and a queue of its own (other runs sharing
    this Redis cannot take its tasks), with ``pool`` "solo" or "prefork" (one pool process, as in
    production). Yields the worker's main process; tasks sent meanwhile go to its queue."""
    assert os.environ.get("REDIS_URL"), "worker tests need a real Redis: run them with `make test`"
    assert connection.vendor == "postgresql", "the worker shares the test database, which needs PostgreSQL"
    hostname = f"test-{os.getpid()}-{uuid.uuid4().hex[:6]}@%h"
    queue = f"test-{uuid.uuid4().hex}"
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "config", "worker", f"--pool={pool}", "--concurrency=1",
         "--loglevel=WARNING", "-n", hostname, "-Q", queue],
        cwd=ROOT, env={**os.environ, "DATABASE_URL": database_url(), "MEDIA_ROOT": str(settings.MEDIA_ROOT),
                       "CELERY_TASK_DEFAULT_QUEUE": queue, **(env or {})},
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    destination = [hostname.replace("%h", os.uname().nodename)]
    answered = wait_until(
        lambda: process.poll() is not None or celery_app.control.ping(timeout=0.5, destination=destination), 30
    )
    assert answered and process.poll() is None, f"the worker did not start: {process.stderr.read().decode()}"
    default_queue, eager = celery_app.conf.task_default_queue, celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = False
    celery_app.conf.task_default_queue = queue
    try:
        yield process
    finally:
        celery_app.conf.task_default_queue = default_queue
        celery_app.conf.task_always_eager = eager
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=30)


def pool_children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in path.read_text().split()] if path.exists() else []


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _answers(port):
    try:
        return redis.Redis(port=port, socket_timeout=0.5).ping()
    except redis.ConnectionError:
        return False


def start_redis(port: int, folder: Path) -> subprocess.Popen:
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(folder)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    assert wait_until(lambda: _answers(port), 10), "redis-server did not start"
    return process


def point_celery_at(url: str) -> None:
    celery_app.conf.broker_url = url
    kombu_pools.reset()  # connections and producers are pooled per broker: start afresh
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@contextmanager
def private_broker(folder: Path):
    """A redis-server of the test's own, on a free port, that the test may stop and start again."""
    port = free_port()
    server = {"process": start_redis(port, folder)}
    previous = celery_app.conf.broker_url
    queue = f"test-{uuid.uuid4().hex}"
    default_queue, eager = celery_app.conf.task_default_queue, celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = False
    celery_app.conf.task_default_queue = queue
    point_celery_at(f"redis://127.0.0.1:{port}/0")

    def stop():
        server["process"].terminate()
        server["process"].wait(timeout=10)

    def start():
        server["process"] = start_redis(port, folder)
        point_celery_at(f"redis://127.0.0.1:{port}/0")

    def queued() -> int:
        return redis.Redis(port=port).llen(queue)

    try:
        yield {"port": port, "queue": queue, "stop": stop, "start": start, "queued": queued}
    finally:
        server["process"].terminate()
        server["process"].wait(timeout=10)
        celery_app.conf.task_default_queue = default_queue
        celery_app.conf.task_always_eager = eager
        point_celery_at(previous)
