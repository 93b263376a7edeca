"""The platform's models: tenants, memberships, the audit log, jobs and notifications."""

from .audit import AuditEntry
from .jobs import Job
from .memberships import Membership
from .notifications import Notification
from .tenants import Municipality, Organization, Region, TenantOwned

__all__ = ["AuditEntry", "Job", "Membership", "Municipality", "Notification", "Organization", "Region", "TenantOwned"]
