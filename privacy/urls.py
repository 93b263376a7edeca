"""URLs of personal-data care under /o/<org>/: the subject's copy of a mentee or a mentor, the
retention periods and the list «срок хранения истёк»."""

from django.urls import path

from .views import RetentionView, SubjectCopyView

school_patterns = [
    path(
        "mentees/<int:pk>/subject-copy/<str:fmt>/",
        SubjectCopyView.as_view(subject="mentee"),
        name="mentee_subject_copy",
    ),
    path(
        "mentors/<int:pk>/subject-copy/<str:fmt>/",
        SubjectCopyView.as_view(subject="mentor"),
        name="mentor_subject_copy",
    ),
    path("personal-data/retention/", RetentionView.as_view(), name="retention"),
]
