"""The Django admin, for platform staff only: municipalities, organisations, roles and the audit log.

Tenant scopes are disabled for staff in the admin by ``TenantMiddleware`` (the one reviewed exception).
"""

from django.contrib import admin

from .audit import log_action
from .models import AuditEntry, Membership, Municipality, Organization, Region
from .roles import Role


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name", "authority"]
    search_fields = ["name"]


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["short_name", "region", "slug"]
    list_filter = ["region"]
    search_fields = ["name", "short_name"]


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["short_name", "kind", "municipality", "director_name", "slug"]
    list_filter = ["kind", "municipality"]
    search_fields = ["name", "short_name", "inn"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "organization", "municipality", "region", "created_at"]
    list_filter = ["role"]
    search_fields = ["user__email", "user__last_name", "organization__short_name", "municipality__short_name"]
    autocomplete_fields = ["user", "organization", "municipality", "region"]
    readonly_fields = ["granted_by", "created_at"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.granted_by = request.user
        super().save_model(request, obj, form, change)
        log_action(
            "membership.granted",
            actor=request.user,
            tenant=obj.tenant,
            obj=obj,
            changes={"role": [None, Role(obj.role).label], "user": [None, obj.user.email]},
            request=request,
        )

    def delete_model(self, request, obj):
        log_action(
            "membership.revoked",
            actor=request.user,
            tenant=obj.tenant,
            obj=obj,
            changes={"role": [Role(obj.role).label, None], "user": [obj.user.email, None]},
            request=request,
        )
        super().delete_model(request, obj)


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["created_at", "action", "object_repr", "actor", "organization", "municipality"]
    list_filter = ["action"]
    search_fields = ["object_repr", "actor__email"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
