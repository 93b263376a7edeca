"""URL patterns of the pairs pages, included under /o/<org>/ by config/urls.py."""

from django.urls import path

from mentoring.views import pairs as views

urlpatterns: list = [
    path("pairs/", views.PairListView.as_view(), name="pair_list"),
    path("pairs/new/", views.PairCreateView.as_view(), name="pair_create"),
    path("pairs/unpaired/", views.UnpairedMenteesView.as_view(), name="unpaired_mentees"),
    path("pairs/free-mentors/", views.FreeMentorsView.as_view(), name="free_mentors"),
    path("pairs/<int:pk>/", views.PairDetailView.as_view(), name="pair_detail"),
    path("pairs/<int:pk>/close/", views.PairCloseView.as_view(), name="pair_close"),
    path("pairs/<int:pk>/plan/new/", views.PlanItemCreateView.as_view(), name="plan_item_create"),
    path("plan-items/<int:pk>/edit/", views.PlanItemEditView.as_view(), name="plan_item_edit"),
    path("plan-items/<int:pk>/status/", views.PlanItemStatusView.as_view(), name="plan_item_status"),
    path("matching/", views.MatchingView.as_view(), name="matching"),
    path("matching/accept/", views.MatchingAcceptView.as_view(), name="matching_accept"),
    path("matching/accept-all/", views.MatchingAcceptAllView.as_view(), name="matching_accept_all"),
    path("mentees/<int:pk>/awaiting/", views.AwaitingMentorView.as_view(), name="mentee_awaiting"),
    path("mentees/<int:pk>/to-mentor/", views.MentorFromMenteeView.as_view(), name="mentor_from_mentee"),
    path("completion/", views.CompletionView.as_view(), name="completion"),
    path("completion/nominations/", views.NominationAddView.as_view(), name="nomination_add"),
    path("completion/nominations/<int:pk>/delete/", views.NominationDeleteView.as_view(), name="nomination_delete"),
    path("practices/", views.PracticeListView.as_view(), name="practice_list"),
    path("practices/new/", views.PracticeFormView.as_view(), name="practice_create"),
    path("practices/<int:pk>/edit/", views.PracticeFormView.as_view(), name="practice_edit"),
]
