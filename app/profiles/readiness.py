"""Which profiles are complete enough to match, read in one pass (the rule is
app.profiles.completeness's): for filling ``match_ready_at`` where the rows were not saved
through the profile service (migration 0019's backfill, the benchmark's bulk load)."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import Connection, select

from app.models import AccommodationNeeds, FlexjobberProfile
from app.profiles.completeness import enough_to_match

# The columns the rule reads; the rest of the row (search text, CV metadata...) stays unread.
_COLUMNS = (
    "id", "headline", "about", "wished_jobs", "skills", "experience", "education",
    "hours_min", "hours_max", "postcode", "remote_only", "visibility", "cv_storage_key",
    "deleted_at",
)  # fmt: skip


def ready_ids(connection: Connection) -> Iterator[int]:
    columns = [getattr(FlexjobberProfile, name) for name in _COLUMNS]
    query = (
        select(*columns, AccommodationNeeds.profile_id.label("needs_id"))
        .outerjoin(AccommodationNeeds, AccommodationNeeds.profile_id == FlexjobberProfile.id)
        .where(FlexjobberProfile.deleted_at.is_(None))
    )
    # Streamed in batches (the statement, not the connection: that would stay streaming).
    for row in connection.execute(query.execution_options(yield_per=2000)):
        values = row._mapping
        # A transient instance (never added to a session) so the rule reads it as it reads
        # a loaded profile.
        profile = FlexjobberProfile(**{name: values[name] for name in _COLUMNS})
        needs = AccommodationNeeds(profile_id=profile.id) if values["needs_id"] else None
        if enough_to_match(profile, needs):
            yield profile.id
