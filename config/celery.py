"""The Celery application. Settings come from Django's (the CELERY_ prefix); tasks are found in the apps."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

# Tasks are sent through core.queue.enqueue only: after the transaction commits, with broker errors handled.
app = Celery("portal", task_cls="celery.contrib.django.task:DjangoTask")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
