"""Bulk import of job postings from CSV for consultants: preview with per-row errors, then
import every valid row in the request's one transaction (all of them, or — on any failure —
none). Framework-free like a service: it raises app.errors and never commits.

Between preview and confirm the upload travels back to the browser compressed, base64-encoded
and signed with the app's secret (bound to the consultant and valid for an hour), so nothing
is stored server-side and a tampered or foreign upload is refused. The confirm step parses and
validates everything again, and leaves a receipt (the digest of the signed upload): the same
preview confirmed twice (a reload, a double click) imports once. A row whose posting already
exists (same company, title and postcode) is shown as such and skipped unless asked for.
"""

from __future__ import annotations

import base64
import binascii
import csv
import hashlib
import io
import secrets
import time
import zlib
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from pydantic import ValidationError
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.audit.service import record
from app.companies.service import cvr_is_valid
from app.errors import Conflict, Forbidden, ValidationFailed
from app.jobs import csv_danish as danish
from app.jobs import policy
from app.jobs.schemas import FIELDS, PostingIn
from app.jobs.search_text import posting_search_text
from app.jobs.service import resolve_esco_uri
from app.kit.clock import utcnow
from app.kit.dates import local_date
from app.kit.i18n import N_
from app.kit.limits import MAX_CSV_BYTES, MAX_SHORT_TEXT
from app.kit.parse import digits
from app.kit.parse import text as plain_text
from app.kit.tokens import same, sign
from app.kit.typed import messages_of
from app.models import Company, ImportReceipt, JobPosting, PostingStatus, User

COLUMNS = (
    "company_cvr",
    "title",
    "description",
    "tasks",
    "required_skills",
    "nice_skills",
    "hours_min",
    "hours_max",
    "hourly_wage",
    "postcode",
    "remote",
    "accommodations",
    "job_type",
    "start_date",
    "deadline",
    "status",
)
MAX_BYTES = MAX_CSV_BYTES
MAX_ROWS = 2000
TOKEN_TTL_SECONDS = 3600
_IMPORT_STATUSES = (PostingStatus.DRAFT.value, PostingStatus.PUBLISHED.value)
# Posting field -> CSV column, where the names differ.
_COLUMN_OF = {"accommodations_offered": "accommodations"}


@dataclass
class ImportRow:
    line: int  # the line number in the file (the header is line 1)
    title: str
    company_cvr: str
    company_name: str = ""
    status: str = PostingStatus.DRAFT.value
    errors: dict[str, str] = field(default_factory=dict)
    clean: dict[str, Any] = field(default_factory=dict)
    company_id: int | None = None
    duplicate: bool = False  # the posting exists already, or an earlier line is the same

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class ImportResult:
    rows: list[ImportRow]
    imported: list[int] = field(default_factory=list)  # ids of created postings

    @property
    def valid(self) -> list[ImportRow]:
        return [row for row in self.rows if row.ok]

    @property
    def rejected(self) -> list[ImportRow]:
        return [row for row in self.rows if not row.ok]

    @property
    def duplicates(self) -> list[ImportRow]:
        return [row for row in self.rows if row.ok and row.duplicate]

    def to_import(self, include_duplicates: bool) -> list[ImportRow]:
        return [row for row in self.valid if include_duplicates or not row.duplicate]


def _file_error(message: str) -> ValidationFailed:
    return ValidationFailed(message, fields={"file": message})


def _decode(content: bytes) -> str:
    if not content.strip():
        raise _file_error(N_("Filen er tom. Vælg en CSV-fil med en overskriftsrække."))
    if len(content) > MAX_BYTES:
        raise _file_error(N_("Filen er for stor. Den må højst være 2 MB."))
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _file_error(N_("Filen skal være gemt som UTF-8.")) from exc


