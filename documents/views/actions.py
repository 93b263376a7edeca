"""The steps of the tenant's own side of the workflow (send, approve, return, resubmit), downloads and the
approver's inbox."""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.views import View
from django.views.generic import TemplateView

from core.jobs import files
from core.roles import Capability

from ..kinds import MissingData, kind_of
from ..models import Document
from ..renderers import DocumentRenderer
from ..services import workflow
from ..services.access_log import record_document_reading
from ..services.drafting import DocumentRefused
from .level import APPROVE, DRAFT, READ, Level


class ActionView(View):
    """A POST that moves a document along; a refusal is a message, and nothing changes."""

    http_method_names = ["post"]
    done = ""

    def post(self, request, *args, **kwargs):
        document = self.get_document()
        try:
            said = self.act(document, request)
        except (DocumentRefused, MissingData) as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, said if isinstance(said, str) else self.done)
        return redirect(self.page_of(document))

    def page_of(self, document) -> str:
        return document.get_absolute_url()


class WorkflowView(Level, ActionView):
    """A step of the tenant's own side of the workflow."""


class SendView(WorkflowView):
    required_capability = DRAFT
    done = "Документ отправлен руководителю на утверждение."

    def act(self, document, request):
        workflow.send_for_approval(document, actor=request.user, request=request)


class ApproveView(WorkflowView):
    required_capability = APPROVE

    def act(self, document, request):
        document = workflow.approve(document, actor=request.user, roles=request.roles, request=request)
        when = f"от {document.dated:%d.%m.%Y} № {document.number}"
        if kind_of(document.kind).approved_by_order:
            return f"Документ утверждён приказом {when}: приказ зарегистрирован, PDF этой версии и приказа сохранены."
        if document.number:
            return f"Документ утверждён и зарегистрирован {when}, PDF этой версии сохранён."
        return f"Документ утверждён {document.dated:%d.%m.%Y}, PDF этой версии сохранён."


class ReturnView(WorkflowView):
    required_capability = APPROVE
    done = "Документ возвращён на доработку."

    def act(self, document, request):
        workflow.return_to_author(
            document, request.POST.get("text", ""), actor=request.user, roles=request.roles, request=request
        )


class ResubmitView(WorkflowView):
    required_capability = Capability.DRAFT_SCHOOL_DOCUMENTS
    done = "Дорожная карта повторно отправлена на согласование."

    def act(self, document, request):
        workflow.resubmit(document, request.POST.get("text", ""), actor=request.user, request=request)


class RenderView(Level, View):
    """Download as PDF or DOCX: the file is made by a job (progress page, then the download). A frozen
    document — and anything a reader (who sees no drafts) downloads — is the approved version's stored content,
    never the live data; a draft is rendered from the data as it is now."""

    required_capability = READ

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        document = self.get_document()
        fmt = kwargs["fmt"]
        if fmt not in DocumentRenderer.formats:
            raise Http404("Нет такого формата.")
        record_document_reading("person.document_downloaded", document, request=request)
        params = {"document": document.pk}
        if document.is_frozen or not self.can_draft:
            params["version"] = document.frozen_versions().first().number
        job = files.start(tenant=request.tenant, user=request.user, kind=document.kind, fmt=fmt, params=params)
        return redirect(job.get_absolute_url())


class VersionPdfView(Level, View):
    """The frozen PDF of a version (as approved, or ``?agreed=1`` as agreed)."""

    required_capability = READ

    def get(self, request, *args, **kwargs):
        document = self.get_document()
        version = get_object_or_404(document.frozen_versions(), number=kwargs["number"])
        record_document_reading("person.document_downloaded", document, request=request)
        return frozen_pdf(version, agreed=request.GET.get("agreed") == "1")


def frozen_pdf(version, *, agreed):
    stored = version.agreed_pdf if agreed else version.pdf
    if not stored:
        raise Http404("Нет такого файла.")
    return FileResponse(stored.open("rb"), as_attachment=True, filename=stored.name.rsplit("/", 1)[-1])


class InboxView(Level, TemplateView):
    """The approver's inbox: documents sent for approval."""

    required_capability = APPROVE

    template_name = "documents/inbox.html"

    def get_context_data(self, **kwargs):
        waiting = Document.owned.filter(status=Document.Status.SENT).select_related(
            "programme", "created_by", "organization", "municipality"
        )
        return super().get_context_data(
            documents=[(d, kind_of(d.kind)) for d in waiting.order_by("updated_at")], **self.level_context(), **kwargs
        )
