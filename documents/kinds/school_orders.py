"""The school's orders besides the one on implementation (seed 000 §4.10; DOMAIN «Documents»): appointing the
curator, fixing the pairs and groups, organising the «Школа наставников», rewarding mentors.

Each is requisites + title + basis + «ПРИКАЗЫВАЮ:» + numbered points + the director's signature, with the lists
drawn from live data as appendices. Names stay in the nominative («— Сидорова Мария Павловна, учитель»): the
portal does not decline names.
"""

from django.db.models import Prefetch

from mentoring.models import Mentee, Pair, PairMember, ProgrammeMentor, RewardNomination, TrainingSession

from ..content import appendix, command, initials_surname, note, numbered, paragraph, short_date, table, text_blocks
from . import Block, Kind, kind
from .common import PLACE, default_place, director_signature, period, programme_problems, requisites

R145 = (
    "распоряжением Министерства просвещения Российской Федерации от 25.12.2019 № Р-145 «Об утверждении "
    "методологии (целевой модели) наставничества обучающихся для организаций, осуществляющих образовательную "
    "деятельность по общеобразовательным, дополнительным общеобразовательным и программам среднего "
    "профессионального образования, в том числе с применением лучших практик обмена опытом между обучающимися»"
)
CONTROL = "Контроль за исполнением настоящего приказа оставляю за собой."
BASIS = Block("basis", "Основание", "Акты и решения, на основании которых издаётся приказ (перед «ПРИКАЗЫВАЮ:»).")


def basis_blocks(text: str) -> list[dict]:
    """The basis paragraph(s), ending with a comma before «ПРИКАЗЫВАЮ:» whatever the school typed at the end."""
    return text_blocks((text or "").rstrip().rstrip(".,;:") + ",")


def person_line(full_name: str, position: str) -> str:
    return f"{full_name}, {position}" if position else full_name


def mentor_position(mentor) -> str:
    """«учитель математики», «инженер, АО «Красмаш»», or the category when the position is not filled."""
    position = mentor.position or mentor.get_category_display()
    if mentor.partner_id:
        position += f", {mentor.partner.name}"
    return position


def dates(first, last) -> str:
    return f"{short_date(first)}" if first == last else f"в период {period(first, last)}"


def curator_of(programme) -> str:
    curator = programme.curator
    return person_line(curator.full_name, curator.position)


def order_content(document, texts, title, points, *, extra=(), appendices=()) -> dict:
    """An order: requisites, title, basis, «ПРИКАЗЫВАЮ:», the points, explanations, signature, appendices."""
    return {
        "requisites": requisites(document, texts),
        "title": title,
        "blocks": [*basis_blocks(texts["basis"]), command(), numbered(points), *extra],
        "signature": director_signature(document.tenant),
        "appendices": [
            appendix(number, document.dated, document.number, content)
            for number, content in enumerate(appendices, start=1)
        ],
    }


def active_pairs(programme) -> list[Pair]:
    """The programme's working pairs and groups with their mentees (two queries, however many pairs; cached on
    the programme, so that ``missing`` and ``build`` share them)."""
    cached = getattr(programme, "_document_pairs", None)
    if cached is not None:
        return cached
    members = PairMember.objects.filter(active=True).select_related("mentee").order_by("mentee__last_name", "pk")
    programme._document_pairs = list(
        Pair.objects.filter(programme=programme, status=Pair.Status.ACTIVE)
        .select_related("mentor", "mentor__partner", "form")
        .prefetch_related(Prefetch("members", queryset=members, to_attr="active_members"))
        .order_by("form__name", "mentor__last_name", "mentor__first_name", "starts_on", "pk")
    )
    return programme._document_pairs


