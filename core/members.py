"""Who holds a capability in a tenant, asked of the role matrix (``core.roles``) and the memberships."""

from .models import Membership, Municipality, Organization
from .models.tenants import tenant_filter
from .roles import Capability, roles_with


def holders_of(tenant: Organization | Municipality, capability: Capability) -> list:
    """The users whose role in ``tenant`` grants ``capability``: who approves, who drafts, who agrees."""
    memberships = Membership.objects.filter(role__in=sorted(roles_with(capability)), **tenant_filter(tenant))
    users = {membership.user_id: membership.user for membership in memberships.select_related("user")}
    return list(users.values())
