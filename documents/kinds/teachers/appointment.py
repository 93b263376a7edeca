"""The documents of appointing a teacher as mentor under art. 351.8 of the Labour Code (since 2025-03-01): the
director's order appointing the mentors of teachers (each on the basis of the mentor's written consent and the
signed addendum), the addendum to the mentor's labour contract (the content, term and pay of mentoring, the pay
as the school's local act sets it), and the order ending mentoring early on the notice of either side. The data
are ``teaching_staff.models.Appointment``; the rules are ``teaching_staff.services.appointments``."""

from decimal import Decimal

from core.inflection import by_gender, gender_of, name_of, organization_name, position_in, written_name
from core.inflection.names import guess_gender

from ...content import initials_surname, note, paragraph, short_date, table
from .. import Block, Kind, kind
from ..common import CONTROL, PLACE, default_place, programme_problems
from ..mentor_appointment import appointment as appointment_words
from ..mentor_appointment import mentors_with_pairs, whom, written_consents
from ..personal.helpers import dateline, subject_of
from ..school_orders import BASIS, acquaintance_sheet, curator_of, mentor_position, order_content

LABOUR_CODE = "статья 351.8 Трудового кодекса Российской Федерации"


def rubles(amount: Decimal) -> str:
    """«5 000,00 руб.»"""
    return f"{amount:,.2f}".replace(",", "\u00a0").replace(".", ",") + "\u00a0руб."


def appointments_of(document) -> dict:
    """The working appointments (not ended early) of the document's programme by pair id (one query; cached on
    the document, so that ``missing`` and ``build`` share it)."""
    from teaching_staff.models import Appointment

    cached = getattr(document, "_document_appointments", None)
    if cached is None:
        rows = Appointment.objects.filter(pair__programme=document.programme, ended_on__isnull=True).select_related(
            "pair", "pair__mentor"
        )
        cached = document._document_appointments = {row.pair_id: row for row in rows}
    return cached


def appointed_mentors(document) -> list[tuple]:
    """The mentors of the programme's working pairs that have an appointment, each with those pairs."""
    found = appointments_of(document)
    result = []
    for mentor, pairs in mentors_with_pairs(document.programme):
        pairs = [pair for pair in pairs if pair.pk in found]
        if pairs:
            result.append((mentor, pairs))
    return result


ADDENDUM = {"gent": "дополнительного соглашения", "ablt": "дополнительным соглашением"}


def addendum_words(appointment, case: str = "gent") -> str:
    """«дополнительного соглашения к трудовому договору от 01.10.2026 № 7» (or «дополнительным соглашением …»)."""
    signed = short_date(appointment.addendum_signed_on)
    return f"{ADDENDUM[case]} к трудовому договору от {signed} № {appointment.addendum_number}"


@kind
class TeacherAppointmentOrder(Kind):
    code = "teacher_appointment_order"
    name = "Приказ о назначении наставников педагогических работников"
    is_order = True
    blocks = (PLACE, BASIS, Block("duties", "Поручение наставникам", "Что наставники делают после назначения."))

    def missing(self, document):
        from teaching_staff.services.appointments import appointment_problems

        problems = programme_problems(document)
        if document.programme is None:
            return problems
        found = appointments_of(document)
        mentors = appointed_mentors(document)
        if not mentors:
            problems.append(
                "Нет наставников педагогических работников с внесёнными условиями наставничества: внесите их в "
                "карточке пары («Назначение наставника по ст. 351.8 ТК РФ»)."
            )
        for _, pairs in mentors:
            for pair in pairs:
                problems += appointment_problems(found[pair.pk])
        return list(dict.fromkeys(problems))

    def defaults(self, document):
        return {
            "place": default_place(document.tenant),
            "basis": f"В соответствии со {LABOUR_CODE.replace('статья', 'статьёй', 1)}, Положением о системе "
            "наставничества педагогических работников, на основании письменного согласия педагогических работников "
            "и дополнительных соглашений к их трудовым договорам",
            "duties": "Наставникам в течение двух недель разработать совместно с наставляемыми персонализированные "
            "программы наставничества на основе выявленных профессиональных затруднений, вести журнал наставника "
            "и отчитываться о работе куратору и совету наставников.",
        }

    def title(self, document):
        return "О назначении наставников педагогических работников"

    def build(self, document, texts):
        programme = document.programme
        found = appointments_of(document)
        mentors = appointed_mentors(document)
        consents = written_consents(document, [mentor for mentor, _ in mentors])
        lines = []
        for mentor, pairs in mentors:
            who, as_what = appointment_words(mentor, pairs, consents.get(mentor.pk))
            addenda = ", ".join(addendum_words(found[pair.pk]) for pair in pairs)
            lines.append((who, f"{as_what} и {addenda}"))
        if len(lines) == 1:
            first = f"Назначить {lines[0][0]} {lines[0][1]}."
        else:
            first = ("Назначить наставниками педагогических работников:", [f"{w} — {a}" for w, a in lines])
        pays = sorted({(row.monthly_amount, row.pay_basis) for row in found.values()})
        pay = "; ".join(f"{rubles(amount)} в месяц в соответствии с {basis}" for amount, basis in pays)
        points = [
            first,
            f"Установить наставникам доплату за наставничество на период наставничества в размере {pay}.",
            texts["duties"],
            f"Куратору {curator_of(programme, 'datv')} ознакомить наставников с настоящим приказом под подпись и "
            "контролировать реализацию персонализированных программ наставничества.",
            CONTROL,
        ]
        acquainted = acquaintance_sheet(mentors, "Должность")
        return order_content(document, texts, self.title(document), points, appendices=[acquainted])


