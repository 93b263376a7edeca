from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.generic import RedirectView

from core import urls as core_urls
from core.views.health import healthz
from documents import urls as documents_urls
from mentoring.forms import LoginForm
from mentoring.views import consents, imports, people, references
from mentoring.views.audit import AuditLogView
from mentoring.views.home import HomeView, MunicipalityHomeView, SchoolHomeView
from mentoring.views.members import (
    MunicipalMemberListView,
    MunicipalMemberRevokeView,
    SchoolMemberListView,
    SchoolMemberRevokeView,
)
from monitoring import urls as monitoring_urls

admin.site.site_header = "Портал наставничества: администрирование"
admin.site.site_title = "Портал наставничества"

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
]

school_patterns += [
    path("", include("mentoring.routes.programmes")),
    path("", include("mentoring.routes.pairs")),
    path("", include("mentoring.routes.journal")),
    *core_urls.school_patterns,
    *documents_urls.school_patterns,
    *monitoring_urls.school_patterns,
]

municipal_patterns = [
    path("", MunicipalityHomeView.as_view(), name="municipality_home"),
    path("members/", MunicipalMemberListView.as_view(), name="municipal_members"),
    path("members/<int:pk>/revoke/", MunicipalMemberRevokeView.as_view(), name="municipal_member_revoke"),
    *core_urls.municipal_patterns,
    *documents_urls.municipal_patterns,
    *monitoring_urls.municipal_patterns,
]

account_patterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(authentication_form=LoginForm, redirect_authenticated_user=True),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/change/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("password/change/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("password/reset/", auth_views.PasswordResetView.as_view(), name="password_reset"),
    path("password/reset/sent/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("password/reset/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("accounts/", include(account_patterns)),
    path("", include(core_urls.account_patterns)),
    path("o/<slug:org>/", include(school_patterns)),
    path("m/<slug:muni>/", include(municipal_patterns)),
    *monitoring_urls.public_patterns,
    path("healthz", healthz, name="healthz"),
    path(
        "favicon.ico",
        login_not_required(RedirectView.as_view(url=f"{settings.STATIC_URL}favicon.svg", permanent=True)),
        name="favicon",
    ),
    path("admin/", admin.site.urls),
]
