"""The parts every school document shares: requisites, the director's signature and «УТВЕРЖДАЮ», the checks
of the data a programme document needs, and the default place of issue."""

from mentoring.models import Stage

from ..content import BLANK_NUMBER, approval_stamp, initials_surname, short_date
from . import Block

PLACE = Block("place", "Место издания", "Например: пгт Большая Мурта", max_length=200)
REQUISITES_HINT = "«Документы» → «Реквизиты школы»"


def default_place(organization) -> str:
    address = (organization.address or "").split(",")
    for part in address:
        part = part.strip()
        if part[:2] in ("г.", "с.", "п.", "д.") or part.startswith(("пгт", "село", "город", "поселок", "посёлок")):
            return part
    return organization.municipality.short_name


def requisites(document, texts, kind="ПРИКАЗ") -> dict:
    organization = document.tenant
    return {
        "issuer": [organization.name],
        "kind": kind,
        "date": short_date(document.dated),
        "number": document.number or BLANK_NUMBER,
        "place": texts.get("place", ""),
    }


def director_signature(organization) -> dict:
    return {"position": organization.director_position, "name": initials_surname(organization.director_name)}


def director_stamp(document) -> dict:
    organization = document.tenant
    return approval_stamp(
        organization.director_position,
        organization.short_name,
        organization.director_name,
        document.dated,
        document.number,
    )


def school_problems(document) -> list[str]:
    organization = document.tenant
    problems = []
    if not organization.director_name:
        problems.append(f"Укажите ФИО руководителя школы ({REQUISITES_HINT}).")
    return problems


def programme_problems(document, *, stages_dated=False) -> list[str]:
    problems = school_problems(document)
    programme = document.programme
    if programme is None:
        return [*problems, "Выберите программу наставничества, к которой относится документ."]
    if programme.curator_id is None:
        problems.append("Назначьте куратора программы (страница программы → «Изменить» → «Куратор»).")
    if stages_dated:
        undated = [stage.number for stage in stages_of(programme) if not (stage.starts_on and stage.ends_on)]
        if undated:
            problems.append("Укажите сроки этапов программы: " + ", ".join(str(number) for number in undated) + ".")
    return problems


def stages_of(programme) -> list[Stage]:
    """The programme's stages with their activities (two queries; cached on the programme)."""
    cached = getattr(programme, "_document_stages", None)
    if cached is None:
        cached = list(Stage.objects.filter(programme=programme).prefetch_related("activities").order_by("number"))
        programme._document_stages = cached
    return cached


def forms_of(programme) -> list:
    """The programme's forms of mentoring (one query; cached on the programme)."""
    cached = getattr(programme, "_document_forms", None)
    if cached is None:
        cached = programme._document_forms = list(programme.forms.all())
    return cached


def subprogrammes_of(programme) -> list:
    """The named programmes the school runs inside the model (one query; cached on the programme)."""
    from mentoring.models import SubProgramme

    cached = getattr(programme, "_document_subprogrammes", None)
    if cached is None:
        cached = programme._document_subprogrammes = list(
            SubProgramme.objects.filter(programme=programme).order_by("pk")
        )
    return cached


def period(starts_on, ends_on) -> str:
    return f"{short_date(starts_on)} – {short_date(ends_on)}"


def curator_line(programme) -> str:
    curator = programme.curator
    position = curator.position or "куратор программы"
    return f"{curator.full_name}, {position}"


def lower_first(text: str) -> str:
    """«Директор» → «директор», «За участие» → «за участие» inside a sentence; an abbreviation («МБОУ», «УО»)
    stays as it is."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]
