"""Optional backend: any sentence-transformers model, from a local directory or an installed name.

Needs the `st` extra (torch==2.13.0 CPU, sentence-transformers). Runs offline: we set the
Hugging Face offline switches so a missing model fails fast instead of downloading.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from matching.encoders.base import Matrix, clip_text, l2_normalize


class SentenceTransformerEncoder:
    def __init__(self, model_name_or_path: str, device: str = "cpu") -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer

        self._name = model_name_or_path
        self._model = SentenceTransformer(model_name_or_path, device=device)
        # renamed in sentence-transformers 6; keep working with 3–5 too
        get_dim = getattr(self._model, "get_embedding_dimension", None)
        dim = get_dim() if get_dim else self._model.get_sentence_embedding_dimension()
        self._dim = int(dim) if dim else int(self._model.encode(["x"]).shape[1])
        # e5-family models expect the same query/passage prefixes as the default backend.
        self._prefixes = (
            ("query: ", "passage: ") if "e5" in Path(self._name).name.lower() else ("", "")
        )

    @property
    def model_id(self) -> str:
        return f"st/{Path(self._name).name or self._name}"

    @property
    def dim(self) -> int:
        return self._dim

    def _encode(self, texts: Sequence[str], prefix: str) -> Matrix:
        if not texts:
            return np.zeros((0, self._dim), dtype=np.float32)
        out = self._model.encode(
            [prefix + clip_text(t) for t in texts], batch_size=32, show_progress_bar=False
        )
        return l2_normalize(np.asarray(out))

    def encode_queries(self, texts: Sequence[str]) -> Matrix:
        return self._encode(texts, self._prefixes[0])

    def encode_passages(self, texts: Sequence[str]) -> Matrix:
        return self._encode(texts, self._prefixes[1])
