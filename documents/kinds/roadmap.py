"""Дорожная карта внедрения целевой модели наставничества (seed 003; seed 000 §4.10.4): the seven stages with
dates, responsible persons, activities and local acts; the forms the school runs; informing the teachers'
and parents' communities and attracting mentors. Approved by the director, agreed by the municipality."""

from datetime import date

from core.inflection import organization_name

from ..content import agreement_stamp, heading, paragraph, short_date, table
from . import Block, Kind, kind
from .common import (
    activities_of,
    approved_stamp,
    forms_of,
    lower_first,
    period,
    programme_problems,
    school_staff,
    stages_of,
    subprogrammes_of,
)


def stage_dates(stage) -> str:
    if stage.starts_on and stage.ends_on:
        return f"{short_date(stage.starts_on)} – {short_date(stage.ends_on)}"
    return ""


def activity_line(activity, today) -> str:
    """«Анкетирование (до 15.09.2026)»; an item already past due says whether it was done, so a plan approved
    today never shows a deadline in the past without a word."""
    line = activity.title
    if activity.due_on:
        line += f" (до {short_date(activity.due_on)}"
        if activity.done_on:
            line += f", выполнено {short_date(activity.done_on)}"
        elif activity.due_on < today:
            line += ", срок истёк, не выполнено"
        line += ")"
    return line


def by_written_name(users) -> dict[str, object]:
    """Users by the ways their names are written in a responsible column («Орлова М.С.», «М.С. Орлова», the
    full name), spaces left out."""
    names = {}
    for user in users:
        initials = "".join(f"{part[0]}." for part in (user.first_name, user.patronymic) if part)
        for written in (user.full_name, user.initials_name, f"{initials} {user.last_name}"):
            names[written.replace(" ", "")] = user
    return names


class StaffByName:
    """Who a name in a responsible column is: the programme's curator (already loaded), else the school's staff,
    read only when a name is not the curator's."""

    def __init__(self, document):
        self.document = document
        curator = document.programme.curator
        self.known = by_written_name([curator] if curator else [])
        self.staff = None

    def get(self, written: str):
        key = written.replace(" ", "")
        if key not in self.known and self.staff is None:
            self.staff = by_written_name(school_staff(self.document))
        return self.known.get(key) or (self.staff or {}).get(key)


def with_positions(responsible: str, staff) -> str:
    """«Орлова М.С.» → «Заместитель директора по УВР Орлова М.С.» (seed 003's column): the position of each
    named member of staff (``staff.get(name)``), where it is not written already."""
    parts = []
    for part in (responsible or "").split(","):
        part = part.strip()
        user = staff.get(part) if part else None
        if user is not None and user.position and user.position.lower() not in part.lower():
            part = f"{lower_first(user.position)} {part}"
        if part:
            parts.append(part)
    text = ", ".join(parts)
    return text[:1].upper() + text[1:]


def measure_rows(text: str, start: int) -> list[list[str]]:
    """The informing and attracting measures typed one per line as «мероприятие | сроки | ответственные |
    результат» (a line without « | » is the measure alone), numbered from ``start``."""
    rows = []
    for raw in (text or "").splitlines():
        line = raw.strip().lstrip("-–—•").strip()
        if not line:
            continue
        fields = [field.strip() for field in line.split("|")][:4]
        fields += [""] * (4 - len(fields))
        rows.append([str(start + len(rows)), *fields])
    return rows


@kind
class Roadmap(Kind):
    code = "roadmap"
    public = True  # as approved, and as agreed once the municipality agrees
    unique = True
    name = "Дорожная карта внедрения целевой модели наставничества"
    needs_agreement = True
    approved_by_order = True
    stamp_label = "УТВЕРЖДЕНА"
    blocks = (
        Block(
            "informing",
            "Информирование педагогического и родительского сообществ",
            "Каждое мероприятие с новой строки: мероприятие | сроки | ответственные | результат.",
        ),
        Block(
            "attracting",
            "Привлечение наставников",
            "Каждое мероприятие с новой строки: мероприятие | сроки | ответственные | результат.",
        ),
    )

    def missing(self, document):
        return programme_problems(document, stages_dated=True)

    def defaults(self, document):
        programme = document.programme
        stages = {stage.number: stage for stage in stages_of(programme)}
        curator = programme.curator
        who = with_positions(curator.initials_name, StaffByName(document))

        def during(*numbers) -> str:
            first, last = stages[numbers[0]], stages[numbers[-1]]
            return period(first.starts_on, last.ends_on) if first.starts_on and last.ends_on else ""

        whole = period(programme.starts_on, programme.ends_on)
        return {
            "informing": (
                f"- Педагогический совет о внедрении целевой модели наставничества | {during(1)} | {who} | "
                "Протокол педагогического совета\n"
                f"- Родительские собрания: цели, формы и участники программы наставничества | {during(1, 2)} | "
                "Классные руководители | Протоколы родительских собраний\n"
                f"- Классные часы для обучающихся о возможностях наставничества | {during(2)} | "
                "Классные руководители | Запросы наставляемых\n"
                f"- Публикация сведений о программе в разделе «Наставничество» на сайте школы | {whole} | {who} | "
                "Раздел «Наставничество» на сайте"
            ),
            "attracting": (
                "- Анкетирование педагогов и обучающихся «Чем я могу быть полезен в качестве наставника?» | "
                f"{during(3)} | {who} | База наставников\n"
                f"- Встречи с организациями-партнёрами, выпускниками и родителями | {during(3)} | {who} | "
                "Список потенциальных наставников\n"
                "- Заключение соглашений с организациями-партнёрами о предоставлении наставников | "
                f"{during(3, 4)} | Директор | Соглашения о сотрудничестве"
            ),
        }

    def title(self, document):
        return f"внедрения целевой модели наставничества в {organization_name(document.tenant, 'loct')}"

    def build(self, document, texts):
        programme = document.programme
        today = document.dated or date.today()
        staff = StaffByName(document)
        rows = []
        activities_by_stage = activities_of(programme)
        for stage in stages_of(programme):
            activities = activities_by_stage.get(stage.pk, [])
            rows.append(
                [
                    str(stage.number),
                    stage.get_number_display(),
                    stage_dates(stage),
                    with_positions(stage.responsible, staff),
                    "\n".join(f"– {activity_line(activity, today)}" for activity in activities),
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
        informing = measure_rows(texts["informing"], 1)
        attracting = measure_rows(texts["attracting"], len(informing) + 1)
        blocks += [
            heading("Этапы реализации"),
            table(
                ["№", "Наименование этапа", "Сроки", "Ответственные", "Мероприятия", "Локальные акты"],
                rows,
                widths=(5, 17, 12, 15, 33, 18),
            ),
            heading("Информирование педагогического и родительского сообществ, привлечение наставников"),
            table(
                ["№", "Мероприятие", "Сроки", "Ответственные", "Результат"],
                [["", "Информирование педагогического и родительского сообществ", "", "", ""], *informing,
                 ["", "Привлечение наставников", "", "", ""], *attracting],
                widths=(5, 40, 17, 18, 20),
            ),
        ]  # fmt: skip
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