@kind
class CuratorOrder(Kind):
    code = "curator_order"
    public = True  # names only the curator, a member of staff in office
    name = "Приказ о назначении куратора внедрения целевой модели наставничества"
    is_order = True
    blocks = (
        PLACE,
        BASIS,
        Block("duties", "Обязанности куратора (приложение 1)", "Каждая обязанность с новой строки, начиная с «- »."),
        Block("reporting", "Отчётность куратора", "Кому и когда куратор отчитывается о ходе программы."),
    )

    def missing(self, document):
        return programme_problems(document)

    def defaults(self, document):
        return {
            "place": default_place(document.tenant),
            "basis": f"В соответствии с {R145}, в целях внедрения целевой модели наставничества и организации "
            "работы по программе наставничества",
            "duties": (
                "- сбор и работа с базой наставников и наставляемых, персонифицированный учёт участников;\n"
                "- организация обучения наставников, в том числе привлечение экспертов;\n"
                "- формирование наставнических пар и групп, подготовка приказа об их закреплении;\n"
                "- контроль процедуры внедрения целевой модели наставничества и проведения программ "
                "наставничества;\n"
                "- участие в оценке вовлечённости обучающихся в различные формы наставничества;\n"
                "- решение организационных вопросов, возникающих в процессе реализации модели;\n"
                "- мониторинг реализации программы и получение обратной связи от её участников;\n"
                "- внесение данных о количестве участников программ наставничества в формы статистического "
                "наблюдения;\n"
                "- подготовка итогового аналитического отчёта о реализации программы."
            ),
            "reporting": "Куратору ежеквартально информировать руководителя о ходе реализации программы "
            "наставничества, по завершении программы представить итоговый аналитический отчёт.",
        }

    def title(self, document):
        return "О назначении куратора внедрения целевой модели наставничества"

    def build(self, document, texts):
        programme = document.programme
        organization = document.tenant
        curator = programme.curator
        points = [
            f"Назначить куратором внедрения целевой модели наставничества в {organization.name} на период "
            f"реализации программы наставничества «{programme.title}» "
            f"({period(programme.starts_on, programme.ends_on)}) — {curator_of(programme)}.",
            "Возложить на куратора обязанности согласно приложению 1 к настоящему приказу.",
            texts["reporting"],
            CONTROL,
        ]
        duties = {
            "title": "Обязанности куратора внедрения целевой модели наставничества",
            "blocks": [
                *text_blocks(texts["duties"]),
                note(f"С обязанностями ознакомлен(а): ____________ {initials_surname(curator.full_name)}"),
                note("«___» ____________ 20___ г."),
            ],
        }
        return order_content(document, texts, self.title(document), points, appendices=[duties])


