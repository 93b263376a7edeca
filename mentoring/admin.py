"""The Django admin, for platform staff only: municipalities, organisations, users and their roles.

Tenant scopes are disabled for staff in the admin by ``TenantMiddleware`` (the one reviewed exception).
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from .audit import log_action
from .models import AuditEntry, Membership, Municipality, Organization, User
from .roles import Role


class MembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "user"
    extra = 0
    fields = ["role", "organization", "municipality", "created_at"]
    readonly_fields = ["created_at"]
    autocomplete_fields = ["organization", "municipality"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["last_name", "first_name"]
    list_display = ["email", "full_name", "position", "is_active", "is_staff", "last_login"]
    list_filter = ["is_active", "is_staff", "memberships__role"]
    search_fields = ["email", "last_name", "first_name"]
    inlines = [MembershipInline]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Личные данные", {"fields": ["last_name", "first_name", "patronymic", "position"]}),
        ("Доступ", {"fields": ["is_active", "is_staff", "is_superuser"]}),
        ("Даты", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "last_name", "first_name", "password1", "password2"]}),
    ]


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["short_name", "region", "slug"]
    search_fields = ["name", "short_name"]


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["short_name", "kind", "municipality", "director_name", "slug"]
    list_filter = ["kind", "municipality"]
    search_fields = ["name", "short_name", "inn"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "organization", "municipality", "created_at"]
    list_filter = ["role"]
    search_fields = ["user__email", "user__last_name", "organization__short_name", "municipality__short_name"]
    autocomplete_fields = ["user", "organization", "municipality"]
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
