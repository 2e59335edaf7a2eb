from __future__ import annotations

from app.profiles.completeness import STEPS
from tests.app.route_matrix import FLEXJOBBERS, api, consultants_write, flexjobbers_write, row

# {profile}: Anna's named profile (jobcentre of consultant, company and company2).
NAMED_VIEW = row(303, 200, 404, 200, 200, 200, 404, 200)
# Editing: the person and consultants of the jobcentre; companies and admins may only read.
EDIT_NAMED = row(303, 200, 404, 403, 403, 200, 404, 403)
# No CV is stored in the personas: nobody gets one, and outsiders learn nothing either.
NO_CV = row(303, 404, 404, 404, 404, 404, 404, 404)
HIDDEN_VIEW = row(303, 404, 200, 404, 404, 200, 404, 200)
CONSULTANTS = row(303, 403, 403, 403, 403, 200, 200, 403)
SEARCHERS = row(303, 403, 403, 200, 200, 200, 200, 200, leader=403)

GET_MATRIX = {
    "/profil": FLEXJOBBERS,
    "/profil/forhaandsvisning": FLEXJOBBERS,
    **{f"/profil/{step.slug}": FLEXJOBBERS for step in STEPS},
    "/profiler/{profile}": NAMED_VIEW,
    **{f"/profiler/{{profile}}/rediger/{step.slug}": EDIT_NAMED for step in STEPS},
    "/profiler/{profile}/cv": NO_CV,
    "/konsulent/borgere/ny": CONSULTANTS,
    "/api/v1/me/profile": api(FLEXJOBBERS),
    "/api/v1/profiles": api(SEARCHERS),
    "/api/v1/profiles/{profile}": api(NAMED_VIEW),
    # {profile2}: Bo's HIDDEN profile — companies see nothing of it (404), like outsiders.
    "/profiler/{profile2}": HIDDEN_VIEW,
    "/api/v1/profiles/{profile2}": api(HIDDEN_VIEW),
}

NOT_WALKED = {
    "/profiler/{profile_id}/invitation": "POST only (tests/app/profiles/test_consultant.py)",
}


def behalf_write(ok: int) -> dict[str, int]:
    """The person and their jobcentre's consultants edit the profile; companies (that may read
    this named profile) and the admin 403; another person or jobcentre 404. An empty step form
    is saved as it is (303) or refused (422), as for the person's own page."""
    return row(401, ok, 404, 403, 403, ok, 404, 403)


WRITE_MATRIX = {
    "POST /profil/cv": flexjobbers_write(422),
    "POST /profil/erfaring": flexjobbers_write(303),
    "POST /profil/jobmaal": flexjobbers_write(303),
    "POST /profil/kompetencer": flexjobbers_write(303),
    "POST /profil/om-mig": flexjobbers_write(422),
    "POST /profil/skaanehensyn": flexjobbers_write(303),
    "POST /profil/sted": flexjobbers_write(422),
    "POST /profil/synlighed": flexjobbers_write(422),
    "POST /profil/timer": flexjobbers_write(422),
    "POST /profil/uddannelse": flexjobbers_write(303),
    "POST /profiler/{profile}/rediger/cv": behalf_write(422),
    "POST /profiler/{profile}/rediger/erfaring": behalf_write(303),
    "POST /profiler/{profile}/rediger/jobmaal": behalf_write(303),
    "POST /profiler/{profile}/rediger/kompetencer": behalf_write(303),
    "POST /profiler/{profile}/rediger/om-mig": behalf_write(422),
    "POST /profiler/{profile}/rediger/skaanehensyn": behalf_write(303),
    "POST /profiler/{profile}/rediger/sted": behalf_write(422),
    "POST /profiler/{profile}/rediger/synlighed": behalf_write(422),
    "POST /profiler/{profile}/rediger/timer": behalf_write(422),
    "POST /profiler/{profile}/rediger/uddannelse": behalf_write(303),
    "PUT /api/v1/me/profile": flexjobbers_write(200),
    "POST /konsulent/borgere/ny": consultants_write(422),
    # The person's consultant invites them (422: the account is in use already); the person 403.
    "POST /profiler/{profile}/invitation": row(401, 403, 404, 403, 403, 422, 404, 403),
}
