"""Erasure after a withdrawn consent reaches every copy: a dump of every table and every stored file holds the
child's and the representative's names only in the orders the erasure record lists as kept."""

import html
import io
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from core.models import AuditEntry, Job
from core.roles import Role
from core.tenancy import tenant_scope
from documents.models import Document, DocumentVersion
from documents.services import drafting, workflow
from mentoring.models import Consent, Meeting, Mentee
from mentoring.services.pairs import form_pair
from monitoring.models import Answer, Invitation, Question, Response
from monitoring.models.questionnaires import Respondent
from privacy.models import Erasure

# The surname (any case), the patronymic that goes with the first name, the representative's surname.
NEEDLES = ("Покровск", "Глеб Артёмович", "Глеба Артёмовича", "Седых")
TEXT_TYPES = ("character varying", "text", "jsonb", "json")


def table_hits(needles=NEEDLES) -> dict[str, set]:
    """Every text or JSON column of every table of the test database searched for the needles:
    {"table.column": {row ids}}."""
    hits = {}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = 'public' AND data_type = ANY(%s)",
            [list(TEXT_TYPES)],
        )
        columns = cursor.fetchall()
        for table, column in columns:
            condition = " OR ".join(f'"{column}"::text LIKE %s' for _ in needles)
            has_id = _has_id(cursor, table)
            cursor.execute(
                f'SELECT {"id" if has_id else "1"} FROM "{table}" WHERE {condition}',  # noqa: S608 - names from the catalogue
                [f"%{needle}%" for needle in needles],
            )
            found = {row[0] for row in cursor.fetchall()}
            if found:
                hits[f"{table}.{column}"] = found
    return hits


def _has_id(cursor, table) -> bool:
    cursor.execute("SELECT 1 FROM information_schema.columns WHERE table_name = %s AND column_name = 'id'", [table])
    return cursor.fetchone() is not None


def file_text(path: Path) -> str:
    data = path.read_bytes()
    if data.startswith(b"%PDF"):
        try:
            return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)
        except Exception:  # noqa: BLE001 - a stub PDF of the fixtures is not a real one
            return data.decode("latin-1")
    if data.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "\n".join(html.unescape(archive.read(name).decode("utf-8", "ignore")) for name in archive.namelist())
    return data.decode("utf-8", "ignore")


def file_hits(needles=NEEDLES) -> set[str]:
    root = Path(settings.MEDIA_ROOT)
    return {
        str(path.relative_to(root))
        for path in root.rglob("*")
        if path.is_file() and any(needle in " ".join(file_text(path).split()) for needle in needles)
    }


def days_later(days: int) -> str:
    return (timezone.localdate() + timedelta(days=days)).isoformat()


def approve(document, world):
    workflow.send_for_approval(document, actor=world.users[Role.CURATOR])
    return workflow.approve(document, actor=world.users[Role.DIRECTOR], roles=frozenset({Role.DIRECTOR}))


@pytest.fixture
def child_with_history(world, django_capture_on_commit_callbacks):
    """A minor with a history of changes, a representative's consent, a pair with an approved agreement and consent,
    the approved order fixing the pairs, a finished export, meetings with comments and questionnaire answers."""
    school, people = world.school, world.people[world.school.pk]
    curator = world.client_for(world.users[Role.CURATOR])
    org = {"org": school.slug}
    school.address = "663060, Красноярский край, пгт Большая Мурта, ул. Школьная, 1"
    school.save(update_fields=["address"])
    card = {
        "last_name": "Покровский",
        "first_name": "Глеб",
        "patronymic": "Артёмович",
        "birth_date": (date.today() - timedelta(days=365 * 13)).isoformat(),
        "group": "7В",
        "category": "pupil",
        "status": "in_base",
        "source": "application",
        "representative_name": "Седых Дарья Викторовна",
        "representative_relation": "мать",
        "representative_phone": "+7 913 555-12-34",
        "support_categories": ["ovz"],
    }
    assert curator.post(reverse("mentee_create", kwargs=org), card).status_code == 302
    with tenant_scope(school):
        child = Mentee.objects.get(last_name="Покровский")
    edited = {**card, "representative_phone": "+7 913 555-99-00", "notes": "Глеб Покровский любит шахматы"}
    assert curator.post(reverse("mentee_edit", kwargs={**org, "pk": child.pk}), edited).status_code == 302
    consent = {
        "purpose": "personal_data",
        "text_version": "ПДн-2025-09",
        "given_by_name": "Седых Дарья Викторовна",
        "given_by_relation": "мать",
        "given_at": "2026-09-01T10:00",
        "method": "paper",
        "document_number": "17",
    }
    assert curator.post(reverse("mentee_consent_create", kwargs={**org, "pk": child.pk}), consent).status_code == 302

    with tenant_scope(school):
        pair = form_pair(
            programme=people["programme"], mentor=people["mentor"], mentees=[child], form=people["form"],
            starts_on=date(2026, 10, 15), planned_end_on=date(2027, 5, 15), actor=world.users[Role.CURATOR],
            tenant=school,
        )  # fmt: skip
        pair.goals = "Помочь Глебу Покровскому с проектом"
        pair.save()
        for kind, subject in (("agreement", pair.pk), ("pd_consent", child.pk), ("pairs_order", None)):
            document = drafting.create(
                tenant=school, kind_code=kind, actor=world.users[Role.CURATOR], programme=people["programme"],
                subject_id=subject,
            )  # fmt: skip
            approve(document, world)
        meeting = Meeting.objects.create(
            organization=school, pair=pair, held_on=date(2026, 10, 22), topic="Проект Глеба Покровского",
            duration_minutes=40, what_was_done="Покровский выбрал тему", next_steps="Седых Д.В. поможет с поездкой",
            mentee_comment="Мне понравилось. Глеб Артёмович",
        )  # fmt: skip
        meeting.present.add(child)
        wave = people["wave"]
        questionnaire = people["questionnaire"]
        text_question = Question.objects.create(
            organization=school, questionnaire=questionnaire, position=99, text="Что запомнилось?", kind="text"
        )
        invitation = Invitation.objects.create(
            organization=school, wave=wave, questionnaire=questionnaire, respondent=Respondent.MENTEE, mentee=child,
            expires_at=timezone.now() + timedelta(days=30), answered_at=timezone.now(),
        )  # fmt: skip
        response = Response.objects.create(
            organization=school, invitation=invitation, wave=wave, questionnaire=questionnaire,
            respondent=Respondent.MENTEE,
        )  # fmt: skip
        Answer.objects.create(organization=school, response=response, question=text_question, text="Я, Глеб, рад")

    with django_capture_on_commit_callbacks(execute=True):
        exported = curator.post(reverse("mentee_export_xlsx", kwargs=org), {"q": "Покровский"})
    assert exported.status_code == 302
    with tenant_scope(school):
        assert Job.objects.filter(kind="export_mentees", status=Job.Status.READY).exclude(output_file="").exists()
        consent_row = Consent.objects.get(mentee=child)
    withdrawn = curator.post(reverse("consent_withdraw", kwargs={**org, "pk": consent_row.pk}), {"note": "Седых Д.В."})
    assert withdrawn.status_code == 302
    return child


