"""The Django admin of users, with their roles inline (the tenants and roles themselves: ``core.admin``)."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import UserChangeForm

from core.inflection.corrections import FIELD_PREFIX, PERSON_CASES, PersonNameFormsFields
from core.models import Membership

from .models import User


class MembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "user"
    extra = 0
    fields = ["role", "organization", "municipality", "region", "created_at"]
    readonly_fields = ["created_at"]
    autocomplete_fields = ["organization", "municipality", "region"]


class UserAdminForm(PersonNameFormsFields, UserChangeForm):
    """The user's change form with the gender and the corrections of the name in cases that documents print."""

    class Meta(UserChangeForm.Meta):
        model = User
        fields = "__all__"


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    form = UserAdminForm
    ordering = ["last_name", "first_name"]
    list_display = ["email", "full_name", "position", "is_active", "is_staff", "last_login"]
    list_filter = ["is_active", "is_staff", "memberships__role"]
    search_fields = ["email", "last_name", "first_name"]
    inlines = [MembershipInline]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Личные данные", {"fields": ["last_name", "first_name", "patronymic", "gender", "position"]}),
        (
            "ФИО в падежах — если документы склоняют его неверно",
            {"fields": [FIELD_PREFIX + case for case in PERSON_CASES]},
        ),
        ("Доступ", {"fields": ["is_active", "is_staff", "is_superuser"]}),
        ("Даты", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "last_name", "first_name", "password1", "password2"]}),
    ]
