"""The permission matrix's vocabulary, and its cases per feature area (merged by tests/test_permissions.py).

Expectations come from the agreed role matrix, independently of ``core.roles.MATRIX``.
"""

from dataclasses import dataclass, field

from core.roles import Role

D, C, MT, MN, OB = Role.DIRECTOR, Role.CURATOR, Role.METHODIST, Role.MENTOR, Role.OBSERVER
MC = Role.MUNICIPAL_COORDINATOR


@dataclass(frozen=True)
class Case:
    level: str  # "school", "municipality", "account" (any logged-in user), "public"
    allowed: frozenset = frozenset()
    methods: tuple = ("get",)
    obj: str | None = None  # the tenant's object named by the URL's pk: "membership" or a key of World.people
    post_data: dict = field(default_factory=dict)
    owner: Role | None = None  # the object belongs to this role's user: other allowed roles get 404 (a job)
    url_kwargs: dict = field(default_factory=dict)  # more URL arguments (a format, a version number)


READ_CARDS = frozenset({D, C, MT})
EDIT_BASES = frozenset({D, C})
