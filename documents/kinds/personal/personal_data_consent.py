"""The consent to personal-data processing of one mentee (for a minor, given by the legal representative;
since 2025-09-01 a document of its own under 152-ФЗ)."""

from core.inflection import name_of, organization_name
from mentoring.models import Mentee

from ...content import (
    initials_surname,
    note,
    paragraph,
    short_date,
    table,
    text_blocks,
)
from .. import Block, Kind, kind
from ..common import PLACE, default_place, school_problems
from .helpers import SIGN, dateline, numbered_headings, subject_of, with_group


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
                f"Укажите дату рождения наставляемого {name_of(mentee, 'gent')} (карточка наставляемого): от неё "
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
            "purpose": f"Организация участия в программе наставничества {programme_name}в "
            f"{organization_name(organization, 'loct')}: "
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
                f"несовершеннолетнего наставляемого {with_group(mentee, 'gent')}, {born}, — на основании документа, "
                "подтверждающего полномочия (свидетельство о рождении / иной документ: ______________________), "
                "свободно, своей волей и в интересах несовершеннолетнего даю согласие"
            )
            signer = mentee.representative_name
        else:
            whom = "моих персональных данных"
            born = f"{born}, " if born else ""
            intro = f"Я, {mentee.full_name}, {born}{identity}, свободно, своей волей и в своём интересе даю согласие"
            signer = mentee.full_name
        operator = organization_name(organization, "datv") + f" (адрес: {organization.address}"
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
