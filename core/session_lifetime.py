"""The two limits of a sign-in.

- The idle timeout (``SESSION_COOKIE_AGE``): a session unused that long ends. Activity renews it, written at most
  once every ``RENEWAL_INTERVAL`` seconds (``core.sessions`` knows the stored expiry), not on every request.
- The absolute lifetime: whatever the activity, a sign-in lasts at most ``SESSION_ABSOLUTE_LIFETIME`` seconds
  (12 hours by default), then the person signs in again. The idle timeout alone would keep a session on a shared
  school computer alive for ever.
"""

import time
from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.dispatch import receiver
from django.utils import timezone

SIGNED_IN_AT = "signed_in_at"
RENEWAL_INTERVAL = 60  # seconds: the idle timeout is exact to this


def renew_idle_timeout(session):
    """Mark the session to be saved (with a new expiry) when its stored expiry is more than the renewal interval
    old."""
    stored = getattr(session, "stored_expiry", None)
    renew_before = timezone.now() + timedelta(seconds=settings.SESSION_COOKIE_AGE - RENEWAL_INTERVAL)
    if stored is None or stored < renew_before:
        session.modified = True


@receiver(user_logged_in)
def remember_sign_in(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[SIGNED_IN_AT] = int(time.time())


class SessionLifetimeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            signed_in_at = request.session.setdefault(SIGNED_IN_AT, int(time.time()))
            if time.time() - signed_in_at > settings.SESSION_ABSOLUTE_LIFETIME:
                logout(request)
                hours = settings.SESSION_ABSOLUTE_LIFETIME // 3600
                messages.info(request, f"Сеанс завершён: с момента входа прошло больше {hours} ч. Войдите снова.")
                return redirect_to_login(request.path)
            renew_idle_timeout(request.session)
        return self.get_response(request)
