from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.generic import RedirectView

from core import urls as core_urls
from core.views.health import healthz
from documents import urls as documents_urls
from mentoring import urls as mentoring_urls
from mentoring.forms.accounts import LoginForm, QueuedPasswordResetForm
from mentoring.views.home import HomeView
from monitoring import urls as monitoring_urls
from privacy import urls as privacy_urls
from teacher_growth import urls as teacher_growth_urls
from teaching_staff import urls as teaching_staff_urls

admin.site.site_header = "Портал наставничества: администрирование"
admin.site.site_title = "Портал наставничества"

school_patterns = [
    *mentoring_urls.school_patterns,
    *core_urls.school_patterns,
    *documents_urls.school_patterns,
    *monitoring_urls.school_patterns,
    *privacy_urls.school_patterns,
    *teaching_staff_urls.school_patterns,
    *teacher_growth_urls.school_patterns,
]

municipal_patterns = [
    *mentoring_urls.municipal_patterns,
    *core_urls.municipal_patterns,
    *documents_urls.municipal_patterns,
    *monitoring_urls.municipal_patterns,
]

regional_patterns = [
    *monitoring_urls.regional_patterns,
    *documents_urls.regional_patterns,
    *core_urls.regional_patterns,
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
    path(
        "password/reset/",
        auth_views.PasswordResetView.as_view(form_class=QueuedPasswordResetForm),
        name="password_reset",
    ),
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
    path("", include(mentoring_urls.calendar_patterns)),
    path("o/<slug:org>/", include(school_patterns)),
    path("m/<slug:muni>/", include(municipal_patterns)),
    path("r/<int:region>/", include(regional_patterns)),
    *monitoring_urls.public_patterns,
    *documents_urls.public_patterns,
    path("healthz", healthz, name="healthz"),
    path(
        "favicon.ico",
        login_not_required(RedirectView.as_view(url=f"{settings.STATIC_URL}favicon.svg", permanent=True)),
        name="favicon",
    ),
    path("admin/", admin.site.urls),
]
