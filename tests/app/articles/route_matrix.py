from __future__ import annotations

from tests.app.route_matrix import LOGGED_IN, api, consultants_write, row

# Everyone signed in may open the list (it holds only what they may read); a jobcentre's
# consultants write. One article's pages and images are per persona in test_articles.py.
GET_MATRIX = {
    "/artikler": LOGGED_IN,
    "/artikler/ny": row(303, 403, 403, 403, 403, 200, 200, 403),
    "/api/v1/articles": api(LOGGED_IN),
}

NOT_WALKED = {
    "/artikler/{}": "needs an article: per persona in tests/app/articles/test_articles.py",
    "/artikler/{}/rediger": "per persona in tests/app/articles/test_articles.py",
    "/artikler/{}/offentliggoer": "POST only (tests/app/articles/test_articles.py)",
    "/artikler/{}/billeder": "POST only (tests/app/articles/test_articles.py)",
    "/artikler/{}/billeder/{}": "per persona in tests/app/articles/test_articles.py",
    "/api/v1/articles/{}": "per persona in tests/app/articles/test_articles.py",
    "/artikler/{}/videoer": "POST only (tests/app/articles/test_videos.py)",
    "/artikler/{}/videoer/{}/slet": "POST only (tests/app/articles/test_videos.py)",
    "/artikler/{}/videoer/{}/{}": "per persona in tests/app/articles/test_videos.py",
}

# The jobcentre's consultants manage its articles; the outsider (a consultant elsewhere) does not
# know of this one and admins are not its readers (404); its readers get 403.
_MANAGE = row(401, 403, 403, 403, 403, 422, 404, 404)
WRITE_MATRIX = {
    "POST /artikler/ny": consultants_write(422),
    "POST /artikler/{article}/rediger": _MANAGE,
    "POST /artikler/{article}/offentliggoer": row(401, 403, 403, 403, 403, 303, 404, 404),
    "POST /artikler/{article}/billeder": _MANAGE,
    "POST /artikler/{article}/videoer": _MANAGE,
    "POST /artikler/{article}/videoer/{video}/slet": row(401, 403, 403, 403, 403, 303, 404, 404),
}
