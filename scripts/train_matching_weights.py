"""Fit the score's weights on graded benchmark pairs, reproducibly, and write matching/weights.json.

    .venv/bin/python scripts/train_matching_weights.py \\
        --set ../shared/bench/esco-dev --set ../shared/bench/fleksjob-da-dev

What the score is meant to say (matching/README.md): *of the pairs shown at a score s, about
s % are a reasonable suggestion.* So the model is fitted on the pairs that are shown:

1. Index each set with the product code; compute the components of every feasible
   profile × job pair (infeasible pairs are never shown).
2. "Shown" = in the top 10 of some query, profile → jobs or job → profiles. The first pass
   ranks with the untrained prior (scoring.FALLBACK); after a fit the shown pairs are chosen
   again with the fitted model and the model is refitted (ROUNDS times).
3. Label: realistic sets (graded 2 = intended, 1 = another reasonable suggestion) 1 for any
   positive grade; ESCO sets grade / 2 (same ISCO unit group = half right).
4. Logistic regression with the preference terms (hours, distance, …) as a fixed offset — they
   are priors and part of the displayed score — by L-BFGS-B with L2 (scipy, deterministic).
   Similarity weights are bounded at ≥ 0 (a shared skill must never cost points); the
   "<name>_known" offsets are free ("both sides name an occupation and they differ" may count
   against). Each set gets the same total weight, so 50 realistic profiles are not drowned by
   1,617 synthetic ones.
5. Out of sample: K folds grouped by query family (ESCO: the ISCO major group of the
   profile's occupation; realistic: the profile), fitted on the rest, each fold's profiles and
   jobs ranked and its shown pairs scored. Reports MRR per set and direction and the
   calibration table (pairs and share right per 10-point band) from out-of-fold scores only.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from matching.cli import build_index
from matching.esco import esco_model
from matching.metrics import evaluate, read_qrels
from matching.scoring import (
    FALLBACK,
    FEATURES,
    WEIGHTS_PATH,
    feature_matrix,
    taxonomy_known,
)

SHOWN = int(os.environ.get("TRAIN_SHOWN", "10"))
ROUNDS = int(os.environ.get("TRAIN_ROUNDS", "2"))
SPLIT_CALIBRATION = os.environ.get("TRAIN_SPLIT", "0") == "1"
ESCO_WEIGHT = float(os.environ.get("TRAIN_ESCO_WEIGHT", "0.9"))
FOLDS = 5
L2 = float(os.environ.get("TRAIN_L2", "1e-2"))
# Offsets and interactions may be negative; plain similarity weights may not.
FREE = {i for i, f in enumerate(FEATURES) if f.endswith("_known") or f == "taxonomy"}


@dataclass
class BenchSet:
    name: str
    realistic: bool
    X: np.ndarray  # (P, J, F) features
    pref: np.ndarray  # (P, J) preference logit (fixed offset)
    feasible: np.ndarray  # (P, J)
    label: np.ndarray  # (P, J) 0..1
    grade: np.ndarray  # (P, J) raw grades
    pids: list[str]
    jids: list[str]
    group: np.ndarray  # (P,) fold of each profile
    taxonomy: np.ndarray  # (P, J) the regime: ESCO knows an occupation on both sides


@dataclass
class Model:
    w: np.ndarray  # feature weights, then the intercept
    calibration: dict[str, tuple[float, float]]


def load(path: Path, cache: str | None) -> BenchSet:
    index = build_index(str(path / "profiles.jsonl"), str(path / "jobs.jsonl"), None, cache)
    block, pref, pids, jids = index.all_pairs()
    X = np.stack([feature_matrix(block.sims, f) for f in FEATURES], axis=-1)
    qrels = read_qrels(str(path / "qrels-p2j.tsv"))
    pi, ji = {p: i for i, p in enumerate(pids)}, {j: i for i, j in enumerate(jids)}
    grade = np.zeros((len(pids), len(jids)), dtype=np.float32)
    for q, docs in qrels.items():
        for doc, g in docs.items():
            if q in pi and doc in ji:
                grade[pi[q], ji[doc]] = g
    realistic = not path.name.startswith("esco")
    label = (grade > 0).astype(np.float32) if realistic else grade / 2.0
    group = np.zeros(len(pids), dtype=np.int64)
    m = esco_model()
    for i, p in enumerate(pids):
        if realistic:
            group[i] = zlib.crc32(p.encode()) % FOLDS
            continue
        best = max(qrels.get(p, {"": 0}).items(), key=lambda kv: kv[1])[0]
        occ, _ = m.occupations_for_title(index.job_records[best].title) if best else ([], "")
        major = int(m.occupations[occ[0]].isco[0]) if occ else 0
        group[i] = major % FOLDS
    return BenchSet(
        path.name,
        realistic,
        X,
        np.asarray(pref, dtype=np.float32),
        np.asarray(block.feasible),
        label,
        grade,
        pids,
        jids,
        group,
        np.asarray(taxonomy_known(block.sims)),
    )


def raw_logit(s: BenchSet, w: np.ndarray) -> np.ndarray:
    return np.asarray(s.X @ w[:-1] + w[-1] + s.pref)


def logit(s: BenchSet, m: Model) -> np.ndarray:
    """The calibrated logit: what the displayed score is the sigmoid of."""
    z = raw_logit(s, m.w)
    (a_t, b_t), (a_n, b_n) = m.calibration["taxonomy"], m.calibration["no_taxonomy"]
    return np.where(s.taxonomy, a_t * z + b_t, a_n * z + b_n)


def shown(s: BenchSet, z: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Mask of the pairs in the top SHOWN of some query, profile → jobs or job → profiles,
    among the given profiles (a fold's job → profiles lists rank only its own profiles)."""
    sub = np.where(s.feasible, z, -np.inf)[rows]
    m = np.zeros(sub.shape, dtype=bool)
    k = min(SHOWN, sub.shape[1])
    np.put_along_axis(m, np.argpartition(-sub, k - 1, axis=1)[:, :k], True, axis=1)
    kk = min(SHOWN, sub.shape[0])
    np.put_along_axis(m, np.argpartition(-sub, kk - 1, axis=0)[:kk, :], True, axis=0)
    mask = np.zeros_like(s.feasible)
    mask[rows] = m
    return mask & s.feasible


