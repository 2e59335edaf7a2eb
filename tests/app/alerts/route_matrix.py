from __future__ import annotations

from tests.app.route_matrix import FLEXJOBBERS, flexjobbers_write, row

# Only flexjobbers have job alerts; one alert's pages are per persona in test_alerts.py.
GET_MATRIX = {
    "/jobagenter": FLEXJOBBERS,
    "/jobagenter/ny": FLEXJOBBERS,
}

NOT_WALKED = {
    "/jobagenter/{}": "needs an alert: per persona in tests/app/alerts/test_alerts.py",
    "/jobagenter/{}/stop": "POST only (tests/app/alerts/test_alerts.py)",
    "/jobagent/stop/{}/{}": "a signed link, no sign-in (tests/app/alerts/test_alerts.py)",
}

WRITE_MATRIX = {
    "POST /jobagenter/ny": flexjobbers_write(422),
    # Only the owner stops it in the app; another flexjobber may not know it exists.
    "POST /jobagenter/{alert}/stop": row(401, 303, 404, 403, 403, 403, 403, 403),
    # The e-mailed stop link works without signing in; a wrong signature is a 404 for anyone.
    "POST /jobagent/stop/{alert}/{link}": row(404, 404, 404, 404, 404, 404, 404, 404),
}
