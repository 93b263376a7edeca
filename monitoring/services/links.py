"""Personal links for respondents without an account (mentees, parents, mentors without a login).

A link is ``/q/<token>/`` with ``token = "<school id>.<secret>"``. The secret is an HMAC of a random nonce
(``secrets.token_urlsafe``) with the portal's secret key: the database keeps the nonce (to print the link again
on the wave's sheet) and the SHA-256 digest of the token (to find the invitation), never the token itself, so
a copy of the database alone answers nobody's questionnaire. The school id lets the public view enter that one
school's scope before it looks anything up.
"""

import base64
import hashlib
import hmac
import secrets

from django.conf import settings
from django.urls import reverse

SALT = b"monitoring.questionnaire-link:"


def new_nonce() -> str:
    return secrets.token_urlsafe(18)


def token_for(organization_id: int, nonce: str) -> str:
    mac = hmac.new(settings.SECRET_KEY.encode(), SALT + nonce.encode(), hashlib.sha256).digest()
    return f"{organization_id}.{base64.urlsafe_b64encode(mac).rstrip(b'=').decode()}"


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def organization_of(token: str) -> int | None:
    """The school id a token names, or None for something that is not a token at all."""
    head, _, secret = token.partition(".")
    if not head.isdigit() or len(secret) != 43 or len(head) > 12:
        return None
    return int(head)


def path_of(invitation) -> str:
    return reverse("questionnaire_link", kwargs={"token": token_for(invitation.organization_id, invitation.nonce)})


def absolute_link(invitation) -> str:
    return settings.PORTAL_BASE_URL.rstrip("/") + path_of(invitation)
