"""Documents about one pair, mentee, mentor or nomination (chosen when the document is created; its id is
``document.subject_id``): the mentor–mentee agreement, the consent to personal-data processing, the mentor's
written consent and the thank-you letter (DOMAIN «Documents»).

For a minor mentee the legal representative is the party who signs the agreement and gives the consent
(152-ФЗ; since 2025-09-01 the consent is a document of its own). A teacher mentors with written consent
(Labour Code art. 351.8). Names stay in the nominative: the portal does not decline names.
"""

from django.db.models import Prefetch

from mentoring.models import Mentee, Mentor, Pair, PairMember, RewardNomination

from ..content import (
    BLANK_DATE,
    bullets,
    heading,
    initials_surname,
    long_date,
    note,
    paragraph,
    short_date,
    table,
    text_blocks,
)
from . import Block, Kind, kind
from .common import PLACE, default_place, director_signature, period, school_problems

SIGNATURE_HEAD = ["Сторона", "ФИО", "Подпись", "Дата"]
SIGN = "____________"


def subject_of(document, load):
    """The document's subject, loaded once per document object with the tenant-scoped manager (``load``)."""
    cached = getattr(document, "_document_subject", None)
    if cached is None or cached[0] != document.subject_id:
        found = load(document.subject_id) if document.subject_id else None
        document._document_subject = cached = (document.subject_id, found)
    return cached[1]


def with_group(person) -> str:
    group = getattr(person, "group", "")
    return f"{person.full_name}, {group}" if group else person.full_name


def mentor_line(mentor) -> str:
    position = mentor.position or mentor.get_category_display()
    if mentor.partner_id:
        position += f", {mentor.partner.name}"
    return f"{mentor.full_name}, {position}"


def dateline(document, texts) -> dict:
    """«пгт Большая Мурта, «01» сентября 2026 г.» above the text of an agreement or a consent."""
    return note(f"{texts.get('place') or default_place(document.tenant)}, {long_date(document.dated)}")


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def numbered_headings(sections) -> list[dict]:
    """[(title, blocks)] as «1. Title» headings with their blocks; sections without blocks are left out."""
    blocks = []
    for number, (title, body) in enumerate([s for s in sections if s[1]], start=1):
        blocks += [heading(f"{number}. {title}"), *body]
    return blocks


# --- Соглашение ---------------------------------------------------------------------------------------------


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
                f"{lower_first(organization.director_position)} {organization.director_name} на основании "
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


# --- Согласие на обработку персональных данных --------------------------------------------------------------


