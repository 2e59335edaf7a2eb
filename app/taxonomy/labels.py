"""Labels by language, in one place: which of a vocabulary entry's Danish and English labels a
page or API answer shows. Danish is the default; anything but "en" gets Danish."""

from __future__ import annotations

from typing import Protocol

from matching import reference


class Labelled(Protocol):
    @property
    def label_da(self) -> str: ...

    @property
    def label_en(self) -> str: ...


def label(item: Labelled, lang: str) -> str:
    return item.label_en if lang == "en" else item.label_da


def accommodation_label(code: str, lang: str = "da") -> str:
    """The accommodation's label; the code itself for an unknown code (never an error)."""
    found = reference.ACCOMMODATION_BY_CODE.get(code)
    return code if found is None else label(found, lang)


def accommodation_choices(lang: str) -> list[tuple[str, str]]:
    """(code, label) for every accommodation, in the reference order (form choices)."""
    return [(a.code, label(a, lang)) for a in reference.ACCOMMODATIONS]


def accommodation_labels(lang: str) -> dict[str, str]:
    return dict(accommodation_choices(lang))
