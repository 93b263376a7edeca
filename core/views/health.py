"""``/healthz``: the state of the database, the broker/cache and the Celery workers, for load balancers."""

from celery import current_app as celery_app
from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

WORKER_PING_TIMEOUT = 1.0


def database_state() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any failure means the database is not usable
        return "down"
    return "ok"


def broker_state() -> str:
    if not settings.REDIS_URL:
        return "in-process"
    try:
        with celery_app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception:  # noqa: BLE001
        return "down"
    return "ok"


def worker_state(broker: str) -> str:
    if broker == "in-process":
        return "in-process"
    if broker != "ok":
        return "unknown"
    try:
        replies = celery_app.control.ping(timeout=WORKER_PING_TIMEOUT)
    except Exception:  # noqa: BLE001
        return "unknown"
    return f"ok ({len(replies)})" if replies else "none"


@login_not_required
@never_cache
@require_GET
def healthz(request):
    """200 while the database answers (the portal can serve pages), 503 when it does not.

    The broker and the workers are reported but do not fail the check: pages still work without them.
    """
    database = database_state()
    broker = broker_state()
    state = {"database": database, "broker": broker, "worker": worker_state(broker)}
    return JsonResponse(state, status=200 if database == "ok" else 503)
