from __future__ import annotations

from tests.app.route_matrix import api, row

# Consultants see their own caseload (the outsider theirs, in the other jobcentre), a leader
# their jobcentre, an admin any; everyone else is told nothing exists (404).
DASHBOARD = row(303, 404, 404, 404, 404, 200, 200, 200, leader=200)

GET_MATRIX = {
    "/tal": DASHBOARD,
    "/tal/engagement.csv": DASHBOARD,
    "/tal/progression.csv": DASHBOARD,
    "/api/v1/stats": api(DASHBOARD),
    "/api/v1/stats?by=week": api(DASHBOARD),
    # Monthly targets: only the jobcentre's leader sets them (the others read them on /tal).
    "/tal/maal": row(303, 404, 404, 404, 404, 404, 404, 404, leader=200),
}

WRITE_MATRIX = {
    "POST /tal/maal": row(401, 404, 404, 404, 404, 404, 404, 404, leader=422),
}

NOT_WALKED = {
    "/tal/{slug}.csv": "walked above as /tal/engagement.csv and /tal/progression.csv",
}
