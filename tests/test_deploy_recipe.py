"""Static checks of the production recipe: docker-compose.yml, the Dockerfile and the gunicorn settings.

No Docker engine is needed: the files are parsed and their promises checked (one image for every
application service, health checks, start-up order, volumes, secrets required, non-root image).
These tests use neither the database nor the broker.
"""

import re
from pathlib import Path
from types import ModuleType

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKERS = ("worker", "worker-documents", "worker-reports", "worker-imports")
APP_SERVICES = ("web", *WORKERS, "beat", "migrate")
ALL_SERVICES = (*APP_SERVICES, "postgres", "pgbouncer", "redis")


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def services(compose):
    return compose["services"]


@pytest.fixture(scope="module")
def dockerfile():
    """The Dockerfile's instructions, with comments dropped and continuation lines joined."""
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("#")]
    return re.sub(r"\\\n\s*", " ", "\n".join(lines))


def instructions(dockerfile: str, keyword: str) -> list[str]:
    return [line.strip() for line in dockerfile.splitlines() if line.strip().upper().startswith(keyword + " ")]


def environment(service: dict) -> dict:
    env = service.get("environment", {})
    if isinstance(env, list):
        env = dict(item.split("=", 1) for item in env)
    return env


def healthcheck_text(service: dict) -> str:
    test = service["healthcheck"]["test"]
    return " ".join(test) if isinstance(test, list) else test


def volume_sources(service: dict) -> set[str]:
    sources = set()
    for volume in service.get("volumes", []):
        sources.add(volume["source"] if isinstance(volume, dict) else volume.split(":", 1)[0])
    return sources


# --- docker-compose.yml ---------------------------------------------------------------------------------------


def test_compose_uses_the_compose_spec_without_version(compose):
    assert "version" not in compose


def test_compose_has_every_service(services):
    assert set(ALL_SERVICES) <= set(services)


def test_application_services_share_one_image(services):
    builds = [services[name].get("build") for name in APP_SERVICES]
    images = [services[name].get("image") for name in APP_SERVICES]
    assert builds[0] is not None, "the application image is built from the Dockerfile"
    assert all(build == builds[0] for build in builds)
    assert all(image == images[0] for image in images)
    build = builds[0]
    context = build if isinstance(build, str) else build.get("context", ".")
    dockerfile = "Dockerfile" if isinstance(build, str) else build.get("dockerfile", "Dockerfile")
    assert (ROOT / context / dockerfile).is_file()


@pytest.mark.parametrize("name", ["postgres", "redis", "web", "worker"])
def test_long_running_services_have_healthchecks(services, name):
    healthcheck = services[name].get("healthcheck")
    assert healthcheck and not healthcheck.get("disable"), f"{name} needs a health check"
    assert healthcheck.get("test")


def test_healthchecks_ask_the_right_question(services):
    assert "pg_isready" in healthcheck_text(services["postgres"])
    assert "redis-cli ping" in healthcheck_text(services["redis"])
    assert "/healthz" in healthcheck_text(services["web"])
    worker_check = healthcheck_text(services["worker"])
    assert "inspect ping" in worker_check
    # A literal $ in compose is written $$; a single $ would be interpolated by compose (to nothing).
    assert "$$HOSTNAME" in worker_check


@pytest.mark.parametrize("name", ["migrate", "beat"])
def test_services_without_a_port_do_not_inherit_the_web_healthcheck(services, name):
    """The image's HEALTHCHECK asks gunicorn on port 8000: migrate and beat have none, so they switch it off."""
    assert services[name].get("healthcheck", {}).get("disable") is True


def test_startup_order(services):
    web_depends = services["web"]["depends_on"]
    assert web_depends["migrate"]["condition"] == "service_completed_successfully"
    assert web_depends["redis"]["condition"] == "service_healthy"
    assert services["worker"]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert services["worker"]["depends_on"]["redis"]["condition"] == "service_healthy"
    assert services["migrate"]["depends_on"]["postgres"]["condition"] == "service_healthy"


def test_migrate_is_one_shot(services):
    command = services["migrate"]["command"]
    command = " ".join(command) if isinstance(command, list) else command
    assert "manage.py migrate --noinput" in command
    # "no" must be quoted in YAML, else it reads as false and compose rejects it.
    assert services["migrate"]["restart"] == "no"


@pytest.mark.parametrize("name", ["web", "worker", "beat", "postgres", "redis"])
def test_long_running_services_restart(services, name):
    assert services[name].get("restart") in {"always", "unless-stopped", "on-failure"}


