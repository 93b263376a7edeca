"""The teachers' documents as a director reads them, parsed back from the PDF (WeasyPrint) and the DOCX: the
school's Regulation on the system of mentoring of teachers with its nine sections and the seven stages; the order
approving it with the plan of measures, which freezes both with its register number; the department's order with
the municipal Regulation (the methodological centre's part) and the complex of measures as its appendices."""

from django_scopes import scopes_disabled

from core.roles import Role
from core.tenancy import tenant_scope
from documents.models import Document
from documents.services import drafting, workflow

from .test_rendering import both, pdf_text


def flat(text: str) -> str:
    return " ".join(text.split())


def test_the_teachers_regulation_has_nine_sections_the_roles_and_the_seven_stages(make, school):
    text, _, word = both(make("teachers_regulation"))
    text, word = flat(text), flat(word)
    for part in (
        "ПОЛОЖЕНИЕ о системе наставничества педагогических работников",
        "1.1. Настоящее Положение о системе наставничества педагогических работников МБОУ «Школа А»",
        "в соответствии со статьёй 351.8 Трудового кодекса Российской Федерации",
        "3. Формы и виды наставничества",
        "«педагог – педагог»",
        "реверсивное наставничество — профессионал младшего возраста становится наставником опытного педагога",
        "4. Условия и ресурсы системы наставничества. Стимулирование наставников",
        "5. Организационная система наставничества: внутренний и внешний контуры",
        "6.3. Совет наставников (методическое объединение наставников):",
        "досрочно прекратить наставничество, предупредив работодателя в письменной форме не позднее чем за три",
        "7.1. Персонализированная программа наставничества реализуется в семь этапов:",
        "завершение наставничества: итоговая диагностика",
        "8. Мониторинг и оценка результатов",
        "Показатели: доля молодых педагогов (со стажем до трёх лет), охваченных наставничеством",
        "9. Заключительные положения",
    ):
        assert part in text, part
        assert part in word, part
    sections = [f"{n}. " for n in range(1, 10)]
    assert all(section in text for section in sections)


def test_the_order_approves_the_regulation_and_the_plan_which_then_cite_its_number(make, school, world, programme):
    order = make("teachers_system_order")
    text, _, _ = both(order)
    text = flat(text)
    assert "1. Утвердить Положение о системе наставничества педагогических работников (приложение 1)." in text
    assert "Утвердить план мероприятий (дорожную карту) по реализации Положения" in text
    assert "Назначить Орлову Марину Сергеевну" in text or "куратором реализации персонализированных" in text
    curator, director = world.users[Role.CURATOR], world.users[Role.DIRECTOR]
    workflow.send_for_approval(order, actor=curator)
    workflow.approve(order, actor=director, roles=frozenset({Role.DIRECTOR}))
    order = Document.objects.get(pk=order.pk)
    regulation = Document.objects.get(kind="teachers_regulation", programme=programme)
    roadmap = Document.objects.get(kind="teachers_roadmap", programme=programme)
    assert order.number and (regulation.number, roadmap.number) == (order.number, order.number)
    assert regulation.status == roadmap.status == Document.Status.APPROVED
    frozen = flat(pdf_text(regulation.frozen_versions().first().pdf.read())[0])
    assert f"УТВЕРЖДЕНО приказом Школы А от {order.dated:%d.%m.%Y} № {order.number}" in frozen


def test_the_department_approves_the_municipal_regulation_and_the_complex_of_measures(world):
    municipality = world.municipality
    municipality.head_name = "Максименко Светлана Геннадьевна"
    with scopes_disabled():
        municipality.save()
    with tenant_scope(municipality):
        order = drafting.create(
            tenant=municipality, kind_code="municipal_teachers_order", actor=world.users[Role.MUNICIPAL_SPECIALIST]
        )
        text, _, word = both(order)
    text = flat(text)
    for part in (
        "О внедрении и реализации системы наставничества педагогических работников в муниципальных",
        "1.1. Положение о системе наставничества педагогических работников в муниципальных образовательных "
        "организациях (приложение 1);",
        "1.2. Комплекс мер (дорожную карту) по внедрению системы наставничества",
        "Назначить координаторами реализации комплекса мер (дорожной карты)",
        "муниципальную методическую службу — для педагогических работников общеобразовательных организаций",
        "Приложение 1",
        "Приложение 2",
        "6. Внешний контур: муниципальный и региональный уровни",
        "Муниципальный уровень взаимодействия организуется муниципальной методической службой",
        "мониторинг реализации мероприятий по внедрению системы наставничества",
        "изучение, обобщение и распространение положительного опыта работы наставников",
        "КОМПЛЕКС МЕР (ДОРОЖНАЯ КАРТА)",
        "Формирование муниципального банка наставников",
    ):
        assert part in text, part
    assert "Назначить координаторами" in flat(word)
