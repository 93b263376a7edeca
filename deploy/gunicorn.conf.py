"""Gunicorn settings of the production image: ``gunicorn --config deploy/gunicorn.conf.py config.wsgi:application``.

The image serves every host size, so the tunables come from the environment; a value that is not a valid
number stops gunicorn at start-up instead of being silently replaced by a default.

Environment:
    WEB_CONCURRENCY          worker processes (default: 2 x CPUs + 1, at most MAX_DEFAULT_WORKERS)
    GUNICORN_TIMEOUT         seconds a request may take before its worker is killed (default 60)
    GUNICORN_MAX_REQUESTS    requests a worker serves before it is replaced (default 1000, 0 = never)
    GUNICORN_LOG_LEVEL       gunicorn's own log level (default info)
    FORWARDED_ALLOW_IPS      addresses of the reverse proxy whose X-Forwarded-Proto gunicorn trusts
                             (default 127.0.0.1,::1; e.g. the Docker network's gateway or "*" when the port is
                             reachable by the proxy only)
"""

import os

# More sync workers than this rarely help one container: each holds a database connection and its own
# copy of the application; scale out with more containers instead.
MAX_DEFAULT_WORKERS = 8


def _env_int(name: str, default: int, minimum: int = 0) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise RuntimeError(f"{name} must be an integer, not {raw!r}.") from None
    if value < minimum:
        raise RuntimeError(f"{name} must be at least {minimum}, not {value}.")
    return value


def _cpu_limit() -> int:
    """The CPUs this container may use: the cgroup v2 quota when one is set, else the CPUs it may run on."""
    try:
        available = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        available = os.cpu_count() or 1
    try:
        with open("/sys/fs/cgroup/cpu.max", encoding="ascii") as cpu_max:
            quota, period = cpu_max.read().split()
    except (OSError, ValueError):
        return available
    if quota == "max":
        return available
    return max(1, min(available, -(-int(quota) // int(period))))  # ceiling division


def default_workers() -> int:
    return min(2 * _cpu_limit() + 1, MAX_DEFAULT_WORKERS)


bind = "0.0.0.0:8000"  # inside a container: compose decides what reaches the port

# Sync workers: one request at a time per process, which matches Django's blocking ORM; long work (PDF
# batches, imports, reports) runs in Celery, so no request should need an async worker.
worker_class = "sync"
workers = _env_int("WEB_CONCURRENCY", default_workers(), minimum=1)

timeout = _env_int("GUNICORN_TIMEOUT", 60, minimum=1)
graceful_timeout = 30  # compose gives the web container a longer stop_grace_period than this

# Replace each worker after a while, at staggered moments, so that a slow leak never grows unbounded and
# the workers do not all restart at once.
max_requests = _env_int("GUNICORN_MAX_REQUESTS", 1000)
max_requests_jitter = max_requests // 10

# The heartbeat file on a memory file system: on the container's overlay file system fchmod can block.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108 - a heartbeat file only

# The reverse proxy terminates TLS; Django itself reads X-Forwarded-Proto (SECURE_PROXY_SSL_HEADER) and the
# client address (TRUSTED_PROXY_COUNT). This only tells gunicorn whose scheme headers to believe.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Logs go to stdout/stderr for the container runtime to collect.
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Paths without query strings and with link tokens masked: no names, support categories or live links in logs.
logger_class = "core.gunicorn_log.AccessLogWithoutSecrets"
# The default format plus the forwarded-for chain and the time taken in milliseconds.
access_log_format = '%(h)s %({x-forwarded-for}i)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(M)sms'

# Compose manages the process; no runtime control socket is needed.
control_socket_disable = True
