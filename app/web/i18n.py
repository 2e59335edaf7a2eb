"""Gettext catalogues (Babel .po files) with Danish msgids; English comes from app/locale/en."""

from __future__ import annotations

import gettext
import io
from functools import lru_cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from fastapi import Request

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
LANGUAGES = ("da", "en")
DEFAULT_LANGUAGE = "da"
LANG_COOKIE = "fleksbro_lang"


@lru_cache
def translations(lang: str) -> gettext.NullTranslations:
    """Compiled in memory from the .po file, so no build step can be forgotten."""
    po_path = LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po"
    if lang == DEFAULT_LANGUAGE or not po_path.exists():
        return gettext.NullTranslations()
    with po_path.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def language_of(request: Request) -> str:
    lang = request.cookies.get(LANG_COOKIE, DEFAULT_LANGUAGE)
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def gettext_for(lang: str, message: str) -> str:
    return translations(lang).gettext(message)