class AppointmentSubject(Kind):
    """A document about one teacher's appointment (``subject_id`` is the pair's id)."""

    subject = "pair"
    subject_label = "Наставническая пара педагогов"
    ended = False

    def subjects(self, programme):
        from teaching_staff.models import Appointment

        rows = Appointment.objects.filter(pair__programme=programme, ended_on__isnull=not self.ended)
        rows = rows.select_related("pair__mentor").order_by("pair__mentor__last_name", "pk")
        return [(row.pair_id, f"{row.pair.mentor.full_name}: {period_words(row)}") for row in rows]

    def appointment(self, document):
        from teaching_staff.models import Appointment

        def load(pk):
            row = Appointment.objects.filter(pair_id=pk).select_related("pair", "pair__mentor", "pair__form").first()
            if row is not None:
                row.pair.active_members = list(row.pair.members.select_related("mentee").order_by("mentee__last_name"))
            return row

        return subject_of(document, load)

    def missing(self, document):
        problems = programme_problems(document)
        if self.appointment(document) is None:
            problems.append("Выберите наставническую пару педагогов с внесёнными условиями наставничества.")
        return problems


def period_words(appointment) -> str:
    return f"с {short_date(appointment.starts_on)} по {short_date(appointment.ends_on)}"


@kind
class MentoringAddendum(AppointmentSubject):
    code = "mentoring_addendum"
    name = "Дополнительное соглашение к трудовому договору о наставничестве"
    registered = False  # numbered by the school's register of labour contracts, typed on the appointment
    blocks = (PLACE, Block("other", "Прочие условия", "Что ещё стороны согласовали (порядок вступления в силу…)."))

    def defaults(self, document):
        return {
            "place": default_place(document.tenant),
            "other": "Остальные условия трудового договора, не затронутые настоящим соглашением, остаются "
            "неизменными. Соглашение вступает в силу со дня его подписания сторонами, составлено в двух "
            "экземплярах, имеющих равную юридическую силу, по одному для каждой из сторон.",
        }

    def title(self, document):
        appointment = self.appointment(document)
        if appointment is None:
            return self.name
        return f"{self.name}: {initials_surname(appointment.pair.mentor.full_name)}"

    def build(self, document, texts):
        organization = document.tenant
        appointment = self.appointment(document)
        pair, mentor = appointment.pair, appointment.pair.mentor
        contract = (
            f"от {short_date(appointment.contract_date)} № {appointment.contract_number}"
            if appointment.contract_number and appointment.contract_date
            else "от __________ № ____"
        )
        consents = written_consents(document, [mentor])
        consent = consents.get(mentor.pk)
        director = (
            f"{position_in(organization.director_position or 'Директор', 'gent')} "
            f"{written_name(organization.director_name, 'gent')}"
        )
        named = by_gender(gender_of(mentor), "именуемый", "именуемая")
        last, first, patronymic = [*(organization.director_name or "").split(), "", "", ""][:3]
        acting = by_gender(guess_gender(first, patronymic, last), "действующего", "действующей")
        points = [
            f"Работник с его письменного согласия{f' {consent}' if consent else ''} выполняет наряду с работой, "
            f"определённой трудовым договором, работу по наставничеству ({LABOUR_CODE}) в отношении "
            f"{whom([pair])} в форме «{pair.form.name}».",
            f"Содержание наставничества: {appointment.content.rstrip('.')}.",
            f"Срок наставничества: {period_words(appointment)}.",
            f"За наставничество Работнику устанавливается доплата в размере {rubles(appointment.monthly_amount)} в "
            f"месяц в соответствии с {appointment.pay_basis}; доплата выплачивается в сроки выплаты заработной "
            "платы пропорционально времени наставничества.",
            "Работодатель и Работник вправе досрочно прекратить выполнение работы по наставничеству, предупредив "
            "другую сторону в письменной форме не позднее чем за три рабочих дня; о прекращении издаётся приказ, "
            "выплата доплаты прекращается со дня прекращения наставничества.",
            *[line for line in (texts.get("other") or "").splitlines() if line.strip()],
        ]
        number = appointment.addendum_number or "____"
        return {
            "kind_title": "ДОПОЛНИТЕЛЬНОЕ СОГЛАШЕНИЕ",
            "title": "к трудовому договору о наставничестве",
            "blocks": [
                note(f"№ {number} (трудовой договор {contract})"),
                dateline(document, texts),
                paragraph(
                    f"{organization.name}, именуемое в дальнейшем «Работодатель», в лице {director}, {acting} "
                    f"на основании Устава, с одной стороны, и {mentor.full_name}, {mentor_position(mentor)}, "
                    f"{named} в дальнейшем «Работник», с другой стороны, заключили настоящее дополнительное "
                    "соглашение о нижеследующем:"
                ),
                *[paragraph(f"{n}. {text}") for n, text in enumerate(points, start=1)],
                table(
                    ["Работодатель", "Работник"],
                    [
                        [organization_name(organization), mentor.full_name],
                        [
                            f"{organization.director_position} ____________ "
                            f"{initials_surname(organization.director_name)}",
                            f"____________ {initials_surname(mentor.full_name)}",
                        ],
                    ],
                    widths=[50, 50],
                ),
                note("Экземпляр дополнительного соглашения получил(а): ____________ «___» ____________ 20___ г."),
            ],
        }


