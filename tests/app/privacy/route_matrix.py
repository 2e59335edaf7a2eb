from __future__ import annotations

from tests.app.route_matrix import ALL_OK, FLEXJOBBERS, LOGGED_IN, api

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
