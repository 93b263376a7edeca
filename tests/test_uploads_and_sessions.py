"""Smaller holes: uploaded consent scans are parsed (a file that only starts like a PDF is refused) and served as
a download of their real type; a sign-in lasts at most 12 hours however active."""

import io
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from pypdf import PdfWriter

from core.roles import Role
from core.session_lifetime import SIGNED_IN_AT
from core.tenancy import tenant_scope
from mentoring.models import Consent


def url(world, name, **kwargs):
    return reverse(name, kwargs={"org": world.school.slug, **kwargs})


def real_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    stream = io.BytesIO()
    writer.write(stream)
    return stream.getvalue()


def real_png() -> bytes:
    stream = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(stream, format="PNG")
    return stream.getvalue()


CONSENT = {
    "purpose": "participation",
    "text_version": "v1",
    "given_by_name": "Петрова Анна Ивановна",
    "given_by_relation": "мать",
    "given_at": "2025-09-01T10:00",
    "method": "scan",
}


def post_scan(world, name, content):
    curator = world.client_for(world.users[Role.CURATOR])
    mentee = world.people[world.school.pk]["mentee"]
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")
    return curator, curator.post(url(world, "mentee_consent_create", pk=mentee.pk), {**CONSENT, "scan": upload})


def scans(world):
    with tenant_scope(world.school):
        return list(Consent.objects.filter(purpose="participation").exclude(scan=""))


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("согласие.pdf", b"%PDF-1.4\n<html><script>alert(document.cookie)</script></html>"),
        ("согласие.pdf", b"%PDF-1.7\n" + b"0" * 500),
        ("снимок.png", b"\x89PNG\r\n\x1a\n<html>not an image</html>"),
        ("согласие.html", b"<html><body>scan</body></html>"),
    ],
    ids=["html-behind-pdf-header", "broken-pdf", "html-behind-png-header", "plain-html"],
)
def test_a_file_that_only_starts_like_a_scan_is_refused(world, name, content):
    _, response = post_scan(world, name, content)
    assert response.status_code == 200
    assert "не открывается как документ или снимок" in response.content.decode()
    assert 'value="Петрова Анна Ивановна"' in response.content.decode()  # the typed form is kept
    assert scans(world) == []


@pytest.mark.parametrize(
    ("name", "content", "mimetype", "extension"),
    [("скан.pdf", real_pdf(), "application/pdf", "pdf"), ("фото.html", real_png(), "image/png", "png")],
)
def test_a_real_scan_is_stored_and_served_as_a_download_of_its_type(world, name, content, mimetype, extension):
    curator, response = post_scan(world, name, content)
    assert response.status_code == 302
    [consent] = scans(world)
    served = curator.get(url(world, "consent_scan", pk=consent.pk))
    assert served["Content-Type"] == mimetype
    assert served["Content-Disposition"].startswith("attachment;")
    assert served["Content-Disposition"].endswith(f'.{extension}"') or f".{extension}" in served["Content-Disposition"]
    assert served["X-Content-Type-Options"] == "nosniff"
    assert b"".join(served.streaming_content) == content


def test_a_sign_in_ends_after_twelve_hours_however_active(world, settings):
    assert settings.SESSION_ABSOLUTE_LIFETIME == 12 * 60 * 60
    client = world.client_for(world.users[Role.CURATOR])
    home = url(world, "school_home")
    assert client.get(home).status_code == 200
    session = client.session
    session[SIGNED_IN_AT] = int(time.time()) - 11 * 60 * 60  # eleven hours ago: still in
    session.save()
    assert client.get(home).status_code == 200
    session = client.session
    session[SIGNED_IN_AT] = int(time.time()) - 12 * 60 * 60 - 60  # twelve hours and a minute ago: out
    session.save()
    response = client.get(home)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    login_page = client.get(response["Location"]).content.decode()
    assert "Сеанс завершён" in login_page
    assert client.get(home).status_code == 302  # signed out for good, not just redirected once