@kind
class PersonalDataConsent(Kind):
    code = "pd_consent"
    name = "Согласие на обработку персональных данных"
    subject = "mentee"
    subject_label = "Наставляемый"
    blocks = (
        PLACE,
        Block("purpose", "Цель обработки"),
        Block("data", "Перечень персональных данных", "Каждый пункт с новой строки, начиная с «- »."),
        Block("actions", "Действия с данными и способы обработки"),
        Block("term", "Срок действия согласия"),
        Block("withdrawal", "Порядок отзыва согласия"),
    )

    def subjects(self, programme):
        mentees = Mentee.objects.filter(anonymized_at__isnull=True).exclude(status=Mentee.Status.LEFT)
        return [(mentee.pk, self.label(mentee)) for mentee in mentees.order_by("last_name", "first_name", "pk")]

    @staticmethod
    def label(mentee) -> str:
        return with_group(mentee) + (" (несовершеннолетний — согласие даёт представитель)" if mentee.is_minor else "")

    def mentee(self, document):
        return subject_of(document, lambda pk: Mentee.objects.filter(pk=pk).first())

    def missing(self, document):
        problems = school_problems(document)
        organization = document.tenant
        if not organization.address:
            problems.append(
                "Укажите адрес школы — адрес оператора персональных данных («Документы» → «Реквизиты школы»)."
            )
        mentee = self.mentee(document)
        if mentee is None:
            return [*problems, "Выберите наставляемого."]
        if mentee.anonymized_at:
            return [*problems, "Персональные данные этого наставляемого удалены: согласие не составляется."]
        if mentee.birth_date is None and mentee.category in (Mentee.Category.PUPIL, Mentee.Category.STUDENT):
            problems.append(
                f"Укажите дату рождения наставляемого {mentee.full_name} (карточка наставляемого): от неё "
                "зависит, кто даёт согласие — он сам или законный представитель."
            )
        elif mentee.is_minor and not mentee.representative_name:
            problems.append(
                f"Наставляемый {mentee.full_name} несовершеннолетний: укажите его законного представителя "
                "(карточка наставляемого) — согласие даёт представитель."
            )
        return problems

    def defaults(self, document):
        organization = document.tenant
        mentee = self.mentee(document)
        minor = mentee is not None and mentee.is_minor
        programme = document.programme
        programme_name = f"«{programme.title}» " if programme else ""
        data = [
            "фамилия, имя, отчество",
            "дата рождения",
            "класс (группа) или должность, образовательная организация",
            "номер телефона, адрес электронной почты",
            "запросы и образовательные дефициты, сведения об участии в программе наставничества и её "
            "результатах (план работы, журнал наставника, анкеты, отчёты)",
        ]
        if minor:
            data.append("фамилия, имя, отчество, степень родства и контактные данные законного представителя")
        ends = f" по {short_date(programme.ends_on)}" if programme else ""
        return {
            "place": default_place(organization),
            "purpose": f"Организация участия в программе наставничества {programme_name}в {organization.name}: "
            "формирование базы наставляемых, подбор наставника, формирование и сопровождение наставнической "
            "пары или группы, мониторинг и оценка результатов программы, учёт числа участников в формах "
            "статистического наблюдения (в обезличенном виде).",
            "data": "\n".join(f"- {item};" for item in data[:-1]) + f"\n- {data[-1]}.",
            "actions": "Сбор, запись, систематизация, накопление, хранение, уточнение (обновление, изменение), "
            "извлечение, использование, предоставление доступа куратору и наставнику программы, обезличивание, "
            "блокирование, удаление, уничтожение — с использованием средств автоматизации (портал "
            "наставничества) и без них. Персональные данные не распространяются и не передаются третьим лицам, "
            "кроме случаев, предусмотренных федеральным законом.",
            "term": f"Согласие действует со дня подписания на период участия в программе наставничества{ends} "
            "и до истечения сроков хранения документов программы, установленных номенклатурой дел Организации.",
            "withdrawal": "Согласие может быть отозвано в любой момент письменным заявлением, поданным оператору. "
            "После отзыва оператор прекращает обработку персональных данных и уничтожает их в срок, не "
            "превышающий 30 дней с даты поступления отзыва, если иное основание обработки не предусмотрено "
            "федеральным законом. Права субъекта персональных данных (ст. 14 Федерального закона от 27.07.2006 "
            "№ 152-ФЗ «О персональных данных») мне разъяснены.",
        }

    def title(self, document):
        mentee = self.mentee(document)
        return f"{self.name}: {initials_surname(mentee.full_name)}" if mentee else self.name

    def build(self, document, texts):
        organization = document.tenant
        mentee = self.mentee(document)
        identity = "адрес регистрации __________________________________, паспорт серия ______ № __________, выдан "
        identity += "_______________________________ «___» ____________ ____ г."
        born = f"дата рождения {short_date(mentee.birth_date)}" if mentee.birth_date else ""
        if mentee.is_minor:
            relation = f" ({mentee.representative_relation})" if mentee.representative_relation else ""
            whom = "персональных данных несовершеннолетнего и своих персональных данных"
            intro = (
                f"Я, {mentee.representative_name}, {identity}, являясь законным представителем{relation} "
                f"несовершеннолетнего наставляемого: {with_group(mentee)}, {born}, — на основании документа, "
                "подтверждающего полномочия (свидетельство о рождении / иной документ: ______________________), "
                "свободно, своей волей и в интересах несовершеннолетнего даю согласие"
            )
            signer = mentee.representative_name
        else:
            whom = "моих персональных данных"
            born = f"{born}, " if born else ""
            intro = f"Я, {mentee.full_name}, {born}{identity}, свободно, своей волей и в своём интересе даю согласие"
            signer = mentee.full_name
        operator = organization.name + f" (адрес: {organization.address}"
        operator += f"; ИНН {organization.inn}" if organization.inn else ""
        operator += f"; ОГРН {organization.ogrn}" if organization.ogrn else ""
        operator += ")"
        blocks = [
            dateline(document, texts),
            paragraph(f"{intro} оператору — {operator} — на обработку {whom} на следующих условиях."),
            *numbered_headings(
                [
                    ("Цель обработки", text_blocks(texts["purpose"])),
                    ("Перечень персональных данных", text_blocks(texts["data"])),
                    ("Действия с персональными данными и способы обработки", text_blocks(texts["actions"])),
                    ("Срок действия согласия", text_blocks(texts["term"])),
                    ("Отзыв согласия", text_blocks(texts["withdrawal"])),
                ]
            ),
            paragraph(
                "Настоящее согласие оформлено отдельно от иных документов (ч. 1 ст. 9 Федерального закона "
                "от 27.07.2006 № 152-ФЗ «О персональных данных»)."
            ),
            table(
                ["Кто даёт согласие", "ФИО", "Подпись", "Дата и время"],
                [
                    [
                        "Законный представитель" if mentee.is_minor else "Субъект персональных данных",
                        signer,
                        SIGN,
                        "«___» ________ 20___ г., ___ ч ___ мин",
                    ]
                ],
            ),
            note(f"Версия текста согласия: {document.version}"),
        ]
        title = "на обработку персональных данных" + (" несовершеннолетнего" if mentee.is_minor else "")
        return {"kind_title": "СОГЛАСИЕ", "title": title, "blocks": blocks}


