"""PostgreSQL search and listing indexes (trigram GIN for Danish partial-word search)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23

Only PostgreSQL gets these: SQLite has no trigram indexes, and its data sets are small.
The folded-name expressions must stay identical to app.caseload.service.fold_sql, or the
planner will not use them. Measured with scripts/bench_web.py (see README).
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_FOLD = (
    "lower(replace(replace(replace(replace(replace(replace({col}, 'Æ', 'ae'), 'Ø', 'oe'), "
    "'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'))"
)

INDEXES = [
    (
        "ix_flexjobber_profiles_search_text_trgm",
        "flexjobber_profiles USING gin (search_text gin_trgm_ops)",
    ),
    ("ix_job_postings_search_text_trgm", "job_postings USING gin (search_text gin_trgm_ops)"),
    (
        "ix_users_name_folded_trgm",
        f"users USING gin (({_FOLD.format(col='display_name')}) gin_trgm_ops)",
    ),
    ("ix_users_email_trgm", "users USING gin ((lower(email)) gin_trgm_ops)"),
    (
        "ix_companies_name_folded_trgm",
        f"companies USING gin (({_FOLD.format(col='name')}) gin_trgm_ops)",
    ),
    (
        "ix_flexjobber_profiles_listing",
        "flexjobber_profiles (jobcentre_id, updated_at DESC, id DESC) WHERE visibility <> 'hidden'",
    ),
    (
        "ix_flexjobber_profiles_consultant_listing",
        "flexjobber_profiles (consultant_id, updated_at DESC, id DESC)",
    ),
    (
        "ix_job_postings_published",
        "job_postings (published_at DESC, id DESC) WHERE status = 'published'",
    ),
    ("ix_job_postings_company_status", "job_postings (company_id, status)"),
    ("ix_users_role_jobcentre_name", "users (role, jobcentre_id, display_name, id)"),
]


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, definition in INDEXES:
        op.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {definition}")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name, _definition in reversed(INDEXES):
        op.execute(f"DROP INDEX IF EXISTS {name}")
    # The extension stays: other databases objects may use it, and dropping needs ownership.
