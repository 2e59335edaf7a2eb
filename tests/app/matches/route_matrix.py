from __future__ import annotations

from tests.app.route_matrix import FLEXJOBBERS, api, consultants_write, flexjobbers_write, row

# The posting's company, consultants of its jobcentre and admins (read-only); others 404.
CANDIDATES = row(303, 404, 404, 200, 404, 200, 404, 200)
CANDIDATES2 = row(303, 404, 404, 404, 200, 200, 404, 200)
# Every consultant has a board (their own caseload); nobody else.
CONSULTANTS = row(303, 403, 403, 403, 403, 200, 200, 403)

GET_MATRIX = {
    "/mine-match": FLEXJOBBERS,
    "/konsulent/match": CONSULTANTS,
    "/opslag/{job}/kandidater": CANDIDATES,
    "/opslag/{draft_job}/kandidater": CANDIDATES,
    "/opslag/{job2}/kandidater": CANDIDATES2,
    "/api/v1/me/matches": api(FLEXJOBBERS),
    "/api/v1/me/consents": api(FLEXJOBBERS),
    "/api/v1/jobs/{job}/candidates": api(CANDIDATES),
    "/api/v1/jobs/{job2}/candidates": api(CANDIDATES2),
}

_MATCH = "needs a match row: walked for every persona in tests/app/matches/test_access.py"
_POST = "POST only (tests/app/matches)"
NOT_WALKED = {
    "/match/{match_id}": _MATCH,
    "/match/{match_id}/cv": _MATCH,
    "/api/v1/matches/{match_id}": _MATCH,
    "/api/v1/matches/{match_id}/messages": _MATCH,
    "/mine-match/{job_id}": _POST,
    "/opslag/{job_id}/kandidater/{profile_id}/interesse": _POST,
    "/konsulent/match/anbefal": _POST,
    "/konsulent/match/afvis": _POST,
    "/match/{match_id}/beskeder": _POST,
    "/match/{match_id}/samtykke": _POST,
    "/match/{match_id}/samtykke/traek-tilbage": _POST,
    "/api/v1/me/matches/{job_id}": "POST only, per persona in tests/app/matches/test_api_actions.py",
    "/api/v1/jobs/{job_id}/candidates/{profile_id}/interest": (
        "POST only, per persona in tests/app/matches/test_api_actions.py"
    ),
}

# A match's parties act (the person, the company once it knows, the person's jobcentre's
# consultants); the admin reads only (403); another person, company or jobcentre: 404.
MATCH_WRITE = row(401, 422, 404, 422, 404, 422, 404, 403)
# Consent is the person's to give: the other parties 403, outsiders 404.
CONSENT_WRITE = row(401, 303, 404, 403, 404, 403, 404, 403)
WRITE_MATRIX = {
    "POST /mine-match/{job}": flexjobbers_write(422),
    "POST /api/v1/me/matches/{job}": flexjobbers_write(422),
    "POST /mine-data/samtykke/traek-tilbage": flexjobbers_write(422),
    "POST /api/v1/me/consents": flexjobbers_write(422),
    "DELETE /api/v1/me/consents": flexjobbers_write(422),
    "POST /konsulent/match/anbefal": consultants_write(422),
    "POST /konsulent/match/afvis": consultants_write(422),
    # The company's "Vi vil gerne tale med dig"; its jobcentre's consultant and the admin see
    # the candidates but may not speak for the company (403), others 404.
    "POST /opslag/{job}/kandidater/{profile}/interesse": row(
        401, 404, 404, 303, 404, 403, 404, 403
    ),
    "POST /api/v1/jobs/{job}/candidates/{profile}/interest": row(
        401, 404, 404, 200, 404, 403, 404, 403
    ),
    "POST /match/{match}": MATCH_WRITE,
    "POST /api/v1/matches/{match}": MATCH_WRITE,
    "POST /match/{match}/beskeder": MATCH_WRITE,
    "POST /api/v1/matches/{match}/messages": MATCH_WRITE,
    "POST /match/{match}/samtykke": CONSENT_WRITE,
    # The person gets past authorization: there is no consent to withdraw (404).
    "POST /match/{match}/samtykke/traek-tilbage": {**CONSENT_WRITE, "flexjobber": 404},
}
