"""Small helpers for HTML form handling in page routes."""

from __future__ import annotations


def safe_next(target: str | None, default: str = "/hjem") -> str:
    """Only same-site relative paths, so a crafted link cannot send people elsewhere."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return default
