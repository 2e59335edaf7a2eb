from __future__ import annotations

from pathlib import Path

import pytest

from app.settings import Settings
from tests.app.matches.conftest import browser

__all__ = ["browser"]


@pytest.fixture
def data_dir(settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(settings, "data_dir", tmp_path)
    return tmp_path
