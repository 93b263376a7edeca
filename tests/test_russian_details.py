"""The Russian of the pages: words agree with the person and the number, labels are never empty, dates read
«дд.мм.гггг» whatever the browser's language, buttons say what they do, the admin speaks Russian."""

from datetime import timedelta

from django.urls import reverse
from django_scopes import scopes_disabled

from core.roles import Role
from mentoring.models import Gender, Mentee

from .test_journal import today
from .test_pairs import add_mentee, running_programme  # noqa: F401 (a fixture)


def url(world, name, **kwargs):
    return reverse(name, kwargs={"org": world.school.slug, **kwargs})


def add_minor(world, last_name, first_name, patronymic="", gender=""):
    with scopes_disabled():
        return Mentee.objects.create(
            organization=world.school, last_name=last_name, first_name=first_name, patronymic=patronymic,
            gender=gender, birth_date=today() - timedelta(days=365 * 12 + 30),
        )  # fmt: skip


def test_the_consent_warning_agrees_with_the_persons_gender(world):
    curator = world.client_for(world.users[Role.CURATOR])
    girl = add_minor(world, "Юнова", "Анна", "Игоревна")
    boy = add_minor(world, "Юнов", "Пётр", "Игоревич")
    stored = add_minor(world, "Ким", "Саша", gender=Gender.FEMALE)  # the name says nothing; the field does
    for mentee, word in ((girl, "Несовершеннолетняя"), (boy, "Несовершеннолетний"), (stored, "Несовершеннолетняя")):
        page = curator.get(url(world, "mentee_detail", pk=mentee.pk)).content.decode()
        assert f'data-testid="consent-warning">{word} без действующего согласия' in page, mentee
        assert "(12 лет)" in page
    contacts = curator.get(url(world, "mentee_detail", pk=girl.pk)).content.decode()
    assert '<dt class="col-5">Контакты</dt><dd class="col-7">не указаны</dd>' in contacts


def test_date_fields_show_and_take_the_russian_format(world):
    curator = world.client_for(world.users[Role.CURATOR])
    programme = world.people[world.school.pk]["programme"]
    page = curator.get(url(world, "programme_edit", pk=programme.pk)).content.decode()
    assert f'value="{programme.starts_on:%d.%m.%Y}"' in page
    assert 'placeholder="дд.мм.гггг"' in page and 'type="date"' not in page


def test_the_awaiting_button_says_what_it_does(world, running_programme):  # noqa: F811
    add_mentee(world, "Белов")
    page = world.client_for(world.users[Role.CURATOR]).get(url(world, "unpaired_mentees")).content.decode()
    assert "Отметить: пока без пары, ищем наставника" in page
    assert "Поддержка, поиск продолжается</button>" not in page


def test_the_admin_names_every_app_in_russian(world):
    staff = world.client_for(world.staff)
    page = staff.get(reverse("admin:index")).content.decode()
    assert "Защита от подбора паролей" in page
    assert ">Axes<" not in page and ">AXES<" not in page
