"""Pages of documents: the list, creation, the preview with its workflow, editing the tenant's own words,
downloads, the director's inbox, and the municipality's roadmap inbox with agreement and remarks.

The same classes serve a school (``/o/<org>/documents/…``) and a municipality's own documents
(``/m/<muni>/documents/…``); each view declares the capability of either level and reads its level from
``request.tenant``. Views parse input and call ``documents.services``; a refusal is shown as a
message and changes nothing.
"""

from django import forms
from django.contrib import messages
from django.db.models import Count
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views import View
from django.views.generic import TemplateView

from core.jobs import files
from core.models import Organization
from core.roles import Capability, has_capability
from mentoring.models import Programme

from .kinds import MissingData, all_kinds, kind_of
from .models import Document, Remark
from .renderers import DocumentRenderer
from .services import drafting, workflow
from .services.drafting import DocumentRefused
from .services.status import ROADMAP_LABELS, roadmap_states

# What each level requires, by the role a view needs: a school role never holds a municipal capability and vice
# versa, so a tuple of the two serves both levels (``core.tenancy`` accepts any one of a tuple).
READ = (Capability.READ_SCHOOL_DOCUMENTS, Capability.DRAFT_MUNICIPAL_DOCUMENTS)
DRAFT = (Capability.DRAFT_SCHOOL_DOCUMENTS, Capability.DRAFT_MUNICIPAL_DOCUMENTS)
APPROVE = (Capability.APPROVE_SCHOOL_DOCUMENTS, Capability.APPROVE_MUNICIPAL_DOCUMENTS)


class Level:
    """What differs between a school's and a municipality's own documents, read from ``request.tenant``."""

    @property
    def level(self) -> str:
        return "school" if isinstance(self.request.tenant, Organization) else "municipality"

    @property
    def prefix(self) -> str:
        return "" if self.level == "school" else "m_"

    @property
    def draft(self):
        return DRAFT[0] if self.level == "school" else DRAFT[1]

    @property
    def approve(self):
        return APPROVE[0] if self.level == "school" else APPROVE[1]

    @property
    def can_draft(self):
        return has_capability(self.request.roles, self.draft)

    def documents(self):
        """The tenant's own documents this person may see: drafts only for those who draft them."""
        documents = Document.owned.all()
        if not self.can_draft:
            documents = documents.filter(versions__isnull=False).distinct()
        return documents

    def get_document(self):
        return get_object_or_404(self.documents().select_related("programme"), pk=self.kwargs["pk"])

    def level_context(self):
        return {"prefix": self.prefix, "level": self.level, "can_draft": self.can_draft}


class DocumentListView(Level, TemplateView):
    required_capability = READ
    template_name = "documents/list.html"

    def get_context_data(self, **kwargs):
        documents = self.documents().select_related("programme", "organization", "municipality")
        documents = documents.annotate(frozen_count=Count("versions"))
        kind_filter = self.request.GET.get("kind", "")
        if kind_filter:
            documents = documents.filter(kind=kind_filter)
        kinds = all_kinds(self.level)
        return super().get_context_data(
            documents=[(document, kind_of(document.kind)) for document in documents],
            kinds=kinds,
            kind_filter=kind_filter,
            **self.level_context(),
            **kwargs,
        )


class CreateForm(forms.Form):
    programme = forms.TypedChoiceField(label="Программа", coerce=int, required=False)
    subject = forms.TypedChoiceField(label="О ком", coerce=int, required=False)

    def __init__(self, *args, programmes, subjects, subject_label, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].choices = [(p.pk, str(p)) for p in programmes]
        if subjects:
            self.fields["subject"].choices = subjects
            self.fields["subject"].label = subject_label
            self.fields["subject"].required = True
        else:
            del self.fields["subject"]
        if not programmes:
            del self.fields["programme"]


class DocumentCreateView(Level, TemplateView):
    """Step 1: choose the kind; step 2 (``?kind=``): the programme (and, for a personal document, whom)."""

    required_capability = DRAFT

    template_name = "documents/create.html"

    def dispatch(self, request, *args, **kwargs):
        code = request.GET.get("kind") or request.POST.get("kind")
        self.kind = None
        if code:
            try:
                self.kind = kind_of(code)
            except KeyError:
                raise Http404("Нет такого вида документа.") from None
            if self.kind.level != self.level:
                raise Http404("Нет такого вида документа.")
        return super().dispatch(request, *args, **kwargs)

    def programmes(self):
        if self.level != "school":
            return []
        return list(Programme.objects.order_by("-starts_on"))

    def programme(self, programmes, value):
        chosen = [p for p in programmes if str(p.pk) == str(value)]
        return chosen[0] if chosen else (programmes[0] if programmes else None)

    def make_form(self, data=None):
        programmes = self.programmes()
        programme = self.programme(programmes, (data or self.request.GET).get("programme"))
        subjects = self.kind.subjects(programme) if self.kind and self.kind.subject and programme else []
        form = CreateForm(
            data,
            programmes=programmes,
            subjects=subjects,
            subject_label=self.kind.subject_label if self.kind else "",
            initial={"programme": programme.pk if programme else None},
        )
        return form, programme

    def get_context_data(self, **kwargs):
        if "form" not in kwargs and self.kind:
            kwargs["form"], kwargs["programme"] = self.make_form()
        return super().get_context_data(kind=self.kind, kinds=all_kinds(self.level), **self.level_context(), **kwargs)

    def post(self, request, *args, **kwargs):
        if self.kind is None:
            raise Http404("Нет такого вида документа.")
        form, programme = self.make_form(request.POST)
        if not form.is_valid():
            return self.render_to_context(form, programme)
        try:
            document = drafting.create(
                tenant=request.tenant,
                kind_code=self.kind.code,
                actor=request.user,
                programme=programme,
                subject_id=form.cleaned_data.get("subject"),
                request=request,
            )
        except MissingData as missing:
            return self.render_to_context(form, programme, problems=missing.problems)
        except drafting.DocumentExists as exists:
            messages.info(request, str(exists))
            return redirect(exists.document.get_absolute_url())
        except DocumentRefused as refusal:
            return self.render_to_context(form, programme, problems=[str(refusal)])
        messages.success(request, "Документ создан из данных портала. Проверьте тексты и отправьте на утверждение.")
        return redirect(document.get_absolute_url())

    def render_to_context(self, form, programme, problems=()):
        return self.render_to_response(self.get_context_data(form=form, programme=programme, problems=problems))


