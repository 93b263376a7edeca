"""The municipality's side of school documents: the roadmap inbox, a school's approved documents, agreement and
remarks."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views import View
from django.views.generic import TemplateView

from core.models import Organization
from core.roles import Capability, has_capability

from ..kinds import all_kinds, kind_of
from ..models import Document, Remark
from ..services import workflow
from ..services.status import ROADMAP_LABELS, roadmap_states
from .actions import ActionView, frozen_pdf


def municipal_documents():
    """The school documents a department reads: approved ones (with a frozen version) of its own schools (the
    scope), and never those about one person — agreements, consents, letters carry a child's or a mentor's
    personal data, which the municipality does not need (152-ФЗ: minimisation)."""
    public_kinds = [kind.code for kind in all_kinds("school") if not kind.subject]
    return Document.objects.filter(versions__isnull=False, kind__in=public_kinds).distinct()


class MunicipalRoadmapMixin:
    """A school document as the department sees it; for the steps of agreement only roadmaps."""

    required_capability = Capability.READ_MUNICIPAL_SCHOOL_DOCUMENTS
    kinds: tuple[str, ...] = ()  # limit to these kinds

    def get_document(self):
        documents = municipal_documents().select_related("organization", "programme")
        if self.kinds:
            documents = documents.filter(kind__in=self.kinds)
        return get_object_or_404(documents, pk=self.kwargs["pk"])


class RoadmapInboxView(MunicipalRoadmapMixin, TemplateView):
    """Every school of the municipality with its roadmap's state; those waiting for agreement first."""

    template_name = "documents/roadmap_inbox.html"

    def get_context_data(self, **kwargs):
        schools = list(Organization.objects.filter(municipality=self.request.tenant).order_by("short_name"))
        states = roadmap_states([school.pk for school in schools])
        rows = [(school, states[school.pk], ROADMAP_LABELS[states[school.pk].status if states[school.pk] else None])
                for school in schools]  # fmt: skip
        waiting = [row for row in rows if row[1] is not None and row[1].status == Document.Status.SUBMITTED]
        status_filter = self.request.GET.get("status", "")
        if status_filter:
            rows = [row for row in rows if (row[1].status if row[1] else "none") == status_filter]
        return super().get_context_data(
            rows=rows,
            waiting=waiting,
            status_filter=status_filter,
            statuses=[("none", ROADMAP_LABELS[None])] + [(s.value, ROADMAP_LABELS[s]) for s in Document.Status],
            **kwargs,
        )


class SchoolDocumentsView(MunicipalRoadmapMixin, TemplateView):
    """A school's approved documents, as its department reads them."""

    template_name = "documents/school_documents.html"

    def get_context_data(self, **kwargs):
        school = get_object_or_404(Organization, pk=self.kwargs["pk"], municipality=self.request.tenant)
        documents = municipal_documents().filter(organization=school).select_related("programme")
        documents = documents.order_by("kind", "-updated_at")
        return super().get_context_data(
            school=school, documents=[(document, kind_of(document.kind)) for document in documents], **kwargs
        )


class SchoolRoadmapView(MunicipalRoadmapMixin, TemplateView):
    template_name = "documents/school_roadmap.html"

    def get_context_data(self, **kwargs):
        document = self.get_document()
        version = document.frozen_versions().first()
        return super().get_context_data(
            kind=kind_of(document.kind),
            document=document,
            version=version,
            content=version.final_content if version else None,
            versions=document.frozen_versions().select_related("approved_by", "agreed_by"),
            remarks=document.remark_thread().exclude(side=Remark.Side.DIRECTOR),  # the school's own
            can_review=has_capability(self.request.roles, Capability.AGREE_ROADMAPS)
            and document.status == Document.Status.SUBMITTED,
            **kwargs,
        )


class MunicipalWorkflowView(MunicipalRoadmapMixin, ActionView):
    required_capability = Capability.AGREE_ROADMAPS
    kinds = ("roadmap",)

    def page_of(self, document) -> str:
        return reverse("m_school_document", kwargs={"muni": self.request.tenant.slug, "pk": document.pk})


class AgreeView(MunicipalWorkflowView):
    done = "Дорожная карта согласована; школа получила уведомление."

    def act(self, document, request):
        workflow.agree(document, tenant=request.tenant, actor=request.user, request=request)


class RemarksView(MunicipalWorkflowView):
    done = "Дорожная карта возвращена школе с замечаниями."

    def act(self, document, request):
        workflow.return_with_remarks(
            document, request.POST.get("text", ""), tenant=request.tenant, actor=request.user, request=request
        )


class SchoolVersionPdfView(MunicipalRoadmapMixin, View):
    def get(self, request, *args, **kwargs):
        version = get_object_or_404(self.get_document().frozen_versions(), number=kwargs["number"])
        return frozen_pdf(version, agreed=request.GET.get("agreed") == "1")
