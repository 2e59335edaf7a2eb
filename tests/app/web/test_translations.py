"""Every Danish string in the templates and code has an English translation."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po

from app.settings import PROJECT_ROOT

CATALOGUE = PROJECT_ROOT / "app" / "locale" / "en" / "LC_MESSAGES" / "messages.po"


def _ids(path: Path) -> dict[object, object]:
    with path.open("rb") as handle:
        return {m.id: m.string for m in read_po(handle) if m.id}


def test_english_catalogue_covers_every_string(tmp_path: Path) -> None:
    pot = tmp_path / "messages.pot"
    subprocess.run(
        [
            sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg",
            "-k", "N_", "-k", "_", "-o", str(pot), "--no-location", ".",
        ],
        cwd=PROJECT_ROOT, check=True, capture_output=True,
    )  # fmt: skip
    wanted = _ids(pot)
    english = _ids(CATALOGUE)
    missing = [str(i) for i in wanted if i not in english]
    assert not missing, f"run scripts/i18n and translate: {missing[:10]}"
    empty = [
        str(i)
        for i, text in english.items()
        if i in wanted and (not text or (isinstance(text, tuple) and not all(text)))
    ]
    assert not empty, f"untranslated: {empty[:10]}"
