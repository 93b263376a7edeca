"""Tell people that something waits for them: a notification in the portal and an e-mail after commit."""

from .models import Municipality, Notification, Organization
from .queue import enqueue, tenant_ids
from .tenancy import user_scope


def notify(users, text: str, url: str, *, tenant: Organization | Municipality, except_user=None) -> None:
    """One notification per person (never to the person who acted); the e-mails go after commit."""
    recipients = {user.pk: user for user in users if user is not None and user != except_user}
    if not recipients:
        return
    created = Notification.objects.bulk_create(
        [Notification(user=user, text=text[:500], url=url, tenant=tenant) for user in recipients.values()]
    )
    from .tasks import email_notifications

    ids = [notification.pk for notification in created]
    enqueue(email_notifications, notification_ids=ids, **tenant_ids(tenant))


def unread_count(user, tenants=None) -> int:
    """The person's unread notifications, of every tenant they work in (``tenants``, if known)."""
    with user_scope(user, tenants):
        return Notification.objects.filter(user=user, read_at__isnull=True).count()
