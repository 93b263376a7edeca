# syntax=docker/dockerfile:1
#
# The production image of the mentoring portal. One image runs every role; docker-compose.yml picks the
# command: web (gunicorn, the default CMD), worker and beat (Celery), migrate (one-shot).
#
#   docker compose --env-file deploy/.env build
#   docker build -t mentoring-portal .

# --- Front-end libraries ----------------------------------------------------------------------------------
# Bootstrap and htmx come from npm (package-lock.json) and are served from our own static files: schools'
# networks are often closed, so no CDN. Only node_modules leaves this stage.
FROM node:20-bookworm-slim AS assets
WORKDIR /build
COPY package.json package-lock.json ./
# The packages are plain static files: no install script has any business running.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error

# --- Python runtime ---------------------------------------------------------------------------------------
FROM python:3.11-slim-bookworm AS runtime

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    VIRTUAL_ENV=/opt/venv \
    PATH=/opt/venv/bin:$PATH

# WeasyPrint's libraries (Pango, HarfBuzz subsetting) and a Times-compatible serif font with Cyrillic:
# the same list as scripts/system-packages.sh.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 \
        libpangoft2-1.0-0 \
        libharfbuzz-subset0 \
        fonts-liberation2 \
    && rm -rf /var/lib/apt/lists/*

# The unprivileged user every process runs as. A home directory gives fontconfig a cache to write to.
RUN groupadd --system --gid 10001 portal \
    && useradd --system --uid 10001 --gid portal --create-home --home-dir /home/portal \
        --shell /usr/sbin/nologin portal

WORKDIR /app

# Runtime requirements only (requirements/dev.txt holds the test tools), in their own layer so that a code
# change does not reinstall them: the lock file of requirements/base.txt, every package pinned and checked
# against its hash (a changed or substituted file on the index stops the build).
COPY requirements/base.txt requirements/lock.txt requirements/
RUN python -m venv "$VIRTUAL_ENV" \
    && pip install --require-hashes --no-deps -r requirements/lock.txt

COPY --from=assets /build/node_modules node_modules
# The application, owned by root and read-only for the portal user (.dockerignore keeps secrets, the local
# virtualenv, databases and caches out).
COPY . .

# Static files are collected into the image; WhiteNoise serves them from STATIC_ROOT with the hashed
# manifest. Production settings refuse to load without a long SECRET_KEY and with no ALLOWED_HOSTS: these
# throwaway values exist for this one command only and are not kept in the image's environment.
RUN PORTAL_ENV=production \
    SECRET_KEY=collectstatic-at-build-time-only-not-a-secret-0123456789 \
    ALLOWED_HOSTS=build.invalid \
    python manage.py collectstatic --noinput \
    && python -m compileall -q config mentoring

# The only writable places: uploaded and generated files (a named volume in compose; a new named volume
# takes over this directory's owner) and Celery beat's schedule.
RUN mkdir -p /data/media /data/beat \
    && chown -R portal:portal /data

# The image is for production: without SECRET_KEY and ALLOWED_HOSTS it refuses to start.
ENV PORTAL_ENV=production \
    MEDIA_ROOT=/data/media

USER 10001:10001

EXPOSE 8000

# /healthz answers 200 while the database answers. The request names the first ALLOWED_HOSTS entry (Django
# refuses other Host headers) and says it came over HTTPS: with SECURE_SSL_REDIRECT a plain request gets a
# redirect, which urllib would follow to the public address instead of testing this container.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request as u; h = os.environ.get('ALLOWED_HOSTS', '').split(',')[0].strip().lstrip('.'); u.urlopen(u.Request('http://127.0.0.1:8000/healthz', headers={'Host': h if h not in ('', '*') else 'localhost', 'X-Forwarded-Proto': 'https'}), timeout=4)"]

CMD ["gunicorn", "--config", "deploy/gunicorn.conf.py", "config.wsgi:application"]
