"""Fit the score's feature weights on a benchmark, reproducibly, and write matching/weights.json.

    .venv/bin/python scripts/train_matching_weights.py --set ../shared/bench/esco-dev

Procedure (written up in matching/README.md):
1. Index the set with the product code and compute the similarity features for ALL
   profile × job pairs (no sampling, so the probabilities keep the real base rate).
2. Label = grade / top grade: same occupation 1, same ISCO unit group 0.5 (soft label).
3. Logistic regression (scikit-learn, L2, C fixed, deterministic lbfgs solver).
4. Cross-validate grouped by the ISCO major group of the query's occupation, so every fold
   is scored on occupations families it never saw; report MRR / nDCG@10 per fold.
5. Refit on everything and save coefficients + the CV report.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from matching.cli import build_index
from matching.components import similarities
from matching.esco import esco_model
from matching.metrics import evaluate, read_qrels
from matching.scoring import FALLBACK, WEIGHTS_PATH, feature_matrix

FEATURES = ("text", "title", "occupation", "isco", "skills")
C = 1.0
SEED = 0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument(
        "--set", default=str(Path(__file__).resolve().parents[2] / "shared/bench/esco-dev")
    )
    ap.add_argument("--out", default=str(WEIGHTS_PATH))
    ap.add_argument("--cache", default=None)
    a = ap.parse_args()
    d = Path(a.set)
    index = build_index(str(d / "profiles.jsonl"), str(d / "jobs.jsonl"), None, a.cache)
    P, J = index.profiles, index.jobs
    rows = np.arange(P.size, dtype=np.int64)
    sims = similarities(P, rows, J)
    text_center = float(np.median(sims["text"]))
    X = np.stack([feature_matrix(sims, f, text_center).ravel() for f in FEATURES], axis=1)
    qrels = read_qrels(str(d / "qrels-p2j.tsv"))
    top = max(g for docs in qrels.values() for g in docs.values())
    y = np.zeros((P.size, J.size), dtype=np.float32)  # relevance as a share of the top grade
    for q, docs in qrels.items():
        for doc, g in docs.items():
            if g > 0 and q in P.slot and doc in J.slot:
                y[P.slot[q], J.slot[doc]] = g / top

    # Group each query by the ISCO major group of its best-graded job's title occupation.
    m = esco_model()
    groups = np.zeros(P.size, dtype=np.int32)
    for q, docs in qrels.items():
        best = max(docs, key=lambda k: docs[k])
        ids, _ = m.occupations_for_title(index.job_records[best].title)
        groups[P.slot[q]] = int(m.occupations[ids[0]].isco[0]) if ids else -1

    def fit(mask_q: np.ndarray) -> LogisticRegression:
        sel = np.repeat(mask_q, J.size)
        # Soft labels via duplicated rows: a grade-1 pair is half a positive, half a negative,
        # so the probability reads as expected relevance (100 = same occupation).
        xs, ys = X[sel], y.ravel()[sel]
        keep = ys > 0
        xx = np.concatenate([xs, xs[keep]])
        yy = np.concatenate([(ys >= 1).astype(np.int8), np.ones(int(keep.sum()), dtype=np.int8)])
        ww = np.concatenate([np.where(keep & (ys < 1), 1 - ys, 1.0), ys[keep]])
        # Every component must speak *for* a match (a negative weight would make a shared skill
        # cost points, which users cannot understand and which only reflects collinearity in
        # this data): refit without features that come out negative.
        active = list(range(len(FEATURES)))
        while True:
            clf = LogisticRegression(C=C, max_iter=500, random_state=SEED)
            clf.fit(xx[:, active], yy, sample_weight=ww)
            neg = [a for a, c in zip(active, clf.coef_[0], strict=True) if c < 0]
            if not neg:
                break
            active = [a for a in active if a not in neg]
        full = np.zeros((1, len(FEATURES)))
        full[0, active] = clf.coef_[0]
        clf.coef_ = full
        clf.n_features_in_ = len(FEATURES)
        return clf

    def metrics(clf: LogisticRegression | None, mask_q: np.ndarray) -> dict[str, float]:
        if clf is None:
            coef, b = np.array(FALLBACK["coef"]), float(FALLBACK["intercept"])
        else:
            coef, b = clf.coef_[0], float(clf.intercept_[0])
        qs = np.flatnonzero(mask_q)
        logit = (X.reshape(P.size, J.size, -1)[qs] @ coef) + b
        ranking = {
            P.ids[q]: [J.ids[i] for i in np.argsort(-logit[n])[:100]] for n, q in enumerate(qs)
        }
        sub = {q: qrels[q] for q in (P.ids[i] for i in qs) if q in qrels}
        return {k: round(v, 4) for k, v in evaluate(ranking, sub).items()}  # type: ignore[arg-type]

    report = []
    for g in sorted(set(groups.tolist())):
        test = groups == g
        clf = fit(~test)
        report.append(
            {
                "held_out_isco_major": g,
                "queries": int(test.sum()),
                "learned": metrics(clf, test),
                "untrained_prior": metrics(None, test),
            }
        )
        print(report[-1])
    clf = fit(np.ones(P.size, dtype=bool))
    prob = clf.predict_proba(X)[:, 1]
    bins = np.linspace(0, 1, 6)
    calib = []
    for lo, hi in itertools.pairwise(bins):
        sel = (prob >= lo) & (prob < hi if hi < 1 else prob <= hi)
        if sel.any():
            calib.append(
                {
                    "score_range": [round(100 * lo), round(100 * hi)],
                    "pairs": int(sel.sum()),
                    "mean_relevance": round(float(y.ravel()[sel].mean()), 4),
                }
            )
    out = {
        "features": list(FEATURES),
        "coef": [round(float(c), 5) for c in clf.coef_[0]],
        "intercept": round(float(clf.intercept_[0]), 5),
        "text_center": round(text_center, 5),
        "preferences": FALLBACK["preferences"],
        "distance_scale_km": FALLBACK["distance_scale_km"],
        "trained_on": d.name,
        "model_id": index.encoder.model_id,
        "procedure": "LogisticRegression(C=1.0, lbfgs, seed 0) on all profile x job pairs, "
        "soft label grade/2 (grade 1 = half relevant); "
        "CV grouped by ISCO major group of the query occupation",
        "cv_by_isco_major_group": report,
        "calibration_full_fit": calib,
        "full_fit": metrics(clf, np.ones(P.size, dtype=bool)),
    }
    Path(a.out).write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n")
    print(
        json.dumps({k: out[k] for k in ("coef", "intercept", "full_fit", "calibration_full_fit")})
    )


if __name__ == "__main__":
    main()
