"""The programme, its seven stages and their checklists, sub-programmes, forms, mentor selection and the school
of mentors — as the curator, the methodist and a mentor see them."""

import io
import re
import zipfile
from datetime import date, timedelta
from html.parser import HTMLParser

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core.models import AuditEntry
from core.roles import Role
from core.tenancy import tenant_scope
from mentoring.models import (
    Mentee,
    Mentor,
    MentoringForm,
    Programme,
    ProgrammeMentor,
    Stage,
    StageActivity,
    SubProgramme,
    TrainingSession,
)
from mentoring.services.programmes import create_programme, ensure_forms

TODAY = timezone.localdate()


def url(world, name, **kwargs):
    return reverse(name, kwargs={"org": world.school.slug, **kwargs})


def in_school(world):
    return tenant_scope(world.school)


@pytest.fixture
def curator(world):
    return world.client_for(world.users[Role.CURATOR])


def fixture(world, key):
    return world.people[world.school.pk][key]


def new_programme(world, starts_on, ends_on, title="Программа на год"):
    """A programme of the school around today (the fixture programme's dates are fixed in 2026/2027)."""
    with in_school(world):
        forms = {form.code: form for form in ensure_forms(world.school)}
        return create_programme(
            tenant=world.school,
            actor=world.users[Role.CURATOR],
            forms=[forms["teacher-pupil"], forms["pupil-pupil"]],
            title=title,
            starts_on=starts_on,
            ends_on=ends_on,
            goals="Цели",
            curator=world.users[Role.CURATOR],
        )


@pytest.fixture
def running(world):
    """A programme that started 100 days ago and ends in 200 days."""
    return new_programme(world, TODAY - timedelta(days=100), TODAY + timedelta(days=200))


class ElementText(HTMLParser):
    """The text inside the first element marked ``data-testid=testid``, nested elements included."""

    VOID = {"input", "br", "img", "hr", "meta", "link", "source", "col", "area", "wbr"}

    def __init__(self, testid):
        super().__init__()
        self.testid, self.depth, self.found, self.parts = testid, 0, False, []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        if self.depth:
            self.depth += 1
        elif not self.found and dict(attrs).get("data-testid") == self.testid:
            self.depth, self.found = 1, True

    def handle_endtag(self, tag):
        if self.depth and tag not in self.VOID:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)


def block(html, testid):
    parser = ElementText(testid)
    parser.feed(html)
    assert parser.found, f"no {testid} on the page"
    return " ".join(" ".join(parser.parts).split())


def add_mentee(world, **fields):
    with in_school(world):
        return Mentee.objects.create(
            organization=world.school, last_name=fields.pop("last_name", "Орлова"), first_name="Вера", **fields
        )


def add_mentor(world, last_name, **fields):
    with in_school(world):
        return Mentor.objects.create(organization=world.school, last_name=last_name, first_name="Олег", **fields)


# --- Creating and changing a programme -------------------------------------------------------------------


def test_a_new_programme_gets_seven_stages_with_activities_inside_its_period(world, curator):
    with in_school(world):
        forms = ensure_forms(world.school)
    response = curator.post(
        url(world, "programme_create"),
        {
            "title": "Программа 2027/2028",
            "starts_on": "2027-09-01",
            "ends_on": "2028-05-31",
            "forms": [form.pk for form in forms[:2]],
            "goals": "Раскрыть потенциал",
            "curator": world.users[Role.CURATOR].pk,
        },
    )
    with in_school(world):
        programme = Programme.objects.get(title="Программа 2027/2028")
        stages = list(programme.stages.prefetch_related("activities"))
        assert [stage.number for stage in stages] == [1, 2, 3, 4, 5, 6, 7]
        for stage in stages:
            assert date(2027, 9, 1) <= stage.starts_on <= stage.ends_on <= date(2028, 5, 31)
            assert stage.local_acts
            activities = list(stage.activities.all())
            assert activities, f"stage {stage.number} has no activities"
            assert all(date(2027, 9, 1) <= a.due_on <= date(2028, 5, 31) for a in activities)
        assert AuditEntry.objects.filter(action="programme.created", object_id=str(programme.pk)).exists()
    assert response["Location"] == url(world, "programme_detail", pk=programme.pk)
    page = curator.get(response["Location"]).content.decode()
    assert "Этап 7. Завершение наставничества" in page
    assert "Отбор и обучение наставников" in block(page, "timeline")


