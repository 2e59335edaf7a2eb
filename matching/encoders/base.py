"""The encoder interface every backend implements."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

Matrix = npt.NDArray[np.float32]

# Longer texts add little meaning for matching but cost quadratic attention time; the head of a
# text (title, wished jobs, skills come first in our composed texts) carries the signal.
MAX_ENCODE_CHARS = 600


@runtime_checkable
class Encoder(Protocol):
    """Texts → L2-normalised float32 rows. Queries and passages may be embedded differently
    (e5 prefixes). Fleksbro matches profiles and postings symmetrically, so the index embeds
    both as queries (e5's rule for symmetric tasks); passages are for document retrieval."""

    @property
    def model_id(self) -> str: ...

    @property
    def dim(self) -> int: ...

    def encode_queries(self, texts: Sequence[str]) -> Matrix: ...

    def encode_passages(self, texts: Sequence[str]) -> Matrix: ...


def l2_normalize(m: np.ndarray) -> Matrix:
    m = np.asarray(m, dtype=np.float32).reshape(len(m), -1)
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (m / norms).astype(np.float32, copy=False)


# "word word word ..." (pasted or spammy text) would fill the clipped window with one token and
# make unrelated repetitive texts look alike; one occurrence carries the same meaning.
_REPEATS = re.compile(r"\b(\w+)(?:\s+\1\b){2,}", re.UNICODE)


def clip_text(text: str) -> str:
    text = _REPEATS.sub(r"\1", text[: MAX_ENCODE_CHARS * 20])
    # Empty strings are legal input; give the model something neutral rather than nothing.
    return text[:MAX_ENCODE_CHARS].strip() or "-"
