"""A consultant's caseload: the flexjobbers and companies they follow, everything in their
jobcentre, and one search across it. Consultants see only their own jobcentre; admins all.
Company users and flexjobbers are refused (403)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    func,
    literal,
    literal_column,
    or_,
    select,
    union,
)
from sqlalchemy.orm import Session

from app.accounts import policy as roles
from app.companies import policy as company_policy
from app.kit.i18n import N_
from app.kit.text import like_pattern, search_terms
from app.models import Company, FlexjobberProfile, JobPosting, PostingStatus, Role, User, Visibility
from app.profiles import policy as profile_policy
from app.profiles.disclosure import ADMIN as ADMIN_DISCLOSURE

AnySelect = Select[*tuple[Any, ...]]

PER_PAGE = 20
PREVIEW = 5
MAX_PAGE = 10_000
KINDS = ("flexjobbers", "companies", "postings")


@dataclass(frozen=True)
class FlexjobberRow:
    user_id: int
    profile_id: int | None  # the profile's public id (the /profiler/{id} address)
    name: str
    email: str
    headline: str
    visibility: str | None
    hints: list[str]


@dataclass(frozen=True)
class CompanyRow:
    id: int
    name: str
    cvr: str
    postcode: str
    postings: int
    published: int
    hints: list[str]


@dataclass(frozen=True)
class PostingRow:
    id: int
    title: str
    company_name: str
    status: str
    postcode: str | None


@dataclass
class Section:
    kind: str
    rows: list[Any]
    total: int
    page: int = 1
    pages: int = 1


@dataclass
class Caseload:
    flexjobbers: Section
    companies: Section
    counts: dict[str, int] = field(default_factory=dict)


def fold_sql(column: Any) -> Any:
    """SQL twin of app.kit.text.fold for names: æ/ø/å (either case) to ae/oe/aa, lower case.
    Replacing before lower() matters: SQLite's lower() only knows ASCII. The constants are
    rendered inline so that a PostgreSQL expression index on the same SQL can serve it."""
    expr = column
    for src, dst in (("Æ", "ae"), ("Ø", "oe"), ("Å", "aa"), ("æ", "ae"), ("ø", "oe"), ("å", "aa")):
        expr = func.replace(expr, literal_column(f"'{src}'"), literal_column(f"'{dst}'"))
    return func.lower(expr)


def _each_term_in_one_of(q: str, *texts: Any) -> ColumnElement[bool]:
    """Every folded query word occurs in at least one of the texts (each can use its own
    trigram index on PostgreSQL)."""
    conditions = []
    for term in search_terms(q):
        pattern = like_pattern(term)
        conditions.append(or_(*[t.like(pattern, escape="\\") for t in texts]))
    return and_(literal(True), *conditions)


def profile_hints(profile: FlexjobberProfile | None) -> list[str]:
    if profile is None:
        return [N_("Har ikke oprettet en profil")]
    hints = []
    if not profile.headline.strip():
        hints.append(N_("Mangler overskrift"))
    if not profile.about.strip():
        hints.append(N_("Mangler beskrivelse"))
    if not profile.wished_jobs:
        hints.append(N_("Mangler ønskede job"))
    if not profile.skills:
        hints.append(N_("Mangler kompetencer"))
    if profile.hours_min is None or profile.hours_max is None:
        hints.append(N_("Mangler timetal"))
    if not profile.postcode:
        hints.append(N_("Mangler postnummer"))
    if profile.visibility == Visibility.HIDDEN:
        hints.append(N_("Skjult for virksomheder"))
    return hints


def company_hints(company: Company, published: int) -> list[str]:
    hints = []
    if not company.description.strip():
        hints.append(N_("Mangler beskrivelse"))
    if not company.fleksjob_statement.strip():
        hints.append(N_("Mangler tekst om fleksjob"))
    if not published:
        hints.append(N_("Ingen offentlige jobopslag"))
    return hints


def _flexjobber_query() -> Select[User, FlexjobberProfile]:
    return (
        select(User, FlexjobberProfile)
        .outerjoin(FlexjobberProfile, FlexjobberProfile.user_id == User.id)
        .where(roles.users_with(Role.FLEXJOBBER))
    )


def _flexjobber_rows(rows: Any, contact: bool) -> list[FlexjobberRow]:
    return [
        FlexjobberRow(
            user_id=user.id,
            profile_id=profile.public_id if profile else None,
            name=user.display_name,
            email=user.email if contact else "",
            headline=profile.headline if profile else "",
            visibility=profile.visibility.value if profile else None,
            hints=profile_hints(profile),
        )
        for user, profile in rows
    ]


def _company_query() -> Select[Company, Any, Any]:
    # Correlated counts: PostgreSQL evaluates them only for the rows of the page (index-only on
    # job_postings(company_id, status)), not for every company's postings before the LIMIT.
    total = (
        select(func.count())
        .select_from(JobPosting)
        .where(JobPosting.company_id == Company.id)
        .scalar_subquery()
    )
    published = (
        select(func.count())
        .select_from(JobPosting)
        .where(JobPosting.company_id == Company.id, JobPosting.status == PostingStatus.PUBLISHED)
        .scalar_subquery()
    )
    return select(Company, total, published)


def _company_rows(rows: Any) -> list[CompanyRow]:
    return [
        CompanyRow(
            id=company.id,
            name=company.name,
            cvr=company.cvr,
            postcode=company.postcode,
            postings=int(total or 0),
            published=int(published or 0),
            hints=company_hints(company, int(published or 0)),
        )
        for company, total, published in rows
    ]


def my_caseload(db: Session, user: User, page: int = 1, company_page: int = 1) -> Caseload:
    """The flexjobbers and companies this consultant follows (consultant_id == me), paginated."""
    roles.ensure_staff(user)
    _who, readable = profile_policy.readable_where(db, user)
    mine = and_(readable, FlexjobberProfile.consultant_id == user.id)
    people = (
        _flexjobber_query()
        .where(mine)
        .order_by(FlexjobberProfile.updated_at.desc(), FlexjobberProfile.id.desc())
    )
    companies = (
        _company_query()
        .where(company_policy.manageable(user), Company.consultant_id == user.id)
        .order_by(Company.name, Company.id)
    )
    return Caseload(
        flexjobbers=_section(
            db,
            user,
            "flexjobbers",
            people,
            page,
            PER_PAGE,
            # Every profile has its user: counting the profiles alone is the same number.
            select(func.count()).select_from(FlexjobberProfile).where(mine),
        ),
        companies=_section(db, user, "companies", companies, company_page, PER_PAGE),
        counts=jobcentre_counts(db, user),
    )


def jobcentre_counts(db: Session, user: User) -> dict[str, int]:
    def count(query: Any) -> int:
        return int(db.scalar(query) or 0)

    return {
        "flexjobbers": count(
            select(func.count())
            .select_from(User)
            .where(roles.users_with(Role.FLEXJOBBER), profile_policy.readable_accounts(user))
        ),
        "companies": count(
            select(func.count()).select_from(Company).where(company_policy.manageable(user))
        ),
        "published": count(
            select(func.count())
            .select_from(JobPosting)
            .join(Company, Company.id == JobPosting.company_id)
            .where(
                JobPosting.status == PostingStatus.PUBLISHED,
                company_policy.manageable(user),
            )
        ),
    }


def _page(
    db: Session, query: AnySelect, page: int, per_page: int, count: Any = None
) -> tuple[list[Any], int, int, int]:
    if count is None:
        count = select(func.count()).select_from(query.order_by(None).subquery())
    total = int(db.scalar(count) or 0)
    pages = max(1, math.ceil(total / per_page))
    page = min(max(1, page), pages, MAX_PAGE)
    rows = db.execute(query.offset((page - 1) * per_page).limit(per_page)).all()
    return list(rows), total, page, pages


def _flexjobbers_in_scope(db: Session, user: User, q: str) -> AnySelect:
    # Both the person's account and (if any) the profile must be readable by the viewer
    # (app.profiles.policy decides both).
    _who, readable = profile_policy.readable_where(db, user)
    accounts = profile_policy.readable_accounts(user)
    query = _flexjobber_query().where(
        accounts,
        User.deleted_at.is_(None),  # a deleted person is gone from the jobcentre's lists
        or_(FlexjobberProfile.id.is_(None), readable),
    )
    for term in search_terms(q):
        # Per table, so that each side can use its own trigram indexes on PostgreSQL.
        pattern = like_pattern(term)
        # The jobcentre condition inside each side too: PostgreSQL then rechecks only the
        # jobcentre's rows of the trigram matches instead of every match in the country.
        by_user = select(User.id).where(
            roles.users_with(Role.FLEXJOBBER),
            accounts,
            or_(
                fold_sql(User.display_name).like(pattern, escape="\\"),
                func.lower(User.email).like(pattern, escape="\\"),
            ),
        )
        by_profile = select(FlexjobberProfile.user_id).where(
            readable,
            FlexjobberProfile.search_text.like(pattern, escape="\\"),
        )
        query = query.where(User.id.in_(union(by_user, by_profile)))
    return query.order_by(User.display_name, User.id)


def _companies_in_scope(user: User, q: str) -> AnySelect:
    query = _company_query().where(company_policy.manageable(user))
    if search_terms(q):
        query = query.where(_each_term_in_one_of(q, fold_sql(Company.name), Company.cvr))
    return query.order_by(Company.name, Company.id)


def _postings_in_scope(user: User, q: str) -> AnySelect:
    query = (
        select(
            JobPosting.id, JobPosting.title, Company.name, JobPosting.status, JobPosting.postcode
        )
        .join(Company, Company.id == JobPosting.company_id)
        .where(company_policy.manageable(user))
    )
    if search_terms(q):
        # The search text holds the folded title, description, tasks, skills and company name.
        query = query.where(_each_term_in_one_of(q, JobPosting.search_text))
    return query.order_by(JobPosting.created_at.desc(), JobPosting.id.desc())


def _page_by_ids(
    db: Session, query: AnySelect, page: int, per_page: int
) -> tuple[list[Any], int, int, int]:
    """For searches over flexjobbers: one narrow query gives the ordered ids (the count is their
    number), a second loads the full rows of the page — instead of running the expensive
    matching twice, once to count and once for the page."""
    ids = list(db.scalars(query.with_only_columns(User.id)))
    total = len(ids)
    pages = max(1, math.ceil(total / per_page))
    page = min(max(1, page), pages, MAX_PAGE)
    chosen = ids[(page - 1) * per_page : page * per_page]
    # The ids already passed the scope and the search: load them by primary key only.
    rows = db.execute(
        _flexjobber_query().where(User.id.in_(chosen or [-1])).order_by(User.display_name, User.id)
    ).all()
    return list(rows), total, page, pages


def _section(
    db: Session,
    viewer: User,
    kind: str,
    query: AnySelect,
    page: int,
    per_page: int,
    count: Any = None,
    by_ids: bool = False,
) -> Section:
    if by_ids:
        rows, total, page, pages = _page_by_ids(db, query, page, per_page)
    else:
        rows, total, page, pages = _page(db, query, page, per_page, count)
    if kind == "flexjobbers":
        # Admins run the platform and get no contact details (the disclosure decision's ADMIN).
        contact = not roles.is_admin(viewer) or ADMIN_DISCLOSURE.contact
        converted: list[Any] = _flexjobber_rows(rows, contact)
    elif kind == "companies":
        converted = _company_rows(rows)
    else:
        converted = [
            PostingRow(id=r[0], title=r[1], company_name=r[2], status=r[3].value, postcode=r[4])
            for r in rows
        ]
    return Section(kind, converted, total, page, pages)


def jobcentre_list(db: Session, user: User, kind: str, page: int = 1) -> Section:
    """Everything of one kind in the consultant's jobcentre, paginated."""
    roles.ensure_staff(user)
    return _section(db, user, kind, _query_for(db, user, kind, ""), page, PER_PAGE)


def _query_for(db: Session, user: User, kind: str, q: str) -> AnySelect:
    if kind == "flexjobbers":
        return _flexjobbers_in_scope(db, user, q)
    if kind == "companies":
        return _companies_in_scope(user, q)
    return _postings_in_scope(user, q)


def search(db: Session, user: User, q: str, kind: str = "", page: int = 1) -> list[Section]:
    """Search flexjobbers (name, e-mail, profile text), companies (name, CVR) and postings
    (title, text) of the jobcentre. Danish-aware; every word must occur. With `kind`, one
    section paginated; without, a preview of each."""
    roles.ensure_staff(user)
    if not search_terms(q):
        return []
    people = "flexjobbers"
    if kind in KINDS:
        query = _query_for(db, user, kind, q)
        return [_section(db, user, kind, query, page, PER_PAGE, by_ids=kind == people)]
    return [
        _section(db, user, k, _query_for(db, user, k, q), 1, PREVIEW, by_ids=k == people)
        for k in KINDS
    ]
