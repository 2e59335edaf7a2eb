"""Kroner as the reader writes them: 15.600 in Danish, 15,600 in English."""

from __future__ import annotations

from decimal import Decimal


def kroner(value: int | Decimal, lang: str) -> str:
    text = f"{value:,.0f}" if isinstance(value, int) else f"{value:,.2f}".rstrip("0").rstrip(".")
    if lang == "da":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return f"{text} kr."


def number(value: Decimal, lang: str) -> str:
    text = f"{value.normalize():f}"
    return text.replace(".", ",") if lang == "da" else text
