"""Shared vocabulary for the per-domain authorization matrices.

Each domain has `tests/app/<domain>/route_matrix.py` with `GET_MATRIX` (path template -> the
status each persona gets) and `NOT_WALKED` (paths tested elsewhere, with the reason).
Placeholders: {company}, {company2}, {profile}, {profile2}, {job}, {draft_job}, {job2}.
The walk and the completeness check live in tests/app/web/test_authorization_matrix.py.

State-changing routes: `WRITE_MATRIX` ("METHOD /path template" -> a row), sent with a valid
CSRF token and an empty body (tests/app/web/test_write_matrix.py). Signed out is 401 (pages
too: only a GET redirects to login), a wrong role 403, an outsider 404; the party that may act
gets 200/201/204/303, or 422 for the empty body (it got past authorization). More
placeholders there: {match} (profile x job, recommended), {event} (published, for everybody),
{callback} (the flexjobber's open call-back), {token_id} (the flexjobber's API token), {link}
(a link token that does not exist). `WRITE_NOT_WALKED` would name a route tested elsewhere.
"""

from __future__ import annotations

PERSONAS = [
    "anonymous",
    "flexjobber",
    "flexjobber2",
    "company_user",
    "company_user2",
    "consultant",
    "outsider",
    "admin",
    "leader",
]


def row(
    anon: int,
    flex: int,
    flex2: int,
    comp: int,
    comp2: int,
    cons: int,
    out: int,
    admin: int,
    leader: int | None = None,
) -> dict[str, int]:
    """The expected status per persona. Unless told otherwise the leader (of the personas'
    jobcentre, with the dashboard but no caseload) gets what the outsider consultant gets —
    404 for what is not theirs — except that staff-only pages refuse a leader (403)."""
    if leader is None:
        leader = 403 if out == 200 and comp2 == 403 else out
    values = (anon, flex, flex2, comp, comp2, cons, out, admin, leader)
    return dict(zip(PERSONAS, values, strict=True))


ALL_OK = row(200, 200, 200, 200, 200, 200, 200, 200)
LOGGED_IN = row(303, 200, 200, 200, 200, 200, 200, 200)
STAFF = row(303, 403, 403, 403, 403, 200, 200, 200)
FLEXJOBBERS = row(303, 200, 200, 403, 403, 403, 403, 403)
COMPANIES = row(303, 403, 403, 200, 200, 403, 403, 403)


def api(page_row: dict[str, int]) -> dict[str, int]:
    """The same expectations for a JSON route: anonymous gets 401 instead of a redirect."""
    return {**page_row, "anonymous": 401}


# State-changing routes: `ok` is what the party that may act gets for the empty body.
PUBLIC_FORM = row(422, 422, 422, 422, 422, 422, 422, 422)  # anyone; the empty form is invalid
DEAD_LINK = row(410, 410, 410, 410, 410, 410, 410, 410)  # a link token that does not exist


def flexjobbers_write(ok: int) -> dict[str, int]:
    return row(401, ok, ok, 403, 403, 403, 403, 403)


def consultants_write(ok: int) -> dict[str, int]:
    """Consultants of any jobcentre (the outsider too: it acts in its own jobcentre). A leader
    steers by the numbers and does not act as a consultant (403)."""
    return row(401, 403, 403, 403, 403, ok, ok, 403, leader=403)


def staff_write(ok: int) -> dict[str, int]:
    return row(401, 403, 403, 403, 403, ok, ok, ok, leader=403)


def logged_in_write(ok: int) -> dict[str, int]:
    return row(401, ok, ok, ok, ok, ok, ok, ok)
