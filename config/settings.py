"""Settings of the mentoring portal.

Every value comes from the environment (django-environ) with a default that is safe for the demo run:
no DATABASE_URL means an SQLite file, no REDIS_URL means Celery tasks run eagerly in the web process.
``PORTAL_ENV=production`` switches on the production guards: the demo secret key and DEBUG are refused,
cookies are secure and HSTS is sent.
"""

from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEMO_SECRET_KEY = "demo-insecure-key-do-not-use-in-production"  # noqa: S105 - refused in production below

PORTAL_ENV = env.str("PORTAL_ENV", default="demo")
if PORTAL_ENV not in {"demo", "production"}:
    raise ImproperlyConfigured(f"PORTAL_ENV must be 'demo' or 'production', not {PORTAL_ENV!r}.")
PRODUCTION = PORTAL_ENV == "production"

SECRET_KEY = env.str("SECRET_KEY", default=DEMO_SECRET_KEY)
DEBUG = env.bool("DEBUG", default=not PRODUCTION)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

if PRODUCTION:
    if SECRET_KEY == DEMO_SECRET_KEY or len(SECRET_KEY) < 50:
        raise ImproperlyConfigured("Production needs its own SECRET_KEY of at least 50 characters.")
    if DEBUG:
        raise ImproperlyConfigured("DEBUG must be off in production.")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("Production needs ALLOWED_HOSTS.")
    for required in ("EMAIL_URL", "PORTAL_BASE_URL"):
        if not env.str(required, default=""):
            raise ImproperlyConfigured(f"Production needs {required} (invitations and password resets go by e-mail).")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "core.axes_app.AxesConfig",  # django-axes, named in Russian in the admin
    "csp",
    "core",
    "mentoring",
    "documents",
    "monitoring",
    "privacy",
    "teaching_staff",  # teacher-mentors: appointment under art. 351.8 TK, the council of mentors
    "teacher_growth",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "core.cache_headers.NoStoreForSignedInMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "core.session_lifetime.SessionLifetimeMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
    "core.tenancy.TenantMiddleware",
]

if PRODUCTION:
    # Static files are served by the portal itself (no CDN, no separate web server needed).
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.tenant",
            ],
        },
    },
]

# Database: SQLite for the demo, PostgreSQL (psycopg 3) everywhere else.
# Persistent connections with health checks rather than a pool: gunicorn's sync workers serve one request
# at a time per process, so a per-process pool holds idle connections for nothing; PgBouncer is the tool
# when connections must be shared between many processes.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DB_CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = env.int("DB_CONNECT_TIMEOUT", default=5)
    # Behind PgBouncer in transaction pooling (docker-compose.yml) a connection is returned to the pool after
    # each transaction, so a server-side cursor (a named cursor of .iterator()) could outlive its connection.
    # Django's psycopg 3 backend binds parameters on the client by default: no prepared statements either.
    if env.bool("DB_BEHIND_PGBOUNCER", default=False):
        DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "mentoring.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24 * 3
# Password-reset requests an hour (mentoring.forms.accounts.QueuedPasswordResetForm).
PASSWORD_RESET_LIMIT_PER_EMAIL = env.int("PASSWORD_RESET_LIMIT_PER_EMAIL", default=3)
PASSWORD_RESET_LIMIT_PER_ADDRESS = env.int("PASSWORD_RESET_LIMIT_PER_ADDRESS", default=20)

# Sessions: a new key at login (Django's default), an idle timeout renewed by activity (core.session_lifetime,
# written about once a minute rather than on every request).
SESSION_ENGINE = "core.sessions"
SESSION_COOKIE_AGE = env.int("SESSION_IDLE_TIMEOUT", default=60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# However active, a sign-in lasts at most this long (core.session_lifetime).
SESSION_ABSOLUTE_LIFETIME = env.int("SESSION_ABSOLUTE_LIFETIME_HOURS", default=12) * 60 * 60
CSRF_COOKIE_HTTPONLY = True

# Password guessing (core.lockout): a login is locked after repeated failures of one account from one address,
# of one account from anywhere, and from one address for any accounts — each with its own limit.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=0.25)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "username", "ip_address"]
AXES_LOCKOUT_LIMITS = [
    AXES_FAILURE_LIMIT,
    env.int("AXES_ACCOUNT_FAILURE_LIMIT", default=10),
    env.int("AXES_ADDRESS_FAILURE_LIMIT", default=30),
]
AXES_HANDLER = "core.lockout.PerAccountAndAddressHandler"
AXES_LOCKOUT_CALLABLE = "core.lockout.lockout_response"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_USERNAME_FORM_FIELD = "username"
AXES_CLIENT_IP_CALLABLE = "core.network.client_ip"
AXES_VERBOSE = False
# How many reverse proxies stand in front of the portal; the client address is read from X-Forwarded-For
# only when this is set, so that nobody can forge it when the portal is reached directly.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

# Security headers.
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers probe over plain HTTP
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"

LANGUAGE_CODE = "ru"
LANGUAGES = [("ru", "Русский")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env.str("TIME_ZONE", default="Asia/Krasnoyarsk")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/bootstrap", BASE_DIR / "node_modules" / "bootstrap" / "dist"),
    ("vendor/htmx", BASE_DIR / "node_modules" / "htmx.org" / "dist"),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Cache and Celery: Redis when REDIS_URL is given, otherwise in-process.
REDIS_URL = env.str("REDIS_URL", default="")
# The cache may live in its own Redis database, so that clearing it never drops queued tasks.
REDIS_CACHE_URL = env.str("REDIS_CACHE_URL", default=REDIS_URL)
if REDIS_CACHE_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_CACHE_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=15 * 60)
CELERY_TASK_SOFT_TIME_LIMIT = CELERY_TASK_TIME_LIMIT - 30
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": CELERY_TASK_TIME_LIMIT + 5 * 60}
CELERY_BROKER_CONNECTION_TIMEOUT = 3
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.5}
CELERY_TIMEZONE = TIME_ZONE
# One queue per kind of long job (documents, reports, imports; core.queue.enqueue_job), each served by its own
# worker pool in docker-compose.yml, so that a long report never delays an import. Off by default: then one
# worker takes every task from the default queue.
JOB_QUEUE_PER_KIND = env.bool("JOB_QUEUE_PER_KIND", default=False)
# The queue tasks go to, including those a task sends (a test's worker keeps them on its own queue).
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_TASK_DEFAULT_QUEUE", default="celery")

