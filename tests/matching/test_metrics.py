import math

import pytest

from matching.metrics import evaluate


def test_metrics_by_hand():
    qrels = {"q1": {"a": 2, "b": 1}, "q2": {"c": 2}, "q3": {"x": 0}}
    ranking = {"q1": ["b", "a", "z"], "q2": ["z"] * 0 + ["y", "w"]}
    m = evaluate(ranking, qrels)
    assert m["queries"] == 2  # q3 has no positive grade
    assert m["MRR"] == pytest.approx((1 / 2 + 0) / 2)
    assert m["recall@10"] == pytest.approx(0.5)
    ideal = 2 + 1 / math.log2(3)
    assert m["nDCG@10"] == pytest.approx(((1 + 2 / math.log2(3)) / ideal + 0) / 2)
