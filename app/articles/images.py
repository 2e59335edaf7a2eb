"""Article images: checked by their content (magic bytes, not the name or the browser's
claim) and kept outside the web root under ``<data_dir>/images/<random key>``."""

from __future__ import annotations

import re
import secrets
from pathlib import Path

PNG, JPEG, WEBP = "image/png", "image/jpeg", "image/webp"
_KEY = re.compile(r"^[0-9a-f]{32}$")


def sniff(data: bytes) -> str | None:
    """PNG, JPEG or WebP by their signatures; anything else (SVG, GIF, HTML...) is None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return WEBP
    return None


def _path(data_dir: Path, key: str) -> Path:
    if not _KEY.match(key):
        raise ValueError("invalid storage key")
    return data_dir / "images" / key


def store(data_dir: Path, data: bytes) -> str:
    (data_dir / "images").mkdir(parents=True, exist_ok=True, mode=0o700)
    key = secrets.token_hex(16)
    _path(data_dir, key).write_bytes(data)
    return key


def load(data_dir: Path, key: str) -> bytes | None:
    if not _KEY.match(key or ""):
        return None
    path = _path(data_dir, key)
    return path.read_bytes() if path.is_file() else None
