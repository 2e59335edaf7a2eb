"""Staff administration: admins manage jobcentres and consultant/leader accounts; the
persona jobcentre's leader manages its teams and who is in them; everyone else is told
nothing exists (404). Placeholders: {jobcentre} (the personas' jobcentre), {other_jobcentre}
(the outsider's), {team} (an empty team of {jobcentre}) and {member} (the consultant)."""

from __future__ import annotations

from tests.app.route_matrix import api, row

ADMINS = row(303, 404, 404, 404, 404, 404, 404, 200, leader=404)
TEAM_MANAGERS = row(303, 404, 404, 404, 404, 404, 404, 200, leader=200)


def admins_write(ok: int) -> dict[str, int]:
    return row(401, 404, 404, 404, 404, 404, 404, ok, leader=404)


def team_managers_write(ok: int) -> dict[str, int]:
    return row(401, 404, 404, 404, 404, 404, 404, ok, leader=ok)


GET_MATRIX = {
    "/admin/jobcentre": ADMINS,
    "/admin/jobcentre/{jobcentre}": TEAM_MANAGERS,
    "/admin/jobcentre/{other_jobcentre}": ADMINS,  # not the leader's own jobcentre
    "/admin/medarbejdere": row(303, 404, 404, 404, 404, 404, 404, 303, leader=303),
    "/admin/medarbejdere/{member}": TEAM_MANAGERS,
    "/admin/teams/{team}": TEAM_MANAGERS,
    "/api/v1/admin/jobcentres": api(ADMINS),
    "/api/v1/admin/jobcentres/{jobcentre}/teams": api(TEAM_MANAGERS),
    "/api/v1/admin/jobcentres/{other_jobcentre}/teams": api(ADMINS),
    "/api/v1/admin/jobcentres/{jobcentre}/staff": api(TEAM_MANAGERS),
    "/api/v1/admin/staff/{member}": api(TEAM_MANAGERS),
}

WRITE_ONLY = "no GET: walked in WRITE_MATRIX below"
NOT_WALKED = {
    "/admin/jobcentre/{}/inviter": WRITE_ONLY,
    "/admin/jobcentre/{}/navn": WRITE_ONLY,
    "/admin/jobcentre/{}/teams": WRITE_ONLY,
    "/admin/medarbejdere/{}/aktiver": WRITE_ONLY,
    "/admin/medarbejdere/{}/deaktiver": WRITE_ONLY,
    "/admin/medarbejdere/{}/rolle": WRITE_ONLY,
    "/admin/medarbejdere/{}/team": WRITE_ONLY,
    "/admin/teams/{}/navn": WRITE_ONLY,
    "/admin/teams/{}/slet": WRITE_ONLY,
    "/api/v1/admin/jobcentres/{}": WRITE_ONLY,
    "/api/v1/admin/staff/{}/deactivate": WRITE_ONLY,
    "/api/v1/admin/staff/{}/reactivate": WRITE_ONLY,
    "/api/v1/admin/staff/{}/role": WRITE_ONLY,
    "/api/v1/admin/staff/{}/team": WRITE_ONLY,
    "/api/v1/admin/teams/{}": WRITE_ONLY,
}

# With an empty body: creating or renaming needs a name (422); the empty team is deleted,
# the consultant moved to "no team" and reactivated (2xx/303); deactivating the consultant
# needs the colleague who takes over their people (422).
WRITE_MATRIX = {
    "POST /admin/jobcentre": admins_write(422),
    "POST /admin/jobcentre/{jobcentre}/navn": admins_write(422),
    "POST /admin/jobcentre/{jobcentre}/teams": team_managers_write(422),
    "POST /admin/jobcentre/{jobcentre}/inviter": admins_write(422),
    "POST /admin/teams/{team}/navn": team_managers_write(422),
    "POST /admin/teams/{team}/slet": team_managers_write(303),
    "POST /admin/medarbejdere/{member}/team": team_managers_write(303),
    "POST /admin/medarbejdere/{member}/rolle": admins_write(422),
    "POST /admin/medarbejdere/{member}/deaktiver": admins_write(422),
    "POST /admin/medarbejdere/{member}/aktiver": admins_write(303),
    "POST /api/v1/admin/jobcentres": admins_write(422),
    "PATCH /api/v1/admin/jobcentres/{jobcentre}": admins_write(422),
    "POST /api/v1/admin/jobcentres/{jobcentre}/teams": team_managers_write(422),
    "POST /api/v1/admin/jobcentres/{jobcentre}/staff": admins_write(422),
    "PATCH /api/v1/admin/teams/{team}": team_managers_write(422),
    "DELETE /api/v1/admin/teams/{team}": team_managers_write(204),
    "PUT /api/v1/admin/staff/{member}/team": team_managers_write(200),
    "PUT /api/v1/admin/staff/{member}/role": admins_write(422),
    "POST /api/v1/admin/staff/{member}/deactivate": admins_write(422),
    "POST /api/v1/admin/staff/{member}/reactivate": admins_write(200),
}
