"""The subject's copy (152-ФЗ art. 14): from a card, a file job compiles everything the school holds about the person
into one PDF (parsed back here) and a ZIP with the stored originals; asking for it is audited."""

import io
import zipfile

from django.urls import reverse
from pypdf import PdfReader

from core.models import AuditEntry, Job
from core.roles import Role
from core.tenancy import tenant_scope


def ask(world, fmt, django_capture_on_commit_callbacks, role=Role.CURATOR):
    mentee = world.people[world.school.pk]["mentee"]
    client = world.client_for(world.users[role])
    client.get(reverse("mentee_detail", kwargs={"org": world.school.slug, "pk": mentee.pk}))  # opened: logged
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("mentee_subject_copy", kwargs={"org": world.school.slug, "pk": mentee.pk, "fmt": fmt})
        )
    with tenant_scope(world.school):
        job = Job.objects.get(kind="subject_copy", params__fmt=fmt)
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    assert job.status == Job.Status.READY, job.error
    with job.output_file.open("rb") as stored:
        return job, stored.read()


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages).split())


def test_the_pdf_holds_the_card_consents_pairs_meetings_answers_and_access_log(
    world, django_capture_on_commit_callbacks
):
    people = world.people[world.school.pk]
    with tenant_scope(world.school):
        meeting = people["meeting"]
        meeting.mentee_comment = "Было интересно разобрать задачу"
        meeting.save()
    _, data = ask(world, "pdf", django_capture_on_commit_callbacks)
    text = pdf_text(data)
    assert "Сведения о субъекте персональных данных" in text
    assert "Петров Илья Сергеевич" in text
    assert "Петрова Анна Ивановна (мать)" in text  # the representative, on the card and in the consent
    assert "ПДн-2025-09" in text  # the consent's text version
    assert "Сидорова Мария Павловна" in text  # the pair's mentor
    assert "Выбор темы проекта" in text  # the plan
    assert "Было интересно разобрать задачу" in text  # the journal
    assert "Открыта карточка" in text  # the access log
    assert "Запрошены сведения о субъекте персональных данных" in text
    with tenant_scope(world.school):
        requested = AuditEntry.objects.get(action="privacy.subject_copy")
    assert requested.actor == world.users[Role.CURATOR]
    assert requested.object_id == str(people["mentee"].pk)


def test_the_zip_holds_the_pdf_and_the_consent_scan(world, django_capture_on_commit_callbacks):
    job, data = ask(world, "zip", django_capture_on_commit_callbacks, role=Role.METHODIST)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        pdfs = [name for name in names if name.endswith(".pdf") and "/" not in name]
        assert len(pdfs) == 1
        assert "Петров Илья Сергеевич" in pdf_text(archive.read(pdfs[0]))
        scans = [name for name in names if name.startswith("Согласия/")]
        assert scans and archive.read(scans[0]).startswith(b"%PDF-1.4 consent")
    assert job.result["mimetype"] == "application/zip"


def test_the_observer_cannot_ask(world):
    mentee = world.people[world.school.pk]["mentee"]
    client = world.client_for(world.users[Role.OBSERVER])
    url = reverse("mentee_subject_copy", kwargs={"org": world.school.slug, "pk": mentee.pk, "fmt": "pdf"})
    assert client.post(url).status_code == 403
    with tenant_scope(world.school):
        assert not Job.objects.filter(kind="subject_copy").exists()


def test_a_mentors_copy_names_their_pairs_and_consent(world, django_capture_on_commit_callbacks):
    mentor = world.people[world.school.pk]["mentor"]
    client = world.client_for(world.users[Role.DIRECTOR])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("mentor_subject_copy", kwargs={"org": world.school.slug, "pk": mentor.pk, "fmt": "pdf"}))
    with tenant_scope(world.school):
        job = Job.objects.get(kind="subject_copy")
    assert job.status == Job.Status.READY, job.error
    with job.output_file.open("rb") as stored:
        text = pdf_text(stored.read())
    assert "Сидорова Мария Павловна" in text
    assert "Петров Илья Сергеевич" in text  # the mentee of the mentor's pair
    assert "Согласий нет." in text
