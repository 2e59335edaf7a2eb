"""Embedding cache keyed by (model id, sha256 of role + text): only new or changed texts are
encoded again. Persisted as append-only numpy shards so a cold start just reads a few arrays."""

from __future__ import annotations

import hashlib
import os
import re
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from matching.encoders.base import Encoder, Matrix

KEY_BYTES = 32


def text_key(role: str, text: str) -> bytes:
    # The role is part of the key: e5 embeds the same text differently as query and passage.
    return hashlib.sha256(f"{role}\x00{text}".encode()).digest()


class EmbeddingCache:
    """In-memory dict of float16 rows (half the memory; cosine error ~1e-3) with an optional
    on-disk directory per model id."""

    def __init__(self, model_id: str, directory: str | Path | None = None) -> None:
        self.model_id = model_id
        self._rows: dict[bytes, np.ndarray] = {}
        self._pending: dict[bytes, np.ndarray] = {}
        self._lock = threading.Lock()
        self.directory: Path | None = None
        if directory is not None:
            safe = re.sub(r"[^A-Za-z0-9._-]+", "_", model_id)
            self.directory = Path(directory) / safe
            self._load()

    def __len__(self) -> int:
        return len(self._rows)

    def _shards(self) -> list[Path]:
        assert self.directory is not None
        return sorted(self.directory.glob("shard-*.keys.npy"))

    def _load(self) -> None:
        assert self.directory is not None
        if not self.directory.is_dir():
            return
        for kpath in self._shards():
            vpath = kpath.with_name(kpath.name.replace(".keys.npy", ".vecs.npy"))
            if not vpath.exists():
                continue  # an interrupted write: its keys were never published
            raw = np.load(kpath)
            vecs = np.load(vpath)
            if raw.dtype.kind == "S":  # early format; numpy "S" strips trailing NUL bytes
                keys = [k.ljust(KEY_BYTES, b"\0") for k in raw.tolist()]
            else:
                buf = raw.tobytes()
                keys = [buf[i : i + KEY_BYTES] for i in range(0, len(buf), KEY_BYTES)]
            self._rows.update(zip(keys, vecs, strict=True))

    def get(self, key: bytes) -> np.ndarray | None:
        return self._rows.get(key)

    def put(self, key: bytes, vec: np.ndarray) -> None:
        row = np.asarray(vec, dtype=np.float16)
        with self._lock:
            self._rows[key] = row
            self._pending[key] = row

    def flush(self) -> None:
        """Write rows added since the last flush as one new shard (atomic renames)."""
        with self._lock:
            if self.directory is None or not self._pending:
                self._pending.clear()
                return
            self.directory.mkdir(parents=True, exist_ok=True)
            n = len(self._shards())
            stem = self.directory / f"shard-{n:06d}-{os.getpid()}"
            # raw uint8 rows, not numpy "S" strings: those drop trailing zero bytes of a digest
            keys = np.frombuffer(b"".join(self._pending), dtype=np.uint8).reshape(-1, KEY_BYTES)
            vecs = np.stack(list(self._pending.values()))
            for suffix, arr in ((".vecs.npy", vecs), (".keys.npy", keys)):
                tmp = stem.with_name(stem.name + suffix + ".tmp")
                with open(tmp, "wb") as fh:
                    np.save(fh, arr)
                tmp.replace(stem.with_name(stem.name + suffix))
            self._pending.clear()


class CachedEncoder:
    """Wraps an Encoder; counts how many texts actually went to the model (`encoded`)."""

    def __init__(self, encoder: Encoder, cache: EmbeddingCache, batch_size: int = 64) -> None:
        self.encoder = encoder
        self.cache = cache
        self.batch_size = batch_size
        self.encoded = 0

    @property
    def model_id(self) -> str:
        return self.encoder.model_id

    @property
    def dim(self) -> int:
        return self.encoder.dim

    def _encode(self, texts: Sequence[str], role: str) -> Matrix:
        out = np.zeros((len(texts), self.encoder.dim), dtype=np.float32)
        keys = [text_key(role, t) for t in texts]
        missing: dict[bytes, str] = {}
        for i, k in enumerate(keys):
            row = self.cache.get(k)
            if row is None:
                missing.setdefault(k, texts[i])
            else:
                out[i] = row
        if missing:
            fn = self.encoder.encode_queries if role == "q" else self.encoder.encode_passages
            items = list(missing.items())
            for start in range(0, len(items), self.batch_size):
                chunk = items[start : start + self.batch_size]
                vecs = fn([t for _, t in chunk])
                for (k, _), v in zip(chunk, vecs, strict=True):
                    self.cache.put(k, v)
                self.encoded += len(chunk)
            self.cache.flush()
            for i, k in enumerate(keys):
                if k in missing:
                    out[i] = self.cache.get(k)
        return out

    def encode_queries(self, texts: Sequence[str]) -> Matrix:
        return self._encode(texts, "q")

    def encode_passages(self, texts: Sequence[str]) -> Matrix:
        return self._encode(texts, "p")
