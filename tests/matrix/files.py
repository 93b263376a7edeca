"""Permission-matrix cases of file jobs (rendered documents and reports): every member may see a job, but
only their own; the fixture jobs belong to the school's director and the municipality's coordinator."""

from core.roles import MUNICIPAL_ROLES, SCHOOL_ROLES
from tests.matrix import MC, Case, D

CASES: dict = {}
for prefix, level, roles, owner in (("", "school", SCHOOL_ROLES, D), ("m_", "municipality", MUNICIPAL_ROLES, MC)):
    CASES |= {
        f"{prefix}file_job": Case(level, roles, obj="file_job", owner=owner),
        f"{prefix}file_job_progress": Case(level, roles, obj="file_job", owner=owner),
        f"{prefix}file_job_download": Case(level, roles, obj="file_job", owner=owner),
        # The fixture job is ready: running it again is refused with a message and a redirect.
        f"{prefix}file_job_retry": Case(level, roles, ("post",), obj="file_job", owner=owner),
    }