def fit(sets: list[BenchSet], masks: list[np.ndarray]) -> np.ndarray:
    xs, ys, ws, offs = [], [], [], []
    for s, m in zip(sets, masks, strict=True):
        n = max(int(m.sum()), 1)
        xs.append(s.X[m])
        ys.append(s.label[m])
        offs.append(s.pref[m])
        share = ESCO_WEIGHT if not s.realistic else 1.0 - ESCO_WEIGHT
        ws.append(np.full(int(m.sum()), share / n))
    X, y, off, sw = (np.concatenate(v).astype(np.float64) for v in (xs, ys, offs, ws))
    sw = sw / sw.sum()
    # The penalty acts on standardised weights: the centred text similarity spans ~0.1, the
    # taxonomy features span 0..1, and a plain L2 would mute the text for its scale alone.
    sd = np.sqrt(np.maximum((sw[:, None] * (X - (sw @ X)) ** 2).sum(axis=0), 1e-12))

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = X @ w[:-1] + w[-1] + off
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        eps = 1e-9
        ll = -(sw * (y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps))).sum()
        g = sw * (p - y)
        grad = np.concatenate([X.T @ g, [g.sum()]])
        reg = L2 * ((w[:-1] * sd) ** 2).sum()
        grad[:-1] += 2 * L2 * w[:-1] * sd**2
        return float(ll + reg), grad

    bounds = [(None, None) if i in FREE else (0.0, None) for i in range(len(FEATURES))]
    w0 = np.array([*FALLBACK["coef"], FALLBACK["intercept"]], dtype=np.float64)
    res = minimize(loss, w0, jac=True, method="L-BFGS-B", bounds=[*bounds, (None, None)])
    if not res.success:
        print(f"warning: {res.message}", file=sys.stderr)
    return np.asarray(res.x)


def train(sets: list[BenchSet], rows: list[np.ndarray]) -> Model:
    """Stage 1 (ranking): weights fitted on every feasible pair, so the order separates the
    right jobs from the whole field. Stage 2 (calibration): per regime a monotone map
    σ(a · logit + b) fitted on the shown pairs, so the number means what the README says;
    within a regime it leaves the order as stage 1 made it."""
    feasible = []
    for s, r in zip(sets, rows, strict=True):
        m = np.zeros_like(s.feasible)
        m[r] = s.feasible[r]
        feasible.append(m)
    model = Model(fit(sets, feasible), {"taxonomy": (1.0, 0.0), "no_taxonomy": (1.0, 0.0)})
    for _ in range(ROUNDS):
        masks = [shown(s, logit(s, model), r) for s, r in zip(sets, rows, strict=True)]
        if SPLIT_CALIBRATION:
            model = Model(
                model.w,
                {
                    regime: calibrate(sets, masks, model.w, want)
                    for regime, want in (("taxonomy", True), ("no_taxonomy", False))
                },
            )
        else:
            both = calibrate(sets, masks, model.w, None)
            model = Model(model.w, {"taxonomy": both, "no_taxonomy": both})
    return model


def calibrate(
    sets: list[BenchSet], masks: list[np.ndarray], w: np.ndarray, regime: bool | None
) -> tuple[float, float]:
    zs, ys, ws = [], [], []
    for s, m in zip(sets, masks, strict=True):
        sel = m if regime is None else m & (s.taxonomy == regime)
        n = int(sel.sum())
        if n:
            zs.append(raw_logit(s, w)[sel])
            ys.append(s.label[sel])
            ws.append(np.full(n, 1.0 / n))
    if not zs:
        return (1.0, 0.0)
    z, y, sw = (np.concatenate(v).astype(np.float64) for v in (zs, ys, ws))
    sw = sw / sw.sum()

    def loss(ab: np.ndarray) -> tuple[float, np.ndarray]:
        t = ab[0] * z + ab[1]
        p = 1.0 / (1.0 + np.exp(-np.clip(t, -30, 30)))
        ll = -(sw * (y * np.log(p + 1e-9) + (1 - y) * np.log(1 - p + 1e-9))).sum()
        g = sw * (p - y)
        return float(ll), np.array([(g * z).sum(), g.sum()])

    res = minimize(
        loss, np.array([1.0, 0.0]), jac=True, method="L-BFGS-B", bounds=[(1e-3, None), (None, None)]
    )
    return (round(float(res.x[0]), 5), round(float(res.x[1]), 5))


