"""Article images: checked by their content (magic bytes, not the name or the browser's
claim) and kept outside the web root under ``<data_dir>/images/<random key>``."""

from __future__ import annotations

from app.kit.keyed_files import KeyedFolder

PNG, JPEG, WEBP = "image/png", "image/jpeg", "image/webp"


def sniff(data: bytes) -> str | None:
    """PNG, JPEG or WebP by their signatures; anything else (SVG, GIF, HTML...) is None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return WEBP
    return None


_FILES = KeyedFolder("images")
store, load = _FILES.store, _FILES.load
