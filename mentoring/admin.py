"""The Django admin of users, with their roles inline (the tenants and roles themselves: ``core.admin``)."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from core.models import Membership

from .models import User


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
