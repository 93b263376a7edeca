"""How the server log reads: a refused request (403) is one line, not a traceback.

Django logs a ``PermissionDenied`` on ``django.request`` with the exception attached; a missing role is an
everyday answer of the portal, not an error, so :class:`RefusalsOnOneLine` drops the traceback of 403s.
"""

import logging
import re


class RefusalsOnOneLine(logging.Filter):
    """Keep «Forbidden (Permission denied): /o/…/» and drop its traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) == 403:
            record.exc_info = None
            record.exc_text = None
        return True


# --- Nothing personal in the logs ------------------------------------------------------------------------------
# A query string may carry names and support categories (a search typed before the filters moved to POST, an old
# bookmark); a questionnaire link and a password-reset link carry a live token in their path. Logs keep the path
# only, with the tokens masked.

MASK = "***"
_SECRET_PATHS = (
    (re.compile(r"(/q/)[^/?#\s\"]+"), rf"\g<1>{MASK}"),
    (re.compile(r"(/password/reset/)[^/?#\s\"]+/[^/?#\s\"]+"), rf"\g<1>{MASK}/{MASK}"),
)
_QUERY = re.compile(r"\?[^\s\"#]*")


def safe_path(url: str) -> str:
    """``url`` (a path, a full address or a log line) without query strings and with the tokens masked."""
    url = _QUERY.sub("", url)
    for pattern, replacement in _SECRET_PATHS:
        url = pattern.sub(replacement, url)
    return url


class PathsWithoutSecrets(logging.Filter):
    """Rewrite every record's message through :func:`safe_path` (Django's «Not Found: /q/<token>/», the
    development server's request lines)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = safe_path(message)
        if masked != message:
            record.msg, record.args = masked, ()
        return True
