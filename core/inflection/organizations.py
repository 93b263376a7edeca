"""Names of schools and municipalities in the six cases, with the corrections a school saved in ``name_forms``.

``name_forms`` holds the full name under the case tag («gent») and the short name under «short_gent»; a saved
form wins over the library's.
"""

from .morph import check_case
from .phrases import phrase


def name_forms_key(case: str, short: bool = False) -> str:
    """The ``name_forms`` key of a case: «gent» for the full name, «short_gent» for the short one."""
    return f"short_{case}" if short else case


def _tenant_name(tenant, case: str, short: bool) -> str:
    check_case(case)
    name = (tenant.short_name if short else tenant.name) or ""
    forms = getattr(tenant, "name_forms", None) or {}
    override = forms.get(name_forms_key(case, short)) if isinstance(forms, dict) else None
    if case != "nomn" and override and override.strip():
        return override.strip()
    return phrase(name.strip(), case)


def organization_name(org, case: str = "nomn", short: bool = False) -> str:
    """The school's full (or short) name in ``case``."""
    return _tenant_name(org, case, short)


def municipality_name(municipality, case: str = "nomn", short: bool = False) -> str:
    """The municipal education authority's full (or short) name in ``case``."""
    return _tenant_name(municipality, case, short)