def test_named_volumes_hold_the_data(compose, services):
    volumes = compose["volumes"]
    postgres_volumes = volume_sources(services["postgres"]) & set(volumes)
    assert postgres_volumes, "postgres keeps its data in a named volume"
    assert any(volume.endswith(":/var/lib/postgresql/data") for volume in services["postgres"]["volumes"]), (
        "postgres' named volume is mounted at its data directory"
    )
    assert "media" in volumes
    assert "media" in volume_sources(services["web"])
    assert "media" in volume_sources(services["worker"])


def test_media_root_is_the_shared_volume(services):
    for name in ("web", "worker"):
        media_root = environment(services[name])["MEDIA_ROOT"]
        assert f"media:{media_root}" in services[name]["volumes"]


def test_production_environment(services):
    for name in APP_SERVICES:
        env = environment(services[name])
        assert env["PORTAL_ENV"] == "production"
        assert re.fullmatch(r"\$\{SECRET_KEY:\?[^}]+\}", env["SECRET_KEY"]), "compose must refuse to start without it"
        assert env["ALLOWED_HOSTS"].startswith("${ALLOWED_HOSTS:?")
        assert env["DATABASE_URL"].startswith("postgres://")
        assert "@pgbouncer:5432/" in env["DATABASE_URL"] or "@postgres:5432/" in env["DATABASE_URL"]
        assert env["REDIS_URL"] == "redis://redis:6379/0"
        assert "TRUSTED_PROXY_COUNT" in env
        assert "DEBUG" not in env


def test_worker_command(services):
    command = services["worker"]["command"]
    command = " ".join(command) if isinstance(command, list) else command
    assert command.startswith("celery -A config worker")
    assert "--max-tasks-per-child" in command


def test_beat_keeps_its_schedule_in_a_writable_place(compose, services):
    command = services["beat"]["command"]
    command = " ".join(command) if isinstance(command, list) else command
    match = re.search(r"--schedule[= ](\S+)", command)
    assert match, "beat is told where its schedule file lives"
    schedule_dir = match.group(1).rsplit("/", 1)[0]
    mounted = {
        volume.split(":")[1]: volume.split(":")[0] for volume in services["beat"].get("volumes", []) if ":" in volume
    }
    assert mounted.get(schedule_dir) in compose["volumes"], "the schedule survives a restart of beat"


def test_web_publishes_port_8000(services):
    assert any(str(port).endswith(":8000") for port in services["web"]["ports"])


# --- Dockerfile ---------------------------------------------------------------------------------------------


def test_dockerfile_is_multi_stage(dockerfile):
    stages = instructions(dockerfile, "FROM")
    assert any("node:20-bookworm-slim" in stage for stage in stages)
    assert any("python:3.11-slim-bookworm" in stage for stage in stages)
    assert "npm ci" in dockerfile
    assert re.search(r"COPY --from=\S+ \S*node_modules", dockerfile)


def test_dockerfile_installs_weasyprint_libraries_and_fonts(dockerfile):
    for package in ("libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz-subset0", "fonts-liberation2"):
        assert package in dockerfile


def test_dockerfile_installs_runtime_requirements_only(dockerfile):
    assert "requirements/lock.txt" in dockerfile
    assert "requirements/dev.txt" not in dockerfile


def locked_packages() -> dict[str, tuple[str, list[str]]]:
    """requirements/lock.txt as {name: (version, hashes)}."""
    text = (ROOT / "requirements" / "lock.txt").read_text(encoding="utf-8")
    packages = {}
    for entry in re.split(r"\n(?=[A-Za-z0-9])", "\n" + text):
        match = re.match(r"([A-Za-z0-9_.-]+)==(\S+)", entry)
        if match:
            packages[canonical(match[1])] = (match[2], re.findall(r"--hash=sha256:([0-9a-f]{64})", entry))
    return packages


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_production_installs_from_the_hashed_lock_file(dockerfile):
    """Every runtime requirement is pinned in the lock file with its hashes, and pip refuses anything else."""
    [install] = [line for line in instructions(dockerfile, "RUN") if "pip install" in line]
    assert "--require-hashes" in install and "-r requirements/lock.txt" in install
    assert "requirements/base.txt" not in install.split("pip install", 1)[1]
    locked = locked_packages()
    assert locked and all(hashes for _, hashes in locked.values()), "a package of the lock file has no hash"
    for line in (ROOT / "requirements" / "base.txt").read_text(encoding="utf-8").splitlines():
        requirement = re.match(r"([A-Za-z0-9_.-]+)(?:\[[^]]*\])?\s*(?:==\s*(\S+))?", line.strip())
        if not requirement or line.strip().startswith("#"):
            continue
        name, pinned = canonical(requirement[1]), requirement[2]
        assert name in locked, f"{name} is in base.txt but not in the lock file: run make lock"
        if pinned:
            assert locked[name][0] == pinned, f"{name}: base.txt says {pinned}, the lock file {locked[name][0]}"


