"""Indexes for the match index's change feed (updated_at) and the candidate distance filter

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23

- updated_at on flexjobber_profiles, accommodation_needs and job_postings (both databases):
  every app worker asks "what changed since my last sync?" every 3 seconds. Without these
  indexes PostgreSQL read all 100,000 profiles, needs and 50,000 postings each time (~175 ms
  per worker per round in scripts/bench_web.py); with them it reads only the changed rows.
- "Kandidater inden for N km af et opslag" (PostgreSQL only, like 0004): postcode IN (the
  postcodes within N km) over a jobcentre's findable profiles. The partial index makes the
  count an index-only scan (~150 ms -> ~4 ms for 33,000 findable profiles).
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHANGE_FEED = [
    ("ix_flexjobber_profiles_updated_at", "flexjobber_profiles"),
    ("ix_accommodation_needs_updated_at", "accommodation_needs"),
    ("ix_job_postings_updated_at", "job_postings"),
]
POSTCODE_NAME = "ix_flexjobber_profiles_findable_postcode"
POSTCODE_DEFINITION = "flexjobber_profiles (jobcentre_id, postcode) WHERE visibility <> 'hidden'"


def upgrade() -> None:
    for name, table in CHANGE_FEED:
        op.create_index(name, table, ["updated_at"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"CREATE INDEX IF NOT EXISTS {POSTCODE_NAME} ON {POSTCODE_DEFINITION}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP INDEX IF EXISTS {POSTCODE_NAME}")
    for name, table in reversed(CHANGE_FEED):
        op.drop_index(name, table_name=table)
