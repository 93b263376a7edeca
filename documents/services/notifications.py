"""Tell people that a document waits for them or came back: a notification in the portal and an e-mail."""

from django.db import transaction

from mentoring.models import Membership, Municipality, Organization
from mentoring.roles import Role
from mentoring.services.memberships import tenant_filter

from ..models import Notification


def members(tenant: Organization | Municipality, roles) -> list:
    memberships = Membership.objects.filter(role__in=roles, **tenant_filter(tenant)).select_related("user")
    return [membership.user for membership in memberships]


def approvers(tenant) -> list:
    roles = [Role.DIRECTOR] if isinstance(tenant, Organization) else [Role.MUNICIPAL_COORDINATOR]
    return members(tenant, roles)


def municipal_reviewers(municipality) -> list:
    return members(municipality, [Role.MUNICIPAL_COORDINATOR, Role.MUNICIPAL_SPECIALIST])


def notify(users, text: str, url: str, *, except_user=None) -> None:
    """One notification per person (never to the person who acted); the e-mails go after commit."""
    recipients = {user.pk: user for user in users if user is not None and user != except_user}
    if not recipients:
        return
    created = Notification.objects.bulk_create(
        [Notification(user=user, text=text[:500], url=url) for user in recipients.values()]
    )
    from ..tasks import email_notifications

    ids = [notification.pk for notification in created]
    transaction.on_commit(lambda: email_notifications.delay(notification_ids=ids))


def unread_count(user) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).count()
