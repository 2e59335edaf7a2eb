"""stats figures: profiles' match_ready_at (complete enough to match), and the indexes the
dashboard's grouped queries read

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.models.base
from app.kit.clock import utcnow

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("flexjobber_profiles") as batch:
        batch.add_column(
            sa.Column("match_ready_at", app.models.base.UTCDateTime(timezone=True), nullable=True)
        )
    # Backfill by the profile page's own rule, as of now: since when a profile already
    # complete became so is not known, and the figures do not guess the past.
    from app.profiles.readiness import ready_ids

    bind = op.get_bind()
    ready = list(ready_ids(bind))
    profiles = sa.table(
        "flexjobber_profiles",
        sa.column("id", sa.Integer),
        sa.column("match_ready_at", app.models.base.UTCDateTime(timezone=True)),
    )
    now = utcnow()
    for start in range(0, len(ready), 1000):
        bind.execute(
            profiles.update()
            .where(profiles.c.id.in_(ready[start : start + 1000]))
            .values(match_ready_at=now)
        )
    op.create_index("ix_sign_ins_user_id_day", "sign_ins", ["user_id", "day"])
    op.create_index(
        "ix_flexjobber_profiles_stats_scope",
        "flexjobber_profiles",
        ["jobcentre_id", "consultant_id", "user_id", "created_at", "match_ready_at"],
    )


def downgrade() -> None:
    op.drop_index("ix_flexjobber_profiles_stats_scope", table_name="flexjobber_profiles")
    op.drop_index("ix_sign_ins_user_id_day", table_name="sign_ins")
    with op.batch_alter_table("flexjobber_profiles") as batch:
        batch.drop_column("match_ready_at")
