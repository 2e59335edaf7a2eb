from __future__ import annotations

from tests.app.route_matrix import (
    ALL_OK,
    DEAD_LINK,
    FLEXJOBBERS,
    LOGGED_IN,
    api,
    flexjobbers_write,
    row,
)

GET_MATRIX = {
    "/mine-data": FLEXJOBBERS,
    # Everybody may take what Fleksbro holds about them; only flexjobbers have a profile part.
    "/mine-data/hent": LOGGED_IN,
    "/mine-data/hent/laesbar": LOGGED_IN,
    "/api/v1/me/export": api(LOGGED_IN),
    "/profil-slettet": ALL_OK,
}

_POST = "POST/DELETE only, per persona in tests/app/privacy/test_deletion.py"
NOT_WALKED = {
    "/mine-data/samtykke/traek-tilbage": "POST only (tests/app/matches)",
    "/mine-data/slet": _POST,
    "/mine-data/slet/{token}": "needs an e-mailed token: tests/app/privacy/test_deletion.py",
    "/konsulent/profiler/{profile_id}/slet": _POST,
}

WRITE_MATRIX = {
    # The empty form: the person is past authorization and asked to tick and confirm (422).
    "POST /mine-data/slet": flexjobbers_write(422),
    "POST /mine-data/slet/{link}": DEAD_LINK,
    # The person's own consultant: 422 until confirmed; a consultant elsewhere may not know of
    # the profile (404); everyone else is no consultant (403).
    "POST /konsulent/profiler/{profile}/slet": row(
        401, 403, 403, 403, 403, 422, 404, 403, leader=403
    ),
    # No password given: a wrong password for the person (422), not theirs to do for others.
    "DELETE /api/v1/me": row(401, 422, 422, 403, 403, 403, 403, 403),
}
