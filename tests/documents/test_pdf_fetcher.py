"""WeasyPrint fetches only the portal's static files and data: URIs."""

import base64
import io

import pytest
import segno
from pypdf import PdfReader

from core.rendering.pdf import BlockedResource, StaticOnlyFetcher, html_to_pdf


def test_static_file_is_served():
    response = StaticOnlyFetcher().fetch("https://portal.invalid/static/css/portal.css")
    assert response.headers["Content-Type"] == "text/css"


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "https://example.org/image.png",
        "http://127.0.0.1:8000/healthz",
        "https://portal.invalid/static/../../config/settings.py",
        "https://portal.invalid/media/jobs/1/secret.xlsx",
    ],
)
def test_everything_else_is_refused(url):
    with pytest.raises(BlockedResource):
        StaticOnlyFetcher().fetch(url)


def _images(pdf: bytes) -> int:
    resources = PdfReader(io.BytesIO(pdf)).pages[0].get("/Resources") or {}
    return len(resources.get("/XObject") or {})


def test_pdf_embeds_no_local_file(tmp_path):
    picture = tmp_path / "secret.png"
    segno.make("secret").save(picture, scale=4)
    assert _images(html_to_pdf(f'<p>Текст</p><img src="data:image/png;base64,{_b64(picture)}">')) == 1
    assert _images(html_to_pdf(f'<p>Текст</p><img src="file://{picture}">')) == 0


def _b64(path) -> str:
    return base64.b64encode(path.read_bytes()).decode()
