"""Tenancy: which school or municipality a request works in, and the scope every tenant query runs in.

The scope is entered in three places only: ``TenantMiddleware`` for requests, ``TenantTask`` for Celery
tasks, and management commands. The Django admin for platform staff is the one reviewed exception, also
here. Inside a tenant URL the middleware also checks the capability the view declares.
"""

from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import Http404
from django.urls import Resolver404, resolve
from django_scopes import scope, scopes_disabled

from .models import Membership, Municipality, Organization
from .models.jobs import tenant_key
from .roles import Capability, has_capability

SCHOOL_URL_KWARG = "org"
MUNICIPAL_URL_KWARG = "muni"


def tenant_scope(tenant: Organization | Municipality) -> dict:
    """The django-scopes scope of a tenant: a school sees its own rows; a municipality its schools' rows."""
    if isinstance(tenant, Organization):
        return {"organization": tenant.pk, "tenant": tenant_key(tenant)}
    school_ids = list(Organization.objects.filter(municipality=tenant).values_list("pk", flat=True))
    return {"organization": school_ids, "tenant": tenant_key(tenant)}


@dataclass(frozen=True)
class TenantAccess:
    tenant: Organization | Municipality
    roles: frozenset

    @property
    def is_school(self):
        return isinstance(self.tenant, Organization)


def resolve_access(user, kwargs: dict) -> TenantAccess | None:
    """The tenant named by the URL's kwargs and the user's roles in it.

    None for a URL outside any tenant. Raises Http404 when the tenant does not exist or the user holds no
    role in it: another school's pages do not exist for you. Platform staff get the tenant with no roles.
    """
    if SCHOOL_URL_KWARG in kwargs:
        tenant = Organization.objects.select_related("municipality").filter(slug=kwargs[SCHOOL_URL_KWARG]).first()
        memberships = Membership.objects.filter(user=user, organization=tenant)
    elif MUNICIPAL_URL_KWARG in kwargs:
        tenant = Municipality.objects.filter(slug=kwargs[MUNICIPAL_URL_KWARG]).first()
        memberships = Membership.objects.filter(user=user, municipality=tenant)
    else:
        return None
    if tenant is None:
        raise Http404("Нет такой организации.")
    roles = frozenset(memberships.values_list("role", flat=True))
    if not roles and not user.is_staff:
        raise Http404("Нет такой организации.")
    return TenantAccess(tenant=tenant, roles=roles)


def required_capability(view_func) -> Capability | None:
    view_class = getattr(view_func, "view_class", None)
    return getattr(view_class or view_func, "required_capability", None)


class TenantMiddleware:
    """Finds the tenant of the URL, enters its scope around the view, and checks the view's capability.

    Anonymous requests pass through untouched, so that LoginRequiredMiddleware sends them to the login page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.tenant = None
        request.roles = frozenset()
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return self.get_response(request)
        if not request.user.is_authenticated:
            return self.get_response(request)
        if match.app_name == "admin" and request.user.is_staff:
            # The reviewed exception: platform staff administer every tenant in the Django admin.
            with scopes_disabled():
                return self.get_response(request)
        access = resolve_access(request.user, match.kwargs)
        if access is None:
            return self.get_response(request)
        request.tenant = access.tenant
        request.roles = access.roles
        with scope(**tenant_scope(access.tenant)):
            return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.tenant is None:
            return None
        capability = required_capability(view_func)
        if capability is None:
            raise ImproperlyConfigured(f"{view_func.__name__} serves a tenant URL but declares no required_capability.")
        if not has_capability(request.roles, capability):
            raise PermissionDenied("Недостаточно прав.")
        return None


def tenant_memberships(user):
    """The user's memberships grouped by tenant, for the organisation chooser and the navigation."""
    memberships = (
        Membership.objects.filter(user=user)
        .select_related("organization", "municipality")
        .order_by("municipality__short_name", "organization__short_name", "role")
    )
    grouped: dict = {}
    for membership in memberships:
        grouped.setdefault(membership.tenant, []).append(membership)
    return grouped
