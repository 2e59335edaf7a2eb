from __future__ import annotations

from tests.app.route_matrix import ALL_OK, row

# Flexjobbers and company users ask to be called; consultants (own jobcentre) see the list.
REQUESTERS = row(303, 200, 200, 200, 200, 403, 403, 403)
CONSULTANTS = row(303, 403, 403, 403, 403, 200, 200, 403)

GET_MATRIX = {
    "/hjaelp": ALL_OK,
    "/ring-mig-op": REQUESTERS,
    "/konsulent/opringninger": CONSULTANTS,
}

NOT_WALKED = {
    "/konsulent/opringninger/{}/klaret": "POST only, per persona (tests/app/contact/test_callbacks.py)",
}

WRITE_MATRIX = {
    # Flexjobbers and company users ask to be called; staff are the ones who call.
    "POST /ring-mig-op": row(401, 422, 422, 422, 422, 403, 403, 403),
    # Only the requester's jobcentre's consultants see (and close) a request: 404 for others.
    "POST /konsulent/opringninger/{callback}/klaret": row(401, 404, 404, 404, 404, 303, 404, 404),
}
