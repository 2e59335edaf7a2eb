from __future__ import annotations

from tests.app.jobs.route_matrix import DRAFT_VIEW, JOB2_VIEW, JOB_VIEW
from tests.app.route_matrix import ALL_OK

# The general guide uses no personal data: open like the state's own calculator.
# A job's guide follows the job's own visibility (outsiders get 404).
GET_MATRIX = {
    "/oekonomi": ALL_OK,
    "/oekonomi?hours=18&hourly_wage=200": ALL_OK,
    "/job/{job}/oekonomi": JOB_VIEW,
    "/job/{draft_job}/oekonomi": DRAFT_VIEW,
    "/job/{job2}/oekonomi?hours=12&hourly_wage=180": JOB2_VIEW,
    "/api/v1/income-guide?hours=18&hourly_wage=200&year=2024": ALL_OK,
}

NOT_WALKED: dict[str, str] = {}
