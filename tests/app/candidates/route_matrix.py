from __future__ import annotations

from tests.app.route_matrix import api, row

# Company users and staff; flexjobbers 403.
BROWSE = row(303, 403, 403, 200, 200, 200, 200, 200)

GET_MATRIX = {
    "/kandidater": BROWSE,
    "/kandidater?q=kontor&hours_min=5&hours_max=20": BROWSE,
    "/api/v1/candidates": api(BROWSE),
    "/api/v1/candidates?q=kontor&skills=bogf%C3%B8ring": api(BROWSE),
}

NOT_WALKED: dict[str, str] = {}
