"""Положение о программе наставничества (seed 000 §4.10.3, slides 11–16): a title page, then numbered clauses in
five sections — general provisions (the acts it rests on, terms and definitions, goals, tasks, each form the
programme runs with the reason it was chosen), rights and duties of the participants, results, the list of
documents, final provisions (entry into force, amendments) — and the blank forms of the agreement and of the
consent as its appendices. The school's own words are editable blocks with defaults (data/regulation.txt)."""

from pathlib import Path

from core.inflection import organization_name, position_in, written_name

from ..content import heading, paragraph, text_blocks
from . import Block, Kind, kind
from .common import approved_stamp, default_place, forms_of, lower_first, period, programme_problems
from .legal_basis import federal_act, regional_acts

DATA = Path(__file__).parent / "data"

SECTIONS = (
    ("1. Общие положения", ("general", "terms", "goals", "tasks", "forms_reason")),
    (
        "2. Права и обязанности участников программы наставничества",
        (
            "responsibility",
            "mentor_duties",
            "mentor_rights",
            "mentee_duties",
            "mentee_rights",
            "representative_rights",
            "mentor_requirements",
            "selection_training",
            "pairs_forming",
        ),
    ),
    ("3. Результаты реализации программы наставничества", ("reporting", "rewards", "criteria", "publication")),
    ("4. Перечень документов, регламентирующих реализацию программы наставничества", ("documents_list",)),
    ("5. Заключительные положения", ("final",)),
)

LABELS = {
    "general": "Общие положения",
    "terms": "Основные понятия",
    "goals": "Цель программы",
    "tasks": "Задачи программы",
    "forms_reason": "Почему выбраны эти формы",
    "responsibility": "Зоны ответственности",
    "mentor_duties": "Обязанности наставника",
    "mentor_rights": "Права наставника",
    "mentee_duties": "Обязанности наставляемого",
    "mentee_rights": "Права наставляемого",
    "representative_rights": "Права законных представителей наставляемого",
    "mentor_requirements": "Требования к наставникам",
    "selection_training": "Отбор и обучение наставников",
    "pairs_forming": "Формирование и закрепление пар и групп",
    "reporting": "Формы и сроки отчётности",
    "rewards": "Формы и условия поощрения наставников",
    "criteria": "Критерии эффективности работы наставника",
    "publication": "Публикация результатов на сайте",
    "documents_list": "Перечень документов",
    "final": "Заключительные положения",
}

# The sentence a clause opens with; a clause without one numbers each of its paragraphs.
INTROS = {
    "terms": "В настоящем Положении используются следующие понятия:",
    "goals": "Цель программы наставничества:",
    "tasks": "Задачи программы наставничества:",
    "mentor_duties": "Наставник обязан:",
    "mentor_rights": "Наставник имеет право:",
    "mentee_duties": "Наставляемый обязан:",
    "mentee_rights": "Наставляемый имеет право:",
    "reporting": "Формы и сроки отчётности:",
    "criteria": "Критерии эффективности работы наставника:",
    "documents_list": "К документам, регламентирующим реализацию программы наставничества, относятся:",
}
HINTS = {"forms_reason": "Каждая форма с новой строки: «ученик – ученик»: почему она выбрана."}


def keyed_texts(path: Path) -> dict[str, str]:
    """A data file of «[key]» sections as a dict of texts (comment lines «# …» skipped)."""
    texts: dict[str, list[str]] = {}
    key = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") and key is None:
            continue
        if line.startswith("[") and line.endswith("]"):
            key = line[1:-1]
            texts[key] = []
        elif key is not None:
            texts[key].append(line)
    return {key: "\n".join(lines).strip() for key, lines in texts.items()}


