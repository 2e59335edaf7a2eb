"""Index behaviour the web app relies on: filters, async updates, components, calibration."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

from matching.filters import Filters
from matching.records import JobRecord, ProfileRecord

JOBS = [
    {"id": "near", "title": "lagerarbejder", "postcode": "8000", "hours_min": 10, "hours_max": 20,
     "accommodations_offered": ["extra_breaks", "no_heavy_lifting"]},
    {"id": "far", "title": "lagerarbejder", "postcode": "9000", "hours_min": 10, "hours_max": 20},
    {"id": "remote", "title": "lagerarbejder", "remote": True},
    {"id": "other", "title": "sygeplejerske", "postcode": "8000"},
]  # fmt: skip
PERSON = {"id": "p", "wished_jobs": ["lagermedarbejder"], "postcode": "8200"}


def test_filters(make_index):
    index = make_index([PERSON], JOBS)
    ids = lambda f: {m.id for m in index.top_jobs("p", k=10, filters=f)}  # noqa: E731
    assert ids(Filters(within_km=30, near_postcode="8000")) == {"near", "remote", "other"}
    assert ids(Filters(remote_only=True)) == {"remote"}
    assert ids(Filters(must_offer=frozenset({"extra_breaks"}))) == {"near"}
    assert ids(Filters(hours_min=25, hours_max=30)) == {"remote", "other"}
    assert "near" not in ids(Filters(exclude_ids=frozenset({"near"})))
    assert ids(Filters(min_score=101)) == set()
    assert ids(Filters(only_ids=frozenset({"far", "other", "gone"}))) == {"far", "other"}


def test_components_and_scale(make_index):
    index = make_index([PERSON], JOBS)
    res = index.top_jobs("p", k=10)
    assert [m.score for m in res] == sorted((m.score for m in res), reverse=True)
    best = {m.id: m for m in res}
    # same occupation (ESCO: lagermedarbejder ~ lagerarbejder) far above an unrelated job
    assert best["near"].score > 50 > best["other"].score
    assert best["near"].components["title"] > 0.5
    assert 0 < best["near"].components["distance_km"] < 10
    assert best["remote"].components["distance_km"] is None


def test_async_upsert_does_not_block(make_index):
    index = make_index([PERSON], [])

    async def main() -> list[str]:
        ticks = 0

        async def ticker() -> None:
            nonlocal ticks
            while True:
                ticks += 1
                await asyncio.sleep(0.001)

        t = asyncio.create_task(ticker())
        await index.aupsert_jobs(
            [JobRecord.from_json(j) for j in JOBS]
            + [JobRecord.from_json({"id": "new", "description": "Ny tekst der skal kodes " * 3})]
        )
        t.cancel()
        assert ticks > 0  # the loop kept running while the model encoded
        return [m.id for m in index.top_jobs(ProfileRecord.from_json(PERSON), k=10)]

    # A fresh thread: a session-wide Playwright browser may own this thread's event loop.
    with ThreadPoolExecutor(max_workers=1) as pool:
        assert "new" in pool.submit(asyncio.run, main()).result()


def test_only_ids_stays_right_when_slots_are_reused(make_index):
    """The candidate mask for an only_ids set is cached per index version: a removal and a new
    record that takes the freed slot must not let the new record through the old set."""
    index = make_index([PERSON], JOBS)
    only = frozenset({"far", "other"})
    first = {m.id for m in index.top_jobs("p", k=10, filters=Filters(only_ids=only))}
    assert first == {"far", "other"}
    index.remove_job("far")
    index.upsert_jobs([JobRecord(id="newcomer", title="lagermedarbejder", postcode="2100")])
    again = {m.id for m in index.top_jobs("p", k=10, filters=Filters(only_ids=only))}
    assert again == {"other"}
