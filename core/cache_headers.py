"""No personal page in a cache: every response to a signed-in user is ``Cache-Control: no-store, private``.

Schools share computers; a card, a frozen PDF or an export left in the browser's or a proxy's cache is read
by the next person at the keyboard. A view may add its own directives (the health check's ``no-cache``);
``no-store`` and ``private`` are added to them (``private`` replaces ``public``).
"""

from django.utils.cache import patch_cache_control


class NoStoreForSignedInMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, no_store=True, private=True)
        return response
