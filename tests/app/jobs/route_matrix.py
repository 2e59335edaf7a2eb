from __future__ import annotations

from tests.app.route_matrix import COMPANIES, api, consultants_write, row

# {job}: published by company (company_user); {draft_job}: its draft; {job2}: company2's.
JOB_VIEW = row(303, 200, 200, 200, 404, 200, 404, 200)
DRAFT_VIEW = row(303, 404, 404, 200, 404, 200, 404, 200)
JOB_EDIT = row(303, 403, 403, 200, 404, 200, 404, 200)
BROWSERS = row(303, 200, 200, 403, 403, 200, 200, 200)
WRITERS = row(303, 403, 403, 200, 200, 200, 200, 200, leader=403)
IMPORTERS = row(303, 403, 403, 403, 403, 200, 200, 403)

# {job2}: published by company2 (company_user2).
JOB2_VIEW = row(303, 200, 200, 404, 200, 200, 404, 200)
JOB2_EDIT = row(303, 403, 403, 404, 200, 200, 404, 200)

GET_MATRIX = {
    "/opslag/{job2}/rediger": JOB2_EDIT,
    "/job/{job2}": JOB2_VIEW,
    "/api/v1/jobs/{job2}": api(JOB2_VIEW),
    "/virksomhed/opslag": COMPANIES,
    "/opslag/ny": WRITERS,
    "/opslag/ny?virksomhed={company}": row(303, 403, 403, 200, 404, 200, 404, 200, leader=403),
    "/opslag/{job}/rediger": JOB_EDIT,
    "/opslag/{draft_job}/rediger": DRAFT_VIEW,
    "/job": BROWSERS,
    "/job/{job}": JOB_VIEW,
    "/job/{draft_job}": DRAFT_VIEW,
    "/konsulent/import": IMPORTERS,
    "/konsulent/import/eksempel.csv": IMPORTERS,
    "/api/v1/jobs": api(row(303, 200, 200, 200, 200, 200, 200, 200)),
    "/api/v1/jobs/{job}": api(JOB_VIEW),
    "/api/v1/jobs/{draft_job}": api(DRAFT_VIEW),
}

NOT_WALKED = {
    "/opslag/{job}/offentliggoer": "POST only (tests/app/jobs/test_postings.py)",
    "/opslag/{job}/luk": "POST only (tests/app/jobs/test_postings.py)",
    "/konsulent/import/bekraeft": "POST only (tests/app/jobs/test_csv_import.py)",
    "/api/v1/jobs/import": "POST only (tests/app/jobs/test_csv_import.py)",
}

# Company users, consultants and admins write postings (a flexjobber 403); the posting's
# company, its jobcentre's consultants and admins change it, flexjobbers of the jobcentre may
# read it (403), another company or jobcentre gets 404.
POSTER_WRITE = row(401, 403, 403, 422, 422, 422, 422, 422, leader=403)  # leaders post nothing
POSTING_WRITE = row(401, 403, 403, 422, 404, 422, 404, 422)
POSTING_STATUS = row(401, 403, 403, 303, 404, 303, 404, 303)
WRITE_MATRIX = {
    "POST /opslag/ny": POSTER_WRITE,
    "POST /api/v1/jobs": POSTER_WRITE,
    "POST /opslag/{job}/rediger": POSTING_WRITE,
    "PUT /api/v1/jobs/{job}": POSTING_WRITE,
    "POST /opslag/{job}/luk": POSTING_STATUS,
    "POST /opslag/{job}/offentliggoer": POSTING_STATUS,
    "POST /konsulent/import": consultants_write(422),
    "POST /api/v1/jobs/import": consultants_write(422),
    # A consultant without a signed preview is refused as well (403: the upload "expired").
    "POST /konsulent/import/bekraeft": consultants_write(403),
}
