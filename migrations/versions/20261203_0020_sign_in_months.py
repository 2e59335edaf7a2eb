"""sign_in_months: each person's sign-in days per month's window as a bit mask
(app.kit.day_masks), so the engagement bands read one row per person and bucket instead of
every sign-in; filled from sign_ins. The stats scope index gains the profile id.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_CHUNK = 1000
_SCOPE = ["jobcentre_id", "consultant_id", "user_id", "created_at", "match_ready_at"]
_SCOPE_WITH_ID = ["jobcentre_id", "consultant_id", "id", "user_id", "created_at", "match_ready_at"]


def upgrade() -> None:
    months = op.create_table(
        "sign_in_months",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("days", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_sign_in_months_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", "month", name=op.f("pk_sign_in_months")),
    )  # fmt: skip
    # The recorded days, folded into masks by the same layout the app writes at sign-in.
    from app.kit.day_masks import masks_of

    bind = op.get_bind()
    sign_ins = sa.table("sign_ins", sa.column("user_id", sa.Integer), sa.column("day", sa.Date))
    rows = bind.execute(sa.select(sign_ins.c.user_id, sign_ins.c.day).distinct())
    masks = masks_of((user_id, day) for user_id, day in rows)
    values = [{"user_id": u, "month": m, "days": d} for (u, m), d in masks.items()]
    for start in range(0, len(values), _CHUNK):
        bind.execute(months.insert(), values[start : start + _CHUNK])

    # The scope index gains the profile id, so the joins to a scope's profiles (status
    # changes, matches) read it from the index alone instead of the profiles' heap.
    op.drop_index("ix_flexjobber_profiles_stats_scope", table_name="flexjobber_profiles")
    op.create_index("ix_flexjobber_profiles_stats_scope", "flexjobber_profiles", _SCOPE_WITH_ID)


def downgrade() -> None:
    op.drop_index("ix_flexjobber_profiles_stats_scope", table_name="flexjobber_profiles")
    op.create_index("ix_flexjobber_profiles_stats_scope", "flexjobber_profiles", _SCOPE)
    op.drop_table("sign_in_months")
