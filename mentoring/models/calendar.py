"""A person's private calendar link: their meetings, training sessions and deadlines as an iCal feed."""

import secrets

from django.conf import settings
from django.db import models


def new_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """The secret address of one person's feed (one at a time): whoever has it reads the person's calendar,
    so the person may revoke it (the address then answers 404) and take a new one."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed")
    token = models.CharField(max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(auto_now_add=True)
    last_read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "ссылка на календарь"
        verbose_name_plural = "ссылки на календари"

    def __str__(self):
        return f"Календарь: {self.user}"
