"""Permission-matrix cases of the pairs pages (merged into tests/test_permissions.py CASES)."""

CASES: dict = {}