@kind
class MentoringEndOrder(AppointmentSubject):
    code = "mentoring_end_order"
    name = "Приказ о досрочном прекращении наставничества"
    is_order = True
    ended = True
    blocks = (PLACE,)

    def missing(self, document):
        problems = super().missing(document)
        appointment = self.appointment(document)
        if appointment is not None and not appointment.ended_early:
            problems.append(
                "Наставничество этой пары досрочно не прекращалось: внесите дату, кто и почему его прекращает."
            )
        return problems

    def defaults(self, document):
        return {"place": default_place(document.tenant)}

    def title(self, document):
        return "О досрочном прекращении наставничества"

    def build(self, document, texts):
        from teaching_staff.models import Appointment

        appointment = self.appointment(document)
        pair, mentor = appointment.pair, appointment.pair.mentor
        side = "работодателя" if appointment.ended_by == Appointment.EndedBy.EMPLOYER else "наставника"
        basis = (
            f"В соответствии со {LABOUR_CODE.replace('статья', 'статьёй', 1)}, на основании письменного "
            f"предупреждения {side} от {short_date(appointment.notice_on)}"
        )
        points = [
            f"Прекратить досрочно с {short_date(appointment.ended_on)} выполнение {name_of(mentor, 'ablt')}, "
            f"{position_in(mentor.position or 'педагогическим работником', 'ablt')}, работы по наставничеству в "
            f"отношении {whom([pair])}, установленной {addendum_words(appointment, 'ablt')}. "
            f"Причина: {appointment.end_reason.rstrip('.')}.",
            f"Прекратить выплату доплаты за наставничество с {short_date(appointment.ended_on)}.",
            f"Куратору {curator_of(document.programme, 'datv')} ознакомить с настоящим приказом "
            f"{name_of(mentor, 'accs')} и наставляемых под подпись и организовать подбор нового наставника.",
            CONTROL,
        ]
        return order_content(document, {**texts, "basis": basis}, self.title(document), points)