def metrics(s: BenchSet, z: np.ndarray, rows: np.ndarray) -> dict[str, dict[str, float]]:
    z = np.where(s.feasible, z, -np.inf)
    out = {}
    p2j = {
        s.pids[i]: [s.jids[j] for j in np.argsort(-z[i])[:100] if np.isfinite(z[i, j])]
        for i in rows
    }
    q = {
        s.pids[i]: {s.jids[j]: int(s.grade[i, j]) for j in np.flatnonzero(s.grade[i])} for i in rows
    }
    out["p2j"] = evaluate(p2j, {k: v for k, v in q.items() if v})
    zt = z[rows].T
    j2p = {
        s.jids[j]: [s.pids[rows[i]] for i in np.argsort(-zt[j])[:100] if np.isfinite(zt[j, i])]
        for j in range(len(s.jids))
    }
    qt: dict[str, dict[str, int]] = {}
    for i in rows:
        for j in np.flatnonzero(s.grade[i]):
            qt.setdefault(s.jids[j], {})[s.pids[i]] = int(s.grade[i, j])
    out["j2p"] = evaluate({k: v for k, v in j2p.items() if k in qt}, qt)
    return {d: {k: round(float(v), 4) for k, v in m.items()} for d, m in out.items()}


def calibration(pairs: list[tuple[float, float]]) -> list[dict[str, object]]:
    table = []
    arr = np.array(pairs) if pairs else np.zeros((0, 2))
    for lo in range(0, 100, 10):
        sel = (arr[:, 0] >= lo) & ((arr[:, 0] < lo + 10) | ((lo == 90) & (arr[:, 0] <= 100)))
        if sel.any():
            table.append(
                {
                    "band": f"{lo}-{lo + 10}",
                    "pairs": int(sel.sum()),
                    "share_right": round(float(arr[sel, 1].mean()), 3),
                }
            )
    return table


def main() -> None:
    ap = argparse.ArgumentParser()
    root = Path(__file__).resolve().parents[2] / "shared/bench"
    ap.add_argument("--set", action="append", default=None)
    ap.add_argument("--out", default=str(WEIGHTS_PATH))
    ap.add_argument("--cache", default=None)
    a = ap.parse_args()
    paths = [Path(p) for p in (a.set or [root / "esco-dev", root / "fleksjob-da-dev"])]
    sets = [load(p, a.cache) for p in paths]

    every = [np.arange(len(s.pids)) for s in sets]
    oof: dict[str, list[tuple[float, float]]] = {s.name: [] for s in sets}
    cv: list[dict[str, object]] = []
    for fold in range(FOLDS):
        train_rows = [np.flatnonzero(s.group != fold) for s in sets]
        test_rows = [np.flatnonzero(s.group == fold) for s in sets]
        w = train(sets, train_rows)
        for s, rows in zip(sets, test_rows, strict=True):
            if not len(rows):
                continue
            z = logit(s, w)
            m = shown(s, z, rows)
            score = 100.0 / (1.0 + np.exp(-z))
            sel = np.zeros_like(m)
            sel[rows] = m[rows]
            oof[s.name] += list(zip(score[sel].tolist(), s.label[sel].tolist(), strict=True))
            cv.append({"fold": fold, "set": s.name, "queries": len(rows), **metrics(s, z, rows)})
            print(cv[-1], file=sys.stderr)
    w = train(sets, every)
    full = {s.name: metrics(s, logit(s, w), every[i]) for i, s in enumerate(sets)}
    out = {
        "features": list(FEATURES),
        "coef": [round(float(c), 5) for c in w.w[:-1]],
        "intercept": round(float(w.w[-1]), 5),
        "calibration": w.calibration,
        "preferences": FALLBACK["preferences"],
        "distance_scale_km": FALLBACK["distance_scale_km"],
        "trained_on": [s.name for s in sets],
        "procedure": "scripts/train_matching_weights.py: logistic regression on the shown pairs "
        f"(top {SHOWN} both directions, {ROUNDS} rounds), preference terms as offset, "
        f"similarity weights >= 0, L2 {L2}, each set equal weight; "
        f"CV in {FOLDS} folds grouped by query family",
        "calibration_out_of_fold": {k: calibration(v) for k, v in oof.items()},
        "cv": cv,
        "full_fit": full,
    }
    Path(a.out).write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n")
    print(json.dumps({k: out[k] for k in ("coef", "intercept", "full_fit")}, indent=1))
    print(json.dumps(out["calibration_out_of_fold"], indent=1))


if __name__ == "__main__":
    main()
