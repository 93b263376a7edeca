"""Permission-matrix cases of the region (merged into tests/test_permissions.py CASES): the regional roles
read aggregates; every other role holds no role in a region and gets 404, as for another tenant. The fixture
file job belongs to the regional coordinator; the fixture municipality belongs to the region."""

from core.roles import REGIONAL_ROLES, Role
from tests.matrix import Case

ACTS = "приказ министерства образования Красноярского края от 30.11.2020 № 590-11-05 «О внедрении…»"

CASES: dict = {
    "regional_requisites": Case(
        "region",
        frozenset({Role.REGIONAL_COORDINATOR}),
        ("get", "post"),
        post_data={"authority": "Министерство образования Красноярского края", "acts": ACTS},
    ),
    "region_home": Case("region", REGIONAL_ROLES),
    "r_municipality": Case("region", REGIONAL_ROLES, obj="municipality"),
    "r_summary": Case("region", REGIONAL_ROLES, ("post",), post_data={"fmt": "xlsx"}),
    "r_file_job": Case("region", REGIONAL_ROLES, obj="file_job", owner=Role.REGIONAL_COORDINATOR),
    "r_file_job_progress": Case("region", REGIONAL_ROLES, obj="file_job", owner=Role.REGIONAL_COORDINATOR),
    "r_file_job_download": Case("region", REGIONAL_ROLES, obj="file_job", owner=Role.REGIONAL_COORDINATOR),
    "r_file_job_retry": Case("region", REGIONAL_ROLES, ("post",), obj="file_job", owner=Role.REGIONAL_COORDINATOR),
}
