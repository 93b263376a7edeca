"""URL patterns of the programmes pages, included under /o/<org>/ by config/urls.py."""

from django.urls import path

from mentoring.views import programmes as views

urlpatterns: list = [
    path("programmes/", views.ProgrammeListView.as_view(), name="programme_list"),
    path("programmes/new/", views.ProgrammeCreateView.as_view(), name="programme_create"),
    path("programmes/<int:pk>/", views.ProgrammeDetailView.as_view(), name="programme_detail"),
    path("programmes/<int:pk>/edit/", views.ProgrammeEditView.as_view(), name="programme_edit"),
    path(
        "programmes/<int:pk>/subprogrammes/new/",
        views.SubProgrammeCreateView.as_view(),
        name="subprogramme_create",
    ),
    path("subprogrammes/<int:pk>/edit/", views.SubProgrammeEditView.as_view(), name="subprogramme_edit"),
    path("subprogrammes/<int:pk>/delete/", views.SubProgrammeDeleteView.as_view(), name="subprogramme_delete"),
    path("stages/<int:pk>/", views.StageDetailView.as_view(), name="stage_detail"),
    path("stages/<int:pk>/edit/", views.StageEditView.as_view(), name="stage_edit"),
    path("stages/<int:pk>/activities/new/", views.ActivityCreateView.as_view(), name="activity_create"),
    path("activities/<int:pk>/edit/", views.ActivityEditView.as_view(), name="activity_edit"),
    path("activities/<int:pk>/delete/", views.ActivityDeleteView.as_view(), name="activity_delete"),
    path("activities/<int:pk>/done/", views.ActivityDoneView.as_view(), name="activity_done"),
    path("activities/<int:pk>/undo/", views.ActivityUndoView.as_view(), name="activity_undo"),
    path("activities/<int:pk>/file/", views.ActivityAttachmentView.as_view(), name="activity_attachment"),
    path("forms/", views.FormListView.as_view(), name="form_list"),
    path("forms/new/", views.MentoringFormCreateView.as_view(), name="form_create"),
    path("forms/<int:pk>/edit/", views.MentoringFormEditView.as_view(), name="form_edit"),
    path("programmes/<int:pk>/mentors/", views.MentorSelectionView.as_view(), name="mentor_selection"),
    path("programmes/<int:pk>/training/", views.TrainingView.as_view(), name="training"),
    path(
        "programmes/<int:pk>/training/new/",
        views.TrainingSessionCreateView.as_view(),
        name="training_session_create",
    ),
    path(
        "programmes/<int:pk>/training/complete/",
        views.TrainingCompleteView.as_view(),
        name="training_complete",
    ),
    path("training/<int:pk>/edit/", views.TrainingSessionEditView.as_view(), name="training_session_edit"),
    path("training/<int:pk>/attendance/", views.AttendanceView.as_view(), name="training_attendance"),
    path("my-training/", views.MyTrainingView.as_view(), name="my_training"),
]
