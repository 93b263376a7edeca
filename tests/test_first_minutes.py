"""The first ten minutes of a newcomer: the README lists every demo login and links only inside the repository,
the role matrix is documented from the code, the demo prints the address it serves, its e-mails are one
readable line each, and a refused request is one line of the server log."""

import io
import logging
import re
from pathlib import Path

from django.core import mail
from django.core.mail import EmailMessage
from django.core.management import call_command
from django.urls import reverse
from django_scopes import scopes_disabled

from core.demo_mail import OneLineConsoleBackend
from core.role_matrix import CAPABILITY_LABELS, DOCUMENT, role_matrix_markdown
from core.roles import Capability, Role
from core.server_log import RefusalsOnOneLine
from demo.world import ADMIN, PEOPLE

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
LINK = re.compile(r"\]\(([^)#]+)(?:#[^)]*)?\)")


def test_the_readme_lists_every_demo_login():
    for email, *_ in [*PEOPLE, ADMIN]:
        assert f"| {email} |" in README, email


def test_the_readme_links_only_to_files_of_the_repository():
    targets = [target for target in LINK.findall(README) if not target.startswith(("http://", "https://"))]
    assert "docs/roles.md" in targets
    for target in targets:
        path = (ROOT / target).resolve()
        assert path.is_relative_to(ROOT) and path.exists(), target
    assert "ROLES.md" not in README and "../" not in README


def test_the_role_matrix_document_is_the_code():
    assert set(CAPABILITY_LABELS) == set(Capability)
    assert DOCUMENT.read_text(encoding="utf-8") == role_matrix_markdown(), "run manage.py write_role_matrix"
    text = DOCUMENT.read_text(encoding="utf-8")
    for role in Role:
        assert role.label in text


def test_a_demo_e_mail_is_one_readable_line():
    stream = io.StringIO()
    message = EmailMessage(
        "Документ ждёт вашего утверждения",
        "Приказ о внедрении целевой модели.\nОткрыть: http://127.0.0.1:8101/o/sh40/documents/5/\n",
        to=["director@sh40.demo"],
    )
    assert OneLineConsoleBackend(stream=stream).send_messages([message]) == 1
    assert stream.getvalue() == (
        "✉ director@sh40.demo: «Документ ждёт вашего утверждения» — http://127.0.0.1:8101/o/sh40/documents/5/\n"
    )
    # The raw message the stock console backend prints encodes the subject.
    assert "=?utf-8?b?" in message.message().as_string()


def test_the_demo_prints_the_address_it_serves_and_its_e_mails_link_to_it(
    empty_db, settings, django_capture_on_commit_callbacks
):
    settings.PORTAL_BASE_URL = "http://127.0.0.1:8101"
    out = io.StringIO()
    with scopes_disabled(), django_capture_on_commit_callbacks(execute=True):  # the e-mails go after the commit
        call_command("seed_demo", stdout=out)
    assert "Вход: http://127.0.0.1:8101/" in out.getvalue()
    assert ":8000" not in out.getvalue()
    links = [link for message in mail.outbox for link in re.findall(r"https?://\S+", message.body)]
    assert links and all(link.startswith("http://127.0.0.1:8101/") for link in links), links


def test_a_refused_request_is_one_line_of_the_log(world):
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RefusalsOnOneLine())
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        client = world.client_for(world.users[Role.MENTOR])
        response = client.get(reverse("school_members", kwargs={"org": world.school.slug}))
    finally:
        root.removeHandler(handler)
    assert response.status_code == 403
    lines = stream.getvalue().splitlines()
    assert [line for line in lines if "Forbidden" in line] == [
        f"Forbidden (Permission denied): {response.request['PATH_INFO']}"
    ]
    assert "Traceback" not in stream.getvalue()
    # Printed once: Django's own console handler of the "django" logger is not installed next to the root's.
    assert logging.getLogger("django").handlers == []
