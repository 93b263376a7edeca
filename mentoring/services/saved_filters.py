"""Filters that carry personal data (a name typed in the search, a support category) stay out of addresses:
the list's form is posted, the filters are kept in the user's session under a short id, and the address
carries only ``?f=<id>`` — nothing personal reaches the browser's history, a proxy's or the server's log.

Filters without personal data (a status, «без согласия») may still come in the address, from the dashboards'
links; an old address with a private filter is moved into the session at once.
"""

import secrets

SESSION_KEY = "saved_list_filters"
KEEP = 20  # the latest filters a user keeps; older ids show the whole list again
PRIVATE_FILTERS = frozenset({"q", "support"})


def cleaned(data, names) -> dict[str, str]:
    return {name: value for name in names if (value := (data.get(name) or "").strip())}


def save(session, filters: dict[str, str]) -> str:
    saved = dict(session.get(SESSION_KEY, {}))
    filter_id = secrets.token_urlsafe(6)
    saved[filter_id] = filters
    session[SESSION_KEY] = dict(list(saved.items())[-KEEP:])
    return filter_id


def load(session, filter_id: str) -> dict[str, str] | None:
    return session.get(SESSION_KEY, {}).get(filter_id)


def has_private(data) -> bool:
    return any((data.get(name) or "").strip() for name in PRIVATE_FILTERS)