# E-mail: printed to the console in the demo; SMTP when EMAIL_URL is given.
if env.str("EMAIL_URL", default=""):
    globals().update(env.email_url("EMAIL_URL"))
else:
    # One readable line per e-mail (recipient, subject, link) instead of raw messages with base64 headers.
    EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="core.demo_mail.OneLineConsoleBackend")
    EMAIL_FILE_PATH = env.str("EMAIL_FILE_PATH", default=str(BASE_DIR / "var" / "mail"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="portal@mentoring.local")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Every record is printed once, by the root handler (Django's own "django" console handler would print it a
# second time); a 403 is one line without its traceback.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "refusals_on_one_line": {"()": "core.server_log.RefusalsOnOneLine"},
        "paths_without_secrets": {"()": "core.server_log.PathsWithoutSecrets"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["refusals_on_one_line", "paths_without_secrets"]}
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        "axes": {"level": "WARNING"},
        "weasyprint.progress": {"level": "WARNING"},
        "pymorphy3": {"level": "WARNING"},
    },
}
if CELERY_TASK_ALWAYS_EAGER:
    # Tasks run in the web process (the demo): no «Task … succeeded» line after each e-mail, and no warning
    # about the in-memory broker's missing host name.
    LOGGING["loggers"] |= {"celery.app.trace": {"level": "WARNING"}, "kombu.connection": {"level": "ERROR"}}

# The address users reach the portal at, for links in e-mails sent by background tasks.
PORTAL_BASE_URL = env.str("PORTAL_BASE_URL", default="http://127.0.0.1:8000")

# Import of the bases from .xlsx / .csv: limits checked before a file is opened, and how long an
# unconfirmed preview (and its file, which holds personal data) is kept.
IMPORT_MAX_BYTES = env.int("IMPORT_MAX_BYTES", default=5 * 1024 * 1024)
IMPORT_MAX_UNPACKED_BYTES = env.int("IMPORT_MAX_UNPACKED_BYTES", default=100 * 1024 * 1024)
IMPORT_MAX_COMPRESSION_RATIO = env.int("IMPORT_MAX_COMPRESSION_RATIO", default=100)
IMPORT_MAX_ROWS = env.int("IMPORT_MAX_ROWS", default=20000)
IMPORT_PREVIEW_TTL_HOURS = env.int("IMPORT_PREVIEW_TTL_HOURS", default=24)

CELERY_BEAT_SCHEDULE = {
    "erase-withdrawn-personal-data": {
        "task": "privacy.tasks.erase_withdrawn_personal_data",
        "schedule": crontab(hour=2, minute=30),
    },
    "remind-expired-retention": {
        "task": "privacy.tasks.remind_expired_retention",
        "schedule": crontab(month_of_year=9, day_of_month=1, hour=8, minute=0),
    },
    "expire-import-previews": {
        "task": "mentoring.tasks.expire_import_previews",
        "schedule": crontab(minute=15),
    },
    "fail-stale-file-jobs": {
        "task": "core.tasks.fail_stale_jobs",
        "schedule": crontab(minute="*/15"),
    },
    # Reminders to mentors of quiet pairs and to the curators of overdue activities (mentoring.services.reminders).
    "send-reminders": {
        "task": "mentoring.tasks.send_reminders",
        "schedule": crontab(hour=8, minute=0),
    },
    # The indicators of every school on the first day of the month, for the dashboards' trends.
    "monthly-indicator-snapshot": {
        "task": "monitoring.tasks.take_indicator_snapshots",
        "schedule": crontab(day_of_month=1, hour=3, minute=0),
    },
}
