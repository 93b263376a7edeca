"""The platform's pages: file jobs (in a school's and a municipality's tree) and a person's notifications."""

from django.urls import path

from .views import jobs, notifications


def job_patterns(prefix: str) -> list:
    """The four URLs of file jobs, for schools (``prefix=""``), municipalities (``"m_"``) or regions (``"r_"``)."""
    return [
        path("files/<int:pk>/", jobs.FileJobView.as_view(), name=f"{prefix}file_job"),
        path("files/<int:pk>/progress/", jobs.FileJobProgressView.as_view(), name=f"{prefix}file_job_progress"),
        path("files/<int:pk>/download/", jobs.FileJobDownloadView.as_view(), name=f"{prefix}file_job_download"),
        path("files/<int:pk>/retry/", jobs.FileJobRetryView.as_view(), name=f"{prefix}file_job_retry"),
    ]


school_patterns = job_patterns("")
municipal_patterns = job_patterns("m_")
regional_patterns = job_patterns("r_")
account_patterns = [
    path("notifications/", notifications.NotificationListView.as_view(), name="notifications"),
    path("notifications/<int:pk>/", notifications.NotificationOpenView.as_view(), name="notification_open"),
]
