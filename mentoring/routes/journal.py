"""URL patterns of the journal pages, included under /o/<org>/ by config/urls.py."""

from django.urls import path

from mentoring.views import journal

urlpatterns: list = [
    path("my/pairs/", journal.MyPairsView.as_view(), name="my_pairs"),
    path("my/pairs/<int:pk>/plan/", journal.OwnPlanView.as_view(), name="own_pair_plan"),
    path("my/plan-items/<int:pk>/edit/", journal.PlanItemEditView.as_view(), name="own_plan_item_edit"),
    path("my/plan-items/<int:pk>/status/", journal.PlanItemStatusView.as_view(), name="own_plan_item_status"),
    path("pairs/<int:pk>/journal/", journal.PairJournalView.as_view(), name="pair_journal"),
    path("pairs/<int:pk>/journal/new/", journal.MeetingFormView.as_view(), name="meeting_create"),
    path("journal/meetings/<int:pk>/edit/", journal.MeetingEditView.as_view(), name="meeting_edit"),
    path("journals/", journal.JournalListView.as_view(), name="journal_list"),
]