def _rows(text: str) -> list[dict[str, str]]:
    header = text.splitlines()[0] if text.splitlines() else ""
    delimiter = ";" if header.count(";") >= header.count(",") else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    columns = [danish.column(name) for name in reader.fieldnames or []]
    missing = [name for name in ("company_cvr", "title") if name not in columns]
    unknown = [name for name in columns if name not in COLUMNS]
    if missing or unknown or len(set(columns)) != len(columns):
        raise _file_error(
            N_(
                "Overskriftsrækken passer ikke. Brug kolonnerne fra eksempelfilen, fx company_cvr og title."
            )
        )
    reader.fieldnames = columns
    rows: list[dict[str, str]] = []
    try:
        for raw in reader:
            if len(rows) >= MAX_ROWS:
                raise _file_error(N_("Filen har for mange rækker. Der må højst være 2.000."))
            row = {key: (value or "") for key, value in raw.items() if key is not None}
            rows.append(danish.values(row))
    except csv.Error as exc:
        raise _file_error(N_("Filen kunne ikke læses som CSV.")) from exc
    if not rows:
        raise _file_error(N_("Filen har ingen rækker under overskriften."))
    return rows


def parse(db: Session, user: User, content: bytes) -> ImportResult:
    """Every row of the upload, validated; nothing is stored."""
    policy.ensure_may_import(user)
    rows = _rows(_decode(content))
    companies = {
        company.cvr: company
        for company in db.scalars(select(Company).where(Company.jobcentre_id == user.jobcentre_id))
    }
    result: list[ImportRow] = []
    for number, raw in enumerate(rows, start=2):
        cvr = raw.get("company_cvr", "").replace(" ", "").strip()
        # The same model as the posting form and the API (the file has no schedule column).
        data: dict[str, Any] = {name: raw.get(_COLUMN_OF.get(name, name), "") for name in FIELDS}
        data["schedule"] = ""
        title = plain_text(raw.get("title"))[:MAX_SHORT_TEXT]
        row = ImportRow(line=number, title=title, company_cvr=cvr)
        try:
            posting = PostingIn.model_validate(data)
        except ValidationError as exc:
            errors = messages_of(exc, PostingIn)
            row.errors = {_COLUMN_OF.get(key, key): msg for key, msg in errors.items()}
        else:
            row.title, row.clean = posting.title, posting.model_dump()
        company = companies.get(cvr)
        if company is None and not cvr_is_valid(cvr):
            row.errors["company_cvr"] = N_("CVR-nummeret skal være 8 cifre og gyldigt.")
        elif company is None:
            row.errors["company_cvr"] = N_(
                "Der er ingen virksomhed med det CVR-nummer i dit jobcenter."
            )
        else:
            row.company_id, row.company_name = company.id, company.name
        status = raw.get("status", "").strip().lower() or PostingStatus.DRAFT.value
        if status not in _IMPORT_STATUSES:
            row.errors["status"] = N_("Status skal være draft eller published.")
        row.status = status
        result.append(row)
    _mark_duplicates(db, result)
    return ImportResult(rows=result)


def _key(company_id: int | None, title: str, postcode: str | None) -> tuple[Any, ...]:
    return (company_id, title.casefold(), postcode or "")


def _mark_duplicates(db: Session, rows: list[ImportRow]) -> None:
    company_ids = {row.company_id for row in rows if row.ok}
    if not company_ids:
        return
    existing = {
        _key(company_id, title, postcode)
        for company_id, title, postcode in db.execute(
            select(JobPosting.company_id, JobPosting.title, JobPosting.postcode).where(
                JobPosting.company_id.in_(company_ids),
                JobPosting.status != PostingStatus.CLOSED,
            )
        )
    }
    for row in rows:
        if row.ok:
            key = _key(row.company_id, row.title, row.clean.get("postcode"))
            row.duplicate = key in existing
            existing.add(key)


def import_csv(
    db: Session, user: User, content: bytes, include_duplicates: bool = False
) -> ImportResult:
    """Creates every valid row's posting (rows that exist already only if asked). The caller's
    transaction makes it all or nothing."""
    result = parse(db, user, content)
    if not result.valid:
        raise ValidationFailed(
            N_("Ingen rækker kunne importeres. Ret fejlene og prøv igen."),
            fields={f"line_{row.line}": next(iter(row.errors.values())) for row in result.rows},
        )
    chosen = result.to_import(include_duplicates)
    if not chosen:
        raise ValidationFailed(
            N_("Alle gyldige rækker findes allerede som jobopslag. Intet er importeret.")
        )
    names = {row.company_id: row.company_name for row in chosen}
    now = utcnow()
    for row in chosen:
        assert row.company_id is not None
        posting = JobPosting(company_id=row.company_id, created_by_id=user.id)
        for name in FIELDS:
            setattr(posting, name, row.clean[name])
        posting.esco_uri = resolve_esco_uri(posting.title)
        posting.search_text = posting_search_text(posting, names[row.company_id])
        posting.status = PostingStatus(row.status)
        if posting.status == PostingStatus.PUBLISHED:
            posting.published_at = now
        db.add(posting)
        db.flush()
        record(db, user, "job.import", "job", posting.id, details={"fields": [*FIELDS, "status"]})
        result.imported.append(posting.id)
    return result


