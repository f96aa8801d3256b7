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
    names = sorted(alias_table(), key=len, reverse=True)
    alt = "|".join(re.escape(n) for n in names)
    # "US$" is a currency, not the United States; a following letter means a longer word.
    return re.compile(rf"(?<![\w$])(?:{alt})(?![\w$])")


_CAPITALISED = re.compile(r"[A-Z][^\W\d_]*")


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    return frozenset(re.match(r"[^\W\d_]*", n).group() for n in alias_table())


def find_countries(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """(start, end, alpha_3) of every country mention in text[start:end].

    The alias alternation is tried only at capitalised words that begin some alias: trying it at every
    character would make this the slowest step of extraction.
    """
    table, firsts, full = alias_table(), _first_words(), country_re()
    end = len(text) if end is None else end
    out = []
    last = -1
    for c in _CAPITALISED.finditer(text, start, end):
        if c.start() < last or c.group() not in firsts:
            continue
        m = full.match(text, c.start(), end)
        if m:
            out.append((m.start(), m.end(), table[m.group()]))
            last = m.end()
    return out


def main_pair(text: str) -> tuple[str, ...]:
    """The two economies an article is mostly about: the most mentioned, ties broken by first mention."""
    counts: dict[str, list[int]] = {}
    for s, _, iso in find_countries(text):
        counts.setdefault(iso, []).append(s)
    ranked = sorted(counts, key=lambda k: (-len(counts[k]), counts[k][0]))
    return tuple(ranked[:2])
