"""Throughput under load: wrk against gunicorn with the production settings (2 sync workers) over the page mix of
``benchmarks.pages`` on the generated dataset (``make dataset`` first), beside, in the same run and under the same
gunicorn, the tenant floor (the base template through the whole middleware) and a bare Django view. Prints
requests/s, p50 and p99 of each and the ratios.

Needs Debian's ``wrk`` (``scripts/system-packages.sh bench``). ``LOAD_SECONDS`` (20), ``LOAD_CONNECTIONS`` (20)
and ``WEB_CONCURRENCY`` (2) tune the run.
"""

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from benchmarks.harness import setup_django

ROOT = Path(__file__).resolve().parent.parent
SCHOOLS = 10
SECONDS = int(os.environ.get("LOAD_SECONDS", "20"))
CONNECTIONS = int(os.environ.get("LOAD_CONNECTIONS", "20"))
WORKERS = int(os.environ.get("WEB_CONCURRENCY", "2"))
SECRET_KEY = secrets.token_urlsafe(50)  # gunicorn and this process sign the same sessions

# wrk's script: every connection walks the list of (path, cookie) from its own offset; ``done`` prints the
# figures as one JSON line.
WRK_SCRIPT = """
local targets = {%(targets)s}
local counter = 0
function setup(thread)
  thread:set("offset", counter * 7)
  counter = counter + 1
end
function init(args)
  position = offset
end
function request()
  position = position %% #targets + 1
  local target = targets[position]
  return wrk.format("GET", target[1], {["Cookie"] = target[2], ["X-Forwarded-Proto"] = "https"})
end
function done(summary, latency, requests)
  io.write(string.format(
    '{"requests": %%d, "seconds": %%f, "p50": %%f, "p99": %%f, "errors": %%d}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
"""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_environment(port):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
        "PORTAL_ENV": "production",
        "SECRET_KEY": SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1",
        "EMAIL_URL": "consolemail://",
        "PORTAL_BASE_URL": f"http://127.0.0.1:{port}",
        "WEB_CONCURRENCY": str(WORKERS),
        "GUNICORN_MAX_REQUESTS": "0",
    }


def sessions():
    """A logged-in session key for the curator and the municipal specialist of each case, and the page mix."""
    from django.test import Client

    from benchmarks.pages import FLOOR, landing, pages, school_cases

    clients = {}

    def client_of(user):
        if user.pk not in clients:
            clients[user.pk] = Client()
            clients[user.pk].force_login(user)
        return clients[user.pk]

    mix, floor = [], []
    for school, curator, pair, specialist in school_cases(SCHOOLS):
        for name, (who, url_of) in pages().items():
            user = curator if who == "curator" else specialist
            if user is None:
                continue
            client = client_of(user)
            target = (landing(client, url_of(school, pair)), client.session.session_key)
            (floor if name == FLOOR else mix).append(target)
    return mix, floor


def start_gunicorn(port):
    environment = server_environment(port)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=environment, check=True
    )
    server = subprocess.Popen(
        [
            *(sys.executable, "-m", "gunicorn", "--config", "deploy/gunicorn.conf.py"),
            *("--bind", f"127.0.0.1:{port}", "config.wsgi:application"),
        ],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(120):  # a busy machine takes a while to boot the workers
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5)
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn не ответил за 2 минуты.")


def check(port, targets, cookie_name):
    """Every target answers 200 to its session (no redirect to the login page hiding in the figures)."""
    for path, key in dict(targets).items():
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}{path}",
            headers={"Cookie": f"{cookie_name}={key}", "X-Forwarded-Proto": "https"},
        )
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - our own server
            assert response.status == 200 and response.url.endswith(path), (path, response.url)


def run_wrk(port, targets, cookie_name):
    entries = ", ".join(f'{{"{path}", "{cookie_name}={key}"}}' for path, key in targets)
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        script.write(WRK_SCRIPT % {"targets": entries})
        script.flush()
        output = subprocess.run(
            [
                *("wrk", "--threads", "2", "--connections", str(CONNECTIONS), "--duration", f"{SECONDS}s"),
                *("--timeout", "30s", "--script", script.name, f"http://127.0.0.1:{port}"),
            ],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    figures = json.loads(output.strip().splitlines()[-1])
    figures["rps"] = figures["requests"] / figures["seconds"]
    return figures


def main():
    if shutil.which("wrk") is None:
        raise SystemExit("Нужен wrk: sudo apt-get install wrk (scripts/system-packages.sh bench).")
    os.environ["SECRET_KEY"] = SECRET_KEY
    setup_django()
    from django.test.utils import override_settings

    with override_settings(ROOT_URLCONF="benchmarks.urls"):  # the floor's page lands too
        mix, floor = sessions()
    bare = [("/bench-bare/", "")]
    port = free_port()
    cookie_name = "__Host-sessionid"  # the production session cookie
    server = start_gunicorn(port)
    try:
        check(port, mix + floor + bare, cookie_name)
        results = {
            f"смесь страниц ({len(dict(mix))} адресов)": run_wrk(port, mix, cookie_name),
            "пол: базовый шаблон школы": run_wrk(port, floor, cookie_name),
            "голое представление Django": run_wrk(port, bare, cookie_name),
        }
    finally:
        server.terminate()
        server.wait()
    print(
        f"\n## Нагрузка: wrk, {CONNECTIONS} соединений, {SECONDS} с на замер; gunicorn, {WORKERS} sync-воркера, "
        "настройки production"
    )
    width = max(len(name) for name in results)
    mix_figures = next(iter(results.values()))
    for name, figures in results.items():
        ratio = figures["rps"] / mix_figures["rps"]
        print(
            f"  {name:<{width}}  {figures['rps']:7.1f} запросов/с  p50 {figures['p50']:7.1f} мс  "
            f"p99 {figures['p99']:7.1f} мс  ошибок {figures['errors']}  ({ratio:.1f}× смеси по запросам/с)"
        )
    print(
        f"requests/s of the mix: {mix_figures['rps']:.1f} (floor {results['пол: базовый шаблон школы']['rps']:.1f}, "
        f"bare {results['голое представление Django']['rps']:.1f})"
    )


if __name__ == "__main__":
    main()
