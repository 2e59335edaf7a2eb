from __future__ import annotations

from tests.app.route_matrix import LOGGED_IN, api, row

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
