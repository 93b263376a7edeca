"""Report PDFs in production keep their stylesheet: with collectstatic and WhiteNoise's manifest storage the
templates name ``css/report.<hash>.css``, which the PDF renderer must find among the collected files."""

import io

from django.conf import settings as django_settings
from django.core.management import call_command
from django.templatetags.static import static
from pypdf import PdfReader

from core.rendering import renderer_for
from core.roles import Role
from core.tenancy import tenant_scope

PRODUCTION_STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


def font_names(pdf: bytes) -> set[str]:
    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        fonts = (page.get("/Resources") or {}).get("/Font") or {}
        names.update(str(font.get_object()["/BaseFont"]).replace("-", "") for font in fonts.values())
    return names


def test_a_monitoring_report_pdf_is_drawn_with_report_css_from_collected_static(world, settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "staticfiles"
    settings.STATICFILES_DIRS = [django_settings.BASE_DIR / "static"]  # the portal's own files: a fast collect
    settings.STORAGES = PRODUCTION_STORAGES
    call_command("collectstatic", interactive=False, verbosity=0)
    stylesheet = static("css/report.css")
    assert stylesheet != "/static/css/report.css" and stylesheet.endswith(".css")  # the hashed name

    school = world.school
    renderer = renderer_for("monitoring_report")
    params = {
        "date_from": "2026-01-01",
        "date_to": "2027-12-31",
        "programme_id": world.people[school.pk]["programme"].pk,
    }
    with tenant_scope(school):
        source = renderer.load(params, tenant=school, user=world.users[Role.CURATOR], progress=lambda *_: None)
        pdf = renderer.render(source, "pdf").content

    fonts = font_names(pdf)
    assert any("LiberationSans" in name for name in fonts), fonts  # report.css: "Liberation Sans"
    assert not any("DejaVu" in name for name in fonts), fonts  # the fallback font: the stylesheet was not loaded
