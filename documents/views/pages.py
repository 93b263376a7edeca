"""The tenant's own documents: the list, creation from the portal's data, the preview and editing the tenant's
own words."""

from django import forms
from django.contrib import messages
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect
from django.views.generic import TemplateView

from core.concurrency import EditConflict, VersionedFormMixin
from core.models.tenants import tenant_key
from core.roles import has_capability
from mentoring.models import Programme

from ..kinds import MissingData, all_kinds, kind_of
from ..models import Document, PublicPage
from ..services import drafting
from ..services.access_log import record_document_reading
from ..services.drafting import DocumentRefused
from .level import DRAFT, READ, Level
from .publishing import public_urls


class DocumentListView(Level, TemplateView):
    required_capability = READ
    template_name = "documents/list.html"

    def get_context_data(self, **kwargs):
        documents = self.documents().select_related("programme", "organization", "municipality")
        documents = documents.annotate(frozen_count=Count("versions"))
        kind_filter = self.request.GET.get("kind", "")
        if kind_filter:
            documents = documents.filter(kind=kind_filter)
        status_filter = self.request.GET.get("status", "")
        if status_filter in Document.Status.values:
            documents = documents.filter(status=status_filter)
        kinds = all_kinds(self.level)
        public_page = PublicPage.objects.filter(tenant_key=tenant_key(self.request.tenant), enabled=True).first()
        return super().get_context_data(
            documents=[(document, kind_of(document.kind)) for document in documents],
            kinds=kinds,
            kind_filter=kind_filter,
            status_label=Document.Status(status_filter).label if status_filter in Document.Status.values else "",
            can_publish=self.can_publish,
            public_url=public_urls(self.level, self.request.tenant.slug)["page"] if public_page else "",
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
            if self.kind.level != self.level or not self.kind.drafted:
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
        kinds = [kind for kind in all_kinds(self.level) if kind.drafted]
        return super().get_context_data(kind=self.kind, kinds=kinds, **self.level_context(), **kwargs)

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
        record_document_reading("person.document_opened", document, request=self.request)
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


class TextsForm(VersionedFormMixin, forms.Form):
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
                from ..kinds import texts_of

                texts = texts_of(document)
            except MissingData:
                texts = document.blocks or {}
            kwargs["form"] = TextsForm(kind=kind, texts=texts, record=document)
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
            document = drafting.update_texts(
                document, form.cleaned_data, actor=request.user, request=request, version=form.submitted_version
            )
        except EditConflict as conflict:
            form.refuse_stale(conflict)
            messages.error(request, "Не сохранено: документ изменили, пока форма была открыта.")
            return self.render_to_response(self.get_context_data(document=document, form=form))
        except DocumentRefused as refusal:
            messages.error(request, str(refusal))
            return self.render_to_response(self.get_context_data(document=document, form=form))
        if was_frozen and not document.is_frozen:
            messages.success(request, f"Сохранено как версия {document.version}: её нужно утвердить заново.")
        else:
            messages.success(request, "Сохранено.")
        return redirect(document.get_absolute_url())
