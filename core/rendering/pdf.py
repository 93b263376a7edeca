"""HTML to PDF with WeasyPrint, fetching nothing but the portal's own static files.

Documents and reports are rendered from Django templates; the only resources a page may load are files
under ``STATIC_URL`` and ``data:`` URIs we generate ourselves (charts, QR codes). A static file is found by the
static files finders (the sources, in development) or else in the static files storage (in production: the
files collectstatic wrote, under their hashed names such as ``css/report.3f2a….css``, which ``{% static %}``
puts in the templates). ``file://``, the network and anything else are refused, so text a user typed can never
make the renderer read a server file or call out.
"""

import mimetypes
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import SuspiciousFileOperation
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

# Relative URLs in templates resolve against this base; it names no real host.
BASE_URL = "https://portal.invalid/"


class BlockedResource(ValueError):
    pass


class StaticOnlyFetcher(URLFetcher):
    """Serves ``https://portal.invalid/static/…`` from the static files and ``data:`` URIs; refuses the rest."""

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if parts.scheme == "data":
            return super().fetch(url, headers)
        static_prefix = urlsplit(BASE_URL + settings.STATIC_URL.lstrip("/")).path
        if (
            parts.scheme == "https"
            and parts.netloc == urlsplit(BASE_URL).netloc
            and parts.path.startswith(static_prefix)
        ):
            relative = unquote(parts.path[len(static_prefix) :])
            body = _static_file(relative) if ".." not in relative.split("/") else None
            if body is not None:
                mimetype = mimetypes.guess_type(relative)[0] or "application/octet-stream"
                return URLFetcherResponse(url, body, {"Content-Type": mimetype})
        raise BlockedResource(f"Resource not allowed in a rendered document: {url[:200]}")


def _static_file(relative: str) -> bytes | None:
    """The content of a static file by its name under ``STATIC_URL``: a source file, or a collected one."""
    try:
        found = finders.find(relative)
        if found:
            with open(found, "rb") as handle:
                return handle.read()
        if relative and staticfiles_storage.exists(relative):
            with staticfiles_storage.open(relative) as handle:
                return handle.read()
    except (SuspiciousFileOperation, OSError):  # a name outside the static directories, a directory
        return None
    return None


def html_to_pdf(html: str) -> bytes:
    return HTML(string=html, base_url=BASE_URL, url_fetcher=StaticOnlyFetcher()).write_pdf()


def template_to_pdf(template_name: str, context: dict) -> bytes:
    return html_to_pdf(render_to_string(template_name, context))
