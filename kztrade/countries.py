"""Country mentions -> ISO 3166-1 alpha-3.

Names come from pycountry (ISO 3166-1: name, common and official names); pycountry has no demonyms,
capitals or everyday short names ("Russia" is "Russian Federation" there), so vocab/country_aliases.csv
adds those. Capitals are included because analysis prose uses them as metonyms ("Moscow's exports").
Russian names are declined: vocab/country_aliases_ru.csv lists lemmas and pymorphy3 gives their case forms.
"""
from __future__ import annotations

import csv
import re
from collections import Counter
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def alias_table(lang: str = "en") -> dict[str, str]:
    """Every printed form of a country name -> alpha-3, for one language ('en', 'ru')."""
    if lang != "en":
        return _declined_aliases(lang)
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


def _declined_aliases(lang: str) -> dict[str, str]:
    """vocab/country_aliases_<lang>.csv lists lemmas ('Россия', 'казахстанский'); the language's lexicon
    declines them ('России', 'Россией', 'казахстанского'). Names are printed capitalised, adjectives in
    either case (at the start of a sentence), abbreviations and compound stems ('российско-') as listed."""
    from .lang import lexicon

    lex = lexicon(lang)
    names: dict[str, str] = {}
    with resources.files("kztrade").joinpath(f"vocab/country_aliases_{lang}.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            w, kind, iso = row["lemma"], row["kind"], row["alpha_3"]
            if kind in ("abbreviation", "compound"):
                printed = {w, w.capitalize()} if kind == "compound" else {w}
            elif kind == "adjective":
                printed = {p for f in lex.forms(w) for p in (f, f.capitalize())}
            else:
                printed = {"-".join(part.capitalize() for part in f.split("-")) for f in lex.forms(w)}
            for p in printed:
                names.setdefault(p, iso)
    return names


@lru_cache(maxsize=None)
def country_re(lang: str = "en") -> re.Pattern:
    return _names_re(tuple(alias_table(lang)))


def _names_re(names: tuple[str, ...]) -> re.Pattern:
    from .grammar import _trie

    # a trie-shaped alternation: rejected at the first letter almost everywhere, so scanning is fast; each
    # branch checks what precedes the name after its first letter, so re skips straight to the letters
    # names begin with instead of trying the pattern at every position.
    # "US$" is a currency, not the United States; a following letter means a longer word.
    by_first: dict[str, list[str]] = {}
    for name in names:
        by_first.setdefault(name[0], []).append(name[1:])
    alts = [re.escape(ch) + rf"(?<![\w$]{re.escape(ch)})" + _trie(rests) for ch, rests in sorted(by_first.items())]
    return re.compile("(?:" + "|".join(alts) + r")(?![\w$])")


_FEW = 8  # lower-case names looked for one by one before a scan leaves them out


@lru_cache(maxsize=None)
def _capitalised(lang: str) -> tuple[re.Pattern | None, tuple[str, ...]]:
    """(country_re without the names that begin with a lower-case letter, those names), or (None, ()) where they
    are many. English has two ('the State of Eritrea'), and re stops at every 't' of a text to try them."""
    names = tuple(alias_table(lang))
    lower = tuple(n for n in names if n[0].islower())
    if not lower or len(lower) > _FEW:
        return None, ()
    return _names_re(tuple(n for n in names if not n[0].islower())), lower


def _scanner(text: str, start: int, end: int, lang: str) -> re.Pattern:
    """country_re, or the same without the lower-case names where none of them occurs in text[start:end]: a
    branch that cannot match there changes no match of the alternation."""
    upper, lower = _capitalised(lang)
    if upper is not None and all(text.find(n, start, end) < 0 for n in lower):
        return upper
    return country_re(lang)


def find_countries(text: str, start: int = 0, end: int | None = None, lang: str = "en") -> list[tuple[int, int, str]]:
    """(start, end, alpha_3) of every country mention in text[start:end]."""
    table = alias_table(lang)
    end = len(text) if end is None else end
    return [(m.start(), m.end(), table[m[0]]) for m in _scanner(text, start, end, lang).finditer(text, start, end)]


def main_pair(text: str, lang: str = "en", end: int | None = None) -> tuple[str, ...]:
    """The two economies an article (text[:end]) is mostly about: the most mentioned, ties broken by first
    mention."""
    table = alias_table(lang)
    end = len(text) if end is None else end
    # names rather than match objects: one article holds hundreds of mentions. Counter keeps the names, and so
    # counts keeps the economies, in the order of their first mention, which the stable sort keeps for ties.
    counts: dict[str, int] = {}
    for name, n in Counter(_scanner(text, 0, end, lang).findall(text, 0, end)).items():
        iso = table[name]
        counts[iso] = counts.get(iso, 0) + n
    return tuple(sorted(counts, key=counts.__getitem__, reverse=True)[:2])
