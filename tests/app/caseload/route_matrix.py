from __future__ import annotations

from tests.app.route_matrix import STAFF

GET_MATRIX = {
    "/konsulent": STAFF,
    "/konsulent?vis=fleksjobbere": STAFF,
    "/konsulent?vis=virksomheder&page=2": STAFF,
    "/konsulent/soeg": STAFF,
    "/konsulent/soeg?q=kontor": STAFF,
    "/konsulent/soeg?q=a&type=opslag": STAFF,
}

NOT_WALKED: dict[str, str] = {}