def test_dockerfile_collects_static_files_with_production_settings(dockerfile):
    step = next(line for line in instructions(dockerfile, "RUN") if "collectstatic" in line)
    assert "--noinput" in step
    assert "PORTAL_ENV=production" in step
    assert "ALLOWED_HOSTS=" in step
    secret = re.search(r"SECRET_KEY=(\S+)", step)
    assert secret and len(secret.group(1)) >= 50, "production settings refuse a SECRET_KEY under 50 characters"
    # The throwaway key must not stay in the image's environment.
    assert not any("SECRET_KEY" in line for line in instructions(dockerfile, "ENV") + instructions(dockerfile, "ARG"))


def test_dockerfile_runs_as_a_non_root_user(dockerfile):
    users = instructions(dockerfile, "USER")
    assert users, "the image sets a USER"
    last_user = users[-1].split()[1].split(":")[0]
    assert last_user not in {"root", "0"}


def test_dockerfile_healthcheck_and_command(dockerfile):
    healthchecks = instructions(dockerfile, "HEALTHCHECK")
    assert len(healthchecks) == 1 and "/healthz" in healthchecks[0]
    assert "curl" not in healthchecks[0] and "wget" not in healthchecks[0]
    assert "EXPOSE 8000" in instructions(dockerfile, "EXPOSE")
    (command,) = instructions(dockerfile, "CMD")
    assert "gunicorn" in command and "deploy/gunicorn.conf.py" in command and "config.wsgi:application" in command


def test_dockerfile_pipes_no_download_into_a_shell(dockerfile):
    assert not re.search(r"\b(curl|wget)\b[^\n]*\|\s*(ba|z)?sh\b", dockerfile)


# --- .dockerignore --------------------------------------------------------------------------------------------