def test_erasure_31_days_after_withdrawal_leaves_names_only_in_the_kept_orders(world, child_with_history):
    school = world.school
    before = table_hits()
    for table in ("mentoring_auditentry", "documents_documentversion", "mentoring_job", "mentoring_meeting"):
        assert any(key.startswith(f"{table}.") for key in before), (table, before)  # the search does see them
    assert any(hit.endswith(".xlsx") for hit in file_hits())  # the export's file names the child

    call_command("erase_withdrawn_data", "--as-of", days_later(29))
    with tenant_scope(school):
        assert not Erasure.objects.exists()  # not due yet

    out = io.StringIO()
    call_command("erase_withdrawn_data", "--as-of", days_later(31), stdout=out)
    assert "Удалено: 1." in out.getvalue()

    with tenant_scope(school):
        erasure = Erasure.objects.get()
        kept_numbers = [item["number"] for item in erasure.kept]
        kept = list(Document.objects.filter(number__in=kept_numbers, kind="pairs_order"))
        kept_versions = list(DocumentVersion.objects.filter(document__in=kept))
        assert (
            not Document.objects.filter(kind__in=["agreement", "pd_consent"], subject_id__isnull=False)
            .filter(title__contains="Покровск")
            .exists()
        )
    assert len(kept) == 1 and erasure.kept[0]["kind"] == "Приказ о закреплении наставнических пар и групп"
    assert "125-ФЗ" in erasure.kept[0]["reason"]
    assert erasure.destroyed["документов о человеке (с версиями и файлами)"] == 2

    allowed_rows = {"documents_documentversion.content": {version.pk for version in kept_versions}}
    after = table_hits()
    assert {key: rows for key, rows in after.items() if not rows <= allowed_rows.get(key, set())} == {}
    assert after, "the kept order still names the child"

    allowed_files = {version.pdf.name for version in kept_versions}
    remaining = file_hits()
    assert remaining == allowed_files and remaining


def test_history_keeps_who_when_and_what_kind_of_change(world, child_with_history):
    school = world.school
    call_command("erase_withdrawn_data", "--as-of", days_later(31))
    with tenant_scope(school):
        entries = list(AuditEntry.objects.filter(object_type="mentoring.mentee", object_id=str(child_with_history.pk)))
    updated = next(entry for entry in entries if entry.action == "person.updated")
    assert updated.actor == world.users[Role.CURATOR]
    assert updated.object_repr == f"Наставляемый № {child_with_history.pk}"
    assert updated.changes["телефон представителя"] == ["удалено", "удалено"]
    assert updated.changes["примечания"] == [None, "удалено"]

    curator = world.client_for(world.users[Role.CURATOR])
    card = curator.get(reverse("mentee_detail", kwargs={"org": school.slug, "pk": child_with_history.pk})).content
    record = card.decode()
    assert "Удаление персональных данных" in record and "по расписанию" in record
    assert "Сохранены по закону" in record and "Приказ о закреплении наставнических пар и групп" in record
    for page in (
        reverse("mentee_history", kwargs={"org": school.slug, "pk": child_with_history.pk}),
        reverse("school_audit", kwargs={"org": school.slug}),
    ):
        content = curator.get(page).content.decode()
        assert f"Наставляемый № {child_with_history.pk}" in content or "Удалено" in content
        assert not any(needle in content for needle in NEEDLES), page


def test_running_again_changes_nothing(world, child_with_history):
    call_command("erase_withdrawn_data", "--as-of", days_later(31))
    out = io.StringIO()
    call_command("erase_withdrawn_data", "--as-of", days_later(31), stdout=out)
    assert "Удалено: 0." in out.getvalue()
    with tenant_scope(world.school):
        assert Erasure.objects.count() == 1


def test_a_bad_date_is_a_clear_error():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="ГГГГ-ММ-ДД"):
        call_command("erase_withdrawn_data", "--as-of", "31.12.2026")
