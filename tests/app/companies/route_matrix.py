from __future__ import annotations

from tests.app.route_matrix import LOGGED_IN, api, consultants_write, row

# {company}: followed by the consultant's jobcentre; company_user is a member.
COMPANY_VIEW = row(303, 200, 200, 200, 404, 200, 404, 200)
# Members, the jobcentre's consultants and admins may change it; flexjobbers may only read it.
COMPANY_EDIT = row(303, 403, 403, 200, 404, 200, 404, 200)
CONSULTANTS = row(303, 403, 403, 403, 403, 200, 200, 403)

GET_MATRIX = {
    "/virksomheder": LOGGED_IN,
    "/virksomheder/ny": CONSULTANTS,
    "/virksomheder/{company}": COMPANY_VIEW,
    "/virksomheder/{company}/rediger": COMPANY_EDIT,
    "/virksomheder/{company}/kolleger": COMPANY_EDIT,
    "/api/v1/companies/{company}": api(COMPANY_VIEW),
    # {company2}: company_user2's company, same jobcentre.
    "/virksomheder/{company2}": row(303, 200, 200, 404, 200, 200, 404, 200),
    "/virksomheder/{company2}/rediger": row(303, 403, 403, 404, 200, 200, 404, 200),
}

NOT_WALKED: dict[str, str] = {}

# The company's members, its jobcentre's consultants and admins change it; flexjobbers may read
# the page (403); another company and another jobcentre: 404.
COMPANY_WRITE = row(401, 403, 403, 422, 404, 422, 404, 422)
WRITE_MATRIX = {
    "POST /virksomheder/ny": consultants_write(422),
    "POST /virksomheder/{company}/rediger": COMPANY_WRITE,
    "POST /virksomheder/{company}/kolleger": COMPANY_WRITE,
}
