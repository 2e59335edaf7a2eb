"""scripts/linters/one_place.py: geography and label language outside their modules fail; the
application as it is passes."""

from __future__ import annotations

from pathlib import Path

from scripts.linters.one_place import ROOT, check

BAD = """
import math
from matching.geo import haversine_km

def km(a, b):
    return 2 * 6371 * math.asin(math.radians(a - b))

def label(item, lang):
    return item.label_da if lang == "da" else item.label_en
"""

GOOD = '''
from app.taxonomy import geography, labels

def shown(item, lang):
    """label_da if lang == "da" else label_en"""  # a string never counts
    return labels.label(item, lang), geography.distance_km("2900", "8000")
'''


def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "app"
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_a_second_distance_and_a_label_choice_are_flagged(tmp_path: Path) -> None:
    problems = check(_package(tmp_path, {"jobs/service.py": BAD, "jobs/pages.py": GOOD}))
    assert [p.split(": ", 1)[0] for p in problems] == [
        "app/jobs/service.py:3",
        "app/jobs/service.py:6",
        "app/jobs/service.py:6",
        "app/jobs/service.py:9",
    ]
    assert problems[-1].endswith("labels belongs in app/taxonomy/labels.py")


def test_the_home_modules_may_do_it(tmp_path: Path) -> None:
    root = _package(tmp_path, {"taxonomy/geography.py": BAD.split("def label")[0]})
    assert check(root) == []


def test_the_application_passes() -> None:
    assert check(ROOT / "app") == []
