"""URLs of documents: a school's (under /o/<org>/), a municipality's own and its schools' roadmaps (under
/m/<muni>/), and the person's notifications."""

from django.urls import path

from .views import actions, municipal, pages, requisites


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
]
