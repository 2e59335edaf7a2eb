"""Ranking metrics exactly as ../shared/bench/README.md defines them.

- MRR and recall@10 count only the *top-graded* documents of each query (the highest grade in
  its qrels, e.g. grade 2 = same occupation).
- nDCG@10 uses all grades, gain = grade (linear), discount 1/log2(rank + 1), ideal = grades
  sorted descending.
- Averaged over queries that have at least one positive grade; a query missing from the
  ranking counts as 0.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

Qrels = Mapping[str, Mapping[str, int]]


def read_qrels(path: str) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 3:
                out.setdefault(parts[0], {})[parts[1]] = int(parts[2])
    return out


def evaluate(ranking: Mapping[str, Sequence[str]], qrels: Qrels, k: int = 10) -> dict[str, float]:
    mrr = rec = ndcg = 0.0
    n = 0
    for qid, grades in qrels.items():
        positive = {d: g for d, g in grades.items() if g > 0}
        if not positive:
            continue
        n += 1
        top_grade = max(positive.values())
        best = {d for d, g in positive.items() if g == top_grade}
        ranked = list(ranking.get(qid, ()))
        for i, d in enumerate(ranked):
            if d in best:
                mrr += 1.0 / (i + 1)
                break
        rec += len(best & set(ranked[:k])) / len(best)
        dcg = sum(positive.get(d, 0) / math.log2(i + 2) for i, d in enumerate(ranked[:k]))
        ideal = sorted(positive.values(), reverse=True)[:k]
        idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
        ndcg += dcg / idcg
    n = max(n, 1)
    return {"MRR": mrr / n, "recall@10": rec / n, "nDCG@10": ndcg / n, "queries": float(n)}
