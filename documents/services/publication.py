"""The «Наставничество» section a school or a municipality publishes on its site (seed 001 §4.6.2, seed 000's
regulation section 3, seed 002 is such a page): what anyone may read there without a login, and its settings.

``open_section`` is the one reviewed place where a tenant's data is read for a visitor without a login: it finds
the tenant by its address, enters that one tenant's scope (``core.tenancy.tenant_scope``) for the with-block, and
the ``Section`` it yields offers only what may be shown to anyone:

- the approved documents of the kinds marked ``public`` (``documents.kinds.Kind.public``: the regulation, the
  roadmap, the implementation order, the curator order, the municipal roadmap and order) as their frozen PDF —
  the roadmap as agreed once the municipality agreed it —, never a live render, never a kind about one person
  (``Kind.subject``: agreements, consents, letters), whatever its ``public`` says;
- the best practices marked publishable, less those whose text names a person of the school's bases who must not
  be named (``withheld``): a mentee, or a mentor who is a minor — in any case ending («Петрову», «Петровой»);
- the contact.

A page switched off, or never set up, does not exist: ``NotPublished`` (the views answer 404).
"""

import io
import re
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property

from django.db import transaction

from core.audit import changes_between, log_action
from core.models import Membership, Municipality, Organization
from core.models.tenants import tenant_key
from core.roles import Role
from core.tenancy import tenant_scope
from mentoring.models import BestPractice, Mentee, Mentor, Programme

from ..kinds import Kind, all_kinds, kind_of
from ..kinds.common import lower_first
from ..models import Document, DocumentVersion, PublicPage

DEFAULT_INTRO = (
    "Наставничество — универсальная технология передачи опыта, знаний, формирования навыков, компетенций и "
    "ценностей через неформальное взаимообогащающее общение, основанное на доверии и партнёрстве. Здесь "
    "опубликованы документы программы наставничества, лучшие практики и контакты для вопросов о наставничестве."
)


class NotPublished(LookupError):
    """No such page, or it is switched off, or no such file on it."""


@dataclass(frozen=True)
class PublishedDocument:
    """An approved document of a public kind, as published: the latest frozen version's PDF."""

    kind: Kind
    document: Document
    version: DocumentVersion

    @property
    def file(self):
        return self.version.agreed_pdf or self.version.pdf

    @property
    def number(self) -> str:
        """The document's number while the published version is its current one (a next draft has none yet)."""
        return self.document.number if self.document.version == self.version.number else ""

    @property
    def name(self) -> str:
        """What the document is called on the page: its kind, or for an order the portal issued, its title."""
        return self.kind.name if self.kind.drafted else f"Приказ «{self.document.title}»"

    @property
    def label(self) -> str:
        """Its name with its number, or the order that approved it, as the page lists it."""
        if not self.number:
            return self.name
        return self.name + (f", утв. приказом № {self.number}" if self.kind.approved_by_order else f" № {self.number}")

    @property
    def filename(self) -> str:
        return f"{self.label} (версия {self.version.number}).pdf".replace("/", "-")


@dataclass(frozen=True)
class Practice:
    """A publishable best practice and, when it names someone who must not be named, who (it is then withheld)."""

    practice: BestPractice
    names: tuple[str, ...] = ()


def public_kinds(level: str) -> list[Kind]:
    """The kinds a page may publish, in the order the documents list them."""
    return [kind for kind in all_kinds(level) if kind.public and not kind.subject]


class Section:
    """What a tenant's page publishes; built inside the tenant's scope (``open_section`` or a request's)."""

    def __init__(self, tenant, page: PublicPage):
        self.tenant = tenant
        self.page = page
        self.is_school = isinstance(tenant, Organization)

    @cached_property
    def documents(self) -> list[PublishedDocument]:
        kinds = public_kinds("school" if self.is_school else "municipality")
        order = {kind.code: index for index, kind in enumerate(kinds)}
        documents = Document.owned.filter(kind__in=list(order), versions__isnull=False).distinct()
        documents = {document.pk: document for document in documents.select_related("programme")}
        latest: dict[int, DocumentVersion] = {}
        for version in DocumentVersion.owned.filter(document__in=list(documents)).order_by("document", "-number"):
            latest.setdefault(version.document_id, version)
        published = [PublishedDocument(kind_of(d.kind), d, latest[pk]) for pk, d in documents.items() if pk in latest]
        return sorted(published, key=lambda p: (-_start(p.document), order[p.kind.code], -p.document.pk))

    def document(self, pk: int) -> PublishedDocument:
        for published in self.documents:
            if published.document.pk == pk:
                return published
        raise NotPublished(pk)

    @cached_property
    def practices(self) -> list[Practice]:
        """The publishable practices, each with the names it mentions that must not be published."""
        practices = BestPractice.objects.filter(publishable=True).select_related("form", "programme", "organization")
        practices = list(practices.order_by("-created_at", "-pk"))
        if not practices:
            return []
        protected = protected_surnames()
        return [Practice(practice, names_in(practice_text(practice), protected)) for practice in practices]

    @property
    def shown_practices(self) -> list[BestPractice]:
        return [item.practice for item in self.practices if not item.names]

    @property
    def withheld_practices(self) -> list[Practice]:
        return [item for item in self.practices if item.names]

    @property
    def contact(self) -> str:
        return self.page.contact or default_contact(self.tenant)

    @property
    def intro(self) -> str:
        return self.page.intro or DEFAULT_INTRO

    def zip(self) -> bytes:
        """Every published PDF in one archive, numbered in the order of the page."""
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for number, published in enumerate(self.documents, start=1):
                with published.file.open("rb") as pdf:
                    archive.writestr(f"{number:02d} {published.filename}", pdf.read())
        return buffer.getvalue()


