"""Accessibility checks for the browser tests: axe-core (WCAG 2.1 A/AA rules only) and reflow
at 320 CSS pixels (WCAG 1.4.10: no horizontal scrolling)."""

from __future__ import annotations

from typing import Any

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": WCAG_TAGS},
    "resultTypes": ["violations"],
}
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 320, "height": 640}

_axe = Axe()


def _describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation.get('impact')}): {violation['help']}")
        for node in violation.get("nodes", []):
            lines.append(f"    target {node.get('target')}: {node.get('failureSummary', '')!r}")
            lines.append(f"      html: {node.get('html', '')[:200]}")
    return "\n".join(lines)


def check_accessibility(page: Page) -> None:
    """Axe with the WCAG 2.1 A/AA tags finds nothing, and at 320 px nothing scrolls sideways."""
    # Inject axe-core once per document (the 320 px check reuses it), then run it.
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(_axe.axe_script)
    results: dict[str, Any] = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    violations: list[dict[str, Any]] = results["violations"]
    width = page.viewport_size["width"] if page.viewport_size else None
    where = f"{page.url} at {width}px"
    if violations:
        print(f"axe violations on {where}:\n{_describe(violations)}")
    assert not violations, (
        f"axe found WCAG 2.1 A/AA violations on {where}:\n{_describe(violations)}"
    )
    if width is not None and width <= MOBILE["width"]:
        overflow = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
        assert overflow[0] <= overflow[1], (
            f"{where} scrolls horizontally: scrollWidth {overflow[0]} > innerWidth {overflow[1]}"
        )


def check_at_both_widths(page: Page) -> None:
    """Check the page as it is now at 1280×900 and at 320×640, then restore the desktop size."""
    try:
        page.set_viewport_size(DESKTOP)
        check_accessibility(page)
        page.set_viewport_size(MOBILE)
        check_accessibility(page)
    finally:
        page.set_viewport_size(DESKTOP)