def test_programme_dates_out_of_order_are_refused_and_nothing_is_stored(world, curator):
    with in_school(world):
        forms = ensure_forms(world.school)
        programmes, stages = Programme.objects.count(), Stage.objects.count()
    response = curator.post(
        url(world, "programme_create"),
        {
            "title": "Наоборот",
            "starts_on": "2028-05-31",
            "ends_on": "2027-09-01",
            "forms": [forms[0].pk],
        },
    )
    assert response.status_code == 200
    assert "Окончание программы должно быть позже начала." in response.content.decode()
    assert 'value="Наоборот"' in response.content.decode()  # what was typed stays
    with in_school(world):
        assert (Programme.objects.count(), Stage.objects.count()) == (programmes, stages)

    programme = fixture(world, "programme")
    response = curator.post(
        url(world, "programme_edit", pk=programme.pk),
        {"title": "Изменено", "starts_on": "2027-05-31", "ends_on": "2026-09-01", "forms": [forms[0].pk]},
    )
    assert "Окончание программы должно быть позже начала." in response.content.decode()
    with in_school(world):
        programme.refresh_from_db()
        assert programme.title == "Программа наставничества 2026/2027"
        assert not AuditEntry.objects.filter(action="programme.updated").exists()


def test_a_shorter_period_must_move_the_stages_or_it_is_refused(world, curator, running):
    with in_school(world):
        form_ids = list(running.forms.values_list("pk", flat=True))
        stage7 = running.stages.get(number=7)
    new_end = running.ends_on - timedelta(days=60)
    post = {"title": running.title, "starts_on": running.starts_on, "ends_on": new_end, "forms": form_ids}
    response = curator.post(url(world, "programme_edit", pk=running.pk), post)
    assert "выходят за новые сроки программы" in response.content.decode()
    with in_school(world):
        running.refresh_from_db()
        assert running.ends_on == TODAY + timedelta(days=200)

    response = curator.post(url(world, "programme_edit", pk=running.pk), {**post, "replan_stages": "on"})
    assert response.status_code == 302
    with in_school(world):
        stage7.refresh_from_db()
        assert stage7.ends_on == new_end
        assert all(running.starts_on <= s.starts_on <= s.ends_on <= new_end for s in running.stages.all())
        changes = AuditEntry.objects.get(action="programme.updated").changes
        assert changes["окончание"] == [running.ends_on.strftime("%d.%m.%Y"), new_end.strftime("%d.%m.%Y")]
        assert "даты этапов и сроки мероприятий" in changes


def test_a_form_with_pairs_cannot_be_dropped_from_the_programme(world, curator):
    programme = fixture(world, "programme")
    with in_school(world):
        other = [f.pk for f in programme.forms.all() if f != fixture(world, "form")]
    response = curator.post(
        url(world, "programme_edit", pk=programme.pk),
        {"title": programme.title, "starts_on": programme.starts_on, "ends_on": programme.ends_on, "forms": other},
    )
    assert "Форму «учитель – ученик» убрать нельзя" in response.content.decode()
    with in_school(world):
        assert fixture(world, "form") in programme.forms.all()


# --- Stages: timeline, readiness, overdue ----------------------------------------------------------------


