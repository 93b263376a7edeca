"""URLs of documents: a school's (under /o/<org>/), a municipality's own and its schools' roadmaps (under
/m/<muni>/), and the public «Наставничество» sections (under /p/o/<school>/ and /p/m/<municipality>/, no login)."""

from django.urls import path

from .views import actions, municipal, pages, public, publishing, requisites


def document_patterns(level: str):
    """The same views at both levels; a view reads its level from ``request.tenant``."""
    prefix = "" if level == "school" else "m_"
    return [
        path("documents/", pages.DocumentListView.as_view(), name=f"{prefix}document_list"),
        path("documents/new/", pages.DocumentCreateView.as_view(), name=f"{prefix}document_create"),
        path("documents/inbox/", actions.InboxView.as_view(), name=f"{prefix}document_inbox"),
        path("documents/<int:pk>/", pages.DocumentDetailView.as_view(), name=f"{prefix}document_detail"),
        path("documents/<int:pk>/edit/", pages.DocumentEditView.as_view(), name=f"{prefix}document_edit"),
        path("documents/<int:pk>/send/", actions.SendView.as_view(), name=f"{prefix}document_send"),
        path("documents/<int:pk>/approve/", actions.ApproveView.as_view(), name=f"{prefix}document_approve"),
        path("documents/<int:pk>/return/", actions.ReturnView.as_view(), name=f"{prefix}document_return"),
        path(
            "documents/<int:pk>/render/<str:fmt>/",
            actions.RenderView.as_view(),
            name=f"{prefix}document_render",
        ),
        path(
            "documents/<int:pk>/versions/<int:number>/pdf/",
            actions.VersionPdfView.as_view(),
            name=f"{prefix}document_version_pdf",
        ),
    ]


school_patterns = [
    *document_patterns("school"),
    path(
        "documents/<int:pk>/resubmit/",
        actions.ResubmitView.as_view(),
        name="document_resubmit",
    ),
    path("documents/requisites/", requisites.RequisitesView.as_view(), name="school_requisites"),
    path("documents/site/", publishing.PublicPageSettingsView.as_view(), name="public_page_settings"),
]

municipal_patterns = [
    *document_patterns("municipality"),
    path("roadmaps/", municipal.RoadmapInboxView.as_view(), name="m_roadmap_inbox"),
    path("roadmaps/<int:pk>/", municipal.SchoolRoadmapView.as_view(), name="m_school_document"),
    path("schools/<int:pk>/documents/", municipal.SchoolDocumentsView.as_view(), name="m_school_documents"),
    path("roadmaps/<int:pk>/agree/", municipal.AgreeView.as_view(), name="m_roadmap_agree"),
    path("roadmaps/<int:pk>/remarks/", municipal.RemarksView.as_view(), name="m_roadmap_remarks"),
    path(
        "roadmaps/<int:pk>/versions/<int:number>/pdf/",
        municipal.SchoolVersionPdfView.as_view(),
        name="m_school_version_pdf",
    ),
    path("documents/site/", publishing.PublicPageSettingsView.as_view(), name="m_public_page_settings"),
]


def public_section_patterns(level: str):
    """A tenant's public section: the page, the fragment to embed, each published PDF and the ZIP of the kit."""
    letter, name = ("o", "public_school") if level == "school" else ("m", "public_municipal")
    root = f"p/{letter}/<slug:slug>/nastavnichestvo/"
    return [
        path(root, public.PageView.as_view(level=level), name=f"{name}_page"),
        path(f"{root}embed/", public.EmbedView.as_view(level=level), name=f"{name}_embed"),
        path(f"{root}<int:pk>.pdf", public.DocumentPdfView.as_view(level=level), name=f"{name}_pdf"),
        path(f"{root}komplekt.zip", public.KitZipView.as_view(level=level), name=f"{name}_zip"),
    ]


regional_patterns = [
    path("requisites/", requisites.RegionalRequisitesView.as_view(), name="regional_requisites"),
]

public_patterns = [*public_section_patterns("school"), *public_section_patterns("municipality")]
