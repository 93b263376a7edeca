"""Two people editing the same record: the later save is refused with who changed what and when, and keeps
what its author typed; nothing the first one saved is lost. Cards and documents."""

from django.urls import reverse
from django_scopes import scopes_disabled

from core.roles import Role
from core.tenancy import tenant_scope
from documents.models import Document
from documents.services import drafting
from mentoring.models import Mentee


def url(world, name, **kwargs):
    return reverse(name, kwargs={"org": world.school.slug, **kwargs})


def opened_form(client, address) -> dict:
    """What the browser would post back unchanged: every field of the form as rendered (the hidden version too)."""
    form = client.get(address).context["form"]
    data = {}
    for field in form:
        value = field.value()
        if value is None:
            continue
        data[field.name] = [str(item) for item in value] if isinstance(value, list | tuple) else str(value)
    return data


def test_the_later_save_of_a_card_is_refused_and_keeps_what_was_typed(world):
    mentee = world.people[world.school.pk]["mentee"]
    address = url(world, "mentee_edit", pk=mentee.pk)
    curator = world.client_for(world.users[Role.CURATOR])
    director = world.client_for(world.users[Role.DIRECTOR])
    form_a, form_b = opened_form(curator, address), opened_form(director, address)
    assert form_a["version"] and form_a["version"] == form_b["version"]

    assert curator.post(address, {**form_a, "phone": "8 913 555-55-55"}).status_code == 302
    refused = director.post(address, {**form_b, "notes": "Любит шахматы"})
    assert refused.status_code == 200
    page = refused.content.decode()
    assert "Пока форма была открыта, эту запись изменили" in page
    assert "Куратор" in page and "телефон: — → 8 913 555-55-55" in page  # who, what
    assert "Любит шахматы" in page  # what B typed is still in the form
    with tenant_scope(world.school):
        stored = Mentee.objects.get(pk=mentee.pk)
    assert (stored.phone, stored.notes) == ("8 913 555-55-55", "")

    # B has read the message: the form now carries the new version, and B keeps A's phone this time.
    again = dict(refused.context["form"].data.items())
    assert again["version"] != form_b["version"]
    again = {**form_b, "version": again["version"], "notes": "Любит шахматы", "phone": "8 913 555-55-55"}
    assert director.post(address, again).status_code == 302
    with tenant_scope(world.school):
        stored = Mentee.objects.get(pk=mentee.pk)
    assert (stored.phone, stored.notes) == ("8 913 555-55-55", "Любит шахматы")


def test_the_later_save_of_a_document_draft_is_refused_and_keeps_the_text(world):
    people = world.people[world.school.pk]
    curator, director = world.users[Role.CURATOR], world.users[Role.DIRECTOR]
    world.school.address = "663060, Красноярский край, пгт Большая Мурта, ул. Советская, 1"
    world.school.save(update_fields=["address"])
    with tenant_scope(world.school):
        document = drafting.create(
            tenant=world.school, kind_code="pd_consent", actor=curator, programme=people["programme"],
            subject_id=people["mentee"].pk,
        )  # fmt: skip
    address = url(world, "document_edit", pk=document.pk)
    first, second = world.client_for(curator), world.client_for(director)
    form_a, form_b = opened_form(first, address), opened_form(second, address)
    assert first.post(address, {**form_a, "term": "До окончания программы"}).status_code == 302
    refused = second.post(address, {**form_b, "withdrawal": "Письменным заявлением в канцелярию"})
    assert refused.status_code == 200
    page = refused.content.decode()
    assert "Пока форма была открыта, эту запись изменили" in page and "До окончания программы" in page
    assert "Письменным заявлением в канцелярию" in page
    with scopes_disabled():
        blocks = Document.objects.get(pk=document.pk).blocks
    assert blocks["term"] == "До окончания программы" and "канцелярию" not in blocks.get("withdrawal", "")


def test_a_save_on_the_current_version_goes_through(world):
    mentor = world.people[world.school.pk]["mentor"]
    address = url(world, "mentor_edit", pk=mentor.pk)
    curator = world.client_for(world.users[Role.CURATOR])
    for phone in ("8 913 000-00-01", "8 913 000-00-02"):  # each save on a freshly opened form
        assert curator.post(address, {**opened_form(curator, address), "phone": phone}).status_code == 302


def test_the_later_save_of_a_stage_is_refused_with_the_earlier_change(world):
    stage = world.people[world.school.pk]["stage"]
    address = url(world, "stage_edit", pk=stage.pk)
    curator = world.client_for(world.users[Role.CURATOR])
    director = world.client_for(world.users[Role.DIRECTOR])
    form_a, form_b = opened_form(curator, address), opened_form(director, address)
    assert curator.post(address, {**form_a, "responsible": "Орлова М.С."}).status_code == 302
    refused = director.post(address, {**form_b, "local_acts": "Приказ № 12 от 01.09.2026"})
    assert refused.status_code == 200
    page = refused.content.decode()
    assert "Пока форма была открыта, эту запись изменили" in page and "Орлова М.С." in page
    assert "Приказ № 12 от 01.09.2026" in page
    with tenant_scope(world.school):
        stage.refresh_from_db()
    assert (stage.responsible, stage.local_acts) == ("Орлова М.С.", form_a["local_acts"])


def test_the_later_save_of_a_programme_is_refused(world):
    programme = world.people[world.school.pk]["programme"]
    address = url(world, "programme_edit", pk=programme.pk)
    curator = world.client_for(world.users[Role.CURATOR])
    director = world.client_for(world.users[Role.DIRECTOR])
    form_a, form_b = opened_form(curator, address), opened_form(director, address)
    assert curator.post(address, {**form_a, "goals": "Цели, уточнённые куратором"}).status_code == 302
    refused = director.post(address, {**form_b, "title": "Программа директора"})
    assert refused.status_code == 200
    assert "Пока форма была открыта, эту запись изменили" in refused.content.decode()
    with tenant_scope(world.school):
        programme.refresh_from_db()
    assert (programme.goals, programme.title) == ("Цели, уточнённые куратором", "Программа наставничества 2026/2027")


def test_the_later_save_of_a_plan_item_is_refused(world):
    """The mentor and the curator change the same item of a pair's plan from their own pages."""
    item = world.people[world.school.pk]["plan_item"]
    mentor_page, curator_page = url(world, "own_plan_item_edit", pk=item.pk), url(world, "plan_item_edit", pk=item.pk)
    mentor = world.client_for(world.users[Role.MENTOR])
    curator = world.client_for(world.users[Role.CURATOR])
    form_a, form_b = opened_form(mentor, mentor_page), opened_form(curator, curator_page)
    assert mentor.post(mentor_page, {**form_a, "title": "Выбор темы проекта и руководителя"}).status_code == 302
    refused = curator.post(curator_page, {**form_b, "goal": "Тема выбрана до ноября"})
    assert refused.status_code == 200
    page = refused.content.decode()
    assert "Пока форма была открыта, эту запись изменили" in page and "Выбор темы проекта и руководителя" in page
    assert "Тема выбрана до ноября" in page
    with tenant_scope(world.school):
        item.refresh_from_db()
    assert (item.title, item.goal) == ("Выбор темы проекта и руководителя", "")
