"""The client's address, as the audit log and the login lockout must see it."""

from django.conf import settings


def client_ip(request) -> str | None:
    """The address of the client that sent ``request``.

    Behind ``TRUSTED_PROXY_COUNT`` reverse proxies, each appending to X-Forwarded-For, the client is the
    entry that many places from the right; whatever stands further left was sent by the client and could
    be forged. With no proxy configured the header is ignored and the socket's address is used.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")
