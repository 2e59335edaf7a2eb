"""Article videos: the file (MP4 or WebM by its signature), its captions (WebVTT, required:
WCAG 1.2.2) and a poster image, each kept outside the web root under
``<data_dir>/videos/<random key>``. Byte ranges (what a player asks for) are Starlette's
FileResponse's work."""

from __future__ import annotations

from app.kit.keyed_files import KeyedFolder

MP4, WEBM, VTT = "video/mp4", "video/webm", "text/vtt"


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


_FILES = KeyedFolder("videos")
store, path_of, remove = _FILES.store, _FILES.path_of, _FILES.remove
