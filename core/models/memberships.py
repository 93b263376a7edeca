"""Memberships: the roles a user holds in schools, municipalities and regions."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from ..roles import MUNICIPAL_ROLES, REGIONAL_ROLES, SCHOOL_ROLES, Role
from .tenants import Municipality, Organization, Region


class Membership(models.Model):
    """A user's role in one school, one municipality or one region.

    A user may hold many: a teacher who mentors in two schools has two, and sees each school separately.
    Memberships are read by the tenant middleware before any scope exists, always filtered by the user,
    so this model keeps Django's plain manager.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships", verbose_name="пользователь"
    )
    organization = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name="образовательная организация",
    )
    municipality = models.ForeignKey(
        Municipality,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name="муниципалитет",
    )
    region = models.ForeignKey(
        Region,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name="субъект Российской Федерации",
    )
    role = models.CharField("роль", max_length=30, choices=Role.choices)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="кем назначена",
    )
    created_at = models.DateTimeField("назначена", auto_now_add=True)

    class Meta:
        db_table = "mentoring_membership"  # the table it had before the platform layer moved to core
        verbose_name = "роль пользователя"
        verbose_name_plural = "роли пользователей"
        ordering = ["role", "user__last_name"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(organization__isnull=False, municipality__isnull=True, region__isnull=True)
                    & Q(role__in=sorted(SCHOOL_ROLES))
                    | Q(organization__isnull=True, municipality__isnull=False, region__isnull=True)
                    & Q(role__in=sorted(MUNICIPAL_ROLES))
                    | Q(organization__isnull=True, municipality__isnull=True, region__isnull=False)
                    & Q(role__in=sorted(REGIONAL_ROLES))
                ),
                name="membership_role_fits_its_tenant",
                violation_error_message=(
                    "Роль школы назначается в школе, роль муниципалитета — в муниципалитете, роль региона — в регионе."
                ),
            ),
            models.UniqueConstraint(
                fields=["user", "organization", "role"],
                condition=Q(organization__isnull=False),
                name="membership_unique_in_organization",
                violation_error_message="У пользователя уже есть эта роль в этой организации.",
            ),
            models.UniqueConstraint(
                fields=["user", "municipality", "role"],
                condition=Q(municipality__isnull=False),
                name="membership_unique_in_municipality",
                violation_error_message="У пользователя уже есть эта роль в этом муниципалитете.",
            ),
            models.UniqueConstraint(
                fields=["user", "region", "role"],
                condition=Q(region__isnull=False),
                name="membership_unique_in_region",
                violation_error_message="У пользователя уже есть эта роль в этом регионе.",
            ),
        ]

    def __str__(self):
        return f"{self.user} — {self.get_role_display()} ({self.tenant})"

    @property
    def tenant(self):
        return self.organization or self.municipality or self.region

    def clean(self):
        tenants = [self.organization_id, self.municipality_id, self.region_id]
        if sum(pk is not None for pk in tenants) != 1:
            raise ValidationError("Укажите одно: образовательную организацию, муниципалитет или регион.")
        allowed = SCHOOL_ROLES if self.organization_id else MUNICIPAL_ROLES
        if self.region_id:
            allowed = REGIONAL_ROLES
        if self.role and self.role not in allowed:
            raise ValidationError({"role": "Эта роль не назначается на этом уровне."})