def test_stage_dates_out_of_order_or_outside_the_programme_are_refused(world, curator, running):
    with in_school(world):
        stage = running.stages.get(number=2)
    before = (stage.starts_on, stage.ends_on)
    response = curator.post(
        url(world, "stage_edit", pk=stage.pk),
        {"starts_on": TODAY, "ends_on": TODAY - timedelta(days=1), "status": "planned"},
    )
    assert "Окончание этапа не может быть раньше его начала." in response.content.decode()
    response = curator.post(
        url(world, "stage_edit", pk=stage.pk),
        {"starts_on": running.starts_on - timedelta(days=1), "ends_on": TODAY, "status": "planned"},
    )
    assert "Начало этапа должно быть в сроках программы" in response.content.decode()
    with in_school(world):
        stage.refresh_from_db()
        assert (stage.starts_on, stage.ends_on) == before
        assert not AuditEntry.objects.filter(action="stage.updated").exists()

    new_end = TODAY + timedelta(days=10)
    response = curator.post(
        url(world, "stage_edit", pk=stage.pk),
        {"starts_on": stage.starts_on, "ends_on": new_end, "status": "in_progress", "responsible": "Иванова И.И."},
    )
    assert response.status_code == 302
    with in_school(world):
        stage.refresh_from_db()
        assert (stage.ends_on, stage.status) == (new_end, "in_progress")
        # Activities due at the stage's end follow it.
        assert set(stage.activities.values_list("due_on", flat=True)) == {new_end}
        assert AuditEntry.objects.get(action="stage.updated").changes["ответственные"] == [
            world.users[Role.CURATOR].initials_name,
            "Иванова И.И.",
        ]


def test_a_stage_with_open_activities_cannot_be_marked_done(world, curator, running):
    with in_school(world):
        stage = running.stages.get(number=3)
    post = {"starts_on": stage.starts_on, "ends_on": stage.ends_on, "status": "done"}
    response = curator.post(url(world, "stage_edit", pk=stage.pk), post)
    assert "Этап нельзя отметить завершённым: не выполнены мероприятия" in response.content.decode()
    with in_school(world):
        stage.activities.update(done_on=TODAY)
    assert curator.post(url(world, "stage_edit", pk=stage.pk), post).status_code == 302
    with in_school(world):
        stage.refresh_from_db()
        assert stage.status == Stage.Status.DONE


def test_readiness_reasons_are_shown_on_the_programme_page(world, curator):
    programme = fixture(world, "programme")
    page = curator.get(url(world, "programme_detail", pk=programme.pk)).content.decode()
    assert "✓" in block(page, "readiness-2")
    assert "✓" in block(page, "readiness-5")  # the fixture mentee is in a pair

    minor = add_mentee(
        world,
        birth_date=TODAY.replace(year=TODAY.year - 12, day=1),
        representative_name="Орлов Павел",
        representative_relation="отец",
        requests_text="Трудности с математикой",
    )
    page = curator.get(url(world, "programme_detail", pk=programme.pk)).content.decode()
    assert "несовершеннолетних без согласия представителя: 1" in block(page, "readiness-2")
    assert "наставляемых без пары и без отметки «поиск продолжается»: 1" in block(page, "readiness-5")

    with in_school(world):
        Mentee.objects.filter(pk=minor.pk).update(awaiting_mentor=True)
    page = curator.get(url(world, "programme_detail", pk=programme.pk)).content.decode()
    assert "✓" in block(page, "readiness-5")
    assert "Не готов" in block(page, "readiness-2")


def test_the_stage_page_says_why_it_is_not_ready(world, curator):
    programme = fixture(world, "programme")
    add_mentee(world, last_name="Без запроса")
    with in_school(world):
        stage = programme.stages.get(number=2)
    page = curator.get(url(world, "stage_detail", pk=stage.pk)).content.decode()
    assert "без запросов: 1" in block(page, "readiness")


def test_overdue_activities_are_shown_in_red(world, curator, running):
    with in_school(world):
        stage = running.stages.get(number=3)
        late = stage.activities.first()
        late.due_on = TODAY - timedelta(days=3)
        late.save()
    page = curator.get(url(world, "programme_detail", pk=running.pk)).content.decode()
    overdue = block(page, "overdue-3")
    assert f"{late.title} (срок {late.due_on:%d.%m.%Y})" in overdue
    assert 'data-testid="stage-3"' in page and "card mb-3 border-danger" in page
    stage_page = curator.get(url(world, "stage_detail", pk=stage.pk)).content.decode()
    assert f'id="activity-{late.pk}" class="table-danger"' in stage_page
    assert "просрочено" in stage_page

    curator.post(url(world, "activity_done", pk=late.pk), {"done_on": TODAY.isoformat()})
    page = curator.get(url(world, "programme_detail", pk=running.pk)).content.decode()
    assert late.title not in block(page, "overdue-3")


