"""Migration 0017 gives every existing profile its own random public id (in the range of
app.kit.tokens, no two alike, unrelated to the database ids) and removes it again going down."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from app.kit.tokens import PUBLIC_ID_MAX, PUBLIC_ID_MIN
from tests.migrations.seeding import add_jobcentre, add_user, upgraded_to

PEOPLE = 30


def _profile_columns(engine: object) -> set[str]:
    return {c["name"] for c in inspect(engine).get_columns("flexjobber_profiles")}  # type: ignore[arg-type]


def test_existing_profiles_get_distinct_random_public_ids() -> None:
    with upgraded_to("public_id", "0016") as (config, engine):
        with engine.begin() as connection:
            add_jobcentre(connection)
            for n in range(1, PEOPLE + 1):
                add_user(connection, n, f"p{n}@x.example")
                connection.execute(
                    text(
                        "INSERT INTO flexjobber_profiles (id, user_id, jobcentre_id, pseudonym,"
                        " headline, about, wished_jobs, skills, experience, education, languages,"
                        " schedule, remote_only, remote_ok, keeps_looking, visibility,"
                        " share_accommodations, search_text, created_at, updated_at) VALUES"
                        " (:n, :n, 1, :pseudonym, '', '', '[]', '[]', '[]', '[]', '[]', '[]',"
                        " false, false, false, 'named', false, '', CURRENT_TIMESTAMP,"
                        " CURRENT_TIMESTAMP)"
                    ),
                    {"n": n, "pseudonym": f"Kandidat {n}"},
                )
        command.upgrade(config, "0017")
        with engine.connect() as connection:
            rows = connection.execute(
                text("SELECT id, public_id FROM flexjobber_profiles ORDER BY id")
            ).all()
        public = [p for _id, p in rows]
        assert len(rows) == PEOPLE
        assert len(set(public)) == PEOPLE
        assert all(PUBLIC_ID_MIN <= p <= PUBLIC_ID_MAX for p in public)
        assert sorted(public) != public or PEOPLE < 2  # not handed out in id order
        # Unique: a second profile with the same public id is refused.
        with pytest.raises(IntegrityError), engine.begin() as connection:
            connection.execute(
                text("UPDATE flexjobber_profiles SET public_id = :p WHERE id = 2"),
                {"p": public[0]},
            )
        command.downgrade(config, "0016")
        assert "public_id" not in _profile_columns(engine)
        command.upgrade(config, "head")
        assert "public_id" in _profile_columns(engine)
