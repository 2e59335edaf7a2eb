"""Marks Danish strings for extraction into the English catalogue; translation happens when a
page or JSON error is rendered, in the reader's language."""

from __future__ import annotations


def N_(message: str) -> str:
    return message
