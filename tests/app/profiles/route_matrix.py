from __future__ import annotations

from app.profiles.completeness import STEPS
from tests.app.route_matrix import FLEXJOBBERS, api, row

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
