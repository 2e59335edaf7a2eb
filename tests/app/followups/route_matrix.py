from __future__ import annotations

from tests.app.route_matrix import row

GET_MATRIX: dict[str, dict[str, int]] = {}
NOT_WALKED = {"/match/{match_id}/opfoelgning": "POST only (WRITE_MATRIX below)"}
# The match's own consultant gets past authorization (422 for the empty form); a consultant
# elsewhere does not know of the match (404); everybody else is no consultant (403).
WRITE_MATRIX = {
    "POST /match/{match}/opfoelgning": row(401, 403, 403, 403, 403, 422, 404, 403, leader=403),
}
