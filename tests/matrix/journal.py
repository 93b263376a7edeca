"""Permission-matrix cases of the journal pages (merged into tests/test_permissions.py CASES)."""

CASES: dict = {}