DEFAULTS = keyed_texts(DATA / "regulation.txt")
FORMS = keyed_texts(DATA / "regulation_forms.txt")
REASONS = dict(
    (part.strip() for part in line.split("|", 1))
    for line in (DATA / "form_reasons.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
)


def general_default(document) -> str:
    organization = document.tenant
    acts = [federal_act("R145", "ablt"), *regional_acts(organization.municipality.region, "ablt")]
    return (
        f"Настоящее Положение о программе наставничества {organization_name(organization, 'gent')} (далее — "
        "Положение) разработано в соответствии с " + ", ".join(acts) + ".\n" + DEFAULTS["general"]
    )


def clause(number: str, intro: str, text: str) -> list[dict]:
    """One numbered clause: its opening sentence and the school's text (a single sentence joins the opening one
    after a dash)."""
    blocks = text_blocks(text)
    if len(blocks) == 1 and blocks[0]["t"] == "p":
        return [paragraph(f"{number} {intro.rstrip(':')} — {lower_first(blocks[0]['text'])}")]
    return [paragraph(f"{number} {intro}"), *blocks]


def numbered_sections(sections, texts, intros, special=None) -> list[dict]:
    """Sections («1. Общие положения») of clauses numbered «1.1.», «1.2.»…: a clause with an opening sentence
    (``intros``) or drawn by its own function (``special``: opening, text → blocks) is one number; any other
    text numbers each of its paragraphs."""
    special = special or {}
    blocks = []
    for number, (section, keys) in enumerate(sections, start=1):
        blocks.append(heading(section))
        counter = 1
        for key in keys:
            if key in special or key in intros:
                opening = f"{number}.{counter}."
                own = special[key](opening, texts[key]) if key in special else clause(opening, intros[key], texts[key])
                counter += 1
            else:
                own = text_blocks(texts[key])
                for block in own:
                    if block["t"] == "p":
                        block["text"] = f"{number}.{counter}. {block['text']}"
                        counter += 1
            blocks += own
    return blocks


@kind
class Regulation(Kind):
    code = "regulation"
    public = True
    unique = True
    name = "Положение о программе наставничества"
    approved_by_order = True
    blocks = tuple(Block(key, label, HINTS.get(key, "")) for key, label in LABELS.items())

    def missing(self, document):
        return programme_problems(document)

    def defaults(self, document):
        programme = document.programme
        return {
            **DEFAULTS,
            "general": general_default(document),
            "goals": programme.goals
            or "Максимально полное раскрытие потенциала личности наставляемого, необходимое для успешной личной "
            "и профессиональной самореализации.",
            "tasks": programme.tasks
            or "- помощь в реализации лидерского потенциала;\n- улучшение образовательных, творческих и спортивных "
            "результатов;\n- создание комфортных условий и коммуникаций внутри образовательной организации.",
            "forms_reason": "\n".join(
                f"«{form.name}»: {REASONS[form.code]}" for form in forms_of(programme) if form.code in REASONS
            ),
        }

    def title(self, document):
        return f"о программе наставничества {organization_name(document.tenant, 'gent')}"

    def body(self, document, texts) -> list[dict]:
        """The five sections with numbered clauses (also the appendix of the implementation order)."""
        special = {"forms_reason": lambda opening, text: self.forms_clause(document, opening, text)}
        return numbered_sections(SECTIONS, texts, INTROS, special)

    def forms_clause(self, document, opening, text) -> list[dict]:
        """Each form the programme runs, its role models and why it was chosen (the school's words per form, else
        the methodology's goal of the form)."""
        programme = document.programme
        typed = {}
        for line in (text or "").splitlines():
            name, _, reason = line.partition(":")
            if reason.strip():
                typed[name.strip().strip("«»").strip()] = reason.strip().rstrip(".;")
        where = organization_name(document.tenant, "loct")
        intro = paragraph(
            f"{opening} В соответствии с целями и задачами программы в {where} в период "
            f"{period(programme.starts_on, programme.ends_on)} реализуются следующие формы наставничества:"
        )
        lines = []
        for form in forms_of(programme):
            models = ", ".join(form.role_models or [])
            reason = typed.get(form.name) or REASONS.get(form.code, "")
            line = f"«{form.name}»" + (f" (ролевые модели: {models})" if models else "")
            lines.append(line + (f" — выбрана, так как её цель — {reason}" if reason else ""))
        items = [f"{line};" for line in lines[:-1]] + [f"{lines[-1]}." for line in lines[-1:]]
        return [intro, {"t": "list", "style": "bullet", "items": items or ["формы не выбраны."]}]

    def forms_appendices(self, document) -> list[dict]:
        """The blank agreement and consent forms (seed 000 slide 14, seed 001), filled with the school's
        requisites."""
        organization = document.tenant
        director = (
            f"{position_in(organization.director_position or 'Директор', 'gent')} "
            f"{written_name(organization.director_name, 'gent') or '____________________'}"
        )
        values = {
            "place": default_place(organization),
            "organization": organization.name,
            "organization_dative": organization_name(organization, "datv"),
            "director": director,
            "address": organization.address or "____________________",
        }
        appendices = []
        for number, (title, text) in enumerate(FORMS.items(), start=1):
            content = {"title": title, "blocks": text_blocks(text.format(**values))}
            appendices.append(
                {"mark": [f"Приложение {number}", "к Положению о программе наставничества"], "content": content}
            )
        return appendices

    def build(self, document, texts):
        return {
            "stamps": [approved_stamp(document)],
            "title_page": True,
            "kind_title": "ПОЛОЖЕНИЕ",
            "title": self.title(document),
            "cover_lines": [default_place(document.tenant), str(document.programme.starts_on.year)],
            "blocks": self.body(document, texts),
            "appendices": self.forms_appendices(document),
        }
