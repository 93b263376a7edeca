"""The parts every school document shares: requisites, the director's signature, the stamp citing the approving
order, points with sub-points, the checks of the data a programme document needs, and the default place of issue."""

from django.db.models import Exists, OuterRef

from core.inflection import name_of, organization_name, position_in
from mentoring.models import Stage, StageActivity

from ..content import BLANK_NUMBER, initials_surname, order_stamp, paragraph, short_date, text_blocks
from . import Block, kind_of

CONTROL = "Контроль за исполнением настоящего приказа оставляю за собой."
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


def approved_stamp(document) -> dict:
    """«УТВЕРЖДЕНО приказом МБОУ «СШ №40» от … № …»: the order that approved the document (its date and number
    are the document's once approved, documents/services/approval.py)."""
    return order_stamp(
        kind_of(document.kind).stamp_label, organization_name(document.tenant, "gent", short=True), document.dated,
        document.number,
    )  # fmt: skip


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
    """The programme's stages (one query; cached on the programme)."""
    cached = getattr(programme, "_document_stages", None)
    if cached is None:
        cached = programme._document_stages = list(Stage.objects.filter(programme=programme).order_by("number"))
    return cached


def activities_of(programme) -> dict[int, list[StageActivity]]:
    """The activities of the programme's stages in their order, by stage id (one query; cached on the programme)."""
    cached = getattr(programme, "_document_activities", None)
    if cached is None:
        cached = programme._document_activities = {}
        activities = StageActivity.objects.filter(stage__programme=programme).order_by("stage_id", "position", "pk")
        for activity in activities:
            cached.setdefault(activity.stage_id, []).append(activity)
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


def who(user, case: str = "accs") -> str:
    """«Орлову Марину Сергеевну, заместителя директора по УВР»: a person with their position, in ``case``."""
    return name_of(user, case) + (f", {position_in(user.position, case)}" if user.position else "")


def lower_first(text: str) -> str:
    """«Директор» → «директор», «За участие» → «за участие» inside a sentence; an abbreviation («МБОУ», «УО»)
    stays as it is."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def list_lines(text: str) -> list[str]:
    """The items of a list typed one per line (with or without «- »), without their closing punctuation."""
    return [line.lstrip("-–—•").strip().rstrip(";,.") for line in (text or "").splitlines() if line.strip()]


def clauses(points: list[tuple[str, list[str]]]) -> list[dict]:
    """An order's points as numbered paragraphs, each with its sub-points («2.1. …;»), so the numbers read the
    same in the PDF, in Word and in LibreOffice and no point refers to itself."""
    blocks = []
    for number, (text, subpoints) in enumerate(points, start=1):
        blocks.append(paragraph(f"{number}. {text}"))
        for sub, line in enumerate(subpoints, start=1):
            blocks.append(paragraph(f"{number}.{sub}. {line}{'.' if sub == len(subpoints) else ';'}"))
    return blocks


def basis_blocks(text: str) -> list[dict]:
    """The basis paragraph(s), ending with a comma before «ПРИКАЗЫВАЮ:» whatever the tenant typed at the end."""
    return text_blocks((text or "").rstrip().rstrip(".,;:") + ",")


def school_staff(document) -> list:
    """The school's staff — users with a role in it other than a mentor's — by name (one query, cached on the
    document: the order's points and its appended roadmap share it)."""
    from core.models import Membership
    from core.roles import Role
    from mentoring.models import User

    cached = getattr(document, "_document_staff", None)
    if cached is None:
        staff = Membership.objects.filter(organization=document.tenant, user=OuterRef("pk")).exclude(role=Role.MENTOR)
        cached = document._document_staff = list(
            User.objects.filter(Exists(staff))
            .only("last_name", "first_name", "patronymic", "position", "gender", "name_forms")
            .order_by("last_name", "first_name", "pk")
        )
    return cached


def staff_with_position(document, *words) -> list:
    """The school's staff whose position names one of ``words``, by name."""
    return [user for user in school_staff(document) if any(word in (user.position or "").lower() for word in words)]