def test_the_programme_list_is_newest_first_and_counts_overdue_activities(world, curator, running):
    new_programme(world, date(2030, 9, 1), date(2031, 5, 31), title="Программа 2030/2031")
    with in_school(world):
        StageActivity.objects.filter(stage__programme=running, stage__number=1).update(due_on=TODAY - timedelta(days=1))
        StageActivity.objects.filter(stage__programme=running).exclude(stage__number=1).update(due_on=TODAY)
        count = StageActivity.objects.filter(stage__programme=running, stage__number=1).count()
    page = curator.get(url(world, "programme_list")).content.decode()
    listing = block(page, "programme-list")
    assert listing.index("Программа 2030/2031") < listing.index("Программа на год")
    assert f"Программа на год идёт {running.starts_on:%d.%m.%Y} – {running.ends_on:%d.%m.%Y}" in listing
    assert re.search(rf'Программа на год.*?text-bg-danger">{count}<', page, re.S)


# --- The checklist: ticking, evidence, files --------------------------------------------------------------


def pdf(name="приказ.pdf", size=None):
    content = b"%PDF-1.4 order" + (b"0" * (size - 14) if size else b"")
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def docx():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return SimpleUploadedFile("протокол.docx", buffer.getvalue())


def test_ticking_an_activity_with_a_future_date_is_refused(world, curator):
    activity = fixture(world, "activity")
    response = curator.post(
        url(world, "activity_done", pk=activity.pk),
        {"done_on": (TODAY + timedelta(days=1)).isoformat(), "attachment": pdf()},
    )
    assert response.status_code == 200
    assert "Дата выполнения не может быть в будущем." in response.content.decode()
    with in_school(world):
        activity.refresh_from_db()
        assert activity.done_on is None and not activity.attachment
        assert not AuditEntry.objects.filter(action="activity.done").exists()


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (lambda: SimpleUploadedFile("приказ.pdf", b"\x89PNG\r\n\x1a\nimage"), "внутри другой формат"),
        (lambda: SimpleUploadedFile("setup.exe", b"MZ\x90\x00"), "Приложите файл PDF, DOC, DOCX, XLSX, JPG или PNG."),
        (lambda: SimpleUploadedFile("план.docx", b"PK\x03\x04not really a zip"), "внутри другой формат"),
        (lambda: pdf(size=10 * 1024 * 1024 + 1), "Файл больше 10 МБ."),
    ],
    ids=["renamed-png", "exe", "broken-docx", "too-large"],
)
def test_attachments_are_checked_by_content_and_size(world, curator, upload, message):
    activity = fixture(world, "activity")
    response = curator.post(
        url(world, "activity_done", pk=activity.pk), {"done_on": TODAY.isoformat(), "attachment": upload()}
    )
    assert message in response.content.decode()
    with in_school(world):
        activity.refresh_from_db()
        assert activity.done_on is None


def test_evidence_is_downloaded_only_by_those_who_read_the_school_documents(
    world, curator, settings, django_capture_on_commit_callbacks
):
    activity = fixture(world, "activity")
    response = curator.post(
        url(world, "activity_done", pk=activity.pk),
        {"done_on": TODAY.isoformat(), "attachment": docx(), "document_link": "https://school.example/order-12"},
    )
    assert response.status_code == 302
    with in_school(world):
        activity.refresh_from_db()
        assert activity.done_on == TODAY and activity.done_by == world.users[Role.CURATOR]
        assert activity.document_link == "https://school.example/order-12"
        stored = activity.attachment.name
        entry = AuditEntry.objects.get(action="activity.done")
        assert entry.changes["файл"][1].endswith(".docx")

    download = url(world, "activity_attachment", pk=activity.pk)
    for role in (Role.DIRECTOR, Role.CURATOR, Role.METHODIST, Role.OBSERVER):
        response = world.client_for(world.users[role]).get(download)
        assert response.status_code == 200, role
        assert response["Content-Disposition"].startswith("attachment")
        assert b"word/document.xml" in b"".join(response.streaming_content)
    assert world.client_for(world.users[Role.MENTOR]).get(download).status_code == 403
    stage_page = world.client_for(world.users[Role.MENTOR]).get(url(world, "stage_detail", pk=activity.stage_id))
    assert "файл приложен" in stage_page.content.decode()
    assert download not in stage_page.content.decode()
    other_director = world.client_for(world.other_users[Role.DIRECTOR])
    assert other_director.get(download).status_code == 404
    # No public URL serves the file.
    assert curator.get(settings.MEDIA_URL + stored).status_code == 404

    with django_capture_on_commit_callbacks(execute=True):
        curator.post(url(world, "activity_undo", pk=activity.pk))
    with in_school(world):
        activity.refresh_from_db()
        assert activity.done_on is None and not activity.attachment and not activity.document_link
        assert AuditEntry.objects.filter(action="activity.undone").exists()
    assert not (settings.MEDIA_ROOT / stored).exists()


