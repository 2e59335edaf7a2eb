from __future__ import annotations

from tests.app.route_matrix import ALL_OK, LOGGED_IN, STAFF, api, row

GET_MATRIX = {
    "/": ALL_OK,
    "/tilgaengelighed": ALL_OK,
    "/healthz": ALL_OK,
    "/readyz": ALL_OK,
    "/login": row(200, 303, 303, 303, 303, 303, 303, 303),
    "/glemt-adgangskode": ALL_OK,
    "/login-link": ALL_OK,
    "/hjem": LOGGED_IN,
    "/inviter": STAFF,
    "/api/v1/me": api(LOGGED_IN),
    "/api/v1/me/tokens": api(LOGGED_IN),
}

NOT_WALKED = {
    "/nulstil-adgangskode/{token}": "token in the URL decides (tests/app/auth/test_links.py)",
    "/login-link/{token}": "token in the URL decides (tests/app/auth/test_links.py)",
    "/invitation/{token}": "token in the URL decides (tests/app/accounts/test_invitations.py)",
    "/logout": "POST only",
    "/api/v1/me/tokens/{token_id}": "DELETE only (tests/app/auth/test_abuse.py)",
    "/sprog": "POST only",
}
