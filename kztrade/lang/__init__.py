"""The languages kztrade reads. Each language is one module (en.py, ru.py) holding its lexicon: number and
scale words, currency words, months, qualifiers, measure cues, period words, country names. The rules that
use them (tokens.py, meaning.py, periods.py) are shared. Adding a language means adding one such module and
naming it in LANGS.
"""
from __future__ import annotations

import re
from functools import lru_cache

LANGS = ("en", "ru")
_CYRILLIC = re.compile("[\u0400-\u04ff]+")
_LATIN = re.compile("[a-zA-Z]+")


@lru_cache(maxsize=None)
def lexicon(lang: str = "en"):
    """The module holding a language's lexicon (kztrade.lang.en, kztrade.lang.ru), imported on first use."""
    import importlib

    if lang not in LANGS:
        raise ValueError(f"lang={lang!r}: kztrade reads {', '.join(LANGS)}")
    return importlib.import_module(f"{__name__}.{lang}")


def detect(text: str, sample: int = 20_000) -> str:
    """'ru' when Cyrillic letters outnumber Latin ones in the text's first `sample` characters, else 'en'.

    The two languages kztrade reads are written in different scripts, so counting letters decides; a
    statistical language identifier would add a dependency and a model for no gain here. Mixed text (a
    Russian article quoting English names) goes by its majority script.
    """
    head = text[:sample]
    # counted by runs found in C, not character by character in Python
    if _CYRILLIC.search(head) is None:
        return "en"  # no Cyrillic letter: the Latin ones cannot be outnumbered
    cyr = sum(map(len, _CYRILLIC.findall(head)))
    lat = sum(map(len, _LATIN.findall(head)))
    return "ru" if cyr > lat else "en"


def resolve(lang: str | None, text: str) -> str:
    """The language to read text in: lang as given ('en', 'ru'), or detected when 'auto'/None."""
    if lang in (None, "", "auto"):
        return detect(text)
    if lang not in LANGS:
        raise ValueError(f"lang={lang!r}: kztrade reads {', '.join(LANGS)} (or 'auto')")
    return lang