def test_the_curator_adds_edits_and_removes_a_custom_activity(world, curator, running):
    with in_school(world):
        stage = running.stages.get(number=1)
    response = curator.post(
        url(world, "activity_create", pk=stage.pk),
        {"title": "Педагогический совет", "due_on": (running.ends_on + timedelta(days=5)).isoformat()},
    )
    assert "Срок должен быть в сроках программы" in response.content.decode()
    curator.post(url(world, "activity_create", pk=stage.pk), {"title": "Педагогический совет"})
    with in_school(world):
        added = stage.activities.get(title="Педагогический совет")
        assert added.due_on == stage.ends_on
        assert added.position == stage.activities.count() - 1
    page = curator.get(url(world, "stage_detail", pk=stage.pk)).content.decode()
    assert "Педагогический совет" in block(page, "checklist")

    curator.post(url(world, "activity_done", pk=added.pk), {"done_on": TODAY.isoformat()})
    response = curator.post(url(world, "activity_delete", pk=added.pk), follow=True)
    assert "Выполненное мероприятие удалить нельзя" in response.content.decode()
    curator.post(url(world, "activity_undo", pk=added.pk))
    curator.post(url(world, "activity_delete", pk=added.pk))
    with in_school(world):
        assert not stage.activities.filter(title="Педагогический совет").exists()
        assert AuditEntry.objects.filter(action="activity.deleted").exists()


def test_the_observer_reads_the_checklist_without_buttons(world):
    observer = world.client_for(world.users[Role.OBSERVER])
    page = observer.get(url(world, "stage_detail", pk=fixture(world, "stage").pk)).content.decode()
    assert fixture(world, "activity").title in page
    assert "Отметить выполнение" not in page and "Изменить этап" not in page
    assert observer.post(url(world, "activity_done", pk=fixture(world, "activity").pk)).status_code == 403


# --- A mentor reads their own programme ------------------------------------------------------------------


def test_a_mentor_reads_only_the_programmes_they_take_part_in(world, running):
    mentor = world.client_for(world.users[Role.MENTOR])
    listing = block(mentor.get(url(world, "programme_list")).content.decode(), "programme-list")
    assert "Программа наставничества 2026/2027" in listing
    assert "Программа на год" not in listing
    assert mentor.get(url(world, "programme_detail", pk=running.pk)).status_code == 404
    with in_school(world):
        stage = running.stages.first()
    assert mentor.get(url(world, "stage_detail", pk=stage.pk)).status_code == 404
    methodist = world.client_for(world.users[Role.METHODIST])
    assert "Программа на год" in block(methodist.get(url(world, "programme_list")).content.decode(), "programme-list")
    assert methodist.get(url(world, "programme_detail", pk=running.pk)).status_code == 200

    with in_school(world):
        ProgrammeMentor.objects.create(organization=world.school, programme=running, mentor=fixture(world, "mentor"))
    assert mentor.get(url(world, "programme_detail", pk=running.pk)).status_code == 200


# --- Sub-programmes and forms ----------------------------------------------------------------------------


