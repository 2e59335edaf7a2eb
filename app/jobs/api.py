"""JSON routes for job postings: the same service functions and rules as the pages."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, File, Query, UploadFile

from app.errors import ValidationFailed
from app.jobs import csv_import, policy, service
from app.jobs.schemas import ImportOut, ImportRowOut, JobCreate, JobIn, JobList, JobOut
from app.kit.i18n import N_
from app.models import Company, JobPosting, PostingStatus, User
from app.web.deps import CurrentUser, SessionDep
from app.web.guards import ConsultantUser, guarded
from app.web.routers import api_router

router = api_router("jobs")
# Company users, consultants and admins write postings (checked before the body is read).
PosterUser = Annotated[User, Depends(guarded(policy.ensure_may_post))]


def _editable(db: SessionDep, user: CurrentUser, job_id: int) -> JobPosting:
    """Who may change the posting is decided before the body is read (403/404 whatever it is)."""
    return service.get_posting_for_edit(db, user, job_id)[0]


EditablePosting = Annotated[JobPosting, Depends(_editable)]


def _out(posting: JobPosting, company: Company, distance: float | None = None) -> JobOut:
    out = JobOut.model_validate(posting)
    out.company_name = company.name
    out.job_type = posting.job_type.value
    out.status = posting.status.value
    out.distance_km = round(distance, 1) if distance is not None else None
    return out


@router.get("/jobs", response_model=JobList)
def list_jobs(
    db: SessionDep,
    user: CurrentUser,
    q: Annotated[str, Query(max_length=200)] = "",
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
    fit_hours: bool = False,
    max_km: Annotated[int | None, Query(ge=1, le=service.MAX_DISTANCE_KM)] = None,
    origin: Annotated[str | None, Query(max_length=10)] = None,
    accommodations: Annotated[list[str] | None, Query()] = None,
    job_type: str | None = None,
) -> JobList:
    """Published postings the caller may see (a company user's own drafts too), newest first."""
    filters, errors = service.clean_filters(
        q, fit_hours, max_km, origin, accommodations or [], job_type
    )
    if errors:
        raise ValidationFailed(fields=errors)
    result = service.search_postings(db, user, filters, page, include_own=True)
    return JobList(
        items=[_out(p, c, d) for p, c, d in result.items],
        total=result.total,
        page=result.page,
        pages=result.pages,
    )


@router.post("/jobs", response_model=JobOut, status_code=201)
def create_job(db: SessionDep, user: PosterUser, body: JobCreate) -> JobOut:
    status = PostingStatus(body.status) if body.status else PostingStatus.DRAFT
    posting = service.create_posting(db, user, body.company_id, body, status=status)
    return _out(posting, service.get_company(db, posting.company_id))


@router.get("/jobs/{job_id}", response_model=JobOut)
def get_job(db: SessionDep, user: CurrentUser, job_id: int) -> JobOut:
    posting = service.get_posting(db, user, job_id)
    return _out(posting, service.get_company(db, posting.company_id))


@router.put("/jobs/{job_id}", response_model=JobOut)
def update_job(
    db: SessionDep, user: CurrentUser, job_id: int, _posting: EditablePosting, body: JobIn
) -> JobOut:
    status = PostingStatus(body.status) if body.status else None
    posting = service.update_posting(db, user, job_id, body, status=status)
    return _out(posting, service.get_company(db, posting.company_id))


def _row(row: csv_import.ImportRow) -> ImportRowOut:
    return ImportRowOut(
        line=row.line,
        company_cvr=row.company_cvr,
        title=row.title,
        status=row.status,
        errors=row.errors,
    )


@router.post("/jobs/import", response_model=ImportOut)
def import_jobs(
    db: SessionDep,
    user: ConsultantUser,
    file: Annotated[UploadFile, File(description="CSV, UTF-8, ; or , separated")],
    dry_run: bool = False,
    include_duplicates: bool = False,
) -> ImportOut:
    """CSV import for consultants. dry_run=true: the preview with per-row errors. Otherwise every
    valid row is imported in one transaction and rejected rows are reported."""
    content = file.file.read(csv_import.MAX_BYTES + 1)
    if len(content) > csv_import.MAX_BYTES:
        message = N_("Filen er for stor. Den må højst være 2 MB.")
        raise ValidationFailed(message, fields={"file": message})
    if dry_run:
        result = csv_import.parse(db, user, content)
    else:
        result = csv_import.import_csv(db, user, content, include_duplicates)
    return ImportOut(
        dry_run=dry_run,
        valid_rows=len(result.valid),
        rejected_rows=[_row(r) for r in result.rejected],
        rows=[_row(r) for r in result.rows],
        imported_ids=result.imported,
        duplicate_lines=[r.line for r in result.duplicates],
    )
