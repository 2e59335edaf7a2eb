"""Calibrated 0–100 score from the components.

score = 100 · sigmoid(learned logit + preference terms)

- The learned part is a logistic regression over the similarity features, fitted by
  scripts/train_matching_weights.py and stored in weights.json, so a score of 80 means
  "about 80 % of pairs scoring like this were relevant" on the training data — the same meaning
  for every query.
- Preference terms (hour fit, distance, nice-to-have accommodations, schedule) have no labelled
  data to learn from; their strengths are explicit, documented priors in weights.json. Each
  term is 0 when either side gives no information, so a missing field never costs points.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from matching.components import Block

F32 = npt.NDArray[np.float32]
WEIGHTS_PATH = Path(__file__).resolve().parent / "weights.json"
FEATURES = ("text", "title", "occupation", "isco", "skills")
# Used until scripts/train_matching_weights.py has written weights.json (a neutral start).
FALLBACK: dict[str, Any] = {
    "features": list(FEATURES),
    "coef": [4.0, 2.0, 4.0, 2.0, 2.0],
    "intercept": -8.0,
    "text_center": 0.8,
    "preferences": {"hours": 1.0, "distance": 1.0, "nice_accommodations": 1.0, "schedule": 1.0},
    "distance_scale_km": 30.0,
}


@dataclass(frozen=True)
class Weights:
    features: tuple[str, ...]
    coef: tuple[float, ...]
    intercept: float
    text_center: float  # e5 cosines live in ~[0.7, 0.95]; centring keeps coefficients readable
    preferences: dict[str, float]
    distance_scale_km: float


@cache
def load_weights(path: str | None = None) -> Weights:
    p = Path(path) if path else WEIGHTS_PATH
    d: dict[str, Any] = json.loads(p.read_text()) if p.exists() else FALLBACK
    return Weights(
        tuple(d["features"]),
        tuple(float(x) for x in d["coef"]),
        float(d["intercept"]),
        float(d["text_center"]),
        {k: float(v) for k, v in d["preferences"].items()},
        float(d["distance_scale_km"]),
    )


def nan_to_zero(x: np.ndarray) -> F32:
    """np.nan_to_num without its ±inf passes (3× faster on the 10k × 10k batch)."""
    return np.where(np.isnan(x), np.float32(0), x).astype(np.float32, copy=False)


def feature_matrix(sims: dict[str, F32], name: str, text_center: float) -> F32:
    x = sims[name]
    if name == "text":
        return x - np.float32(text_center)
    return nan_to_zero(x)


def learned_logit(sims: dict[str, F32], w: Weights) -> F32:
    out = np.full(sims["text"].shape, w.intercept, dtype=np.float32)
    for name, c in zip(w.features, w.coef, strict=True):
        out += np.float32(c) * feature_matrix(sims, name, w.text_center)
    return out


def preference_logit(b: Block, max_km: F32 | float, w: Weights) -> F32:
    pref = w.preferences
    with np.errstate(invalid="ignore", divide="ignore"):
        hours = nan_to_zero(b.hours_fit - np.float32(1.0))
        scale = np.where(np.isnan(max_km), w.distance_scale_km, max_km)
        dist = nan_to_zero(-np.minimum(b.distance_km / np.maximum(scale, 1.0), 2.0))
        nice = nan_to_zero(b.nice_share - np.float32(0.5))
        sched = nan_to_zero(b.schedule_fit - np.float32(1.0))
    total = (
        pref["hours"] * hours
        + pref["distance"] * dist
        + pref["nice_accommodations"] * nice
        + pref["schedule"] * sched
    )
    return np.asarray(total, dtype=np.float32)


def calibrated(logit: F32) -> F32:
    return (100.0 / (1.0 + np.exp(-np.clip(logit, -30, 30)))).astype(np.float32)
