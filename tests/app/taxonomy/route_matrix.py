from __future__ import annotations

from tests.app.route_matrix import LOGGED_IN, api

GET_MATRIX = {
    "/api/v1/taxonomy/occupations": api(LOGGED_IN),
    "/api/v1/taxonomy/occupations?q=lager": api(LOGGED_IN),
    "/api/v1/taxonomy/accommodations": api(LOGGED_IN),
    "/api/v1/taxonomy/skills": api(LOGGED_IN),
    "/api/v1/taxonomy/skills?occupation=lagerarbejder": api(LOGGED_IN),
    "/api/v1/taxonomy/postcodes/2900": api(LOGGED_IN),
    "/taxonomi/stillinger": LOGGED_IN,
    "/taxonomi/stillinger?q=lager": LOGGED_IN,
    "/taxonomi/kompetencer": LOGGED_IN,
    "/taxonomi/kompetencer?stilling=lagerarbejder": LOGGED_IN,
}

NOT_WALKED = {
    "/api/v1/taxonomy/postcodes/{code}": "walked above as /api/v1/taxonomy/postcodes/2900",
}
