from .audit import AuditEntry
from .memberships import Membership
from .tenants import Municipality, Organization
from .users import User

__all__ = ["AuditEntry", "Membership", "Municipality", "Organization", "User"]
