"""Short plain-language reasons for one profile–job pair, in Danish and English.

Who reads them matters: the person ("Du kan arbejde …"), or the company and the jobcentre's
consultant, who read about the person ("Personen kan …"). A company must never learn
accommodation needs the person has not agreed to share, so with `show_accommodations=False` no
reason mentions accommodations at all — not even a count. Reasons never name ESCO's internal
occupation labels ("lagerarbejder på en lædervarefabrik") and name skills in the reader's
language (matching/skill_labels.py).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from matching.accommodations import ACCOMMODATION_BY_CODE
from matching.esco import esco_model
from matching.records import JobRecord, ProfileRecord
from matching.skill_labels import skill_label
from matching.text import fold

Audience = Literal["person", "company", "consultant"]
MAX_SKILLS_NAMED = 3
# Hub-centred text similarity (matching/hubness.py) above which two texts are clearly about the
# same work: the 25th percentile of intended pairs on fleksjob-da-dev, where 95 % of unrelated
# pairs are below it.
STRONG_TEXT_SIMILARITY = 0.04


@dataclass(frozen=True)
class Reason:
    code: str  # stable key for the UI: hours, distance, remote, accommodations, skills, ...
    fits: bool  # True: speaks for the match; False: what does not fit
    da: str
    en: str


@dataclass(frozen=True)
class PairFacts:
    """Per-pair numbers the ranker already computed (NaN = unknown)."""

    text: float  # hub-centred text similarity (0 ≈ a typical unrelated pair)
    title: float
    occupation: float
    distance_km: float
    hours_fit: float
    schedule_fit: float
    shared_occupation: str | None  # Danish label of an ESCO occupation both sides point to


def _hours(lo: float | None, hi: float | None) -> str:
    a = "?" if lo is None else f"{lo:g}"
    b = "?" if hi is None else f"{hi:g}"
    return a if a == b else f"{a}–{b}"


def _join(items: list[str], word: str) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {word} " + items[-1]


# Reasons are built for the top k of every query: the same skill labels and job texts come back
# again and again, so their normalisation is memoised (bounded).
@lru_cache(maxsize=1 << 16)
def _stems(label: str) -> frozenset[str]:
    return frozenset(w[:6] for w in fold(label).split() if len(w) > 3)


@lru_cache(maxsize=1 << 16)
def _skill_id(label: str) -> int | None:
    return esco_model().canonical_skill(label)


def matching_skills(p: ProfileRecord, j: JobRecord) -> list[str]:
    """The person's skills that meet a job skill: same ESCO skill, or mostly the same words."""
    job_skills = [*j.skills, *j.nice_skills]
    job_ids = {_skill_id(s) for s in job_skills} - {None}
    job_stems = [_stems(s) for s in job_skills]
    job_text_stems = _stems(f"{j.title} {j.tasks} {j.description[:2000]}")
    out = []
    for s in p.skills:
        st = _stems(s)
        same = _skill_id(s) in job_ids
        close = any(st and len(st & js) / len(st | js) >= 0.5 for js in job_stems)
        in_text = bool(st) and len(st & job_text_stems) / len(st) >= 0.67
        if same or close or in_text:
            out.append(s)
    return out


