"""django-axes (lockout after failed logins) under a Russian name in the Django admin."""

from axes.apps import AppConfig as AxesAppConfig


class AxesConfig(AxesAppConfig):
    verbose_name = "Защита от подбора паролей"
