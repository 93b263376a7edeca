"""Gunicorn's access log without personal data: the request line, the referrer and every header or environment
value the format may name keep the path only (no query string), with questionnaire and password-reset tokens
masked (``core.server_log.safe_path``).

``deploy/gunicorn.conf.py`` names it as ``logger_class``.
"""

from gunicorn.glogging import Logger

from core.server_log import safe_path


class AccessLogWithoutSecrets(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        atoms = {key: safe_path(value) if isinstance(value, str) else value for key, value in atoms.items()}
        atoms["q"] = ""
        return atoms
