"""An absolute session lifetime: whatever the activity, a sign-in lasts at most ``SESSION_ABSOLUTE_LIFETIME``
seconds (12 hours by default), then the person signs in again. The idle timeout (``SESSION_COOKIE_AGE``, renewed
by every request) alone would keep a session on a shared school computer alive for ever."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.dispatch import receiver

SIGNED_IN_AT = "signed_in_at"


@receiver(user_logged_in)
def remember_sign_in(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[SIGNED_IN_AT] = int(time.time())


class AbsoluteSessionLifetimeMiddleware:
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
        return self.get_response(request)
