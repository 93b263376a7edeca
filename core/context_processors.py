from django.utils.functional import SimpleLazyObject

from .notifications import unread_count
from .roles import Role, capabilities_of
from .tenancy import tenant_memberships


def tenant(request):
    """The current tenant, the user's roles and capabilities in it, and the user's other tenants."""
    roles = getattr(request, "roles", frozenset())
    user = getattr(request, "user", None)
    authenticated = user is not None and user.is_authenticated
    return {
        "current_tenant": getattr(request, "tenant", None),
        "current_role_labels": [Role(role).label for role in sorted(roles)],
        "can": {str(capability) for capability in capabilities_of(roles)},
        "user_tenants": SimpleLazyObject(lambda: list(tenant_memberships(user)) if authenticated else []),
    }


def notifications(request):
    """The number of the person's unread notifications, for the navbar (counted only when drawn)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": SimpleLazyObject(lambda: unread_count(user))}
