"""scripts/linters/role_checks.py: fails on a role comparison outside the policy modules, passes
on the application as it is."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from scripts.linters.role_checks import ROOT, check_file, check_tree, main

BAD = """
from app.models import Role

def is_boss(user):
    return user.role == Role.ADMIN

def staff(user):
    if user.role in (Role.CONSULTANT, Role.ADMIN):
        return True
    return Role.COMPANY.value == user.role.value

def query(select, User):
    return select(User).where(User.role.in_([Role.CONSULTANT]))

def menu(user):
    return {Role.ADMIN: "admin"}.get(user.role)

def matching(user):
    match user.role:
        case Role.FLEXJOBBER:
            return 1
    return 0
"""

GOOD = """
from app.accounts import policy as roles
from app.models import Role, User

def make(db):
    db.add(User(role=Role.COMPANY))  # naming a role to create a user is no comparison

def check(user):
    # a comment saying user.role == Role.ADMIN does not count, nor does a string:
    text = "user.role == Role.ADMIN"
    return roles.is_admin(user) and text
"""


def _write(tmp_path: Path, relative: str, source: str) -> Path:
    path = tmp_path / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(source, encoding="utf-8")
    return path


def test_each_kind_of_role_comparison_is_found(tmp_path: Path) -> None:
    path = _write(tmp_path, "app/things/service.py", BAD)
    lines = [f.line for f in check_file(path)]
    assert lines == [5, 8, 10, 13, 16, 20]


def test_naming_a_role_comments_and_strings_are_fine(tmp_path: Path) -> None:
    assert check_file(_write(tmp_path, "app/things/service.py", GOOD)) == []


def test_policy_files_and_the_guard_module_may_compare(tmp_path: Path) -> None:
    _write(tmp_path, "app/things/policy.py", BAD)
    _write(tmp_path, "app/web/guards.py", BAD)
    assert check_tree(tmp_path / "app") == []
    _write(tmp_path, "app/things/pages.py", BAD)
    _write(tmp_path, "app/web/deps.py", BAD)
    found = {f.path.relative_to(tmp_path).as_posix() for f in check_tree(tmp_path / "app")}
    assert found == {"app/things/pages.py", "app/web/deps.py"}


def test_the_command_fails_on_a_bad_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(tmp_path, "app/things/service.py", BAD)
    assert main([str(tmp_path / "app")]) == 1
    out = capsys.readouterr().out
    assert "app/things/service.py:5: role comparison outside a policy module" in out
    # Run the way scripts/test runs it: a non-zero exit status.
    run = subprocess.run(
        [sys.executable, "-m", "scripts.linters.role_checks", str(tmp_path / "app")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1


def test_the_application_has_no_role_comparison_outside_policy() -> None:
    found = check_tree(ROOT / "app")
    assert not found, "\n".join(str(f) for f in found)
