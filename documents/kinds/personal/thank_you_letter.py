"""The thank-you letter of one reward nomination: addressed to the mentor in the dative («Сидоровой Марии
Павловне, учителю математики»), with the greeting agreeing with the mentor's gender («Уважаемая Мария Павловна!»)."""

from core.inflection import by_gender, gender_of, name_of
from mentoring.models import RewardNomination

from ...content import (
    heading,
    initials_surname,
    paragraph,
    short_date,
    text_blocks,
)
from .. import Block, Kind, kind
from ..common import PLACE, default_place, director_signature, lower_first, school_problems
from .helpers import mentor_position, subject_of


def greeting(person) -> str:
    """«Уважаемая Мария Павловна!» (the form of address is in the nominative); «Уважаемый(ая)» when the gender is
    neither stored on the card nor told by the name."""
    gender = gender_of(person)
    word = by_gender(gender, "Уважаемый", "Уважаемая") if gender else "Уважаемый(ая)"
    name = " ".join(part for part in (person.first_name, person.patronymic or "") if part)
    return f"{word} {name}!"


@kind
class ThankYouLetter(Kind):
    registered = True  # a letter takes its number from the register
    code = "thank_you_letter"
    name = "Благодарственное письмо"
    subject = "nomination"
    subject_label = "Представление к поощрению"
    blocks = (
        PLACE,
        Block("text", "Текст письма", "Слова благодарности; над ними — обращение, под ними — за что."),
    )

    def subjects(self, programme):
        if programme is None:
            return []
        nominations = RewardNomination.objects.filter(programme=programme).select_related("mentor")
        return [
            (item.pk, f"{item.mentor.full_name} — {item.reason}")
            for item in nominations.order_by("mentor__last_name", "mentor__first_name", "pk")
        ]

    def nomination(self, document):
        return subject_of(
            document,
            lambda pk: (
                RewardNomination.objects.filter(pk=pk, programme_id=document.programme_id)
                .select_related("mentor", "mentor__partner", "programme")
                .first()
            ),
        )

    def missing(self, document):
        problems = school_problems(document)
        if self.nomination(document) is None:
            problems.append(
                "Выберите представление к поощрению («Завершение и поощрения» → «Представить к поощрению»)."
            )
        return problems

    def defaults(self, document):
        return {
            "place": default_place(document.tenant),
            "text": "Выражаем Вам искреннюю благодарность за добросовестный труд, профессионализм и личный вклад "
            "в реализацию программы наставничества, за внимание, терпение и поддержку, которые помогли Вашим "
            "наставляемым раскрыть свои способности и добиться результатов.\n"
            "Желаем Вам здоровья, вдохновения и новых успехов!",
        }

    def title(self, document):
        nomination = self.nomination(document)
        return f"{self.name}: {initials_surname(nomination.mentor.full_name)}" if nomination else self.name

    def build(self, document, texts):
        organization = document.tenant
        nomination = self.nomination(document)
        mentor = nomination.mentor
        requisites = {
            "issuer": [organization.name],
            "kind": "",
            "date": short_date(document.dated),
            "number": document.number,
            "place": texts.get("place", ""),
        }
        reason = nomination.reason.strip().rstrip(".")
        blocks = [paragraph(mentor_position(mentor, "datv"))] if mentor.position else []
        if reason[:3].lower() == "за ":  # «за высокие результаты…»: a sentence after the words of thanks
            blocks += [
                heading(greeting(mentor)),
                *text_blocks(texts["text"]),
                paragraph(f"Благодарим Вас {lower_first(reason)} в программе «{nomination.programme.title}»."),
            ]
        else:  # «Лучший наставник года»: a title under the name
            blocks += [heading(f"«{reason}»"), heading(greeting(mentor)), *text_blocks(texts["text"])]
        return {
            "requisites": requisites,
            "kind_title": "БЛАГОДАРСТВЕННОЕ ПИСЬМО",
            "title": name_of(mentor, "datv"),
            "blocks": blocks,
            "signature": director_signature(organization),
        }
