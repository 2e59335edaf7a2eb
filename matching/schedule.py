"""Weekly schedule slots: weekday × part of day, encoded as e.g. "mon_morning"."""

from __future__ import annotations

WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
PARTS_OF_DAY: tuple[str, ...] = ("morning", "afternoon", "evening")
SCHEDULE_SLOTS: tuple[str, ...] = tuple(f"{d}_{p}" for d in WEEKDAYS for p in PARTS_OF_DAY)
SLOT_INDEX: dict[str, int] = {s: i for i, s in enumerate(SCHEDULE_SLOTS)}

WEEKDAY_LABELS_DA: dict[str, str] = {
    "mon": "mandag",
    "tue": "tirsdag",
    "wed": "onsdag",
    "thu": "torsdag",
    "fri": "fredag",
    "sat": "lørdag",
    "sun": "søndag",
}
PART_LABELS_DA: dict[str, str] = {
    "morning": "formiddag",
    "afternoon": "eftermiddag",
    "evening": "aften",
}


def schedule_mask(slots: frozenset[str]) -> int:
    """Bit mask of known slots (unknown strings are ignored, not errors)."""
    mask = 0
    for s in slots:
        if s in SLOT_INDEX:
            mask |= 1 << SLOT_INDEX[s]
    return mask
