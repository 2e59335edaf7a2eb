"""A scope's figures split by consultant: the profile's consultant for what is about people,
the inviter for invitations, the company's consultant for postings (None: nobody). Every
count adds up across consultants and every list joins, so a team's or a caseload's figures
inside a jobcentre are the sum of its consultants' parts: one computation of the jobcentre
serves the jobcentre, each team and each caseload (the held-back rule needs two of them)."""

from __future__ import annotations

import threading
from collections.abc import Collection
from datetime import date, timedelta

from app.stats.basis import Figures, zero_states
from app.stats.periods import Bucket

Key = int | None


class Breakdown:
    """The parts, made as the figure families find rows for a consultant (from several
    threads at once: making a part is locked; each family writes its own fields)."""

    def __init__(self, buckets: list[Bucket], today: date) -> None:
        self.buckets = buckets
        self.ends = [min(b.end, today + timedelta(days=1)) for b in buckets]
        # n per bucket: its days up to today (the engagement bands' denominator)
        self.engagement_days = [
            max((end - b.start).days, 0) for b, end in zip(buckets, self.ends, strict=True)
        ]
        self._parts: dict[Key, list[Figures]] = {}
        self._lock = threading.Lock()

    def _new(self) -> list[Figures]:
        return [
            Figures(bucket=b, engagement_days=n, matches_by_state=zero_states())
            for b, n in zip(self.buckets, self.engagement_days, strict=True)
        ]

    def of(self, key: Key) -> list[Figures]:
        with self._lock:
            part = self._parts.get(key)
            if part is None:
                part = self._parts[key] = self._new()
            return part

    def total(self, keys: Collection[Key] | None = None) -> list[Figures]:
        """The sum of the parts of ``keys`` (None: of all)."""
        out = self._new()
        for key, part in self._parts.items():
            if keys is None or key in keys:
                for whole, f in zip(out, part, strict=True):
                    whole.add(f)
        return out
