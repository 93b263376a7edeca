"""Permission-matrix cases of documents (the agreed role matrix: read a school's documents — approved versions; draft,
edit, send — director and curator; approve — director; agree / return a school's roadmap — municipal
coordinator and specialist; municipal documents: draft — both, approve — coordinator). The site's «Наставничество»
section: its settings — the director (a school), the municipal coordinator (a municipality); the section itself
is public (no login), switched on for school A and its municipality in the world.

The fixture school document is the school's roadmap, approved and waiting for the municipality's agreement
(``world.people[school.pk]["document"]``, also ``world.municipal[muni.pk]["roadmap"]``); refused steps on it (it is
not a draft any more) answer with a message and a redirect, which the matrix counts as allowed.
"""

from core.roles import Role
from tests.matrix import MN, MT, OB, C, Case, D

MS = Role.MUNICIPAL_SPECIALIST
MC = Role.MUNICIPAL_COORDINATOR
READ = frozenset({D, C, MT, OB})
DRAFT = frozenset({D, C})
APPROVE = frozenset({D})
MUNICIPAL = frozenset({MC, MS})
TEXTS = {"informing": "- Родительское собрание"}
REQUISITES = {
    "name": "МБОУ «Школа А»",
    "short_name": "Школа А",
    "director_position": "Директор",
    "director_name": "Иванова И.И.",
}
PUBLIC_PAGE = {"enabled": "on", "intro": "Наставничество в школе", "contact": "Куратор программы, тел. 3-10-40"}

assert MN not in READ  # a mentor reads no school documents

CASES: dict = {
    "document_list": Case("school", READ),
    "document_create": Case("school", DRAFT, ("get", "post"), post_data={"kind": "regulation"}),
    "document_inbox": Case("school", APPROVE),
    "document_detail": Case("school", READ, obj="document"),
    "document_edit": Case("school", DRAFT, ("get", "post"), obj="document", post_data=TEXTS),
    "document_send": Case("school", DRAFT, ("post",), obj="document"),
    "document_approve": Case("school", APPROVE, ("post",), obj="document"),
    "document_return": Case("school", APPROVE, ("post",), obj="document", post_data={"text": "Дополнить"}),
    "document_resubmit": Case("school", DRAFT, ("post",), obj="document", post_data={"text": "Исправлено"}),
    "document_render": Case("school", READ, ("post",), obj="document", url_kwargs={"fmt": "pdf"}),
    "document_version_pdf": Case("school", READ, obj="document", url_kwargs={"number": 1}),
    "school_requisites": Case("school", DRAFT, ("get", "post"), post_data=REQUISITES),
    "m_roadmap_inbox": Case("municipality", MUNICIPAL),
    "m_school_document": Case("municipality", MUNICIPAL, obj="roadmap"),
    "m_school_documents": Case("municipality", MUNICIPAL, obj="school"),
    "m_roadmap_agree": Case("municipality", MUNICIPAL, ("post",), obj="roadmap"),
    "m_roadmap_remarks": Case("municipality", MUNICIPAL, ("post",), obj="roadmap", post_data={"text": "Сроки"}),
    "m_school_version_pdf": Case("municipality", MUNICIPAL, obj="roadmap", url_kwargs={"number": 1}),
    "m_document_list": Case("municipality", MUNICIPAL),
    "m_document_create": Case("municipality", MUNICIPAL, ("get", "post"), post_data={"kind": "municipal_order"}),
    "m_document_inbox": Case("municipality", frozenset({MC})),
    "m_document_detail": Case("municipality", MUNICIPAL, obj="document"),
    "m_document_edit": Case("municipality", MUNICIPAL, ("get", "post"), obj="document", post_data={"basis": "Р-145"}),
    "m_document_send": Case("municipality", MUNICIPAL, ("post",), obj="document"),
    "m_document_approve": Case("municipality", frozenset({MC}), ("post",), obj="document"),
    "m_document_return": Case("municipality", frozenset({MC}), ("post",), obj="document", post_data={"text": "Да"}),
    "m_document_render": Case("municipality", MUNICIPAL, ("post",), obj="document", url_kwargs={"fmt": "docx"}),
    "m_document_version_pdf": Case("municipality", MUNICIPAL, obj="document", url_kwargs={"number": 1}),
    "public_page_settings": Case("school", APPROVE, ("get", "post"), post_data=PUBLIC_PAGE),
    "m_public_page_settings": Case("municipality", frozenset({MC}), ("get", "post"), post_data=PUBLIC_PAGE),
    **{
        f"{section}_{view}": Case("public")
        for section in ("public_school", "public_municipal")
        for view in ("page", "embed", "pdf", "zip")
    },
    "notifications": Case("account", methods=("get",)),
    "notification_open": Case("account"),
}
