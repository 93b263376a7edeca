from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.generic import RedirectView

from mentoring.forms import LoginForm
from mentoring.views.audit import AuditLogView
from mentoring.views.health import healthz
from mentoring.views.home import HomeView, MunicipalityHomeView, SchoolHomeView
from mentoring.views.members import (
    MunicipalMemberListView,
    MunicipalMemberRevokeView,
    SchoolMemberListView,
    SchoolMemberRevokeView,
)

admin.site.site_header = "Портал наставничества: администрирование"
admin.site.site_title = "Портал наставничества"

school_patterns = [
    path("", SchoolHomeView.as_view(), name="school_home"),
    path("members/", SchoolMemberListView.as_view(), name="school_members"),
    path("members/<int:pk>/revoke/", SchoolMemberRevokeView.as_view(), name="school_member_revoke"),
    path("audit/", AuditLogView.as_view(), name="school_audit"),
]

municipal_patterns = [
    path("", MunicipalityHomeView.as_view(), name="municipality_home"),
    path("members/", MunicipalMemberListView.as_view(), name="municipal_members"),
    path("members/<int:pk>/revoke/", MunicipalMemberRevokeView.as_view(), name="municipal_member_revoke"),
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
    path("o/<slug:org>/", include(school_patterns)),
    path("m/<slug:muni>/", include(municipal_patterns)),
    path("healthz", healthz, name="healthz"),
    path(
        "favicon.ico",
        login_not_required(RedirectView.as_view(url=f"{settings.STATIC_URL}favicon.svg", permanent=True)),
        name="favicon",
    ),
    path("admin/", admin.site.urls),
]
