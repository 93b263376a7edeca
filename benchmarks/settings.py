"""The portal's settings with the benchmark URLs (the floors) added: what gunicorn serves in ``benchmarks.load``."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "benchmarks.urls"
