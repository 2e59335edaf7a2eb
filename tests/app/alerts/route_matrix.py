from __future__ import annotations

from tests.app.route_matrix import FLEXJOBBERS

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
