from django.utils.functional import SimpleLazyObject

from .notifications import unread_count
from .roles import Role, capabilities_of
from .tenancy import tenant_memberships


def tenant(request):
    """The current tenant, the user's roles and capabilities in it, the user's other tenants and the number
    of their unread notifications (each read only when drawn; the tenants once for both)."""
    roles = getattr(request, "roles", frozenset())
    user = getattr(request, "user", None)
    context = {
        "current_tenant": getattr(request, "tenant", None),
        "current_role_labels": [Role(role).label for role in sorted(roles)],
        "can": {str(capability) for capability in capabilities_of(roles)},
        "user_tenants": [],
    }
    if user is not None and user.is_authenticated:
        known = getattr(request, "user_memberships", None)  # read by the tenant middleware on a tenant page
        tenants = list(known) if known is not None else SimpleLazyObject(lambda: list(tenant_memberships(user)))
        context["user_tenants"] = tenants
        context["unread_notifications"] = SimpleLazyObject(lambda: unread_count(user, tenants))
    return context
