"""Notifications: a message to one person in the portal, also sent by e-mail."""

from django.conf import settings
from django.db import models
from django_scopes import ScopedManager

from .tenants import TenantOwned


class Notification(TenantOwned):
    """A message to one person in the portal (also sent by e-mail): a document waits for them or came back.

    It belongs to the tenant it is about and to its recipient, who reads their notifications of every
    tenant they work in (``core.tenancy.user_scope``).
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    text = models.CharField(max_length=500)
    url = models.CharField(max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    objects = ScopedManager(tenant="tenant_key")

    class Meta(TenantOwned.Meta):
        db_table = "documents_notification"  # the table it had before the platform layer moved to core
        verbose_name = "уведомление"
        verbose_name_plural = "уведомления"
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.text