def _start(document: Document) -> int:
    """A school's documents of its newest programme come first."""
    return document.programme.starts_on.toordinal() if document.programme else 0


def tenant_of(level: str, slug: str) -> Organization | Municipality:
    model = Organization if level == "school" else Municipality
    tenant = model.objects.filter(slug=slug).first()
    if tenant is None:
        raise NotPublished(slug)
    return tenant


@contextmanager
def open_section(level: str, slug: str):
    """The published section of the school (``level="school"``) or municipality at ``slug``, inside that
    tenant's scope for the with-block; ``NotPublished`` when there is none or it is switched off."""
    tenant = tenant_of(level, slug)
    with tenant_scope(tenant):
        page = PublicPage.objects.filter(tenant_key=tenant_key(tenant), enabled=True).first()
        if page is None:
            raise NotPublished(slug)
        yield Section(tenant, page)


# Settings (inside the request's tenant scope).


def settings_of(tenant) -> PublicPage:
    """The tenant's page, or a new one (switched off, unsaved) with the default intro and contact."""
    page = PublicPage.objects.filter(tenant_key=tenant_key(tenant)).first()
    if page is None:
        page = PublicPage(intro=DEFAULT_INTRO, contact=default_contact(tenant))
        page.tenant = tenant
    return page


def save_settings(page: PublicPage, *, actor, request=None) -> PublicPage:
    """Save the page as edited (a form's instance), recording what changed."""
    before = _snapshot(PublicPage.objects.get(pk=page.pk)) if page.pk else {}
    with transaction.atomic():
        page.save()
        changes = changes_between(before, _snapshot(page))
        if changes:
            log_action("public_page.saved", actor=actor, tenant=page.tenant, obj=page, changes=changes, request=request)
    return page


def _snapshot(page: PublicPage) -> dict:
    return {"опубликован": "да" if page.enabled else "нет", "текст": page.intro, "контакт": page.contact}


def default_contact(tenant) -> str:
    """«Куратор программы наставничества — Орлова Марина Сергеевна, заместитель директора по УВР, тел. …» for a
    school (the curator of its current programme and the school's phone); the municipal coordinator for a
    municipality."""
    if isinstance(tenant, Organization):
        programme = Programme.objects.select_related("curator").order_by("-starts_on", "-pk").first()
        person, who = (programme.curator if programme else None), "Куратор программы наставничества"
        phone = tenant.phone
    else:
        membership = Membership.objects.filter(municipality=tenant, role=Role.MUNICIPAL_COORDINATOR).first()
        person, who, phone = (membership.user if membership else None), "Муниципальный координатор", ""
    parts = [f"{who} — {person.full_name}" if person else who]
    if person and person.position:
        parts.append(lower_first(person.position))
    if phone:
        parts.append(f"тел. {phone}")
    return ", ".join(part for part in parts if part)[:300]


# Names in a practice's text.

WORD = re.compile(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)*")
# Case endings of Russian surnames (and other words), longest first.
ENDINGS = (
    *("ого", "его", "ому", "ему", "ими", "ыми", "ами", "ями"),
    *("ой", "ей", "ий", "ый", "ая", "яя", "ое", "ую", "юю", "ым", "им", "ом", "ем", "ых", "их", "ам", "ям", "ах", "ях"),
    *("а", "я", "у", "ю", "е", "ы", "и", "о", "й", "ь"),
)


def stem(word: str) -> str:
    """A word without its case ending, each part of a hyphenated one: «Петровой», «Петрову», «Петров» → «петров»."""
    parts = []
    for part in word.lower().replace("ё", "е").split("-"):
        for ending in ENDINGS:
            if part.endswith(ending) and len(part) - len(ending) >= 3:
                part = part[: -len(ending)]
                break
        parts.append(part)
    return "-".join(parts)


def protected_surnames() -> dict[str, str]:
    """The surnames nobody publishes, by stem: every mentee's, and every mentor's who is a minor (in scope)."""
    surnames = set(Mentee.objects.values_list("last_name", flat=True))
    surnames |= {mentor.last_name for mentor in Mentor.objects.only("last_name", "birth_date") if mentor.is_minor}
    return {stem(surname): surname for surname in surnames if surname}


def practice_text(practice: BestPractice) -> str:
    return "\n".join((practice.title, practice.story, practice.results))


def names_in(text: str, protected: dict[str, str]) -> tuple[str, ...]:
    """The protected surnames ``text`` mentions, in any case ending."""
    return tuple(sorted({protected[s] for s in (stem(word) for word in WORD.findall(text)) if s in protected}))
