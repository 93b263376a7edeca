"""URLs of documents: a school's (under /o/<org>/), a municipality's own and its schools' roadmaps (under
/m/<muni>/), and the person's notifications."""

from django.urls import path

from core.roles import Capability

from . import views

C = Capability


def _level(cls, level: str, capability_name: str):
    """The view ``cls`` for one level, declaring the capability the level requires for it."""
    attrs = {"level": level, "prefix": "" if level == "school" else "m_"}
    if level == "municipality":
        attrs |= {
            "read": C.DRAFT_MUNICIPAL_DOCUMENTS,
            "draft": C.DRAFT_MUNICIPAL_DOCUMENTS,
            "approve": C.APPROVE_MUNICIPAL_DOCUMENTS,
        }
    view = type(cls.__name__, (cls,), attrs)
    view.required_capability = getattr(view, capability_name)
    return view.as_view()


def document_patterns(level: str):
    prefix = "" if level == "school" else "m_"
    return [
        path("documents/", _level(views.DocumentListView, level, "read"), name=f"{prefix}document_list"),
        path("documents/new/", _level(views.DocumentCreateView, level, "draft"), name=f"{prefix}document_create"),
        path("documents/inbox/", _level(views.InboxView, level, "approve"), name=f"{prefix}document_inbox"),
        path("documents/<int:pk>/", _level(views.DocumentDetailView, level, "read"), name=f"{prefix}document_detail"),
        path("documents/<int:pk>/edit/", _level(views.DocumentEditView, level, "draft"), name=f"{prefix}document_edit"),
        path("documents/<int:pk>/send/", _level(views.SendView, level, "draft"), name=f"{prefix}document_send"),
        path(
            "documents/<int:pk>/approve/", _level(views.ApproveView, level, "approve"), name=f"{prefix}document_approve"
        ),
        path("documents/<int:pk>/return/", _level(views.ReturnView, level, "approve"), name=f"{prefix}document_return"),
        path(
            "documents/<int:pk>/render/<str:fmt>/",
            _level(views.RenderView, level, "read"),
            name=f"{prefix}document_render",
        ),
        path(
            "documents/<int:pk>/versions/<int:number>/pdf/",
            _level(views.VersionPdfView, level, "read"),
            name=f"{prefix}document_version_pdf",
        ),
    ]


school_patterns = [
    *document_patterns("school"),
    path(
        "documents/<int:pk>/resubmit/",
        _level(views.ResubmitView, "school", "draft"),
        name="document_resubmit",
    ),
    path("documents/requisites/", views.RequisitesView.as_view(), name="school_requisites"),
]

municipal_patterns = [
    *document_patterns("municipality"),
    path("roadmaps/", views.RoadmapInboxView.as_view(), name="m_roadmap_inbox"),
    path("roadmaps/<int:pk>/", views.SchoolRoadmapView.as_view(), name="m_school_document"),
    path("schools/<int:pk>/documents/", views.SchoolDocumentsView.as_view(), name="m_school_documents"),
    path("roadmaps/<int:pk>/agree/", views.AgreeView.as_view(), name="m_roadmap_agree"),
    path("roadmaps/<int:pk>/remarks/", views.RemarksView.as_view(), name="m_roadmap_remarks"),
    path(
        "roadmaps/<int:pk>/versions/<int:number>/pdf/",
        views.SchoolVersionPdfView.as_view(),
        name="m_school_version_pdf",
    ),
]
