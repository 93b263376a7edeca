"""Дорожная карта внедрения целевой модели наставничества (seed 003; seed 000 §4.10.4): the seven stages with
dates, responsible persons, activities and local acts; the forms the school runs; informing the teachers'
and parents' communities and attracting mentors. Approved by the director, agreed by the municipality."""

from core.inflection import organization_name

from ..content import agreement_stamp, bullets, heading, paragraph, short_date, table, text_blocks
from . import Block, Kind, kind
from .common import approved_stamp, forms_of, period, programme_problems, stages_of, subprogrammes_of


def stage_dates(stage) -> str:
    if stage.starts_on and stage.ends_on:
        return f"{short_date(stage.starts_on)} – {short_date(stage.ends_on)}"
    return ""


def activity_line(activity) -> str:
    return f"{activity.title}" + (f" (до {short_date(activity.due_on)})" if activity.due_on else "")


@kind
class Roadmap(Kind):
    code = "roadmap"
    unique = True
    name = "Дорожная карта внедрения целевой модели наставничества"
    needs_agreement = True
    approved_by_order = True
    stamp_label = "УТВЕРЖДЕНА"
    blocks = (
        Block(
            "informing",
            "Информирование педагогического и родительского сообществ",
            "Мероприятия по информированию; каждое с новой строки, начиная с «- ».",
        ),
        Block(
            "attracting", "Привлечение наставников", "Мероприятия по привлечению наставников; каждое с новой строки."
        ),
    )

    def missing(self, document):
        return programme_problems(document, stages_dated=True)

    def defaults(self, document):
        return {
            "informing": (
                "- Педагогический совет о внедрении целевой модели наставничества (этап 1).\n"
                "- Родительские собрания: цели, формы и участники программы наставничества (этапы 1–2).\n"
                "- Классные часы для обучающихся о возможностях наставничества (этап 2).\n"
                "- Публикация сведений о программе в разделе «Наставничество» на сайте школы (постоянно)."
            ),
            "attracting": (
                "- Анкетирование педагогов и обучающихся «Чем я могу быть полезен в качестве наставника?» (этап 3).\n"
                "- Встречи с организациями-партнёрами, выпускниками и родителями (этап 3).\n"
                "- Заключение соглашений с организациями-партнёрами о предоставлении наставников (этап 3)."
            ),
        }

    def title(self, document):
        return f"внедрения целевой модели наставничества в {organization_name(document.tenant, 'loct')}"

    def build(self, document, texts):
        programme = document.programme
        stages = stages_of(programme)
        rows = []
        for stage in stages:
            activities = [activity_line(a) for a in sorted(stage.activities.all(), key=lambda a: (a.position, a.pk))]
            rows.append(
                [
                    str(stage.number),
                    stage.get_number_display(),
                    stage_dates(stage),
                    stage.responsible,
                    "\n".join(f"– {line}" for line in activities),
                    stage.local_acts,
                ]
            )
        blocks = [
            paragraph(
                f"Срок реализации программы «{programme.title}»: {period(programme.starts_on, programme.ends_on)}."
            )
        ]
        subprogrammes = subprogrammes_of(programme)
        if subprogrammes:
            blocks += [
                heading("Формы наставничества, внедряемые в образовательной организации"),
                table(
                    ["№", "Наименование", "Проект / программа (оператор)", "Кто является наставниками",
                     "Роль наставника", "Наставляемые", "Период осуществления"],
                    [[str(i), s.name, s.operator, s.who_mentors, s.mentor_role, s.mentees, s.period]
                     for i, s in enumerate(subprogrammes, start=1)],
                ),
            ]  # fmt: skip
        else:
            forms = ", ".join(f"«{form.name}»" for form in forms_of(programme))
            if forms:
                blocks.append(paragraph(f"Формы наставничества: {forms}."))
        blocks += [
            heading("Этапы реализации"),
            table(
                ["№", "Наименование этапа", "Сроки", "Ответственные", "Мероприятия", "Локальные акты"],
                rows,
                widths=(5, 17, 12, 15, 33, 18),
            ),
            heading("Информирование педагогического и родительского сообществ"),
            *(text_blocks(texts["informing"]) or [bullets(["—"])]),
            heading("Привлечение наставников"),
            *(text_blocks(texts["attracting"]) or [bullets(["—"])]),
        ]
        return {
            "stamps": self.stamps(document),
            "kind_title": "ДОРОЖНАЯ КАРТА",
            "title": self.title(document),
            "landscape": True,
            "blocks": blocks,
        }

    def stamps(self, document):
        stamps = [approved_stamp(document)]
        agreed = getattr(document, "agreement", None)  # set by the workflow when the municipality agrees
        municipality = document.tenant.municipality
        stamps.insert(
            0,
            agreement_stamp(
                agreed["position"] if agreed else (municipality.head_position or "Руководитель"),
                municipality.short_name,
                agreed["name"] if agreed else municipality.head_name,
                agreed["date"] if agreed else None,
            ),
        )
        return stamps
