"""The teachers' growth pages of a school (included under /o/<org>/)."""

from django.urls import path

from teacher_growth.views import difficulties, programmes

school_patterns = [
    path(
        "teachers/difficulties/",
        difficulties.DifficultyQuestionnaireView.as_view(),
        name="difficulty_questionnaire",
    ),
    path("mentees/<int:pk>/difficulties/", difficulties.MenteeDifficultiesView.as_view(), name="mentee_difficulties"),
    path(
        "mentees/<int:pk>/difficulties/record/",
        difficulties.SelfAssessmentView.as_view(),
        name="self_assessment_record",
    ),
    path("mentees/<int:pk>/route/", programmes.EducationalRouteView.as_view(), name="educational_route"),
    path("pairs/<int:pk>/personal-programme/", programmes.PersonalProgrammeView.as_view(), name="personal_programme"),
    path(
        "pairs/<int:pk>/personal-programme/new/",
        programmes.PersonalProgrammeCreateView.as_view(),
        name="personal_programme_create",
    ),
    path(
        "pairs/<int:pk>/personal-programme/activities/new/",
        programmes.PersonalActivityCreateView.as_view(),
        name="personal_activity_create",
    ),
]
