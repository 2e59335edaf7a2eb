"""Fails on a role comparison outside the policy modules: who may do what is decided in
``app/<domain>/policy.py`` (and applied by the typed guards in ``app/web/guards.py``), so a
``user.role == Role.ADMIN`` in a service, page or template helper is a second, unreviewed copy
of an authorization rule.

Flagged (AST, so comments and strings never count):
- a comparison (``==``, ``!=``, ``in``, ``not in``, ``is``) with a ``Role.<member>`` (or its
  ``.value``), with anything's ``.role`` (or ``.role.value``), or with a tuple/list/set of
  ``Role`` members;
- a SQL ``X.role.in_(...)`` / ``.not_in(...)``;
- ``{Role.A: ..., }.get(x.role)`` and ``match x.role: case Role.A`` (a comparison in disguise).
Naming a role to *create* something (``User(role=Role.COMPANY)``) is not a comparison.

Usage: ``python -m scripts.linters.role_checks [root]`` (default: the repository's ``app``).
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Where role comparisons belong, relative to the scanned package's parent.
ALLOWED = ("app/*/policy.py", "app/web/guards.py")
_SQL_SETS = {"in_", "not_in", "notin_"}


@dataclass(frozen=True)
class Finding:
    path: Path
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: role comparison outside a policy module: {self.text}"


def _is_role_member(node: ast.expr) -> bool:
    """``Role.X`` or ``Role.X.value``."""
    if isinstance(node, ast.Attribute) and node.attr == "value":
        node = node.value
    return (
        isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "Role"
    )


def _is_role_of(node: ast.expr) -> bool:
    """``anything.role`` or ``anything.role.value``."""
    if isinstance(node, ast.Attribute) and node.attr == "value":
        node = node.value
    return isinstance(node, ast.Attribute) and node.attr == "role"


def _is_role_like(node: ast.expr) -> bool:
    if _is_role_member(node) or _is_role_of(node):
        return True
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return any(_is_role_member(element) for element in node.elts)
    return False


def _violations(tree: ast.AST) -> Iterator[ast.AST]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            if any(_is_role_like(operand) for operand in [node.left, *node.comparators]):
                yield node
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            func = node.func
            if (func.attr in _SQL_SETS and _is_role_of(func.value)) or (
                func.attr == "get" and any(_is_role_of(arg) for arg in node.args[:1])
            ):
                yield node
        elif isinstance(node, ast.match_case):
            pattern = node.pattern
            if isinstance(pattern, ast.MatchValue) and _is_role_member(pattern.value):
                yield node.pattern


def _allowed(path: Path, base: Path) -> bool:
    relative = path.relative_to(base)
    return any(relative.match(pattern) for pattern in ALLOWED)


def check_file(path: Path, source: str | None = None) -> list[Finding]:
    text = source if source is not None else path.read_text(encoding="utf-8")
    tree = ast.parse(text, filename=str(path))
    lines = text.splitlines()
    found = []
    for node in _violations(tree):
        line = getattr(node, "lineno", 1)
        found.append(Finding(path, line, lines[line - 1].strip() if lines else ""))
    return sorted(found, key=lambda f: f.line)


def check_tree(package: Path) -> list[Finding]:
    """Every finding under ``package`` (a directory named like ``app``)."""
    base = package.parent
    found: list[Finding] = []
    for path in sorted(package.rglob("*.py")):
        if not _allowed(path, base):
            found += check_file(path)
    return found


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    package = Path(args[0]) if args else ROOT / "app"
    found = check_tree(package)
    for finding in found:
        print(finding)
    if found:
        print(
            f"{len(found)} role comparison(s) outside app/*/policy.py and app/web/guards.py: "
            "decide it in the domain's policy (or use a guard from app.web.guards)."
        )
        return 1
    print("role checks: no role comparison outside the policy modules")
    return 0


if __name__ == "__main__":
    sys.exit(main())