def explain(
    p: ProfileRecord,
    j: JobRecord,
    f: PairFacts,
    audience: Audience = "person",
    show_accommodations: bool = True,
) -> list[Reason]:
    you = audience == "person"
    out: list[Reason] = []

    if f.title == f.title and f.title >= 0.5 and p.wished_jobs:
        w = p.wished_jobs[0]
        out.append(
            Reason(
                "wished_job",
                True,
                f"Jobbet svarer til {'dit' if you else 'personens'} ønskejob: {w}",
                f"The job matches {'your' if you else 'their'} wished job: {w}",
            )
        )
    elif f.shared_occupation and f.occupation >= 0.3:
        # Not the ESCO label itself: its fine-grained names read oddly to people.
        out.append(
            Reason(
                "occupation",
                True,
                f"{'Din' if you else 'Personens'} erfaring peger på samme slags arbejde som jobbet",
                f"{'Your' if you else 'Their'} experience points to the same kind of work",
            )
        )
    skills = matching_skills(p, j)[:MAX_SKILLS_NAMED]
    if skills:
        da_list = _join([skill_label(x, "da") for x in skills], "og")
        en_list = _join([skill_label(x, "en") for x in skills], "and")
        out.append(
            Reason(
                "skills",
                True,
                f"{'Dine' if you else 'Personens'} kompetencer {da_list} passer til opgaverne",
                f"{'Your' if you else 'Their'} skills {en_list} fit the tasks",
            )
        )
    elif p.skills and (j.skills or j.nice_skills):
        out.append(
            Reason(
                "skills",
                False,
                "Ingen af kompetencerne matcher jobbets direkte",
                "None of the skills match the job's directly",
            )
        )
    if not math.isnan(f.text) and f.text >= STRONG_TEXT_SIMILARITY and not out:
        out.append(
            Reason(
                "text",
                True,
                "Profilen og jobopslaget handler om det samme arbejde",
                "The profile and the posting describe the same kind of work",
            )
        )
    if not any(r.fits for r in out):
        # The practical reasons below may all fit; say so plainly that the work itself is
        # not an obvious match, so a low score never stands beside reasons that all fit.
        out.append(
            Reason(
                "work",
                False,
                f"Arbejdet ligner ikke det, {'du' if you else 'personen'} har skrevet om",
                f"The work is not much like what {'you have' if you else 'they have'} written about",
            )
        )

    if not math.isnan(f.hours_fit):
        ph, jh = _hours(p.hours_min, p.hours_max), _hours(j.hours_min, j.hours_max)
        subj_da, subj_en = ("Du", "You") if you else ("Personen", "They")
        if f.hours_fit >= 1.0:
            out.append(
                Reason(
                    "hours",
                    True,
                    f"{subj_da} kan arbejde {ph} timer, jobbet er {jh} timer om ugen",
                    f"{subj_en} can work {ph} hours, the job is {jh} hours a week",
                )
            )
        else:
            out.append(
                Reason(
                    "hours",
                    f.hours_fit > 0,
                    f"Jobbet er {jh} timer om ugen, {subj_da.lower()} kan arbejde {ph} timer",
                    f"The job is {jh} hours a week, {subj_en.lower()} can work {ph} hours",
                )
            )

    if j.remote:
        out.append(
            Reason("remote", True, "Jobbet kan udføres hjemmefra", "The job can be done remotely")
        )
    elif not math.isnan(f.distance_km):
        km = round(f.distance_km)
        too_far = p.max_distance_km is not None and f.distance_km > p.max_distance_km
        da = f"{km} km fra {'dit postnummer' if you else 'personens postnummer'}"
        en = f"{km} km from {'your' if you else 'their'} postcode"
        if too_far:
            da += f" (mere end {p.max_distance_km:g} km)"
            en += f" (more than {p.max_distance_km:g} km)"
        out.append(Reason("distance", not too_far, da, en))

    if show_accommodations and p.accommodation_needs and j.accommodations_offered is not None:
        offered = j.accommodations_offered | ({"remote_work"} if j.remote else set())
        met = p.accommodation_needs & offered
        n, total = len(met), len(p.accommodation_needs)
        whose_da, whose_en = ("dine", "your") if you else ("personens", "their")
        out.append(
            Reason(
                "accommodations",
                n == total,
                f"Virksomheden tilbyder {n} af {whose_da} {total} skånehensyn",
                f"The company offers {n} of {whose_en} {total} accommodations",
            )
        )
        missing = sorted(p.accommodation_needs - offered)
        if missing:
            labels_da = [ACCOMMODATION_BY_CODE[c].label_da.lower() for c in missing]
            labels_en = [ACCOMMODATION_BY_CODE[c].label_en.lower() for c in missing]
            out.append(
                Reason(
                    "accommodations_missing",
                    False,
                    "Ikke tilbudt: " + ", ".join(labels_da),
                    "Not offered: " + ", ".join(labels_en),
                )
            )

    if not math.isnan(f.schedule_fit):
        pct = round(100 * f.schedule_fit)
        out.append(
            Reason(
                "schedule",
                f.schedule_fit >= 0.5,
                f"{'Du' if you else 'Personen'} kan {pct} % af jobbets arbejdstider",
                f"{'You' if you else 'They'} can work {pct} % of the job's shifts",
            )
        )
    return out
