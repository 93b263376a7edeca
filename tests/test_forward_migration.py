"""A database of the previous main, with the demo loaded, migrates forward with the current code keeping every row.

The platform models (Municipality, Organization, Membership, AuditEntry, Job from ``mentoring``, Notification from
``documents``) moved to the ``core`` app and kept their tables. This test checks that on real data: it checks the
previous main out into a git worktree, migrates a fresh PostgreSQL database with it and loads ``seed_demo``, then
runs ``migrate`` of the current code on that database. Every table keeps its row count (only ``django_migrations``
grows), the moved models' content types now belong to ``core`` (renamed, not recreated), finished imports are
«ready» instead of «done» and every notification has its tenant.

Slow (``seed_demo`` takes about a minute); it makes its own database and needs no Django test database.
"""

import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
PREVIOUS_MAIN = "396597aca5aa7c963c528b8ad55c3b161776aa26"

# The moved models' tables (they keep their names) and the models whose content types go to ``core``.
MOVED_TABLES = (
    "mentoring_municipality",
    "mentoring_organization",
    "mentoring_membership",
    "mentoring_auditentry",
    "mentoring_job",
    "documents_notification",
)
MOVED_MODELS = ("municipality", "organization", "membership", "auditentry", "job", "notification")
# Forward migrations only add rows here: applied migrations, and the content types and permissions of new models.
GROWING_TABLES = {"django_migrations", "django_content_type", "auth_permission"}
# Reference data that a migration installs: the teachers' indicators and their plans.
GROWING_TABLES |= {"monitoring_indicator", "monitoring_indicatorplan"}

# The demo starts no job and links every notification to a school or a municipality: these rows, made with the
# previous main's models after ``seed_demo``, give the data migrations something to convert — jobs in every
# state, «done» ones among them, and a notification whose link names no tenant (it goes to the recipient's).
EXTRA_ROWS = """
from django_scopes import scopes_disabled
from documents.models import Notification
from mentoring.models import Job, Membership, Municipality, Organization

with scopes_disabled():
    school, municipality = Organization.objects.order_by("pk").first(), Municipality.objects.order_by("pk").first()
    member = Membership.objects.order_by("pk").first().user
    for kind, status, params in [
        ("import_mentees", "done", {"phase": "import"}),
        ("import_mentors", "done", {"phase": "import"}),
        ("import_mentees", "ready", {"phase": "preview"}),
        ("roadmap", "ready", {"fmt": "pdf"}),
        ("roadmap", "failed", {"fmt": "pdf"}),
        ("roadmap", "pending", {"fmt": "pdf"}),
    ]:
        Job.objects.create(organization=school, user=member, kind=kind, status=status, params=params)
    Job.objects.create(municipality=municipality, user=member, kind="municipal_summary", status="done")
    Notification.objects.create(user=member, text="Без ссылки на организацию", url="/accounts/profile/")
"""

pytestmark = pytest.mark.xdist_group("forward-migration")


def git(*args):
    return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True, timeout=120)


def server_url(database):
    """The URL of ``database`` on the PostgreSQL server the tests use."""
    base = os.environ.get("DATABASE_URL", "")
    assert base.startswith(("postgres://", "postgresql://")), f"needs DATABASE_URL of a PostgreSQL server, not {base!r}"
    return urlunsplit(urlsplit(base)._replace(path=f"/{database}", query=""))


def manage(cwd, env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=900
    )
    assert result.returncode == 0, (
        f"`manage.py {' '.join(args)}` in {cwd} exited with {result.returncode}:\n"
        f"--- stdout ---\n{result.stdout[-20000:]}\n--- stderr ---\n{result.stderr[-20000:]}"
    )


def row_counts(url):
    """``{table: rows}`` for every table of the public schema."""
    with psycopg.connect(url) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT table_name FROM information_schema.tables"
                " WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"
            )
        ]
        return {
            table: connection.execute(
                sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier("public", table))
            ).fetchone()[0]
            for table in tables
        }


def query(url, statement, params=()):
    with psycopg.connect(url) as connection:
        return connection.execute(statement, params).fetchall()


@pytest.fixture
def previous_main(tmp_path):
    """A worktree of the previous main, removed afterwards."""
    assert shutil.which("git"), "git is needed to check out the previous main"
    known = git("cat-file", "-e", f"{PREVIOUS_MAIN}^{{commit}}")
    assert known.returncode == 0, (
        f"commit {PREVIOUS_MAIN} (the previous main) is not in the history of {ROOT}; "
        f"a shallow clone must be deepened (`git fetch --unshallow`): {known.stderr.strip()}"
    )
    path = tmp_path / "previous"
    added = git("worktree", "add", "--detach", str(path), PREVIOUS_MAIN)
    assert added.returncode == 0, f"`git worktree add` failed: {added.stderr}"
    try:
        yield path
    finally:
        git("worktree", "remove", "--force", str(path))


@pytest.fixture
def database_url():
    """A fresh, uniquely named PostgreSQL database, dropped afterwards."""
    name = f"forward_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server_url("postgres"), autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield server_url(name)
    finally:
        with psycopg.connect(server_url("postgres"), autocommit=True) as admin:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def test_previous_main_with_the_demo_migrates_forward_keeping_every_row(previous_main, database_url, tmp_path):
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(tmp_path / "media"),
        # No broker: the demo's tasks (notifications, e-mails) run in the command, as in the demo run, and
        # nothing is left queued in the Redis the other tests share.
        "REDIS_URL": "",
        "REDIS_CACHE_URL": "",
    }
    manage(previous_main, env, "migrate", "--noinput")
    manage(previous_main, env, "seed_demo")
    manage(previous_main, env, "shell", "-c", EXTRA_ROWS)
    before = row_counts(database_url)
    statuses_before = dict(query(database_url, "SELECT status, count(*) FROM mentoring_job GROUP BY status"))

    manage(ROOT, env, "migrate", "--noinput")
    after = row_counts(database_url)

    missing = sorted(set(before) - set(after))
    assert not missing, f"tables gone after the forward migration: {missing}"
    changed = {
        table: (rows, after[table])
        for table, rows in before.items()
        if table not in GROWING_TABLES and after[table] != rows
    }
    assert not changed, f"row counts changed (before, after): {changed}"
    for table in GROWING_TABLES:
        assert after[table] >= before[table], table

    for table in MOVED_TABLES:
        assert after[table] == before[table], f"{table}: {before[table]} rows before, {after[table]} after"
    empty = [table for table in MOVED_TABLES if not before[table]]
    assert not empty, f"the demo and EXTRA_ROWS should have filled {empty}: the test would prove nothing about them"

    content_types = query(
        database_url,
        "SELECT model, app_label FROM django_content_type WHERE model = ANY(%s) ORDER BY model, app_label",
        (list(MOVED_MODELS),),
    )
    assert content_types == [(model, "core") for model in sorted(MOVED_MODELS)], content_types

    untenanted = query(database_url, "SELECT count(*) FROM documents_notification WHERE tenant_key = ''")[0][0]
    assert untenanted == 0, f"{untenanted} notifications without a tenant_key"
    statuses = dict(query(database_url, "SELECT status, count(*) FROM mentoring_job GROUP BY status"))
    assert statuses_before["done"] > 0, statuses_before
    assert "done" not in statuses, f"{statuses['done']} jobs still «done» instead of «ready»"
    assert statuses == {
        **{status: rows for status, rows in statuses_before.items() if status != "done"},
        "ready": statuses_before["ready"] + statuses_before["done"],
    }, f"job states before {statuses_before}, after {statuses}"