class DocumentDetailView(Level, TemplateView):
    """The preview (live for a draft, frozen once approved), the state, the actions, versions and remarks."""

    required_capability = READ

    template_name = "documents/detail.html"

    def get_context_data(self, **kwargs):
        document = self.get_document()
        kind = kind_of(document.kind)
        problems, content = [], None
        try:
            content = drafting.preview(document) if self.can_draft else self.frozen_content(document)
        except MissingData as missing:
            problems = missing.problems
        roles = self.request.roles
        status = Document.Status
        return super().get_context_data(
            document=document,
            kind=kind,
            content=content,
            problems=problems,
            versions=document.frozen_versions().select_related("approved_by", "agreed_by"),
            remarks=document.remark_thread(),
            can_send=self.can_draft and document.status in (status.DRAFT, status.RETURNED) and not problems,
            can_approve=has_capability(roles, self.approve) and document.status == status.SENT,
            can_resubmit=self.can_draft and document.status == status.REMARKS,
            can_edit=self.can_draft and bool(kind.blocks) and document.status not in (status.SENT, status.SUBMITTED),
            **self.level_context(),
            **kwargs,
        )

    @staticmethod
    def frozen_content(document):
        version = document.frozen_versions().first()
        return version.final_content if version else None


class TextsForm(forms.Form):
    def __init__(self, *args, kind, texts, **kwargs):
        super().__init__(*args, **kwargs)
        for block in kind.blocks:
            self.fields[block.key] = forms.CharField(
                label=block.label,
                help_text=block.help_text,
                required=False,
                max_length=block.max_length,
                initial=texts.get(block.key, ""),
                widget=forms.Textarea(attrs={"rows": 4 if block.max_length > 300 else 1}),
                error_messages={"max_length": f"Не больше {block.max_length} знаков (сейчас %(show_value)d)."},
            )


class DocumentEditView(Level, TemplateView):
    required_capability = DRAFT
    template_name = "documents/edit.html"

    def get_context_data(self, **kwargs):
        document = kwargs.pop("document", None) or self.get_document()
        kind = kind_of(document.kind)
        if "form" not in kwargs:
            try:
                from .kinds import texts_of

                texts = texts_of(document)
            except MissingData:
                texts = document.blocks or {}
            kwargs["form"] = TextsForm(kind=kind, texts=texts)
        return super().get_context_data(document=document, kind=kind, **self.level_context(), **kwargs)

    def post(self, request, *args, **kwargs):
        document = self.get_document()
        kind = kind_of(document.kind)
        form = TextsForm(request.POST, kind=kind, texts={})
        if not form.is_valid():
            messages.error(request, "Не сохранено: исправьте отмеченные поля.")
            return self.render_to_response(self.get_context_data(document=document, form=form))
        was_frozen = document.is_frozen
        try:
            document = drafting.update_texts(document, form.cleaned_data, actor=request.user, request=request)
        except DocumentRefused as refusal:
            messages.error(request, str(refusal))
            return self.render_to_response(self.get_context_data(document=document, form=form))
        if was_frozen and not document.is_frozen:
            messages.success(request, f"Сохранено как версия {document.version}: её нужно утвердить заново.")
        else:
            messages.success(request, "Сохранено.")
        return redirect(document.get_absolute_url())


class ActionView(View):
    """A POST that moves a document along; a refusal is a message, and nothing changes."""

    http_method_names = ["post"]
    done = ""

    def post(self, request, *args, **kwargs):
        document = self.get_document()
        try:
            self.act(document, request)
        except (DocumentRefused, MissingData) as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, self.done)
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
    done = "Документ утверждён: номер и дата присвоены, PDF этой версии сохранён."

    def act(self, document, request):
        workflow.approve(document, actor=request.user, roles=request.roles, request=request)


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


class RequisitesForm(forms.ModelForm):
    class Meta:
        model = Organization
        fields = ["name", "short_name", "director_position", "director_name", "address", "phone", "email", "website"]
        widgets = {"website": forms.URLInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"] = forms.URLField(label="Сайт", required=False, assume_scheme="https")


class RequisitesView(TemplateView):
    """The school's requisites every document prints: full name, director, address."""

    template_name = "documents/requisites.html"
    required_capability = Capability.DRAFT_SCHOOL_DOCUMENTS

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", RequisitesForm(instance=self.request.tenant))
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        form = RequisitesForm(request.POST, instance=request.tenant)
        if not form.is_valid():
            messages.error(request, "Не сохранено: исправьте отмеченные поля.")
            return self.render_to_response(self.get_context_data(form=form))
        form.save()
        messages.success(request, "Реквизиты сохранены: они войдут в новые документы и черновики.")
        return redirect(reverse("document_list", kwargs={"org": request.tenant.slug}))


# The municipality's side of school roadmaps.


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