# --- Согласие на осуществление наставничества ---------------------------------------------------------------


@kind
class MentorConsent(Kind):
    code = "mentor_consent"
    name = "Согласие на осуществление наставничества"
    subject = "mentor"
    subject_label = "Наставник"
    blocks = (
        PLACE,
        Block("content", "Содержание наставничества", "Что наставник делает; строки с «- » — пункты списка."),
        Block("terms", "Условия наставничества"),
    )

    def subjects(self, programme):
        mentors = Mentor.objects.filter(status=Mentor.Status.ACTIVE, anonymized_at__isnull=True)
        return [
            (mentor.pk, f"{mentor.full_name} ({mentor.get_category_display()})")
            for mentor in mentors.order_by("last_name", "first_name", "pk")
        ]

    def mentor(self, document):
        return subject_of(document, lambda pk: Mentor.objects.filter(pk=pk).select_related("partner").first())

    def missing(self, document):
        problems = school_problems(document)
        mentor = self.mentor(document)
        if mentor is None:
            return [*problems, "Выберите наставника."]
        if mentor.anonymized_at:
            problems.append("Персональные данные этого наставника удалены: согласие не составляется.")
        if document.programme is None:
            problems.append("Выберите программу наставничества, к которой относится согласие.")
        return problems

    def defaults(self, document):
        return {
            "place": default_place(document.tenant),
            "content": (
                "- составление совместно с наставляемым персонализированного плана работы и его выполнение;\n"
                "- проведение встреч с наставляемым (наставляемыми), консультирование, помощь в адаптации и "
                "достижении целей плана;\n"
                "- ведение журнала наставника, участие в анкетировании и мониторинге программы;\n"
                "- отчёт куратору о результатах работы пары или группы."
            ),
            "terms": "Условия осуществления наставничества, в том числе размер доплаты за наставничество, "
            "устанавливаются трудовым договором или дополнительным соглашением к нему. Мне известно, что я и "
            "работодатель вправе досрочно прекратить выполнение работы по наставничеству, предупредив другую "
            "сторону в письменной форме не позднее чем за три рабочих дня.",
        }

    def title(self, document):
        mentor = self.mentor(document)
        return f"{self.name}: {initials_surname(mentor.full_name)}" if mentor else self.name

    def mentees_and_period(self, document, mentor):
        """The mentees of the mentor's working pairs in the programme and their period, or the programme's."""
        programme = document.programme
        members = list(
            PairMember.objects.filter(pair__mentor=mentor, pair__programme=programme, active=True)
            .select_related("mentee", "pair")
            .order_by("pair__starts_on", "mentee__last_name", "pk")
        )
        if not members:
            return [], period(programme.starts_on, programme.ends_on)
        starts = min(member.pair.starts_on for member in members)
        ends = max(member.pair.planned_end_on for member in members)
        return [with_group(member.mentee) for member in members], period(starts, ends)

    def build(self, document, texts):
        organization = document.tenant
        programme = document.programme
        mentor = self.mentor(document)
        employee = mentor.category == Mentor.Category.TEACHER
        mentees, term = self.mentees_and_period(document, mentor)
        whom = (
            "в отношении наставляемого (наставляемых): " + "; ".join(mentees)
            if mentees
            else "в отношении наставляемых, закрепляемых приказом руководителя о закреплении наставнических пар и групп"
        )
        if employee:
            position = mentor.position or "педагогический работник"
            intro = (
                f"Я, {mentor.full_name}, {position} {organization.name}, в соответствии со статьёй 351.8 "
                "Трудового кодекса Российской Федерации даю согласие на осуществление наставничества в рамках "
                f"программы наставничества «{programme.title}» {whom}."
            )
        else:
            intro = (
                f"Я, {mentor_line(mentor)}, добровольно даю согласие на участие в программе наставничества "
                f"«{programme.title}» ({organization.name}) в качестве наставника {whom}."
            )
        rows = [["Наставник", mentor.full_name, SIGN, BLANK_DATE]]
        if mentor.is_minor:
            rows.append(["Законный представитель наставника", "_______________________", SIGN, BLANK_DATE])
        rows.append(
            [
                "Согласие получено",
                f"{organization.director_position} {initials_surname(organization.director_name)}",
                SIGN,
                BLANK_DATE,
            ]
        )
        blocks = [
            dateline(document, texts),
            paragraph(intro),
            heading("Содержание наставничества"),
            *text_blocks(texts["content"]),
            heading("Срок наставничества"),
            paragraph(f"Наставничество осуществляется в период {term}."),
            heading("Условия"),
            *text_blocks(texts["terms"] if employee else _without_labour_terms(texts["terms"])),
            table(SIGNATURE_HEAD, rows),
        ]
        if mentor.has_written_consent:
            blocks.append(note(f"Зарегистрировано: № {mentor.consent_number} от {short_date(mentor.consent_date)}"))
        else:
            blocks.append(note("Зарегистрировано: № ______ от «___» ____________ 20___ г."))
        return {"kind_title": "СОГЛАСИЕ", "title": "на осуществление наставничества", "blocks": blocks}


def _without_labour_terms(text: str) -> str:
    """For a mentor who is not the school's employee the labour-contract terms do not apply; the school's own
    words are kept when it changed them."""
    if text.startswith("Условия осуществления наставничества, в том числе размер доплаты"):
        return (
            "Наставничество осуществляется на добровольной и безвозмездной основе. Мне известно, что я вправе "
            "досрочно прекратить участие в программе, письменно предупредив куратора программы."
        )
    return text


# --- Благодарственное письмо --------------------------------------------------------------------------------


def greeting(person) -> str:
    patronymic = person.patronymic or ""
    if patronymic.endswith(("вна", "чна", "кызы")):
        word = "Уважаемая"
    elif patronymic.endswith(("вич", "ич", "оглы")):
        word = "Уважаемый"
    else:
        word = "Уважаемый(ая)"
    name = " ".join(part for part in (person.first_name, patronymic) if part)
    return f"{word} {name}!"


@kind
class ThankYouLetter(Kind):
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
        blocks = [paragraph(mentor_line(mentor).removeprefix(mentor.full_name + ", "))] if mentor.position else []
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
            "title": mentor.full_name,
            "blocks": blocks,
            "signature": director_signature(organization),
        }