def test_dockerignore_keeps_secrets_and_local_state_out():
    patterns = {
        line.strip().rstrip("/")
        for line in (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    for pattern in (".env", ".venv", "node_modules", ".git", "db.sqlite3", "media", "staticfiles"):
        assert pattern in patterns


# --- deploy/gunicorn.conf.py -----------------------------------------------------------------------------------


def load_gunicorn_config(monkeypatch, **env) -> dict:
    for name in ("WEB_CONCURRENCY", "GUNICORN_TIMEOUT", "GUNICORN_MAX_REQUESTS", "FORWARDED_ALLOW_IPS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    path = ROOT / "deploy" / "gunicorn.conf.py"
    namespace = {"__file__": str(path), "__name__": "__config__"}
    exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), namespace)  # noqa: S102 - our own file
    return namespace


def test_gunicorn_config_defaults(monkeypatch):
    config = load_gunicorn_config(monkeypatch)
    assert config["bind"] == "0.0.0.0:8000"
    assert config["worker_class"] == "sync"
    assert 3 <= config["workers"] <= config["MAX_DEFAULT_WORKERS"]
    assert config["timeout"] > 0 and config["graceful_timeout"] > 0
    assert config["max_requests"] > 0 and 0 < config["max_requests_jitter"] < config["max_requests"]
    assert config["accesslog"] == "-"
    assert config["forwarded_allow_ips"] == "127.0.0.1,::1"


def test_gunicorn_config_reads_the_environment(monkeypatch):
    config = load_gunicorn_config(
        monkeypatch, WEB_CONCURRENCY="3", FORWARDED_ALLOW_IPS="10.0.0.1", GUNICORN_TIMEOUT="90"
    )
    assert config["workers"] == 3
    assert config["forwarded_allow_ips"] == "10.0.0.1"
    assert config["timeout"] == 90


def test_gunicorn_config_refuses_a_bad_value(monkeypatch):
    with pytest.raises(RuntimeError, match="WEB_CONCURRENCY"):
        load_gunicorn_config(monkeypatch, WEB_CONCURRENCY="many")


def test_gunicorn_accepts_the_config(monkeypatch):
    """Every setting in the file is one gunicorn knows (it ignores unknown names silently) and it validates them."""
    from gunicorn.config import Config

    config = load_gunicorn_config(monkeypatch)
    gunicorn_config = Config()
    settings = {
        name: value
        for name, value in config.items()
        if name.islower() and not name.startswith("_") and not callable(value) and not isinstance(value, ModuleType)
    }
    unknown = set(settings) - set(gunicorn_config.settings)
    assert not unknown, f"not gunicorn settings: {sorted(unknown)}"
    for name, value in settings.items():
        gunicorn_config.set(name, value)
    assert gunicorn_config.address == [("0.0.0.0", 8000)]  # noqa: S104 - the container's port
    assert gunicorn_config.worker_class_str == "sync"


# PgBouncer and the worker pools per queue.


def test_pgbouncer_pools_transactions_in_front_of_postgres(services):
    pgbouncer = services["pgbouncer"]
    env = environment(pgbouncer)
    assert env["POOL_MODE"] == "transaction"
    assert env["DB_HOST"] == "postgres"
    assert env["DB_PASSWORD"].startswith("${POSTGRES_PASSWORD:?")
    assert pgbouncer["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert "pg_isready" in healthcheck_text(pgbouncer)
    assert pgbouncer.get("restart") == "unless-stopped"


@pytest.mark.parametrize("name", ["web", *WORKERS])
def test_web_and_workers_reach_postgres_through_pgbouncer(services, name):
    env = environment(services[name])
    assert "@pgbouncer:5432/" in env["DATABASE_URL"]
    assert env["DB_BEHIND_PGBOUNCER"] == "true"
    assert services[name]["depends_on"]["pgbouncer"]["condition"] == "service_healthy"


def test_migrations_connect_to_postgres_directly(services):
    """A migration keeps its session (locks, SET) for its whole run: not through transaction pooling."""
    env = environment(services["migrate"])
    assert "@postgres:5432/" in env["DATABASE_URL"]
    assert env["DB_BEHIND_PGBOUNCER"] == "false"


def django_setting(name: str, **env) -> str:
    """A setting as production would read it from ``env`` (a fresh interpreter: settings read the environment
    once)."""
    import subprocess
    import sys

    code = f"import django; django.setup(); from django.conf import settings; print(settings.{name})"
    environ = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "config.settings", **env}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=environ, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_behind_pgbouncer_django_uses_no_server_side_cursors():
    url = "postgres://portal:secret@pgbouncer:5432/portal"
    behind = django_setting("DATABASES['default'].get('DISABLE_SERVER_SIDE_CURSORS')", DATABASE_URL=url,
                            DB_BEHIND_PGBOUNCER="true")  # fmt: skip
    assert behind == "True"
    direct = django_setting("DATABASES['default'].get('DISABLE_SERVER_SIDE_CURSORS')", DATABASE_URL=url)
    assert direct == "None"


def worker_queues(service: dict) -> list[str]:
    command = service["command"]
    command = command if isinstance(command, list) else command.split()
    return command[command.index("-Q") + 1].split(",")


def test_one_worker_pool_per_queue_of_long_jobs(services):
    from core.queue import JOB_QUEUES

    queues = {name: worker_queues(services[name]) for name in WORKERS}
    assert queues["worker"] == ["celery"], "the default queue: e-mails, reminders, snapshots"
    for queue in JOB_QUEUES:
        pools = [name for name, served in queues.items() if queue in served]
        assert pools == [f"worker-{queue}"], f"the {queue} queue has a pool of its own"
    for name in WORKERS:
        assert environment(services[name])["JOB_QUEUE_PER_KIND"] == "true"
        assert "media" in volume_sources(services[name])
        assert "inspect ping" in healthcheck_text(services[name])


def test_jobs_go_to_the_queue_of_their_kind(settings):
    """An import never waits behind a report: each kind of job is sent to its own queue in production."""
    from core.models import Job
    from core.queue import job_queue
    from mentoring.services.imports import JOB_KINDS

    settings.JOB_QUEUE_PER_KIND = True
    assert job_queue(Job(kind=JOB_KINDS["mentees"])) == "imports"
    assert job_queue(Job(kind=JOB_KINDS["mentors"])) == "imports"
    assert job_queue(Job(kind="regional_summary")) == "reports"
    assert job_queue(Job(kind="municipal_summary")) == "reports"
    assert job_queue(Job(kind="monitoring_report")) == "reports"
    assert job_queue(Job(kind="regulation")) == "documents"
    settings.JOB_QUEUE_PER_KIND = False
    assert job_queue(Job(kind=JOB_KINDS["mentees"])) is None  # one worker takes every task
