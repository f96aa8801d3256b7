"""Country mentions -> ISO 3166-1 alpha-3.

Names come from pycountry (ISO 3166-1: name, common and official names); pycountry has no demonyms,
capitals or everyday short names ("Russia" is "Russian Federation" there), so vocab/country_aliases.csv
adds those. Capitals are included because analysis prose uses them as metonyms ("Moscow's exports").
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def alias_table() -> dict[str, str]:
    import pycountry

    names: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            n = getattr(c, attr, None)
            if n and "," not in n:
                names[n] = c.alpha_3
    with resources.files("kztrade").joinpath("vocab/country_aliases.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            names[row["alias"]] = row["alpha_3"]
    return names


@lru_cache(maxsize=1)
def country_re() -> re.Pattern:
    from .grammar import _trie

    # a trie-shaped alternation: rejected at the first letter almost everywhere, so scanning is fast.
    # "US$" is a currency, not the United States; a following letter means a longer word.
    return re.compile(rf"(?<![\w$]){_trie(alias_table())}(?![\w$])")


def find_countries(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """(start, end, alpha_3) of every country mention in text[start:end]."""
    table = alias_table()
    return [(m.start(), m.end(), table[m.group()])
            for m in country_re().finditer(text, start, len(text) if end is None else end)]


def main_pair(text: str) -> tuple[str, ...]:
    """The two economies an article is mostly about: the most mentioned, ties broken by first mention."""
    counts: dict[str, list[int]] = {}
    for s, _, iso in find_countries(text):
        counts.setdefault(iso, []).append(s)
    ranked = sorted(counts, key=lambda k: (-len(counts[k]), counts[k][0]))
    return tuple(ranked[:2])
