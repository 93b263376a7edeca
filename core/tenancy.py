"""Tenancy: which school or municipality a request works in, and the scope every tenant query runs in.

Every tenant query runs inside a django-scopes scope, entered through ``tenant_scope`` (or ``user_scope``
for a person's own rows across their tenants, ``own_rows_scope`` for a tenant's own rows alone) in these places
only:

- ``TenantMiddleware``, for a request under ``/o/<school>/``, ``/m/<municipality>/`` or ``/r/<region>/``;
- ``core.tasks.TenantTask``, for a Celery task (it reloads the tenant from its id);
- ``monitoring.views.answers``, the public questionnaire link (the school is read from the signed token);
- ``documents.services.publication.open_section``, the public «Наставничество» pages of a school or a
  municipality (``/p/o/<school>/…``, ``/p/m/<municipality>/…``, no login): the scope of the one tenant named by
  the address, around a service that offers only what may be published;
- ``core.views.notifications`` and the navbar's count (``user_scope``: the person's own notifications);
- ``documents.kinds.legal_basis``, a school's order citing its department's approved order, a published act
  (``own_rows_scope`` of the municipality: its own documents only);
- ``mentoring.services.bank_crossing``, the municipal bank of mentors: the one package where a school reads or
  writes another school's rows — the listings of the other schools of its municipality, the requests between
  them, and the pairs a mentor keeps from their own school (its docstring says what each crossing exposes);
- management commands and the demo and dataset builders (``demo/``), and tests, through the same function.

``scopes_disabled()`` is used in the reviewed exceptions only: the Django admin for platform staff (below),
migrations, and the builders that write many schools at once. ``Membership`` keeps Django's plain manager:
it is read before any scope exists, always filtered by the user.

Inside a tenant URL the middleware also checks the capability the view declares: one, or a tuple of which
any one suffices.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import Http404
from django.urls import Resolver404, resolve
from django_scopes import scope, scopes_disabled

from .models import Membership, Municipality, Organization, Region
from .models.tenants import tenant_key
from .roles import Capability, has_capability

SCHOOL_URL_KWARG = "org"
MUNICIPAL_URL_KWARG = "muni"
REGIONAL_URL_KWARG = "region"


def tenant_scope(tenant: Organization | Municipality | Region):
    """The django-scopes scope of a tenant, as a context manager: a school sees its own rows; a municipality
    its schools' rows (``organization``) and its own (``tenant``); a region the rows of every school of its
    municipalities (its pages read only aggregates of them) and its own report jobs."""
    if isinstance(tenant, Organization):
        return scope(organization=tenant.pk, tenant=tenant_key(tenant))
    if isinstance(tenant, Region):
        schools = Organization.objects.filter(municipality__region=tenant)
    else:
        schools = Organization.objects.filter(municipality=tenant)
    return scope(organization=list(schools.values_list("pk", flat=True)), tenant=tenant_key(tenant))


def own_rows_scope(tenant: Organization | Municipality):
    """The scope of a tenant's own rows only (the ``tenant`` dimension; no school's rows): what reading a
    municipality's own documents needs, without the query for its schools."""
    return scope(organization=[], tenant=tenant_key(tenant))


def user_scope(user, tenants=None):
    """The scope of a person's own rows in every tenant they hold a role in (their notifications);
    ``tenants``, when the caller has them already, saves the query."""
    if tenants is None:
        tenants = [membership.tenant for membership in Membership.objects.filter(user=user)]
    return scope(organization=[], tenant=sorted({tenant_key(tenant) for tenant in tenants}))


def absolute_url(path: str) -> str:
    """A portal path as a full link, for e-mails sent by background tasks."""
    return settings.PORTAL_BASE_URL.rstrip("/") + path


@dataclass(frozen=True)
class TenantAccess:
    tenant: Organization | Municipality
    roles: frozenset

    @property
    def is_school(self):
        return isinstance(self.tenant, Organization)


def resolve_access(user, kwargs: dict, memberships: dict | None = None) -> TenantAccess | None:
    """The tenant named by the URL's kwargs and the user's roles in it.

    None for a URL outside any tenant. Raises Http404 when the tenant does not exist or the user holds no
    role in it: another school's pages do not exist for you. Platform staff get the tenant with no roles.
    ``memberships`` (``tenant_memberships`` of the user, when the caller has them) answers without a query
    for a tenant the user holds a role in.
    """
    if SCHOOL_URL_KWARG in kwargs:
        kind, slug = Organization, kwargs[SCHOOL_URL_KWARG]
    elif MUNICIPAL_URL_KWARG in kwargs:
        kind, slug = Municipality, kwargs[MUNICIPAL_URL_KWARG]
    elif REGIONAL_URL_KWARG in kwargs:
        kind, slug = Region, kwargs[REGIONAL_URL_KWARG]  # a region is addressed by its number
    else:
        return None
    for tenant, held in (memberships or {}).items():
        if isinstance(tenant, kind) and (tenant.pk if kind is Region else tenant.slug) == slug:
            return TenantAccess(tenant=tenant, roles=frozenset(membership.role for membership in held))
    if kind is Organization:
        tenant = Organization.objects.select_related("municipality").filter(slug=slug).first()
        roles = Membership.objects.filter(user=user, organization=tenant)
    elif kind is Municipality:
        tenant = Municipality.objects.filter(slug=slug).first()
        roles = Membership.objects.filter(user=user, municipality=tenant)
    else:
        tenant = Region.objects.filter(pk=slug).first()
        roles = Membership.objects.filter(user=user, region=tenant)
    if tenant is None:
        raise Http404("Нет такой организации.")
    roles = frozenset(roles.values_list("role", flat=True))
    if not roles and not user.is_staff:
        raise Http404("Нет такой организации.")
    return TenantAccess(tenant=tenant, roles=roles)


def required_capabilities(view_func) -> tuple[Capability, ...]:
    """What a view declares: ``required_capability`` is one capability or a tuple of alternatives."""
    view_class = getattr(view_func, "view_class", None)
    declared = getattr(view_class or view_func, "required_capability", None)
    if declared is None:
        return ()
    return declared if isinstance(declared, tuple) else (declared,)


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
        if not match.kwargs.keys() & {SCHOOL_URL_KWARG, MUNICIPAL_URL_KWARG, REGIONAL_URL_KWARG}:
            return self.get_response(request)
        # The user's tenants, read once: they name the roles here and fill the navigation's tenant menu.
        request.user_memberships = tenant_memberships(request.user)
        access = resolve_access(request.user, match.kwargs, request.user_memberships)
        if access is None:
            return self.get_response(request)
        request.tenant = access.tenant
        request.roles = access.roles
        with tenant_scope(access.tenant):
            return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.tenant is None:
            return None
        capabilities = required_capabilities(view_func)
        if not capabilities:
            raise ImproperlyConfigured(f"{view_func.__name__} serves a tenant URL but declares no required_capability.")
        if not any(has_capability(request.roles, capability) for capability in capabilities):
            raise PermissionDenied("Недостаточно прав.")
        return None


def tenant_memberships(user):
    """The user's memberships grouped by tenant, for the organisation chooser and the navigation."""
    memberships = (
        Membership.objects.filter(user=user)
        .select_related("organization__municipality", "municipality", "region")
        .order_by("region__name", "municipality__short_name", "organization__short_name", "role")
    )
    grouped: dict = {}
    for membership in memberships:
        grouped.setdefault(membership.tenant, []).append(membership)
    return grouped
