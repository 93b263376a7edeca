"""Document kinds: what each document says, where its data comes from, and which of its texts are the
tenant's own words (editable blocks with defaults).

A kind turns a ``Document`` into a content tree (documents/content.py) from live data; ``missing`` says what
must be filled in the portal first. Every kind module registers its class with ``@kind``; the renderer
registry (documents/renderers.py) gets one renderer per kind.
"""

from dataclasses import dataclass

from core.rendering import RenderRefused


class MissingData(RenderRefused):
    """The data a document needs is not in the portal yet; ``problems`` says, in Russian, what to fill."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("Документ пока нельзя сформировать: " + " ".join(problems))


@dataclass(frozen=True)
class Block:
    """A text of the document in the tenant's own words, edited in a textarea. Lines starting with "- " are
    list items."""

    key: str
    label: str
    help_text: str = ""
    max_length: int = 20000


class Kind:
    """Base of a document kind. Set the attributes; write ``build``; override ``missing``, ``defaults`` and
    ``subjects`` where the kind needs them."""

    code = ""
    name = ""  # «Положение о программе наставничества»
    level = "school"  # or "municipality"
    is_order = False
    registered = None  # takes the next number of the register when approved: orders (the default) and letters
    approved_by_order = False  # a regulation, a roadmap: approved by an order, whose date and number it carries
    stamp_label = "УТВЕРЖДЕНО"  # the approval mark of a kind approved by an order, agreeing with its noun
    approves: tuple[str, ...] = ()  # an order's appendices that it approves (their kinds' codes)
    drafted = True  # False: the portal issues it itself (an order approving a regulation), nobody drafts it
    needs_agreement = False  # a school's roadmap goes to the municipality after the director approves it
    unique = False  # one per programme (the regulation, the roadmap…): a second one is an edit, not a new document
    subject = ""  # "pair", "mentor", "mentee"…: a document about one of them (chosen on creation)
    subject_label = ""
    # May be published, once approved, on the site's «Наставничество» page (documents.services.publication):
    # a kind that names no minor and no person's private data (staff named in office are public). A kind about
    # one person (``subject``) is never published, whatever this says.
    public = False
    blocks: tuple[Block, ...] = ()

    @property
    def numbered(self) -> bool:
        """Whether approval gives it the next number of the register (orders and letters)."""
        return self.is_order if self.registered is None else self.registered

    def subjects(self, programme) -> list[tuple[int, str]]:
        """The choices of the document's subject within a programme (only for kinds with a ``subject``)."""
        return []

    def missing(self, document) -> list[str]:
        """What must be filled in the portal before this document can be written (Russian sentences)."""
        return []

    def defaults(self, document) -> dict[str, str]:
        """The default text of each block (a school edits them)."""
        return {}

    def title(self, document) -> str:
        return self.name

    def build(self, document, texts: dict[str, str]) -> dict:
        """The content tree of ``document`` with ``texts`` (the defaults overridden by the tenant's own)."""
        return {"title": self.title(document), "blocks": []}


_kinds: dict[str, Kind] = {}


def kind(cls):
    """Class decorator: register a document kind."""
    if not cls.code or cls.code in _kinds:
        raise ValueError(f"Document kind {cls.code!r} is empty or registered twice.")
    _kinds[cls.code] = cls()
    return cls


def kind_of(code: str) -> Kind:
    return _kinds[code]


def all_kinds(level: str | None = None) -> list[Kind]:
    return [k for k in _kinds.values() if level is None or k.level == level]


def texts_of(document) -> dict[str, str]:
    """The document's blocks: the kind's defaults with the tenant's own words over them."""
    kind_ = kind_of(document.kind)
    texts = kind_.defaults(document)
    texts.update({key: value for key, value in (document.blocks or {}).items() if key in texts or _has(kind_, key)})
    return texts


def _has(kind_: Kind, key: str) -> bool:
    return any(block.key == key for block in kind_.blocks)


def content_of(document) -> dict:
    """The live content of a document (a draft follows the data); raises ``MissingData``."""
    kind_ = kind_of(document.kind)
    problems = kind_.missing(document)
    if problems:
        raise MissingData(problems)
    return kind_.build(document, texts_of(document))
