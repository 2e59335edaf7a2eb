from __future__ import annotations

from tests.app.route_matrix import LOGGED_IN, logged_in_write

GET_MATRIX = {"/notifikationer": LOGGED_IN}

NOT_WALKED = {
    "/notifikationer/laest": "POST only (tests/app/notifications)",
    "/notifikationer/indstillinger": "POST only (tests/app/notifications)",
}

WRITE_MATRIX = {
    "POST /notifikationer/indstillinger": logged_in_write(422),
    "POST /notifikationer/laest": logged_in_write(303),
}
