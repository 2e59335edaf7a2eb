"""Article videos: the file (MP4 or WebM by its signature), its captions (WebVTT, required:
WCAG 1.2.2) and a poster image, each kept outside the web root under
``<data_dir>/videos/<random key>``. Byte ranges (what a player asks for) are Starlette's
FileResponse's work."""

from __future__ import annotations

import re
import secrets
from pathlib import Path

MP4, WEBM, VTT = "video/mp4", "video/webm", "text/vtt"
_KEY = re.compile(r"^[0-9a-f]{32}$")


def sniff_video(data: bytes) -> str | None:
    """WebM (EBML header) or MP4 (an ``ftyp`` box first); anything else is None."""
    if data.startswith(b"\x1a\x45\xdf\xa3"):
        return WEBM
    if len(data) >= 12 and data[4:8] == b"ftyp":
        return MP4
    return None


def valid_captions(data: bytes) -> bool:
    """A WebVTT file: UTF-8, the WEBVTT signature line and at least one cue timing."""
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        return False
    first = text.split("\n", 1)[0].rstrip("\r")
    return (first == "WEBVTT" or first.startswith(("WEBVTT ", "WEBVTT\t"))) and "-->" in text


def _path(data_dir: Path, key: str) -> Path:
    if not _KEY.match(key):
        raise ValueError("invalid storage key")
    return data_dir / "videos" / key


def store(data_dir: Path, data: bytes) -> str:
    (data_dir / "videos").mkdir(parents=True, exist_ok=True, mode=0o700)
    key = secrets.token_hex(16)
    _path(data_dir, key).write_bytes(data)
    return key


def path_of(data_dir: Path, key: str) -> Path | None:
    if not _KEY.match(key or ""):
        return None
    path = _path(data_dir, key)
    return path if path.is_file() else None


def remove(data_dir: Path, key: str) -> None:
    if _KEY.match(key or ""):
        _path(data_dir, key).unlink(missing_ok=True)
