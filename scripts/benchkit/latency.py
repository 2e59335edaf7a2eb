"""Page latency under concurrent virtual users: a signed-in client, every client fetching a
page a number of times at once (optionally with a reader's think time), and the p95."""

from __future__ import annotations

import random
import threading
import time

import httpx

from app.demo.accounts_data import DEMO_PASSWORD
from benchkit.server import CSRF


def logged_in_client(base: str, email: str) -> httpx.Client:
    client = httpx.Client(base_url=base, timeout=30, follow_redirects=False)
    page = client.get("/login")
    match = CSRF.search(page.text)
    assert match, "no CSRF token on /login"
    response = client.post(
        "/login", data={"email": email, "password": DEMO_PASSWORD, "csrf_token": match.group(1)}
    )
    if response.status_code != 303:
        raise SystemExit(f"login as {email} failed: {response.status_code}")
    return client


def measure(
    clients: list[httpx.Client], path: str, rounds: int, think: float = 0.0
) -> tuple[list[float], int, float]:
    """Each client fetches `path` `rounds` times; with `think` > 0 it waits a random
    0.5–1.5 × think seconds before each request, like a person reading the page. Returns the
    latencies (ms), the failures and the achieved throughput (requests/s)."""
    timings: list[float] = []
    failures = 0
    lock = threading.Lock()
    barrier = threading.Barrier(len(clients))

    def run(client: httpx.Client) -> None:
        nonlocal failures
        rng = random.Random(id(client))
        barrier.wait()
        for _ in range(rounds):
            if think > 0:
                time.sleep(rng.uniform(0.5 * think, 1.5 * think))
            started = time.perf_counter()
            try:
                ok = client.get(path).status_code == 200
            except httpx.HTTPError:
                ok = False
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                timings.append(elapsed)
                if not ok:
                    failures += 1

    threads = [threading.Thread(target=run, args=(c,)) for c in clients]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return timings, failures, len(timings) / (time.monotonic() - started)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
