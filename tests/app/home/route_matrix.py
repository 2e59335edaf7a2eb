from __future__ import annotations

from tests.app.route_matrix import (
    ALL_OK,
    DEAD_LINK,
    LOGGED_IN,
    PUBLIC_FORM,
    STAFF,
    api,
    row,
    staff_write,
)

GET_MATRIX = {
    "/": ALL_OK,
    "/favicon.ico": ALL_OK,
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

# Accounts and sign-in (app/auth, app/accounts): public forms, links, the API token.
WRITE_MATRIX = {
    "POST /login": PUBLIC_FORM,
    "POST /glemt-adgangskode": PUBLIC_FORM,
    "POST /login-link": PUBLIC_FORM,
    "POST /login-link/{link}": DEAD_LINK,
    "POST /nulstil-adgangskode/{link}": DEAD_LINK,
    "POST /invitation/{link}": DEAD_LINK,
    "POST /logout": row(303, 303, 303, 303, 303, 303, 303, 303),
    "POST /sprog": row(303, 303, 303, 303, 303, 303, 303, 303),
    "POST /inviter": staff_write(422),
    # Only the token's owner (flexjobber); for anyone else it does not exist.
    "DELETE /api/v1/me/tokens/{token_id}": row(401, 204, 404, 404, 404, 404, 404, 404),
}
