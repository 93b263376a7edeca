"""The mentor–mentee agreement of one pair (for a minor mentee signed by the legal representative)."""

from django.db.models import Prefetch

from core.inflection import position_in
from mentoring.models import Pair, PairMember

from ...content import (
    BLANK_DATE,
    bullets,
    initials_surname,
    paragraph,
    short_date,
    table,
    text_blocks,
)
from .. import Block, Kind, kind
from ..common import PLACE, default_place, period, school_problems
from .helpers import SIGN, SIGNATURE_HEAD, dateline, mentor_line, numbered_headings, subject_of, with_group


def load_pair(programme_id):
    def load(pk):
        members = PairMember.objects.filter(active=True).select_related("mentee").order_by("mentee__last_name", "pk")
        return (
            Pair.objects.filter(pk=pk, programme_id=programme_id)
            .select_related("mentor", "mentor__partner", "form", "programme")
            .prefetch_related(Prefetch("members", queryset=members, to_attr="active_members"))
            .first()
        )

    return load


@kind
class Agreement(Kind):
    code = "agreement"
    name = "Соглашение о сотрудничестве наставника и наставляемого"
    subject = "pair"
    subject_label = "Пара или группа"
    blocks = (
        PLACE,
        Block("subject", "Предмет соглашения"),
        Block("mentor", "Права и обязанности наставника", "Строки с «- » — пункты списка."),
        Block("mentee", "Права и обязанности наставляемого"),
        Block("representative", "Права и обязанности законного представителя", "Только для несовершеннолетних."),
        Block("school", "Обязанности образовательной организации"),
        Block("termination", "Расторжение и споры"),
    )

    def subjects(self, programme):
        if programme is None:
            return []
        pairs = (
            Pair.objects.filter(programme=programme, status=Pair.Status.ACTIVE)
            .select_related("mentor")
            .prefetch_related(Prefetch("members", queryset=PairMember.objects.select_related("mentee")))
            .order_by("mentor__last_name", "pk")
        )
        return [(pair.pk, str(pair)) for pair in pairs]

    def pair(self, document):
        return subject_of(document, load_pair(document.programme_id))

    def missing(self, document):
        problems = school_problems(document)
        pair = self.pair(document)
        if pair is None:
            return [*problems, "Выберите наставническую пару или группу программы."]
        if not pair.active_members:
            problems.append("В паре нет наставляемых: добавьте наставляемого (страница пары).")
        for member in pair.active_members:
            mentee = member.mentee
            if mentee.is_minor and not mentee.representative_name:
                problems.append(
                    f"Наставляемый {mentee.full_name} несовершеннолетний: укажите его законного представителя "
                    "(карточка наставляемого) — соглашение подписывает представитель."
                )
        return problems

    def defaults(self, document):
        return {
            "place": default_place(document.tenant),
            "subject": "Стороны сотрудничают в рамках программы наставничества Организации: Наставник передаёт "
            "Наставляемому опыт, знания и навыки, помогает раскрыть потенциал и достичь целей, указанных в "
            "настоящем соглашении, по персонализированному плану, согласованному сторонами. Участие в программе "
            "добровольное и безвозмездное.",
            "mentor": (
                "Наставник обязуется:\n"
                "- составить совместно с Наставляемым план работы и выполнять его;\n"
                "- проводить встречи в согласованное время, вести журнал наставника;\n"
                "- оказывать Наставляемому помощь, не допускать дискриминации и давления, соблюдать "
                "конфиденциальность;\n"
                "- сообщать куратору о трудностях в работе пары или группы.\n"
                "Наставник вправе:\n"
                "- вносить предложения по плану работы и программе наставничества;\n"
                "- получать методическую поддержку куратора;\n"
                "- досрочно прекратить наставничество, предупредив куратора."
            ),
            "mentee": (
                "Наставляемый обязуется:\n"
                "- выполнять план работы, согласованный с Наставником;\n"
                "- посещать встречи, сообщать о трудностях;\n"
                "- участвовать в анкетировании и итоговом мероприятии программы.\n"
                "Наставляемый вправе:\n"
                "- получать помощь Наставника в решении своих задач;\n"
                "- обращаться к куратору с просьбой о замене Наставника."
            ),
            "representative": (
                "Законный представитель вправе:\n"
                "- знакомиться с планом работы и получать сведения о ходе программы;\n"
                "- присутствовать на итоговой встрече и мероприятиях программы;\n"
                "- отозвать согласие на участие ребёнка в программе.\n"
                "Законный представитель обязуется содействовать участию ребёнка во встречах по плану."
            ),
            "school": (
                "- обеспечить условия для встреч пары или группы (помещение, оборудование);\n"
                "- назначить куратора, оказывать сторонам методическую и организационную поддержку;\n"
                "- обрабатывать персональные данные участников только с их согласия (согласия законных "
                "представителей)."
            ),
            "termination": "Соглашение может быть расторгнуто досрочно по инициативе любой из сторон с "
            "письменным уведомлением куратора программы. Споры решаются переговорами при участии куратора.",
        }

    def title(self, document):
        pair = self.pair(document)
        if pair is None:
            return self.name
        mentees = ", ".join(initials_surname(m.mentee.full_name) for m in pair.active_members)
        return f"{self.name}: {initials_surname(pair.mentor.full_name)} — {mentees}"

    def build(self, document, texts):
        organization = document.tenant
        pair = self.pair(document)
        mentees = [member.mentee for member in pair.active_members]
        minors = [mentee for mentee in mentees if mentee.is_minor]
        plural = len(mentees) > 1
        party = "Наставляемые" if plural else "Наставляемый"
        parties = [
            paragraph(
                f"{organization.name} (далее — Организация), от имени которой действует "
                f"{position_in(organization.director_position)} {organization.director_name} на основании "
                f"Устава, наставник {mentor_line(pair.mentor)} (далее — Наставник) и "
                f"{party.lower()} (далее — {party}):"
            ),
            bullets([self.mentee_party(mentee) for mentee in mentees]),
            paragraph("совместно именуемые «Стороны», заключили настоящее соглашение о нижеследующем."),
        ]
        about = f"Программа наставничества «{pair.programme.title}»; форма наставничества «{pair.form.name}»"
        if pair.role_model:
            about += f", ролевая модель «{pair.role_model}»"
        subject = [*text_blocks(texts["subject"]), paragraph(about + ".")]
        if pair.goals:
            subject.append(paragraph(f"Цели работы: {pair.goals}"))
        term = [
            paragraph(
                "Соглашение вступает в силу со дня подписания и действует на период работы наставнической "
                f"{'группы' if plural else 'пары'}: {period(pair.starts_on, pair.planned_end_on)}."
            ),
            *text_blocks(texts["termination"]),
        ]
        rows = [
            ["Организация", f"{organization.director_position} {initials_surname(organization.director_name)}"],
            ["Наставник", pair.mentor.full_name],
        ]
        if pair.mentor.is_minor:
            rows.append(["Законный представитель наставника", "_______________________"])
        for mentee in mentees:
            rows.append(["Наставляемый", mentee.full_name])
            if mentee.is_minor:
                relation = f" ({mentee.representative_relation})" if mentee.representative_relation else ""
                rows.append(["Законный представитель наставляемого", mentee.representative_name + relation])
        whose = "Наставляемых" if plural else "Наставляемого"
        sections = [
            ("Предмет соглашения", subject),
            ("Права и обязанности Наставника", text_blocks(texts["mentor"])),
            (f"Права и обязанности {whose}", text_blocks(texts["mentee"])),
            ("Права и обязанности Законного представителя", text_blocks(texts["representative"]) if minors else []),
            ("Обязанности Организации", text_blocks(texts["school"])),
            ("Срок действия соглашения", term),
            ("Подписи сторон", [table(SIGNATURE_HEAD, [[*row, SIGN, BLANK_DATE] for row in rows])]),
        ]
        blocks = [dateline(document, texts), *parties, *numbered_headings(sections)]
        return {"kind_title": "СОГЛАШЕНИЕ", "title": "о сотрудничестве наставника и наставляемого", "blocks": blocks}

    @staticmethod
    def mentee_party(mentee) -> str:
        if not mentee.is_minor:
            return f"{with_group(mentee)}"
        relation = f" ({mentee.representative_relation})" if mentee.representative_relation else ""
        return (
            f"{with_group(mentee)}, дата рождения {short_date(mentee.birth_date)} (несовершеннолетний); от имени и "
            "в интересах несовершеннолетнего действует законный представитель "
            f"{mentee.representative_name}{relation} (далее — Законный представитель)"
        )