@kind
class PairsOrder(Kind):
    code = "pairs_order"
    name = "Приказ о закреплении наставнических пар и групп"
    is_order = True
    blocks = (
        PLACE,
        BASIS,
        Block("mentor_duties", "Поручение наставникам", "Что наставники делают после закрепления пар и групп."),
        Block("consents", "Отметка о согласии участников", "Текст под таблицей пар и групп (приложение 1)."),
    )

    def missing(self, document):
        problems = programme_problems(document)
        if document.programme is None:
            return problems
        pairs = active_pairs(document.programme)
        if not pairs:
            problems.append(
                "В программе пока нет действующих наставнических пар или групп: сформируйте их (этап 5, "
                "«Пары и группы»)."
            )
        for mentor in {pair.mentor.pk: pair.mentor for pair in pairs}.values():
            if mentor.needs_written_consent and not mentor.has_written_consent:
                problems.append(
                    f"У наставника {mentor.full_name} не указаны номер и дата письменного согласия быть "
                    "наставником (карточка наставника): без него наставник не закрепляется приказом."
                )
        for pair in pairs:
            for member in pair.active_members:
                mentee = member.mentee
                if mentee.is_minor and not mentee.representative_name:
                    problems.append(
                        f"У несовершеннолетнего наставляемого {mentee.full_name} не указан законный "
                        "представитель (карточка наставляемого)."
                    )
        return problems

    def defaults(self, document):
        return {
            "place": default_place(document.tenant),
            "basis": f"В соответствии с {R145}, Положением о программе наставничества, по итогам формирования "
            "наставнических пар и групп и с письменного согласия их участников",
            "mentor_duties": "Наставникам совместно с наставляемыми в течение двух недель составить "
            "персонализированные планы работы, проводить встречи по плану и вести журнал наставника.",
            "consents": "Пары и группы закреплены с письменного согласия наставников и наставляемых, за "
            "несовершеннолетних наставляемых — их законных представителей. Согласия хранятся у куратора программы.",
        }

    def title(self, document):
        return "О закреплении наставнических пар и групп"

    def build(self, document, texts):
        programme = document.programme
        pairs = active_pairs(programme)
        rows = []
        for number, pair in enumerate(pairs, start=1):
            mentees = [person_line(member.mentee.full_name, member.mentee.group) for member in pair.active_members]
            form = f"«{pair.form.name}»" + (" (группа)" if len(mentees) > 1 else "")
            if pair.role_model:
                form += f", {pair.role_model}"
            rows.append(
                [
                    str(number),
                    person_line(pair.mentor.full_name, mentor_position(pair.mentor)),
                    "\n".join(mentees),
                    form,
                    period(pair.starts_on, pair.planned_end_on),
                ]
            )
        groups = sum(1 for pair in pairs if len(pair.active_members) > 1)
        counts = ", ".join(f"{what} — {n}" for what, n in (("пар", len(pairs) - groups), ("групп", groups)) if n)
        points = [
            f"Закрепить наставнические пары и группы программы наставничества «{programme.title}» "
            f"({counts}) на сроки работы согласно приложению 1 к настоящему "
            "приказу.",
            texts["mentor_duties"],
            f"Куратору программы — {curator_of(programme)} — осуществлять контроль работы наставнических пар и "
            "групп, ознакомить наставников с настоящим приказом.",
        ]
        waiting = Mentee.objects.filter(awaiting_mentor=True, status=Mentee.Status.IN_BASE).count()
        if waiting:
            points.append(
                f"Куратору продолжить подбор наставников для наставляемых, не вошедших в пары и группы "
                f"({waiting} чел.), и обеспечить им поддержку до закрепления."
            )
        points.append(CONTROL)
        pairs_appendix = {
            "title": "Состав наставнических пар и групп",
            "blocks": [
                table(["№", "Наставник", "Наставляемый(е)", "Форма наставничества", "Срок работы"], rows),
                *text_blocks(texts["consents"]),
            ],
        }
        return order_content(document, texts, self.title(document), points, appendices=[pairs_appendix])


@kind
class MentorSchoolOrder(Kind):
    code = "mentor_school_order"
    name = "Приказ об организации «Школы наставников»"
    is_order = True
    blocks = (
        PLACE,
        BASIS,
        Block("goal", "Цель обучения", "Чему учатся наставники в «Школе наставников»."),
        Block("trainers", "Поручение ведущим занятий"),
    )

    def missing(self, document):
        problems = programme_problems(document)
        programme = document.programme
        if programme is None:
            return problems
        if not TrainingSession.objects.filter(programme=programme).exists():
            problems.append(
                "Внесите занятия «Школы наставников» — дату, тему и ведущего (программа → «Школа наставников»)."
            )
        if not ProgrammeMentor.objects.filter(programme=programme).exists():
            problems.append("Отберите наставников в программу (программа → «Отбор наставников»).")
        return problems

    def defaults(self, document):
        return {
            "place": default_place(document.tenant),
            "basis": f"В соответствии с {R145}, Положением о программе наставничества, в целях отбора и "
            "обучения наставников (этап 4 программы наставничества)",
            "goal": "Обучение наставников направлено на освоение роли наставника, методов работы с наставляемыми, "
            "составления и реализации персонализированного плана, ведения журнала наставника и оценки "
            "результатов.",
            "trainers": "Ведущим занятий подготовить материалы и памятки для наставников, вести учёт посещаемости "
            "занятий.",
        }

    def title(self, document):
        return "Об организации «Школы наставников»"

    def build(self, document, texts):
        programme = document.programme
        sessions = list(TrainingSession.objects.filter(programme=programme).order_by("held_on", "pk"))
        selected = list(
            ProgrammeMentor.objects.filter(programme=programme)
            .select_related("mentor", "mentor__partner")
            .order_by("mentor__last_name", "mentor__first_name", "mentor__patronymic", "pk")
        )
        points = [
            f"Организовать обучение наставников программы наставничества «{programme.title}» в «Школе "
            f"наставников» {dates(sessions[0].held_on, sessions[-1].held_on)} по графику занятий "
            "(приложение 1 к настоящему приказу).",
            f"Направить на обучение в «Школе наставников» отобранных наставников ({len(selected)} чел.) согласно "
            "списку (приложение 2 к настоящему приказу).",
            f"Назначить ответственным за организацию обучения наставников куратора программы — "
            f"{curator_of(programme)}.",
            texts["trainers"],
            CONTROL,
        ]
        schedule = {
            "title": "График занятий «Школы наставников»",
            "blocks": [
                table(
                    ["№", "Дата", "Тема занятия", "Ведущий"],
                    [
                        [str(n), short_date(s.held_on), s.topic, s.trainer or "—"]
                        for n, s in enumerate(sessions, start=1)
                    ],
                )
            ],
        }
        mentors = {
            "title": "Список наставников, направленных на обучение",
            "blocks": [
                table(
                    ["№", "ФИО наставника", "Должность / место работы или учёбы"],
                    [
                        [str(n), chosen.mentor.full_name, mentor_position(chosen.mentor)]
                        for n, chosen in enumerate(selected, start=1)
                    ],
                )
            ],
        }
        extra = [paragraph("Цель обучения (к пункту 1):"), *text_blocks(texts["goal"])]
        return order_content(document, texts, self.title(document), points, extra=extra, appendices=[schedule, mentors])


