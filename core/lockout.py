"""Password guessing: the login is locked per account and address, per account and per address, each with its
own limit (``AXES_LOCKOUT_LIMITS``, in the order of ``AXES_LOCKOUT_PARAMETERS``), so that spreading the tries
over many addresses, or over many accounts from one address, locks too — while a school's shared address is not
locked by one teacher's typos. A locked login, even with the right password, is told when to try again."""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_cool_off
from django.conf import settings
from django.db.models import Max, Sum
from django.shortcuts import render
from django.utils import timezone


class PerAccountAndAddressHandler(AxesDatabaseHandler):
    """django-axes' database handler, with one limit per lockout parameter instead of one for all.

    ``get_failures`` reports the failures of the combination closest to its limit, scaled to
    ``AXES_FAILURE_LIMIT``: the lockout happens when any combination reaches its own limit."""

    def get_failures(self, request, credentials=None) -> int:
        base = settings.AXES_FAILURE_LIMIT
        scaled = 0
        for attempts, limit in zip(
            self.get_user_attempts(request, credentials), settings.AXES_LOCKOUT_LIMITS, strict=True
        ):
            failures = attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            scaled = max(scaled, failures * base // limit)
        return scaled

    def retry_at(self, request, credentials=None):
        """When the lock ends: the cool-off after the latest failure that counts."""
        latest = [
            attempts.aggregate(last=Max("attempt_time"))["last"]
            for attempts in self.get_user_attempts(request, credentials)
        ]
        latest = [moment for moment in latest if moment is not None]
        cool_off = get_cool_off(request)
        if not latest or cool_off is None:
            return None
        return timezone.localtime(max(latest) + cool_off)


def lockout_response(request, original_response=None, credentials=None):
    retry_at = PerAccountAndAddressHandler().retry_at(request, credentials)
    return render(
        request,
        settings.AXES_LOCKOUT_TEMPLATE,
        {"retry_at": retry_at},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
