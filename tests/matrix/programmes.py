"""Permission-matrix cases of the programmes pages (merged into tests/test_permissions.py CASES)."""

CASES: dict = {}
