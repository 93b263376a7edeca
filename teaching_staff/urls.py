"""The teacher-mentors' pages of a school (included under /o/<org>/)."""

from django.urls import path

from . import views

school_patterns = [
    path("council/", views.CouncilView.as_view(), name="council"),
    path("council/meetings/new/", views.CouncilMeetingCreateView.as_view(), name="council_meeting_create"),
    path("pairs/<int:pk>/appointment/", views.PairAppointmentView.as_view(), name="pair_appointment"),
]
