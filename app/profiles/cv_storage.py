"""CV files: checked by their content (not their name) and kept outside the web root.

Files live under ``<data_dir>/cv/<storage key>``; the key is random, so a file name never
reveals whose CV it is, and it is only ever handed out by a route that asks the policy first.
"""

from __future__ import annotations

import io
import re
import secrets
import zipfile
from pathlib import Path

MAX_CV_BYTES = 5 * 1024 * 1024
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
EXTENSIONS = {PDF: ".pdf", DOCX: ".docx"}
_KEY = re.compile(r"^[0-9a-f]{32}$")


def sniff(data: bytes) -> str | None:
    """The content type the bytes really are (PDF or DOCX), or None."""
    if data.startswith(b"%PDF-"):
        return PDF
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                if "word/document.xml" in archive.namelist():
                    return DOCX
        except (zipfile.BadZipFile, ValueError):
            return None
    return None


def safe_filename(name: str, content_type: str) -> str:
    """A plain file name for the download (no path, no odd characters), with the right ending."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = re.sub(r"[^\w.\- ]", "_", base).strip(" .") or "cv"
    stem = base.rsplit(".", 1)[0] if "." in base else base
    return (stem[:150] or "cv") + EXTENSIONS[content_type]


def _path(data_dir: Path, key: str) -> Path:
    if not _KEY.match(key):
        raise ValueError("invalid storage key")
    return data_dir / "cv" / key


def store(data_dir: Path, data: bytes) -> str:
    folder = data_dir / "cv"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    key = secrets.token_hex(16)
    _path(data_dir, key).write_bytes(data)
    return key


def load(data_dir: Path, key: str) -> bytes | None:
    """The stored bytes, or None when there is no such file (or the key is not one of ours)."""
    if not _KEY.match(key or ""):
        return None
    path = _path(data_dir, key)
    return path.read_bytes() if path.is_file() else None


def remove(data_dir: Path, key: str) -> None:
    _path(data_dir, key).unlink(missing_ok=True)
