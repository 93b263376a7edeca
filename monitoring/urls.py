"""URL patterns of the monitoring: config/urls.py includes ``school_patterns`` under /o/<org>/,
``municipal_patterns`` under /m/<muni>/, ``regional_patterns`` under /r/<region>/ and ``public_patterns`` at
the root (personal links)."""

from django.urls import path

from monitoring.views import answers, municipal, regional, school

school_patterns = [
    path("monitoring/", school.MonitoringHomeView.as_view(), name="monitoring_home"),
    path("monitoring/questionnaires/", school.QuestionnaireListView.as_view(), name="questionnaire_list"),
    path("monitoring/questionnaires/install/", school.InstallDefaultsView.as_view(), name="questionnaire_install"),
    path("monitoring/questionnaires/<int:pk>/", school.QuestionnaireEditView.as_view(), name="questionnaire_edit"),
    path("monitoring/questionnaires/<int:pk>/copy/", school.QuestionnaireCopyView.as_view(), name="questionnaire_copy"),
    path("monitoring/waves/new/", school.WaveCreateView.as_view(), name="wave_create"),
    path("monitoring/waves/<int:pk>/", school.WaveDetailView.as_view(), name="wave_detail"),
    path("monitoring/waves/<int:pk>/remind/", school.WaveRemindView.as_view(), name="wave_remind"),
    path("monitoring/waves/<int:pk>/close/", school.WaveCloseView.as_view(), name="wave_close"),
    path("monitoring/waves/<int:pk>/sheet/", school.WaveSheetView.as_view(), name="wave_sheet"),
    path("monitoring/contingent/", school.ContingentView.as_view(), name="contingent"),
    path("monitoring/programmes/<int:pk>/swot/", school.SwotView.as_view(), name="swot_edit"),
    path("monitoring/reports/monitoring/", school.MonitoringReportView.as_view(), name="report_monitoring"),
    path("monitoring/reports/statistics/", school.StatisticsReportView.as_view(), name="report_statistics"),
    path("monitoring/my/", answers.MyQuestionnairesView.as_view(), name="my_questionnaires"),
    path("monitoring/my/<int:pk>/", answers.MentorAnswerView.as_view(), name="my_questionnaire_answer"),
    path("monitoring/curator/<int:pk>/", answers.CuratorAnswerView.as_view(), name="curator_questionnaire_answer"),
]

municipal_patterns = [
    path("monitoring/", municipal.MunicipalDashboardView.as_view(), name="m_monitoring"),
    path("monitoring/schools/<int:pk>/", municipal.MunicipalSchoolView.as_view(), name="m_monitoring_school"),
    path("monitoring/summary/", municipal.MunicipalSummaryView.as_view(), name="m_summary"),
]

regional_patterns = [
    path("", regional.RegionalDashboardView.as_view(), name="region_home"),
    path("municipalities/<int:pk>/", regional.RegionalMunicipalityView.as_view(), name="r_municipality"),
    path("summary/", regional.RegionalSummaryView.as_view(), name="r_summary"),
]

public_patterns = [
    path("q/<str:token>/", answers.LinkAnswerView.as_view(), name="questionnaire_link"),
]
