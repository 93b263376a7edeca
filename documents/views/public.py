"""The «Наставничество» section as anyone reads it, without a login: the page (``/p/o/<school>/nastavnichestvo/``,
``/p/m/<municipality>/nastavnichestvo/``), each published PDF, the ZIP of the kit, and the fragment a school embeds
in its own site with an ``<iframe>`` — the only page of the portal that another site may frame.

The URL names the tenant with ``slug`` (not ``org`` / ``muni``), so the tenant middleware leaves these requests
alone; each view reads through ``documents.services.publication.open_section``, which enters that one tenant's
scope. A page switched off is a 404, as is any file not on it.
"""

from csp.decorators import csp_replace
from django.contrib.auth.decorators import login_not_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from django.utils.decorators import method_decorator
from django.utils.http import content_disposition_header
from django.views import View
from django.views.decorators.clickjacking import xframe_options_exempt

from ..services.publication import NotPublished, Section, open_section

NOT_PUBLISHED = "Раздел «Наставничество» не опубликован."


@method_decorator(login_not_required, name="dispatch")
class PublicView(View):
    """Opens the section of the URL's tenant (``level`` is set in the URL pattern) around ``answer``."""

    level = "school"
    http_method_names = ["get", "head"]

    def get(self, request, *args, slug, **kwargs):
        try:
            with open_section(self.level, slug) as section:
                return self.answer(request, section, **kwargs)
        except NotPublished:
            raise Http404(NOT_PUBLISHED) from None

    def answer(self, request, section: Section, **kwargs):
        raise Http404(NOT_PUBLISHED)  # every URL pattern names a subclass that answers


class PageView(PublicView):
    template_name = "documents/public/page.html"

    def answer(self, request, section, **kwargs):
        url_prefix = "public_school" if self.level == "school" else "public_municipal"
        return render(request, self.template_name, {"section": section, "level": self.level, "url_prefix": url_prefix})


@method_decorator(xframe_options_exempt, name="dispatch")
@method_decorator(csp_replace({"frame-ancestors": ["*"]}), name="dispatch")
class EmbedView(PageView):
    """A small fragment for the school's own site: any site may frame it (and no other page of the portal)."""

    template_name = "documents/public/embed.html"


class DocumentPdfView(PublicView):
    """A published document's frozen PDF (as agreed, for an agreed roadmap)."""

    def answer(self, request, section, pk, **kwargs):
        published = section.document(pk)
        return FileResponse(published.file.open("rb"), as_attachment=True, filename=published.filename)


class KitZipView(PublicView):
    """Every published PDF in one archive."""

    def answer(self, request, section, **kwargs):
        if not section.documents:
            raise NotPublished("no documents")
        filename = f"Наставничество — {section.tenant.short_name}.zip".replace("/", "-")
        return HttpResponse(
            section.zip(),
            content_type="application/zip",
            headers={"Content-Disposition": content_disposition_header(True, filename)},
        )