def test_subprogrammes_are_added_changed_and_removed(world, curator):
    programme = fixture(world, "programme")
    curator.post(
        url(world, "subprogramme_create", pk=programme.pk),
        {
            "name": "Шахматы",
            "operator": "Фонд «Вектор»",
            "who_mentors": "обучающиеся 9–11 классов",
            "mentor_role": "тренер",
            "mentees": "обучающиеся 5–6 классов",
            "period": "2026–2027",
        },
    )
    table = block(curator.get(url(world, "programme_detail", pk=programme.pk)).content.decode(), "subprogrammes")
    assert "Шахматы Фонд «Вектор» обучающиеся 9–11 классов тренер обучающиеся 5–6 классов 2026–2027" in table
    with in_school(world):
        sub = SubProgramme.objects.get(name="Шахматы")
    curator.post(url(world, "subprogramme_edit", pk=sub.pk), {"name": "Шахматный клуб", "period": "2026–2027"})
    curator.post(url(world, "subprogramme_delete", pk=fixture(world, "subprogramme").pk))
    table = block(curator.get(url(world, "programme_detail", pk=programme.pk)).content.decode(), "subprogrammes")
    assert "Шахматный клуб" in table and "Билет в будущее" not in table
    with in_school(world):
        actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"subprogramme.created", "subprogramme.updated", "subprogramme.deleted"} <= actions


def test_the_forms_reference_keeps_role_models_one_per_line(world, curator):
    form = fixture(world, "form")
    response = curator.post(
        url(world, "form_edit", pk=form.pk),
        {
            "name": form.name,
            "audience": "pupils",
            "mentor_categories": ["teacher"],
            "mentee_categories": ["pupil"],
            "mentor_must_be_older": "on",
            "role_models": "педагог – одарённый ученик\n\n  педагог –  отстающий ученик \nпедагог – одарённый ученик",
        },
    )
    assert response.status_code == 302
    with in_school(world):
        form.refresh_from_db()
        assert form.role_models == ["педагог – одарённый ученик", "педагог – отстающий ученик"]
    curator.post(
        url(world, "form_create"),
        {
            "name": "Руководитель ОО – педагог",
            "audience": "teachers",
            "mentor_categories": ["teacher"],
            "mentee_categories": ["young_specialist", "teacher"],
            "role_models": "руководитель – молодой педагог",
        },
    )
    response = curator.post(
        url(world, "form_create"),
        {"name": "руководитель оо – педагог", "audience": "teachers", "mentor_categories": ["teacher"],
         "mentee_categories": ["teacher"]},
    )  # fmt: skip
    assert "Форма с таким названием уже есть в списке." in response.content.decode()
    with in_school(world):
        custom = MentoringForm.objects.get(name="Руководитель ОО – педагог")
        assert custom.code == "custom-1"
        assert MentoringForm.objects.filter(name__iexact="руководитель оо – педагог").count() == 1
    assert "Руководитель ОО – педагог" in curator.get(url(world, "programme_create")).content.decode()
    listing = block(curator.get(url(world, "form_list")).content.decode(), "form-list")
    assert "молодой специалист, педагог" in listing


# --- Mentor selection and the school of mentors (stage 4) -------------------------------------------------


def test_mentor_selection_shows_missing_consent_and_keeps_mentors_who_work_in_pairs(world, curator):
    programme = fixture(world, "programme")
    with_consent = add_mentor(world, "Громов", consent_number="7", consent_date=date(2025, 9, 1))
    without = add_mentor(world, "Беляев")
    page = url(world, "mentor_selection", pk=programme.pk)
    listing = curator.get(page).content.decode()
    assert re.search(r"Беляев Олег.*?нет согласия", listing, re.S)
    filtered = curator.get(page, {"consent": "missing"}).content.decode()
    assert "Беляев" in filtered and "Громов" not in filtered

    paired = fixture(world, "mentor")
    shown = [paired.pk, with_consent.pk, without.pk]
    response = curator.post(page, {"shown": shown, "selected": [with_consent.pk, without.pk]}, follow=True)
    assert "работает в паре этой программы: снять отбор нельзя" in response.content.decode()
    with in_school(world):
        assert set(ProgrammeMentor.objects.filter(programme=programme).values_list("mentor_id", flat=True)) == {
            paired.pk
        }
    response = curator.post(page, {"shown": shown, "selected": [paired.pk, with_consent.pk, without.pk]}, follow=True)
    content = response.content.decode()
    assert "добавлено 2, снято 0" in content
    assert "Нет письменного согласия быть наставником (ст. 351.8 ТК РФ): Беляев Олег" in content
    # A filtered page changes only the mentors it shows.
    response = curator.post(
        page, {"shown": [without.pk], "selected": [], "query_string": "consent=missing&next=//evil.example"}
    )
    assert response["Location"] == page + "?consent=missing"  # back to the same filtered list
    with in_school(world):
        selected = set(ProgrammeMentor.objects.filter(programme=programme).values_list("mentor_id", flat=True))
        assert selected == {paired.pk, with_consent.pk}
        entry = AuditEntry.objects.filter(action="mentors.selected").first()
        assert entry.changes == {"сняты с отбора": ["Беляев Олег", None]}