@kind
class RewardOrder(Kind):
    code = "reward_order"
    name = "Приказ о поощрении наставников"
    is_order = True
    blocks = (
        PLACE,
        BASIS,
        Block("reward_form", "Форма поощрения", "Как поощряются наставники: благодарность, грамота, премия…"),
        Block("publication", "Публикация результатов"),
    )

    def missing(self, document):
        problems = programme_problems(document)
        if (
            document.programme is not None
            and not RewardNomination.objects.filter(programme=document.programme).exists()
        ):
            problems.append(
                "В программе нет представлений к поощрению: внесите их («Завершение и поощрения» → "
                "«Представить к поощрению»)."
            )
        return problems

    def defaults(self, document):
        return {
            "place": default_place(document.tenant),
            "basis": "В соответствии с Положением о программе наставничества, по итогам реализации программы "
            "наставничества и мониторинга её эффективности, за личный вклад в развитие наставничества",
            "reward_form": "Объявить благодарность и вручить благодарственные письма.",
            "publication": "Куратору программы разместить информацию о поощрённых наставниках и лучших практиках "
            "наставничества в разделе «Наставничество» на сайте школы.",
        }

    def title(self, document):
        return "О поощрении наставников"

    def build(self, document, texts):
        programme = document.programme
        nominations = list(
            RewardNomination.objects.filter(programme=programme)
            .select_related("mentor", "mentor__partner")
            .order_by("mentor__last_name", "mentor__first_name", "mentor__patronymic", "pk")
        )
        points = [
            f"Поощрить наставников программы наставничества «{programme.title}» "
            f"({period(programme.starts_on, programme.ends_on)}) согласно списку (приложение 1 к настоящему "
            "приказу) в форме, указанной ниже.",
            texts["publication"],
            CONTROL,
        ]
        rewarded = {
            "title": "Список наставников, представленных к поощрению",
            "blocks": [
                table(
                    ["№", "ФИО наставника", "Должность / место работы или учёбы", "За что"],
                    [
                        [str(n), item.mentor.full_name, mentor_position(item.mentor), item.reason]
                        for n, item in enumerate(nominations, start=1)
                    ],
                )
            ],
        }
        extra = [paragraph("Форма поощрения (к пункту 1):"), *text_blocks(texts["reward_form"])]
        return order_content(document, texts, self.title(document), points, extra=extra, appendices=[rewarded])