def confirm(
    db: Session, secret: str, user: User, token: str, include_duplicates: bool = False
) -> tuple[ImportResult, int | None]:
    """Imports a previewed upload once: (the result, None), or (the preview again, how many
    postings the earlier confirmation made) if this upload was confirmed before."""
    content = unpack(secret, user, token)
    digest = hashlib.sha256(token.encode("ascii", "replace")).hexdigest()
    done = db.scalar(select(ImportReceipt).where(ImportReceipt.digest == digest))
    if done is not None:
        return parse(db, user, content), done.imported
    result = import_csv(db, user, content, include_duplicates)
    try:
        with db.begin_nested():
            db.add(ImportReceipt(digest=digest, user_id=user.id, imported=len(result.imported)))
    except IntegrityError as exc:
        # The same preview confirmed at the same moment elsewhere: undo this one entirely.
        raise Conflict(N_("Importen er allerede i gang eller gennemført.")) from exc
    return result, None


def example_csv(db: Session, user: User, today: date | None = None) -> str:
    """The example file with a company of the consultant's own jobcentre and dates ahead, so
    it imports as it is (the same rows a second time are shown as existing)."""
    today = today or utcnow().date()
    company = db.scalar(
        select(Company)
        .where(Company.jobcentre_id == user.jobcentre_id)
        .order_by(func.lower(Company.name), Company.id)
        .limit(1)
    )
    cvr = company.cvr if company is not None else "12345674"
    postcode = (company.postcode if company is not None else None) or "2900"
    start, deadline = today + timedelta(days=60), today + timedelta(days=30)
    header = ";".join(danish.DANISH_COLUMNS[name] for name in COLUMNS)
    return (
        f"{header}\r\n"
        f"{cvr};Kontorassistent;Vi søger en kontorassistent til et roligt kontor.;"
        f"Post, telefon og bogføring;bogføring|Excel;fakturering;10;15;185;{postcode};nej;"
        f"Ingen tunge løft|Roligt miljø;Fleksjob;{local_date(start)};{local_date(deadline)};"
        "offentliggjort\r\n"
        f"{cvr};Pedelmedhjælper;Lettere pedelopgaver.;Oprydning;;;8;12;;{postcode};nej;"
        "Varierede opgaver;Småjob (få timer);;;kladde\r\n"
    )


# ---------------------------------------------------------------- the upload between steps


def pack(secret: str, user: User, content: bytes, now: float | None = None) -> str:
    """The upload as a signed form value: '<issued>-<nonce>.<base64 zlib>.<hmac>'. The nonce
    makes every preview its own (the receipt of one confirmation is not another's)."""
    issued = f"{int(now if now is not None else time.time())}-{secrets.token_hex(8)}"
    body = base64.urlsafe_b64encode(zlib.compress(content, 9)).decode("ascii")
    return f"{issued}.{body}.{sign(secret, f'import:{user.id}:{issued}:{body}')}"


def unpack(secret: str, user: User, token: str, now: float | None = None) -> bytes:
    parts = token.split(".")
    expired = N_("Forhåndsvisningen er udløbet. Upload filen igen.")
    seconds = digits(parts[0].partition("-")[0], 0, 2**40) if len(parts) == 3 else None
    if seconds is None:
        raise Forbidden(expired)
    issued, body, signature = parts
    if not same(signature, sign(secret, f"import:{user.id}:{issued}:{body}")):
        raise Forbidden(expired)
    if (now if now is not None else time.time()) - seconds > TOKEN_TTL_SECONDS:
        raise Forbidden(expired)
    try:
        content = zlib.decompress(base64.urlsafe_b64decode(body.encode("ascii")))
    except (binascii.Error, zlib.error) as exc:
        raise Forbidden(expired) from exc
    return content
