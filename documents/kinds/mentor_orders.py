"""The school's orders about the mentors (seed 000 §4.10; DOMAIN «Documents»): organising the «Школа наставников»
(its sessions and who attends them) and rewarding the best mentors at the end of the programme."""

from core.inflection import by_gender, gender_of, with_number
from mentoring.models import ProgrammeMentor, RewardNomination, TrainingSession

from ..content import short_date, table
from . import Block, Kind, kind
from .common import CONTROL, PLACE, default_place, period, programme_problems
from .legal_basis import pupils_basis
from .school_orders import BASIS, curator_of, dates, mentor_position, order_content, with_details


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
            "basis": pupils_basis(document.tenant) + ", Положением о программе наставничества, в целях отбора и "
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
            with_details(
                f"Организовать обучение наставников программы наставничества «{programme.title}» в «Школе "
                f"наставников» {dates(sessions[0].held_on, sessions[-1].held_on)} по графику занятий "
                "(приложение 1 к настоящему приказу).",
                "Цель обучения",
                texts["goal"],
            ),
            "Направить на обучение в «Школе наставников» отобранных наставников "
            f"({with_number(len(selected), 'человек')}) согласно списку (приложение 2 к настоящему приказу).",
            f"Назначить куратора программы {curator_of(programme, 'accs')} "
            f"{by_gender(gender_of(programme.curator), 'ответственным', 'ответственной')} за организацию обучения "
            "наставников.",
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
        return order_content(document, texts, self.title(document), points, appendices=[schedule, mentors])


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
            with_details(
                f"Поощрить наставников программы наставничества «{programme.title}» "
                f"({period(programme.starts_on, programme.ends_on)}) согласно списку (приложение 1 к настоящему "
                "приказу).",
                "Форма поощрения",
                texts["reward_form"],
            ),
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
        return order_content(document, texts, self.title(document), points, appendices=[rewarded])
