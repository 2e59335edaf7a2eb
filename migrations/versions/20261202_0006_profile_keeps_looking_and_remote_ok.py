"""flexjobber_profiles.keeps_looking ("Jeg vil gerne se andre job") and remote_ok

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02

A person who is hired (a match in state hired, or the profile's situation "i fleksjob") stops
getting job suggestions on "Mine match" unless they choose to keep looking. Existing profiles
start with false: the hired ones among them see no suggestions until they choose otherwise.

remote_ok ("Jeg kan også arbejde hjemmefra"): a job done from home is in reach whatever the
distance. Before, the only such field was remote_only ("kun hjemmefra"), so a person who can
work both ways could not say so. Existing profiles start with false ("not stated").
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # batch mode: SQLite cannot ALTER a column's constraints in place (drop_column needs it).
    with op.batch_alter_table("flexjobber_profiles") as batch:
        for name in ("keeps_looking", "remote_ok"):
            batch.add_column(
                sa.Column(name, sa.Boolean(), nullable=False, server_default=sa.false())
            )


def downgrade() -> None:
    with op.batch_alter_table("flexjobber_profiles") as batch:
        batch.drop_column("remote_ok")
        batch.drop_column("keeps_looking")