def test_training_sessions_attendance_and_completion(world, running):
    methodist = world.client_for(world.users[Role.METHODIST])
    trainee = add_mentor(world, "Новиков", consent_number="3", consent_date=date(2025, 9, 1))
    absent = add_mentor(world, "Кротов", consent_number="4", consent_date=date(2025, 9, 1))
    with in_school(world):
        for mentor in (trainee, absent):
            ProgrammeMentor.objects.create(organization=world.school, programme=running, mentor=mentor)

    create = url(world, "training_session_create", pk=running.pk)
    response = methodist.post(create, {"held_on": (running.ends_on + timedelta(days=1)).isoformat(), "topic": "Роли"})
    assert "Дата занятия должна быть в сроках программы" in response.content.decode()
    methodist.post(create, {"held_on": (TODAY - timedelta(days=2)).isoformat(), "topic": "Роль наставника"})
    methodist.post(create, {"held_on": (TODAY + timedelta(days=7)).isoformat(), "topic": "Обратная связь"})
    with in_school(world):
        past = TrainingSession.objects.get(programme=running, topic="Роль наставника")
        coming = TrainingSession.objects.get(programme=running, topic="Обратная связь")

    response = methodist.post(url(world, "training_attendance", pk=coming.pk), {"attendees": [trainee.pk]})
    assert "Посещение отмечают после занятия" in response.content.decode()
    outsider = add_mentor(world, "Чужой")
    response = methodist.post(url(world, "training_attendance", pk=past.pk), {"attendees": [outsider.pk]})
    assert response.status_code == 200  # not a choice: the form refuses it
    methodist.post(url(world, "training_attendance", pk=past.pk), {"attendees": [trainee.pk]})
    with in_school(world):
        assert list(past.attendees.all()) == [trainee]
        trainee.refresh_from_db()
        assert trainee.training == Mentor.Training.IN_TRAINING
        assert AuditEntry.objects.get(action="training.recorded").changes == {"присутствовали": [None, "Новиков Олег"]}

    complete = url(world, "training_complete", pk=running.pk)
    response = methodist.post(complete, {"mentors": [trainee.pk, absent.pk]}, follow=True)
    assert "Не посетили ни одного занятия «Школы наставников»: Кротов Олег." in response.content.decode()
    with in_school(world):
        trainee.refresh_from_db()
        assert trainee.training == Mentor.Training.IN_TRAINING  # nothing changed
    response = methodist.post(complete, {"mentors": [trainee.pk]}, follow=True)
    assert "Отмечено обучение: 1." in response.content.decode()
    trainees = block(response.content.decode(), "trainees")
    assert "Новиков Олег 1 обучен" in trainees
    with in_school(world):
        trainee.refresh_from_db()
        assert trainee.training == Mentor.Training.TRAINED
        entry = AuditEntry.objects.get(action="training.completed")
        assert (entry.object_id, entry.changes) == (str(trainee.pk), {"обучение": ["обучается", "обучен"]})
    sessions = block(methodist.get(url(world, "training", pk=running.pk)).content.decode(), "sessions")
    assert "Роль наставника" in sessions and "предстоит" in sessions


