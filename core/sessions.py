"""The session store: Django's database sessions that remember when the stored session expires, so that the idle
timeout (``SESSION_COOKIE_AGE``) is renewed about once a minute (``core.session_lifetime``) instead of a write on
every request."""

from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore


class SessionStore(DatabaseSessionStore):
    stored_expiry = None  # the expiry of the session as read from the database; None for a new session

    def _get_session_from_db(self):
        session = super()._get_session_from_db()
        self.stored_expiry = session.expire_date if session is not None else None
        return session
