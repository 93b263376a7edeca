"""The subject's copy (152-ФЗ art. 14): everything the school holds about one person, as a file job.

«Сведения о субъекте персональных данных» on a card starts a job of this renderer: one PDF with the card, the
consents (with the text of each approved consent document), the pairs with their plans and meetings, the
questionnaire answers, the documents naming the person and the access log of their data; the ZIP holds that PDF
and the stored originals (consent scans, the frozen PDFs of the documents). Asking for it is audited; only the
roles that read cards ask.
"""

import io
import zipfile

from django.utils import timezone

from core.audit import action_labels, log_action, snapshot
from core.jobs import files
from core.models import AuditEntry
from core.rendering import Renderer, register
from core.rendering.pdf import template_to_pdf
from documents.content import plain_text
from documents.kinds import kind_of
from documents.models import DocumentVersion
from mentoring.models import Meeting, Mentee, Mentor, PlanItem
from monitoring.models import Answer

from .holdings import documents_about, documents_naming, pairs_of
from .traces import Traces

KIND = "subject_copy"
MODELS = {"mentee": Mentee, "mentor": Mentor}


def request_copy(person, *, fmt: str, actor, tenant, request=None):
    """Queue the copy of ``person`` as ``fmt`` (pdf or zip) for ``actor``; the request is in the audit log."""
    subject = "mentee" if isinstance(person, Mentee) else "mentor"
    job = files.start(tenant=tenant, user=actor, kind=KIND, fmt=fmt, params={"subject": subject, "pk": person.pk})
    log_action(
        "privacy.subject_copy",
        actor=actor,
        tenant=tenant,
        obj=person,
        changes={"формат": [None, fmt.upper()]},
        request=request,
    )
    return job


def compile_holdings(person) -> dict:
    """Everything the school holds about ``person`` (inside the school's scope)."""
    pairs = pairs_of(person)
    about = documents_about(person, pairs)
    documents = about + documents_naming(Traces.of(person), exclude=[document.pk for document in about])
    versions = DocumentVersion.objects.filter(document__in=documents).select_related("document")
    answers = Answer.objects.filter(
        **{f"response__invitation__{'mentee' if isinstance(person, Mentee) else 'mentor'}": person}
    ).select_related("question", "response__questionnaire", "response__wave")
    labels = action_labels()
    access = person_access_log(person)
    return {
        "person": person,
        "card": [(label, value) for label, value in snapshot(person).items() if value not in (None, "")],
        "consents": list(person.consents.order_by("given_at")),
        "pairs": [
            {
                "pair": pair,
                "mentees": [member.mentee for member in pair.members.select_related("mentee")],
                "plan": list(PlanItem.objects.filter(pair=pair).order_by("due_on", "pk")),
                "meetings": list(Meeting.objects.filter(pair=pair).order_by("held_on", "pk")),
            }
            for pair in pairs
        ],
        "answers": list(answers.order_by("response__submitted_at", "question__position")),
        "documents": [
            {
                "document": document,
                "kind": kind_of(document.kind).name,
                "versions": [version for version in versions if version.document_id == document.pk],
            }
            for document in documents
        ],
        "access_log": [(entry, labels.get(entry.action, entry.action)) for entry in access],
    }


def person_access_log(person):
    """Every entry of the audit and access log about the person: who changed or read their data, and when."""
    return list(
        AuditEntry.objects.filter(object_type=person._meta.label_lower, object_id=str(person.pk))
        .select_related("actor")
        .order_by("created_at", "pk")
    )


@register
class SubjectCopy(Renderer):
    """Params: ``subject`` ("mentee" or "mentor") and ``pk``."""

    kind = KIND
    formats = ("pdf", "zip")
    title = "Сведения о субъекте персональных данных"

    def load(self, params, *, tenant, user, progress):
        person = MODELS[params["subject"]].objects.get(pk=params["pk"])
        progress(0, 1)
        source = compile_holdings(person)
        for item in source["documents"]:
            for version in item["versions"]:
                version.text = plain_text(version.final_content)
        source.update(organization=tenant, compiled_at=timezone.localtime(), title=self.title)
        progress(1, 1)
        return source

    def basename(self, source):
        return f"Сведения о субъекте ПДн № {source['person'].pk} {source['compiled_at']:%d.%m.%Y}"

    def render_pdf(self, source) -> bytes:
        return template_to_pdf("privacy/subject_copy.html", source)

    def render_zip(self, source) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(f"{self.basename(source)}.pdf", self.render_pdf(source))
            for consent in source["consents"]:
                if consent.scan:
                    with consent.scan.open("rb") as scan:
                        archive.writestr(f"Согласия/{consent.pk}-{consent.scan.name.rsplit('/', 1)[-1]}", scan.read())
            for item in source["documents"]:
                for version in item["versions"]:
                    for stored, suffix in ((version.pdf, ""), (version.agreed_pdf, " (согласовано)")):
                        if stored:
                            name = f"{item['document'].pk} {item['kind']} версия {version.number}{suffix}".replace(
                                "/", "-"
                            )
                            with stored.open("rb") as pdf:
                                archive.writestr(f"Документы/{name}.pdf", pdf.read())
        return buffer.getvalue()