def test_a_mentor_sees_only_their_own_sessions(world, running):
    programme = fixture(world, "programme")
    mine = fixture(world, "session")
    with in_school(world):
        missed = TrainingSession.objects.create(
            organization=world.school, programme=programme, held_on=mine.held_on, topic="Пропущенное занятие"
        )
        elsewhere = TrainingSession.objects.create(
            organization=world.school, programme=running, held_on=TODAY + timedelta(days=3), topic="Чужая программа"
        )
        ProgrammeMentor.objects.create(organization=world.school, programme=running, mentor=add_mentor(world, "Иной"))
        elsewhere.attendees.add(Mentor.objects.get(last_name="Иной"))
    mentor = world.client_for(world.users[Role.MENTOR])
    sessions = block(mentor.get(url(world, "my_training")).content.decode(), "my-sessions")
    assert "Роль наставника" in sessions and "присутствовали" in sessions
    assert missed.topic not in sessions and elsewhere.topic not in sessions

    with in_school(world):
        ProgrammeMentor.objects.create(organization=world.school, programme=running, mentor=fixture(world, "mentor"))
    sessions = block(mentor.get(url(world, "my_training")).content.decode(), "my-sessions")
    assert "Чужая программа" in sessions and "предстоит" in sessions
    assert mentor.get(url(world, "training", pk=programme.pk)).status_code == 403
    assert world.client_for(world.users[Role.OBSERVER]).get(url(world, "my_training")).status_code == 403


# --- Query counts (convention 8) -------------------------------------------------------------------------


def queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured)


def grows(client, path, add):
    add(2)
    few = queries(client, path)
    add(20)
    return few, queries(client, path)


def test_list_and_detail_pages_run_a_fixed_number_of_queries(world, curator, running):
    counter = iter(range(1000))
    mentors = []

    def add_programmes(n):
        for _ in range(n):
            new_programme(world, TODAY, TODAY + timedelta(days=300), title=f"Программа {next(counter)}")

    def add_activities(n):
        with in_school(world):
            for stage in running.stages.all():
                StageActivity.objects.bulk_create(
                    StageActivity(
                        organization=world.school, stage=stage, title=f"Мероприятие {next(counter)}",
                        due_on=TODAY - timedelta(days=1), done_on=TODAY if i % 2 else None,
                        done_by=world.users[Role.CURATOR],
                    )
                    for i in range(n)
                )  # fmt: skip
            SubProgramme.objects.bulk_create(
                SubProgramme(organization=world.school, programme=running, name=f"Под {next(counter)}")
                for _ in range(n)
            )

    def add_mentors(n):
        tag = fixture(world, "tag")
        with in_school(world):
            for _ in range(n):
                mentor = Mentor.objects.create(organization=world.school, last_name=f"М{next(counter)}", first_name="А")
                mentor.competencies.add(tag)
                mentors.append(mentor)
                ProgrammeMentor.objects.create(organization=world.school, programme=running, mentor=mentor)
                session = TrainingSession.objects.create(
                    organization=world.school, programme=running, held_on=TODAY, topic=f"Тема {next(counter)}"
                )
                session.attendees.add(mentor, fixture(world, "mentor"))

    def add_forms(n):
        with in_school(world):
            MentoringForm.objects.bulk_create(
                MentoringForm(
                    organization=world.school, code=f"x-{next(counter)}", name=f"Форма {next(counter)}",
                    audience="pupils", mentor_categories=["teacher"], mentee_categories=["pupil"], role_models=["a"],
                )
                for _ in range(n)
            )  # fmt: skip

    with in_school(world):
        stage = running.stages.get(number=4)
    with in_school(world):
        ProgrammeMentor.objects.create(organization=world.school, programme=running, mentor=fixture(world, "mentor"))
    mentor = world.client_for(world.users[Role.MENTOR])
    checks = [
        (curator, url(world, "programme_list"), add_programmes),
        (curator, url(world, "programme_detail", pk=running.pk), add_activities),
        (curator, url(world, "stage_detail", pk=stage.pk), add_activities),
        (curator, url(world, "mentor_selection", pk=running.pk), add_mentors),
        (curator, url(world, "training", pk=running.pk), add_mentors),
        (mentor, url(world, "my_training"), add_mentors),
        (curator, url(world, "form_list"), add_forms),
    ]
    for client, path, add in checks:
        few, many = grows(client, path, add)
        assert few == many, path
