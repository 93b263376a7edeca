"""Where a school corrects a name the portal declines wrongly: the school's requisites, a person's card and a user
in the admin. A saved correction is what documents print; an emptied field brings the portal's form back."""

import pytest
from django.urls import reverse

from core.inflection import name_of, organization_name
from core.models import Organization
from core.roles import Role
from core.tenancy import tenant_scope
from mentoring.forms.people import MenteeForm, MentorForm
from mentoring.models import Mentee, Mentor, User

SCHOOL_NAME = "Муниципальное бюджетное общеобразовательное учреждение «Средняя школа №40»"


def form_data(form) -> dict:
    """What the browser sends back for an unchanged form."""
    data = {}
    for field in form.visible_fields():
        value = field.value()
        if value is None or value is False:
            continue
        data[field.name] = value if isinstance(value, list) else str(value)
    return data


@pytest.fixture
def curator(world):
    return world.client_for(world.users[Role.CURATOR])


def requisites_data(school, **corrections) -> dict:
    return {
        "name": SCHOOL_NAME,
        "short_name": "МБОУ «СШ №40»",
        "director_position": "Директор",
        "director_name": "Петрова Ольга Ивановна",
        **corrections,
    }


def test_requisites_show_the_library_forms_and_save_only_the_corrected_ones(world, curator):
    school = world.school
    school.name, school.name_forms = SCHOOL_NAME, {}
    school.save()
    url = reverse("school_requisites", kwargs={"org": school.slug})

    page = curator.get(url).content.decode()
    assert "Полное наименование в родительном падеже (кого? чего?)" in page
    assert 'placeholder="Муниципального бюджетного общеобразовательного учреждения «Средняя школа №40»"' in page
    assert 'placeholder="Муниципальном бюджетном общеобразовательном учреждении «Средняя школа №40»"' in page
    assert "Краткое наименование в дательном падеже (кому? чему?)" in page

    response = curator.post(url, requisites_data(school, name_form_datv="  Школе   №40 ", name_form_short_gent=""))
    assert response.status_code == 302
    school = Organization.objects.get(pk=school.pk)
    assert school.name_forms == {"datv": "Школе №40"}
    assert organization_name(school, "datv") == "Школе №40"
    assert organization_name(school, "gent") == (
        "Муниципального бюджетного общеобразовательного учреждения «Средняя школа №40»"
    )

    curator.post(url, requisites_data(school, name_form_datv=""))
    school = Organization.objects.get(pk=school.pk)
    assert school.name_forms == {}
    assert organization_name(school, "datv").startswith("Муниципальному бюджетному")


def test_a_rejected_requisites_form_keeps_the_typed_forms(world, curator):
    school = world.school
    url = reverse("school_requisites", kwargs={"org": school.slug})
    response = curator.post(url, requisites_data(school, name="", name_form_ablt="Школой №40"))
    page = response.content.decode()
    assert response.status_code == 200
    assert 'value="Школой №40"' in page
    assert '<details class="mb-3" open>' in page
    assert Organization.objects.get(pk=school.pk).name_forms == {}

    too_long = curator.post(url, requisites_data(school, name_form_loct="Ш" * 501)).content.decode()
    assert "не более 500 символов" in too_long


def test_a_mentors_card_saves_the_gender_and_the_name_forms(world, curator):
    school = world.school
    with tenant_scope(school):
        mentor = Mentor.objects.get(organization=school, last_name="Сидорова")
        data = form_data(MentorForm(instance=mentor, tenant=school))
    edit = reverse("mentor_edit", kwargs={"org": school.slug, "pk": mentor.pk})

    page = curator.get(edit).content.decode()
    assert "определить по имени" in page
    assert 'placeholder="Сидоровой Марией Павловной"' in page

    response = curator.post(edit, {**data, "last_name": "Ким", "first_name": "Женя", "patronymic": "", "gender": "f"})
    assert response.status_code == 302
    with tenant_scope(school):
        mentor = Mentor.objects.get(pk=mentor.pk)
    assert name_of(mentor, "datv") == "Ким Жене"

    response = curator.post(edit, {**data, "gender": "", "name_form_ablt": "Сидоровою Марией Павловной"})
    assert response.status_code == 302
    with tenant_scope(school):
        mentor = Mentor.objects.get(pk=mentor.pk)
    assert mentor.gender == ""
    assert mentor.name_forms == {"ablt": "Сидоровою Марией Павловной"}
    assert name_of(mentor, "ablt") == "Сидоровою Марией Павловной"
    assert name_of(mentor, "gent") == "Сидоровой Марии Павловны"  # the blank fields keep the portal's forms


def test_a_mentees_card_keeps_rejected_corrections_and_clears_an_emptied_one(world, curator):
    school = world.school
    with tenant_scope(school):
        mentee = Mentee.objects.get(organization=school, last_name="Петров")
        mentee.name_forms = {"gent": "Петрова Ильи Сергеевича", "loct": "о Петрове"}
        mentee.save()
        data = form_data(MenteeForm(instance=mentee))
    assert data["name_form_gent"] == "Петрова Ильи Сергеевича"
    edit = reverse("mentee_edit", kwargs={"org": school.slug, "pk": mentee.pk})

    rejected = curator.post(edit, {**data, "birth_date": "2999-01-01", "name_form_datv": "Петрову Илье"})
    assert 'value="Петрову Илье"' in rejected.content.decode()

    assert curator.post(edit, {**data, "name_form_gent": ""}).status_code == 302
    with tenant_scope(school):
        mentee = Mentee.objects.get(pk=mentee.pk)
    assert mentee.name_forms == {"loct": "о Петрове"}  # a form the card does not show is left alone
    assert name_of(mentee, "gent") == "Петрова Ильи Сергеевича"


def test_the_admin_edits_a_users_gender_and_name_forms(world):
    admin = world.client_for(world.staff)
    user = world.users[Role.CURATOR]
    url = reverse("admin:mentoring_user_change", args=[user.pk])
    page = admin.get(url).content.decode()
    assert "ФИО в творительном падеже (кем? чем?)" in page
    assert "определить по имени" in page

    data = {
        "email": user.email,
        "last_name": "Шевчук",
        "first_name": "Саша",
        "patronymic": "",
        "gender": "m",
        "position": "Заместитель директора по УВР",
        "is_active": "on",
        "date_joined_0": "01.09.2025",
        "date_joined_1": "08:00:00",
        "name_form_gent": "Шевчука Саши",
        "memberships-TOTAL_FORMS": "0",
        "memberships-INITIAL_FORMS": "0",
    }
    response = admin.post(url, data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    user = User.objects.get(pk=user.pk)
    assert user.name_forms == {"gent": "Шевчука Саши"}
    assert name_of(user, "gent") == "Шевчука Саши"
    assert name_of(user, "datv") == "Шевчуку Саше"
