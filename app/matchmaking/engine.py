"""The process-wide match index, kept in step with the database.

Pages only read the index; they never wait for embeddings. A background thread (started with
the app) applies changed profiles and postings every few seconds, encoding only texts whose
embeddings are not cached yet. Tests call ``sync`` directly inside their transaction.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import select, union
from sqlalchemy.orm import Session

from app.kit.clock import utcnow
from app.matchmaking.records import job_record, profile_record
from app.models import (
    AccommodationNeeds,
    Company,
    FlexjobberProfile,
    JobPosting,
    PostingStatus,
    Visibility,
)
from matching.encoders import CachedEncoder, get_encoder
from matching.index import MatchIndex

log = logging.getLogger("fleksbro.matching")
_MARGIN = timedelta(seconds=60)


class MatchEngine:
    def __init__(self, encoder_factory: Callable[[], CachedEncoder] = get_encoder) -> None:
        self._encoder_factory = encoder_factory
        self._index: MatchIndex | None = None
        # Kept across reset() so the embedding cache survives (as reset promises).
        self._encoder: CachedEncoder | None = None
        self._synced_at: datetime | None = None
        # Which jobcentre's forum each indexed job and profile belongs to, and who may be found.
        self.job_jobcentre: dict[str, int] = {}
        self.profile_jobcentre: dict[str, int] = {}
        self.profile_findable: dict[str, bool] = {}
        self._generation = 0
        self._groups: dict[tuple[object, ...], tuple[int, frozenset[str]]] = {}
        self._sync_lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def index(self) -> MatchIndex:
        if self._index is None:
            if self._encoder is None:
                self._encoder = self._encoder_factory()
            self._index = MatchIndex(encoder=self._encoder)
        return self._index

    def reset(self) -> None:
        """Start from an empty index (the encoder's embedding cache survives)."""
        with self._sync_lock:
            self._index = None
            self._synced_at = None
            self.job_jobcentre.clear()
            self.profile_jobcentre.clear()
            self.profile_findable.clear()
            self._groups.clear()
            self._generation += 1

    def jobs_in(self, jobcentre_id: int) -> frozenset[str]:
        return self._group(
            ("jobs", jobcentre_id),
            lambda: frozenset(j for j, c in self.job_jobcentre.items() if c == jobcentre_id),
        )

    def findable_profiles_in(self, jobcentre_ids: set[int]) -> frozenset[str]:
        return self._group(
            ("findable", *sorted(jobcentre_ids)),
            lambda: frozenset(
                p
                for p, c in self.profile_jobcentre.items()
                if c in jobcentre_ids and self.profile_findable.get(p)
            ),
        )

    def profiles_in(self, jobcentre_id: int) -> frozenset[str]:
        return self._group(
            ("profiles", jobcentre_id),
            lambda: frozenset(p for p, c in self.profile_jobcentre.items() if c == jobcentre_id),
        )

    def _group(
        self, key: tuple[object, ...], build: Callable[[], frozenset[str]]
    ) -> frozenset[str]:
        """The same frozenset object until the index changes, so the index can reuse the
        candidate mask it built for it (a 100,000-entry set costs milliseconds to rebuild)."""
        cached = self._groups.get(key)
        if cached is not None and cached[0] == self._generation:
            return cached[1]
        members = build()
        self._groups[key] = (self._generation, members)
        return members

    @property
    def ready(self) -> bool:
        return self._synced_at is not None

    def sync(self, db: Session, full: bool = False) -> tuple[int, int]:
        """Apply what changed since the last sync; returns (profiles, jobs) changed."""
        with self._sync_lock:
            # A change committed just after our last read carries an earlier updated_at; the
            # margin re-reads it (unchanged texts cost nothing: embeddings are cached).
            since = None if full or self._synced_at is None else self._synced_at - _MARGIN
            started = utcnow()
            profiles = self._sync_profiles(db, since)
            jobs = self._sync_jobs(db, since)
            if profiles or jobs:  # cached candidate sets stay valid while nothing changed
                self._generation += 1
            self._synced_at = started
            return profiles, jobs

    def _sync_profiles(self, db: Session, since: datetime | None) -> int:
        query = select(FlexjobberProfile, AccommodationNeeds).outerjoin(
            AccommodationNeeds, AccommodationNeeds.profile_id == FlexjobberProfile.id
        )
        if since is not None:
            # A union of two indexed look-ups: an OR across the outer join would read every
            # profile and every needs row on each round.
            changed = union(
                select(FlexjobberProfile.id).where(FlexjobberProfile.updated_at >= since),
                select(AccommodationNeeds.profile_id).where(AccommodationNeeds.updated_at >= since),
            )
            query = query.where(FlexjobberProfile.id.in_(changed))
        records = []
        moved = 0  # profiles whose forum or findability changed (a privacy-relevant change)
        known = self.index.profile_records
        for profile, needs in db.execute(query):
            pid = str(profile.id)
            if profile.deleted_at is not None:  # a deleted person is ranked for nobody
                if self.index.remove_profile(pid):
                    moved += 1
                self.profile_jobcentre.pop(pid, None)
                self.profile_findable.pop(pid, None)
                continue
            record = profile_record(profile, needs)
            if known.get(record.id) != record:  # re-read by the margin but unchanged: skip
                records.append(record)
            findable = profile.visibility != Visibility.HIDDEN
            if (
                self.profile_jobcentre.get(pid) != profile.jobcentre_id
                or self.profile_findable.get(pid) != findable
            ):
                moved += 1
            self.profile_jobcentre[pid] = profile.jobcentre_id
            self.profile_findable[pid] = findable
        for start in range(0, len(records), 512):
            self.index.upsert_profiles(records[start : start + 512])
        return len(records) + moved

    def _sync_jobs(self, db: Session, since: datetime | None) -> int:
        query = select(JobPosting, Company.jobcentre_id).join(
            Company, Company.id == JobPosting.company_id
        )
        if since is not None:
            query = query.where(JobPosting.updated_at >= since)
        upserts = []
        removed = 0
        for posting, jobcentre_id in db.execute(query):
            if posting.status == PostingStatus.PUBLISHED:
                record = job_record(posting)
                if self.index.job_records.get(record.id) != record:
                    upserts.append(record)
                self.job_jobcentre[str(posting.id)] = jobcentre_id
            elif str(posting.id) in self.index.job_records:
                self.index.remove_job(str(posting.id))
                self.job_jobcentre.pop(str(posting.id), None)
                removed += 1
        for start in range(0, len(upserts), 512):
            self.index.upsert_jobs(upserts[start : start + 512])
        return len(upserts) + removed

    def start_background(
        self, session_factory: Callable[[], Session], interval: float = 3.0
    ) -> None:
        if self._thread is not None:
            return

        def loop() -> None:
            full = True
            while not self._stop.is_set():
                try:
                    with session_factory() as db:
                        self.sync(db, full=full)
                    full = False
                except Exception:  # keep serving; the next round retries
                    log.exception("match index sync failed")
                self._stop.wait(interval)

        self._thread = threading.Thread(target=loop, name="match-index-sync", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
