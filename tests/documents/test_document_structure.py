"""What a director reads before signing: numbered clauses, the reason for each form, points that never refer to
themselves with «Контроль…» last, named people in the right case, deadlines that have passed said so — parsed
from the PDF and the DOCX the portal gives."""

import re
from datetime import timedelta

from django.utils import timezone

from core.models import Membership
from core.roles import Role
from mentoring.models import StageActivity

from .test_rendering import both


def points_of(text: str) -> list[str]:
    """The numbers of the order's points in reading order («1.», «2.», …; sub-points «2.1.» left out)."""
    body = text.split("ПРИКАЗЫВАЮ:", 1)[1].split("Приложение 1", 1)[0]
    return re.findall(r"(?<![\d.])(\d{1,2})\. [А-ЯЁ]", body)


def test_the_regulation_has_numbered_clauses_terms_reasons_and_the_forms_as_appendices(make, school):
    text, _, word = both(make("regulation"))
    for part in (
        "1. Общие положения",
        "1.1. Настоящее Положение о программе наставничества МБОУ «Школа А»",
        "В настоящем Положении используются следующие понятия:",
        "наставник — участник программы наставничества",
        "«учитель – ученик»",
        "— выбрана, так как её цель — помощь обучающимся в преодолении образовательных дефицитов",
        "2.1. Руководитель образовательной организации",
        "5. Заключительные положения",
        "5.1. Настоящее Положение вступает в силу со дня его утверждения приказом",
        "Приложение 1 к Положению о программе наставничества",
        "Форма соглашения о сотрудничестве наставника и наставляемого",
        "Приложение 2 к Положению о программе наставничества",
        "даю согласие оператору — МБОУ «Школа А»",
        "в лице директора Петровой Ольги Ивановны",
    ):
        assert part in " ".join(word.split()), part
        assert part in text, part


def test_the_implementation_order_names_people_in_the_accusative_and_ends_with_control(make, school, world):
    curator = world.users[Role.CURATOR]
    curator.last_name, curator.first_name, curator.patronymic = "Орлова", "Марина", "Сергеевна"
    curator.position = "Заместитель директора по УВР"
    curator.save()
    psychologist = world.users[Role.METHODIST]
    psychologist.last_name, psychologist.first_name, psychologist.patronymic = "Алиев", "Руслан", "Магомедович"
    psychologist.position = "Педагог-психолог"
    psychologist.save()
    assert Membership.objects.filter(organization=school, user=psychologist).exists()
    order = make("implementation_order", material="Кузнецову Ольгу Петровну, заведующую хозяйством")
    for text in both(order)[::2]:
        text = " ".join(text.split())
        assert (
            "2. Назначить куратором внедрения целевой модели наставничества Орлову Марину Сергеевну, заместителя "
            "директора по УВР" in text
        )
        assert "2.1. вести базы наставников и наставляемых;" in text
        assert "Алиева Руслана Магомедовича, педагога-психолога — за психолого-педагогическое сопровождение" in text
        assert (
            "4. Назначить ответственным за материально-техническое обеспечение программы наставничества "
            "Кузнецову Ольгу Петровну, заведующую хозяйством." in text
        )
        assert "внедрить целевую модель наставничества в МБОУ «Школа А»".lower() in text.lower()
        assert "(пункт" not in text  # no point refers to itself
        numbers = points_of(text)
        assert numbers == [str(n) for n in range(1, len(numbers) + 1)]
        last = text.split("ПРИКАЗЫВАЮ:", 1)[1].split("Приложение 1", 1)[0]
        assert (
            last.rstrip()
            .rsplit(f"{numbers[-1]}. ", 1)[1]
            .startswith("Контроль за исполнением настоящего приказа оставляю за собой.")
        )


def test_the_roadmap_says_which_deadlines_have_passed_and_names_positions(make, school, programme, world):
    curator = world.users[Role.CURATOR]
    curator.position = "Заместитель директора по УВР"
    curator.save()
    stage = programme.stages.get(number=1)
    stage.responsible = curator.initials_name
    stage.save()
    yesterday = timezone.localdate() - timedelta(days=1)
    StageActivity.objects.create(
        organization=school, stage=stage, title="Педагогический совет", due_on=yesterday, position=99
    )
    StageActivity.objects.create(
        organization=school, stage=stage, title="Собрание родителей", due_on=yesterday, done_on=yesterday, position=98
    )
    text, _, word = both(make("roadmap"))
    word = " ".join(word.split())
    assert f"Педагогический совет (до {yesterday:%d.%m.%Y}, срок истёк, не выполнено)" in word
    assert f"Собрание родителей (до {yesterday:%d.%m.%Y}, выполнено {yesterday:%d.%m.%Y})" in word
    assert f"Заместитель директора по УВР {curator.initials_name}" in word
    assert "Информирование педагогического и родительского сообществ" in word
    assert "Педагогический совет о внедрении целевой модели наставничества" in word  # a row of the measures table
    assert "Привлечение наставников" in text
