"""Shared vocabulary for the per-domain authorization matrices.

Each domain has `tests/app/<domain>/route_matrix.py` with `GET_MATRIX` (path template -> the
status each persona gets) and `NOT_WALKED` (paths tested elsewhere, with the reason).
Placeholders: {company}, {company2}, {profile}, {profile2}, {job}, {draft_job}, {job2}.
The walk and the completeness check live in tests/app/web/test_authorization_matrix.py.
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
