"""sign_in_months: each person's sign-in days per month as a bit mask, so the engagement
bands read one row per person and month instead of every sign-in; filled from sign_ins

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


def upgrade() -> None:
    months = op.create_table(
        "sign_in_months",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("days", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_sign_in_months_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", "month", name=op.f("pk_sign_in_months")),
    )  # fmt: skip
    # The recorded days, folded into masks here (the same rule as app.auth.sign_ins, kept
    # in the revision so that it does not change when the app does).
    bind = op.get_bind()
    sign_ins = sa.table("sign_ins", sa.column("user_id", sa.Integer), sa.column("day", sa.Date))
    masks: dict[tuple[int, object], int] = {}
    rows = bind.execute(sa.select(sign_ins.c.user_id, sign_ins.c.day).distinct())
    for user_id, day in rows:
        key = (user_id, day.replace(day=1))
        masks[key] = masks.get(key, 0) | (1 << (day.day - 1))
    values = [{"user_id": u, "month": m, "days": d} for (u, m), d in masks.items()]
    for start in range(0, len(values), _CHUNK):
        bind.execute(months.insert(), values[start : start + _CHUNK])


def downgrade() -> None:
    op.drop_table("sign_in_months")
