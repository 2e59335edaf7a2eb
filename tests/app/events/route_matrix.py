from __future__ import annotations

from tests.app.route_matrix import consultants_write, row

# Everyone signed in may open the list (it holds only what they may see); only a jobcentre's
# consultants create events. One event's page and .ics are per persona in test_events.py.
GET_MATRIX = {
    "/arrangementer": row(303, 200, 200, 200, 200, 200, 200, 200),
    "/arrangementer/ny": row(303, 403, 403, 403, 403, 200, 200, 403),
    "/api/v1/events": row(401, 200, 200, 200, 200, 200, 200, 200),
}

NOT_WALKED = {
    "/arrangementer/{}": "needs an event: per persona in tests/app/events/test_events.py",
    "/arrangementer/{}/kalender.ics": "per persona in tests/app/events/test_events.py",
    "/arrangementer/{}/offentliggoer": "POST only (tests/app/events/test_events.py)",
    "/arrangementer/{}/aflys": "POST only (tests/app/events/test_events.py)",
    "/arrangementer/{}/tilmeld": "POST only (tests/app/events/test_events.py)",
    "/arrangementer/{}/afmeld": "POST only (tests/app/events/test_events.py)",
    "/api/v1/events/{}": "per persona in tests/app/events/test_api.py",
    "/api/v1/events/{}/signup": "POST/DELETE, per persona in tests/app/events/test_api.py",
}

# The event's audience (flexjobbers and company users of its jobcentre) signs up; its
# jobcentre's consultants manage it (and may not sign up: 403); others do not see it (404).
AUDIENCE_WRITE = row(401, 303, 303, 303, 303, 403, 404, 404)
MANAGER_WRITE = row(401, 403, 403, 403, 403, 303, 404, 404)
WRITE_MATRIX = {
    "POST /arrangementer/ny": consultants_write(422),
    "POST /arrangementer/{event}/tilmeld": AUDIENCE_WRITE,
    "POST /arrangementer/{event}/afmeld": AUDIENCE_WRITE,
    "POST /arrangementer/{event}/aflys": MANAGER_WRITE,
    "POST /arrangementer/{event}/offentliggoer": MANAGER_WRITE,
    "POST /api/v1/events/{event}/signup": row(401, 200, 200, 200, 200, 403, 404, 404),
    "DELETE /api/v1/events/{event}/signup": row(401, 200, 200, 200, 200, 403, 404, 404),
}
