from __future__ import annotations

from tests.app.route_matrix import LOGGED_IN

GET_MATRIX = {"/notifikationer": LOGGED_IN}

NOT_WALKED = {
    "/notifikationer/laest": "POST only (tests/app/notifications)",
    "/notifikationer/indstillinger": "POST only (tests/app/notifications)",
}
