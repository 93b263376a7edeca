"""/healthz reports the database, the broker and the workers, without a login."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

HEALTH_IN_SUBPROCESS = """
import django, json
django.setup()
from django.test import Client
response = Client().get("/healthz")
print(json.dumps({"status": response.status_code, "body": json.loads(response.content)}))
"""


def test_healthz_answers_without_login(db, client, settings):
    response = client.get("/healthz")
    assert response.status_code == 200
    state = response.json()
    assert state["database"] == "ok"
    assert state["broker"] == ("ok" if settings.REDIS_URL else "in-process")
    assert "worker" in state
    assert "no-cache" in response["Cache-Control"]


def run_health_check(**env):
    result = subprocess.run(
        [sys.executable, "-c", HEALTH_IN_SUBPROCESS],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_healthz_is_503_when_the_database_is_down():
    """A real unreachable PostgreSQL (nothing listens on port 1), not a mock."""
    outcome = run_health_check(DATABASE_URL="postgres://postgres@127.0.0.1:1/nowhere", DB_CONNECT_TIMEOUT="2")
    assert outcome["status"] == 503
    assert outcome["body"]["database"] == "down"


def test_healthz_reports_a_broker_that_is_down_but_stays_up():
    outcome = run_health_check(
        REDIS_URL="redis://127.0.0.1:1/0", DATABASE_URL="postgres://postgres@127.0.0.1:5432/postgres"
    )
    assert outcome == {"status": 200, "body": {"database": "ok", "broker": "down", "worker": "unknown"}}
