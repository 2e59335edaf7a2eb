"""Fails when geography or the choice of a label's language is done outside its one module.

"Within 20 km" and "the English label" must mean the same on every page, in the API and in the
import, so each is decided once: distances and postcodes-within-N-km in
``app/taxonomy/geography.py`` (arithmetic in ``matching/geo.py``), which of ``label_da`` /
``label_en`` to show in ``app/taxonomy/labels.py``. Flagged (AST, so comments and strings never
count), anywhere in ``app`` but those modules:

- importing ``haversine_km`` or calling ``math.asin`` / ``math.radians`` (a second distance);
- a conditional expression that picks between ``.label_da`` and ``.label_en``.

Usage: ``python -m scripts.linters.one_place [root]`` (default: the repository's ``app``).
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HOMES = {"geography": "app/taxonomy/geography.py", "labels": "app/taxonomy/labels.py"}


def _attr(node: ast.expr) -> str | None:
    return node.attr if isinstance(node, ast.Attribute) else None


def _second_distance(node: ast.AST) -> bool:
    if isinstance(node, ast.ImportFrom):
        return any(alias.name == "haversine_km" for alias in node.names)
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in {"asin", "radians"}
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "math"
    )


def findings(tree: ast.AST) -> Iterator[tuple[str, int]]:
    for node in ast.walk(tree):
        if _second_distance(node):
            yield "geography", node.lineno
        elif isinstance(node, ast.IfExp) and {_attr(node.body), _attr(node.orelse)} == {
            "label_da",
            "label_en",
        }:
            yield "labels", node.lineno


def check(root: Path) -> list[str]:
    problems = []
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root.parent).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for concern, line in sorted(findings(tree), key=lambda found: found[1]):
            if relative != HOMES[concern]:
                problems.append(f"{relative}:{line}: {concern} belongs in {HOMES[concern]}")
    return problems


def main(argv: list[str]) -> int:
    root = Path(argv[1]) if len(argv) > 1 else ROOT / "app"
    problems = check(root)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
