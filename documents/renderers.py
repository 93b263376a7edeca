"""Renderers of the school and municipal documents: one per document kind, in PDF and DOCX, from the same
content tree. A job renders a document's live content, or a frozen version's stored content."""

import importlib
import pkgutil

from core.rendering import Renderer, register
from core.rendering.docx import content_to_docx
from core.rendering.pdf import template_to_pdf
from documents import kinds
from documents.kinds import all_kinds, content_of, kind_of

# Every module of documents/kinds registers its kinds when imported.
for module in pkgutil.iter_modules(kinds.__path__):
    importlib.import_module(f"{kinds.__name__}.{module.name}")


class DocumentRenderer(Renderer):
    """Source: ``{"content": tree, "name": file name}``; params of a job: ``{"document": id, "version": n}``."""

    formats = ("pdf", "docx")

    def load(self, params, *, tenant, user, progress):
        from documents.models import Document

        document = Document.owned.select_related("programme").get(pk=params["document"], kind=self.kind)
        version = params.get("version")
        if version:
            frozen = document.frozen_versions().get(number=version)
            content = frozen.final_content
        else:
            content = content_of(document)
        progress(1, 1)
        return {"content": content, "name": file_name(document, version)}

    def basename(self, source):
        return source["name"]

    def render_pdf(self, source) -> bytes:
        return template_to_pdf("documents/render/pdf.html", {"content": source["content"]})

    def render_docx(self, source) -> bytes:
        return content_to_docx(source["content"])


def file_name(document, version=None) -> str:
    kind = kind_of(document.kind)
    name = document.title if kind.subject or not kind.drafted else kind.name
    if document.number:
        name += f", утв. приказом № {document.number}" if kind.approved_by_order else f" № {document.number}"
    return f"{name} (версия {version or document.version})".replace("/", "-")[:180]


for _kind in all_kinds():
    register(type(f"{_kind.code.title()}Renderer", (DocumentRenderer,), {"kind": _kind.code, "title": _kind.name}))
