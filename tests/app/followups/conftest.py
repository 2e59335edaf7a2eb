from __future__ import annotations

from tests.app.matches.conftest import browser

__all__ = ["browser"]
