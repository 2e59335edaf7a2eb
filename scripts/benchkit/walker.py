"""One simulated person for scripts/bench_load.py: signs in through the login form, then walks
a seeded script of page views, API calls, profile edits, match actions and messages, with short
think times, until it has made its number of requests.

Every request says which statuses it expects; anything else, a connection error or a timeout is
an error. Expected besides success: 409 for a match action the match's state no longer allows
(another user moved it first, or it ended) — the product's answer for "already taken". Nothing
else: a 4xx on a job, person or conversation the persona was given is a bug."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from app.demo.accounts_data import DEMO_PASSWORD
from benchkit.forms import form_fields
from benchkit.personas import Persona
from benchkit.server import csrf_token

KINDS = (
    "sign-in", "sign-out", "page", "api", "profile edit",
    "match: flexjobber", "match: company", "match: consultant", "message",
)  # fmt: skip
PAGES = {
    "flexjobber": ["/hjem", "/job", "/job?q=kontor", "/mine-match", "/profil", "/notifikationer",
                   "/mine-data", "/jobagenter"],
    "company": ["/hjem", "/kandidater", "/virksomhed/opslag", "/notifikationer"],
    "consultant": ["/konsulent", "/konsulent/match", "/konsulent/soeg?q=lager", "/job"],
}  # fmt: skip
API = {
    "flexjobber": ["/api/v1/me", "/api/v1/me/profile", "/api/v1/me/matches", "/api/v1/jobs"],
    "company": ["/api/v1/me", "/api/v1/jobs", "/api/v1/profiles"],
    "consultant": ["/api/v1/me", "/api/v1/profiles", "/api/v1/jobs"],
}
ABOUT = ["Jeg er mødestabil og glad for faste rutiner.", "Jeg kan lide at hjælpe kunder.",
         "Jeg arbejder bedst om formiddagen.", "Jeg har styr på Excel og bogføring."]  # fmt: skip


@dataclass
class Record:
    kind: str
    status: str  # the HTTP status, or the name of the exception
    ms: float
    ok: bool
    what: str  # method and path, for the error list


class SimUser:
    def __init__(
        self, base: str, persona: Persona, requests: int, seed: int, think: float, timeout: float
    ) -> None:
        self.persona = persona
        self.budget = requests
        self.rng = random.Random(seed)
        self.think = think
        self.records: list[Record] = []
        self.browser = httpx.Client(base_url=base, timeout=timeout)
        self.api = httpx.Client(base_url=base, timeout=timeout)
        self.api.headers["Authorization"] = f"Bearer {persona.token}"
        self.signed_in = False
        self._last: dict[int, float] = {}

    # ------------------------------------------------------------ requests

    def _call(
        self,
        kind: str,
        client: httpx.Client,
        method: str,
        path: str,
        expect: tuple[int, ...],
        **kwargs: object,
    ) -> httpx.Response | None:
        self.budget -= 1
        started = time.perf_counter()
        try:
            response = client.request(method, path, **kwargs)  # type: ignore[arg-type]
        except httpx.HTTPError as exc:
            ms = (time.perf_counter() - started) * 1000
            idle = started - self._last.get(id(client), started)
            what = f"{method} {path} (after {idle:.1f} s idle: {exc!r})"
            self.records.append(Record(kind, type(exc).__name__, ms, False, what))
            return None
        finally:
            self._last[id(client)] = time.perf_counter()
        ms = (time.perf_counter() - started) * 1000
        ok = response.status_code in expect
        self.records.append(Record(kind, str(response.status_code), ms, ok, f"{method} {path}"))
        return response

    def _page(self, path: str, kind: str = "page") -> str | None:
        response = self._call(kind, self.browser, "GET", path, (200,))
        return response.text if response is not None and response.status_code == 200 else None

    def _form_post(
        self, kind: str, page: str | None, path: str, data: dict[str, str], expect: tuple[int, ...]
    ) -> httpx.Response | None:
        if page is None or self.budget <= 0:
            return None
        return self._call(
            kind, self.browser, "POST", path, expect, data={**data, "csrf_token": csrf_token(page)}
        )

    # ------------------------------------------------------------ steps

    def sign_in(self) -> None:
        page = self._page("/login", "sign-in")
        form = {"email": self.persona.email, "password": DEMO_PASSWORD}
        response = self._form_post("sign-in", page, "/login", form, (303,))
        self.signed_in = response is not None and response.status_code == 303

    def sign_out(self) -> None:
        page = self._page("/hjem", "page")
        self._form_post("sign-out", page, "/logout", {}, (303,))
        self.signed_in = False

    def view_page(self) -> None:
        role, p = self.persona.role, self.persona
        choices = list(PAGES[role])
        if p.jobs:
            job = self.rng.choice(p.jobs)
            choices.append(f"/job/{job}" if role == "flexjobber" else f"/opslag/{job}/kandidater")
        if p.conversations:
            choices.append(f"/match/{self.rng.choice(p.conversations)}")
        self._page(self.rng.choice(choices))

    def call_api(self) -> None:
        choices = list(API[self.persona.role])
        if self.persona.jobs and self.persona.role != "flexjobber":
            choices.append(f"/api/v1/jobs/{self.rng.choice(self.persona.jobs)}/candidates")
        if self.persona.conversations:
            choices.append(f"/api/v1/matches/{self.rng.choice(self.persona.conversations)}")
        self._call("api", self.api, "GET", self.rng.choice(choices), (200,))

    def edit_profile(self) -> None:
        about = f"{self.rng.choice(ABOUT)} ({self.rng.randrange(1000)})"
        if self.rng.random() < 0.5:
            self._call("profile edit", self.api, "PUT", "/api/v1/me/profile", (200,),
                       json={"about": about})  # fmt: skip
            return
        page = self._page("/profil/om-mig")
        if page is None:
            return
        fields = dict(form_fields(page, "/profil/om-mig"))
        fields.pop("csrf_token", None)
        self._form_post("profile edit", page, "/profil/om-mig", {**fields, "about": about}, (303,))

    def act_as_flexjobber(self) -> None:
        job = self.rng.choice(self.persona.jobs)
        action = self.rng.choices(["interest", "save", "hide"], [5, 4, 1])[0]
        body = {"action": action, "saved": self.rng.random() < 0.8}
        if action == "hide":
            body["reason"] = "hours"
        if self.rng.random() < 0.6:
            kind = "match: flexjobber"
            response = self._call(kind, self.api, "POST", f"/api/v1/me/matches/{job}", (200, 409),
                                  json=body)  # fmt: skip
            self._note_conversation(response)
            return
        page = self._page(f"/job/{job}")
        form = {
            k: str(v) if not isinstance(v, bool) else ("1" if v else "0") for k, v in body.items()
        }
        self._form_post("match: flexjobber", page, f"/mine-match/{job}", form, (303, 409))

    def act_as_company(self) -> None:
        job, person = self.rng.choice(self.persona.jobs), self.rng.choice(self.persona.people)
        path = f"/jobs/{job}/candidates/{person}/interest"
        if self.rng.random() < 0.6:
            response = self._call("match: company", self.api, "POST", f"/api/v1{path}", (200, 409))
            self._note_conversation(response)
            return
        page = self._page(f"/opslag/{job}/kandidater")
        target = f"/opslag/{job}/kandidater/{person}/interesse"
        self._form_post("match: company", page, target, {}, (303, 409))

    def act_as_consultant(self) -> None:
        job, person = self.rng.choice(self.persona.jobs), self.rng.choice(self.persona.people)
        page = self._page("/konsulent/match")
        form = {"profile_id": str(person), "job_id": str(job), "note": "Jeg tror, I passer sammen."}
        self._form_post("match: consultant", page, "/konsulent/match/anbefal", form, (303, 409))

    def send_message(self) -> None:
        match = self.rng.choice(self.persona.conversations)
        body = f"Hej, skal vi finde en tid? ({self.rng.randrange(1000)})"
        if self.rng.random() < 0.5:
            self._call("message", self.api, "POST", f"/api/v1/matches/{match}/messages", (201,),
                       json={"body": body})  # fmt: skip
            return
        page = self._page(f"/match/{match}")
        self._form_post("message", page, f"/match/{match}/beskeder", {"body": body}, (303,))

    def _note_conversation(self, response: httpx.Response | None) -> None:
        """A match that became mutual is one more conversation for this persona."""
        if response is None or response.status_code != 200:
            return
        match = response.json()
        if match.get("may_message") and match["id"] not in self.persona.conversations:
            self.persona.conversations.append(match["id"])

    # ------------------------------------------------------------ the walk

    def _steps(self) -> list[tuple[Callable[[], None], int]]:
        p = self.persona
        act = {"flexjobber": self.act_as_flexjobber, "company": self.act_as_company,
               "consultant": self.act_as_consultant}[p.role]  # fmt: skip
        can_act = bool(p.jobs) and (p.role == "flexjobber" or bool(p.people))
        steps = [(self.view_page, 35), (self.call_api, 25), (act, 15 if can_act else 0)]
        if p.role == "flexjobber":
            steps.append((self.edit_profile, 12))
        steps.append((self.send_message, 10 if p.conversations else 0))
        steps.append((self.sign_out, 3))
        return [(step, weight) for step, weight in steps if weight]

    def run(self, delay: float = 0.0) -> None:
        time.sleep(delay)
        try:
            while self.budget > 0:
                if not self.signed_in:
                    self.sign_in()
                else:
                    steps = self._steps()
                    step = self.rng.choices([s for s, _ in steps], [w for _, w in steps])[0]
                    step()
                time.sleep(self.rng.uniform(0, 2 * self.think))
        finally:
            self.browser.close()
            self.api.close()
