"""Uploaded files kept outside the web root under ``<data_dir>/<folder>/<random key>``: only
the random key is stored in the database, and a key that is not one of ours (a path, "..")
never reaches the file system."""

from __future__ import annotations

import re
import secrets
from pathlib import Path

_KEY = re.compile(r"^[0-9a-f]{32}$")


class KeyedFolder:
    def __init__(self, folder: str) -> None:
        self.folder = folder

    def _path(self, data_dir: Path, key: str) -> Path | None:
        return data_dir / self.folder / key if _KEY.match(key or "") else None

    def store(self, data_dir: Path, data: bytes) -> str:
        (data_dir / self.folder).mkdir(parents=True, exist_ok=True, mode=0o700)
        key = secrets.token_hex(16)
        (data_dir / self.folder / key).write_bytes(data)
        return key

    def path_of(self, data_dir: Path, key: str) -> Path | None:
        """The file behind the key, or None (no such file, or not a key of ours)."""
        path = self._path(data_dir, key)
        return path if path is not None and path.is_file() else None

    def load(self, data_dir: Path, key: str) -> bytes | None:
        path = self.path_of(data_dir, key)
        return path.read_bytes() if path is not None else None

    def remove(self, data_dir: Path, key: str) -> None:
        path = self._path(data_dir, key)
        if path is not None:
            path.unlink(missing_ok=True)
