"""flexjobber_profiles.public_id: the random address of a profile outside the person's pages

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-03

Company- and consultant-facing URLs, JSON and forms named a profile by its database id, so a
company that saw a named person at /profiler/123 recognised the same 123 after the person
turned anonymous. From now on they use a random public id (app.kit.tokens.random_public_id),
renewed when a named person turns anonymous. Existing profiles get one each here, drawn
without repeats; the downgrade drops the column (the URLs then use database ids again).
"""

import secrets
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The range of app.kit.tokens (copied: a migration must not change when the app does).
PUBLIC_ID_MIN = 1_000_000_000
PUBLIC_ID_MAX = 2**31 - 1

profiles = sa.table("flexjobber_profiles", sa.column("id", sa.Integer), sa.column("public_id"))


def upgrade() -> None:
    with op.batch_alter_table("flexjobber_profiles") as batch:
        batch.add_column(sa.Column("public_id", sa.Integer(), nullable=True))
    connection = op.get_bind()
    ids = list(connection.execute(sa.select(profiles.c.id)).scalars())
    drawn: list[int] = []  # in the order drawn: nothing ties them to the database ids
    seen: set[int] = set()
    while len(drawn) < len(ids):
        value = PUBLIC_ID_MIN + secrets.randbelow(PUBLIC_ID_MAX - PUBLIC_ID_MIN + 1)
        if value not in seen:
            seen.add(value)
            drawn.append(value)
    if ids:
        connection.execute(
            profiles.update()
            .where(profiles.c.id == sa.bindparam("profile_id"))
            .values(public_id=sa.bindparam("new_public_id")),
            [
                {"profile_id": pid, "new_public_id": new}
                for pid, new in zip(ids, drawn, strict=True)
            ],
        )
    # batch mode: SQLite cannot make a column NOT NULL or add a constraint in place.
    with op.batch_alter_table("flexjobber_profiles") as batch:
        batch.alter_column("public_id", existing_type=sa.Integer(), nullable=False)
        batch.create_unique_constraint(op.f("uq_flexjobber_profiles_public_id"), ["public_id"])


def downgrade() -> None:
    with op.batch_alter_table("flexjobber_profiles") as batch:
        batch.drop_constraint(op.f("uq_flexjobber_profiles_public_id"), type_="unique")
        batch.drop_column("public_id")
