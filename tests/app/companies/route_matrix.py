from __future__ import annotations

from tests.app.route_matrix import LOGGED_IN, api, row

# {company}: followed by the consultant's jobcentre; company_user is a member.
COMPANY_VIEW = row(303, 200, 200, 200, 404, 200, 404, 200)

GET_MATRIX = {
    "/virksomheder": LOGGED_IN,
    "/virksomheder/{company}": COMPANY_VIEW,
    "/api/v1/companies/{company}": api(COMPANY_VIEW),
}

NOT_WALKED: dict[str, str] = {}
