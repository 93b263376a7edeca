"""Nothing personal in the logs: gunicorn's access log and Django's log keep paths without query strings, with
the questionnaire and password-reset tokens masked."""

import logging
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from core.server_log import PathsWithoutSecrets, safe_path

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "AbC123-live_token.signed"


def test_safe_path_drops_queries_and_masks_tokens():
    assert safe_path("/o/s/mentees/?q=Покровский+Глеб&support=ovz") == "/o/s/mentees/"
    assert safe_path(f"/q/{TOKEN}/") == "/q/***/"
    assert safe_path(f"https://portal.test/q/{TOKEN}/?x=1") == "https://portal.test/q/***/"
    assert safe_path("/password/reset/MQ/set-password-abc/") == "/password/reset/***/***/"
    line = f'"GET /o/s/mentees/export.csv?support=disability HTTP/1.1" 200 "GET /q/{TOKEN}/ HTTP/1.1"'
    assert safe_path(line) == '"GET /o/s/mentees/export.csv HTTP/1.1" 200 "GET /q/***/ HTTP/1.1"'


def test_djangos_log_records_are_masked():
    record = logging.LogRecord("django.request", logging.WARNING, __file__, 1, "Not Found: %s", (f"/q/{TOKEN}/",), None)
    PathsWithoutSecrets().filter(record)
    assert record.getMessage() == "Not Found: /q/***/"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_gunicorn_logs_paths_without_queries_and_tokens(tmp_path):
    """The production gunicorn settings, a real server: the access log holds no name, category or token."""
    port = free_port()
    log = tmp_path / "access.log"
    env = {**os.environ, "WEB_CONCURRENCY": "1", "PORTAL_ENV": "demo", "DATABASE_URL": "sqlite:///:memory:"}
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--config", "deploy/gunicorn.conf.py", "--bind", f"127.0.0.1:{port}",
         "--access-logfile", str(log), "config.wsgi:application"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        urls = [
            "/o/school-a/mentees/?q=%D0%9F%D0%BE%D0%BA%D1%80%D0%BE%D0%B2%D1%81%D0%BA%D0%B8%D0%B9&support=ovz",
            f"/q/{TOKEN}/",
            "/password/reset/MQ/set-password-abc/",
        ]
        deadline = time.monotonic() + 60
        for url in urls:
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}{url}", headers={"Referer": f"http://127.0.0.1/q/{TOKEN}/?support=ovz"}
            )
            while True:
                try:
                    urllib.request.urlopen(request, timeout=60)  # noqa: S310 - a local test server
                    break
                except urllib.error.HTTPError:
                    break
                except (urllib.error.URLError, ConnectionError):
                    assert time.monotonic() < deadline, "gunicorn did not start"
                    time.sleep(0.3)
        deadline = time.monotonic() + 10
        while log.read_text().count("\n") < len(urls) and time.monotonic() < deadline:
            time.sleep(0.2)
    finally:
        server.terminate()
        server.wait(timeout=30)
    text = log.read_text()
    assert "GET /o/school-a/mentees/ HTTP/1.1" in text
    assert "GET /q/***/ HTTP/1.1" in text and "GET /password/reset/***/***/ HTTP/1.1" in text
    for secret in (TOKEN, "support", "ovz", "%D0%9F", "set-password-abc", "?"):
        assert secret not in text, secret
