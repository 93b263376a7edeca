"""How the server log reads: a refused request (403) is one line, not a traceback.

Django logs a ``PermissionDenied`` on ``django.request`` with the exception attached; a missing role is an
everyday answer of the portal, not an error, so :class:`RefusalsOnOneLine` drops the traceback of 403s.
"""

import logging


class RefusalsOnOneLine(logging.Filter):
    """Keep «Forbidden (Permission denied): /o/…/» and drop its traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) == 403:
            record.exc_info = None
            record.exc_text = None
        return True
