"""Mentoring's URLs: the school's pages (included under /o/<org>/) and the municipality's (under /m/<muni>/)."""

from django.urls import path

from mentoring.views import (
    calendar,
    completion,
    consents,
    forms_of_mentoring,
    guidance,
    imports,
    journal,
    matching,
    pairs,
    people,
    programmes,
    references,
    reminders,
    stages,
    training,
)
from mentoring.views.audit import AuditLogView
from mentoring.views.home import MunicipalityHomeView, SchoolHomeView
from mentoring.views.members import (
    MunicipalMemberListView,
    MunicipalMemberRevokeView,
    SchoolMemberListView,
    SchoolMemberRevokeView,
)

school_patterns = [
    path("", SchoolHomeView.as_view(), name="school_home"),
    path("members/", SchoolMemberListView.as_view(), name="school_members"),
    path("members/<int:pk>/revoke/", SchoolMemberRevokeView.as_view(), name="school_member_revoke"),
    path("audit/", AuditLogView.as_view(), name="school_audit"),
    path("mentees/", people.MenteeListView.as_view(), name="mentee_list"),
    path("mentees/new/", people.MenteeFormView.as_view(), name="mentee_create"),
    path("mentees/<int:pk>/", people.MenteeDetailView.as_view(), name="mentee_detail"),
    path("mentees/<int:pk>/edit/", people.MenteeFormView.as_view(), name="mentee_edit"),
    path("mentees/<int:pk>/history/", people.MenteeHistoryView.as_view(), name="mentee_history"),
    path("mentees/<int:pk>/consents/new/", consents.MenteeConsentView.as_view(), name="mentee_consent_create"),
    path("mentors/", people.MentorListView.as_view(), name="mentor_list"),
    path("mentors/new/", people.MentorFormView.as_view(), name="mentor_create"),
    path("mentors/<int:pk>/", people.MentorDetailView.as_view(), name="mentor_detail"),
    path("mentors/<int:pk>/edit/", people.MentorFormView.as_view(), name="mentor_edit"),
    path("mentors/<int:pk>/history/", people.MentorHistoryView.as_view(), name="mentor_history"),
    path("mentors/<int:pk>/consents/new/", consents.MentorConsentView.as_view(), name="mentor_consent_create"),
    path("consents/<int:pk>/withdraw/", consents.WithdrawConsentView.as_view(), name="consent_withdraw"),
    path("consents/<int:pk>/scan/", consents.ConsentScanView.as_view(), name="consent_scan"),
    path("tags/", references.TagListView.as_view(), name="tag_list"),
    path("tags/<int:pk>/delete/", references.TagDeleteView.as_view(), name="tag_delete"),
    path("partners/", references.PartnerListView.as_view(), name="partner_list"),
    path("partners/new/", references.PartnerFormView.as_view(), name="partner_create"),
    path("partners/<int:pk>/edit/", references.PartnerFormView.as_view(), name="partner_edit"),
    path("mentees/import/", imports.ImportView.as_view(base="mentees"), name="mentee_import"),
    path(
        "mentees/import/template.xlsx",
        imports.TemplateDownloadView.as_view(base="mentees"),
        name="mentee_import_template",
    ),
    path("mentees/export.xlsx", imports.ExportView.as_view(base="mentees"), {"fmt": "xlsx"}, name="mentee_export_xlsx"),
    path("mentees/export.csv", imports.ExportView.as_view(base="mentees"), {"fmt": "csv"}, name="mentee_export_csv"),
    path("mentors/import/", imports.ImportView.as_view(base="mentors"), name="mentor_import"),
    path(
        "mentors/import/template.xlsx",
        imports.TemplateDownloadView.as_view(base="mentors"),
        name="mentor_import_template",
    ),
    path("mentors/export.xlsx", imports.ExportView.as_view(base="mentors"), {"fmt": "xlsx"}, name="mentor_export_xlsx"),
    path("mentors/export.csv", imports.ExportView.as_view(base="mentors"), {"fmt": "csv"}, name="mentor_export_csv"),
    path("jobs/<int:pk>/", imports.JobView.as_view(), name="import_job"),
    path("jobs/<int:pk>/progress/", imports.JobProgressView.as_view(), name="import_job_progress"),
    path("jobs/<int:pk>/confirm/", imports.JobConfirmView.as_view(), name="import_job_confirm"),
    path("jobs/<int:pk>/recheck/", imports.JobRecheckView.as_view(), name="import_job_recheck"),
    path("jobs/<int:pk>/retry/", imports.JobRetryView.as_view(), name="import_job_retry"),
    # programmes
    path("programmes/", programmes.ProgrammeListView.as_view(), name="programme_list"),
    path("programmes/new/", programmes.ProgrammeCreateView.as_view(), name="programme_create"),
    path("programmes/<int:pk>/", programmes.ProgrammeDetailView.as_view(), name="programme_detail"),
    path("programmes/<int:pk>/edit/", programmes.ProgrammeEditView.as_view(), name="programme_edit"),
    path(
        "programmes/<int:pk>/subprogrammes/new/",
        programmes.SubProgrammeCreateView.as_view(),
        name="subprogramme_create",
    ),
    path("subprogrammes/<int:pk>/edit/", programmes.SubProgrammeEditView.as_view(), name="subprogramme_edit"),
    path("subprogrammes/<int:pk>/delete/", programmes.SubProgrammeDeleteView.as_view(), name="subprogramme_delete"),
    path("stages/<int:pk>/", stages.StageDetailView.as_view(), name="stage_detail"),
    path("stages/<int:pk>/edit/", stages.StageEditView.as_view(), name="stage_edit"),
    path("stages/<int:pk>/activities/new/", stages.ActivityCreateView.as_view(), name="activity_create"),
    path("activities/<int:pk>/edit/", stages.ActivityEditView.as_view(), name="activity_edit"),
    path("activities/<int:pk>/delete/", stages.ActivityDeleteView.as_view(), name="activity_delete"),
    path("activities/<int:pk>/done/", stages.ActivityDoneView.as_view(), name="activity_done"),
    path("activities/<int:pk>/undo/", stages.ActivityUndoView.as_view(), name="activity_undo"),
    path("activities/<int:pk>/file/", stages.ActivityAttachmentView.as_view(), name="activity_attachment"),
    path("forms/", forms_of_mentoring.FormListView.as_view(), name="form_list"),
    path("forms/new/", forms_of_mentoring.MentoringFormCreateView.as_view(), name="form_create"),
    path("forms/<int:pk>/edit/", forms_of_mentoring.MentoringFormEditView.as_view(), name="form_edit"),
    path("programmes/<int:pk>/mentors/", training.MentorSelectionView.as_view(), name="mentor_selection"),
    path("programmes/<int:pk>/training/", training.TrainingView.as_view(), name="training"),
    path(
        "programmes/<int:pk>/training/new/",
        training.TrainingSessionCreateView.as_view(),
        name="training_session_create",
    ),
    path(
        "programmes/<int:pk>/training/complete/",
        training.TrainingCompleteView.as_view(),
        name="training_complete",
    ),
    path("training/<int:pk>/edit/", training.TrainingSessionEditView.as_view(), name="training_session_edit"),
    path("training/<int:pk>/attendance/", training.AttendanceView.as_view(), name="training_attendance"),
    path("my-training/", training.MyTrainingView.as_view(), name="my_training"),
    # pairs
    path("pairs/", pairs.PairListView.as_view(), name="pair_list"),
    path("pairs/new/", pairs.PairCreateView.as_view(), name="pair_create"),
    path("pairs/unpaired/", pairs.UnpairedMenteesView.as_view(), name="unpaired_mentees"),
    path("pairs/free-mentors/", pairs.FreeMentorsView.as_view(), name="free_mentors"),
    path("pairs/<int:pk>/", pairs.PairDetailView.as_view(), name="pair_detail"),
    path("pairs/<int:pk>/close/", pairs.PairCloseView.as_view(), name="pair_close"),
    path("pairs/<int:pk>/plan/new/", pairs.PlanItemCreateView.as_view(), name="plan_item_create"),
    path("plan-items/<int:pk>/edit/", pairs.PlanItemEditView.as_view(), name="plan_item_edit"),
    path("plan-items/<int:pk>/status/", pairs.PlanItemStatusView.as_view(), name="plan_item_status"),
    path("matching/", matching.MatchingView.as_view(), name="matching"),
    path("matching/accept/", matching.MatchingAcceptView.as_view(), name="matching_accept"),
    path("matching/accept-all/", matching.MatchingAcceptAllView.as_view(), name="matching_accept_all"),
    path("mentees/<int:pk>/awaiting/", matching.AwaitingMentorView.as_view(), name="mentee_awaiting"),
    path("mentees/<int:pk>/to-mentor/", completion.MentorFromMenteeView.as_view(), name="mentor_from_mentee"),
    path("completion/", completion.CompletionView.as_view(), name="completion"),
    path("completion/nominations/", completion.NominationAddView.as_view(), name="nomination_add"),
    path(
        "completion/nominations/<int:pk>/delete/", completion.NominationDeleteView.as_view(), name="nomination_delete"
    ),
    path("practices/", completion.PracticeListView.as_view(), name="practice_list"),
    path("practices/new/", completion.PracticeFormView.as_view(), name="practice_create"),
    path("practices/<int:pk>/edit/", completion.PracticeFormView.as_view(), name="practice_edit"),
    # journal
    path("my/pairs/", journal.MyPairsView.as_view(), name="my_pairs"),
    path("my/pairs/<int:pk>/plan/", journal.OwnPlanView.as_view(), name="own_pair_plan"),
    path("my/plan-items/<int:pk>/edit/", journal.PlanItemEditView.as_view(), name="own_plan_item_edit"),
    path("my/plan-items/<int:pk>/status/", journal.PlanItemStatusView.as_view(), name="own_plan_item_status"),
    path("pairs/<int:pk>/journal/", journal.PairJournalView.as_view(), name="pair_journal"),
    path("pairs/<int:pk>/journal/new/", journal.MeetingFormView.as_view(), name="meeting_create"),
    path("journal/meetings/<int:pk>/edit/", journal.MeetingEditView.as_view(), name="meeting_edit"),
    path("journals/", journal.JournalListView.as_view(), name="journal_list"),
    path("reminders/", reminders.ReminderListView.as_view(), name="reminders"),
]

municipal_patterns = [
    path("", MunicipalityHomeView.as_view(), name="municipality_home"),
    path("members/", MunicipalMemberListView.as_view(), name="municipal_members"),
    path("members/<int:pk>/revoke/", MunicipalMemberRevokeView.as_view(), name="municipal_member_revoke"),
]


# A person's calendar (any school they work in): the page with their private link, and the iCal feed.
calendar_patterns = [
    path("calendar/", calendar.CalendarSettingsView.as_view(), name="calendar_settings"),
    path("calendar/<str:token>.ics", calendar.CalendarFeedView.as_view(), name="calendar_feed"),
    path("metodika/", guidance.GuidanceView.as_view(), name="guidance"),  # the target model's guidance
]
