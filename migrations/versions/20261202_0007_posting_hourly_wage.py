"""job_postings.hourly_wage: the optional hourly wage the income guide starts from

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# Plain ALTER TABLE on both databases (SQLite >= 3.35 drops columns natively): a batch
# "move and copy" would drop job_postings, and with foreign keys on that cascades to matches.


def upgrade() -> None:
    op.add_column("job_postings", sa.Column("hourly_wage", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.drop_column("job_postings", "hourly_wage")
