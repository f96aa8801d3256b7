"""Country mentions -> ISO 3166-1 alpha-3.

Names come from pycountry (ISO 3166-1: name, common and official names); pycountry has no demonyms,
capitals or everyday short names ("Russia" is "Russian Federation" there), so vocab/country_aliases.csv
adds those. Capitals are included because analysis prose uses them as metonyms ("Moscow's exports").
Russian names are declined: vocab/country_aliases_ru.csv lists lemmas and pymorphy3 gives their case forms.
"""
from __future__ import annotations

import csv
import re
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
    from .grammar import _trie

    # a trie-shaped alternation: rejected at the first letter almost everywhere, so scanning is fast; each
    # branch checks what precedes the name after its first letter, so re skips straight to the letters
    # names begin with instead of trying the pattern at every position.
    # "US$" is a currency, not the United States; a following letter means a longer word.
    by_first: dict[str, list[str]] = {}
    for name in alias_table(lang):
        by_first.setdefault(name[0], []).append(name[1:])
    alts = [re.escape(ch) + rf"(?<![\w$]{re.escape(ch)})" + _trie(rests) for ch, rests in sorted(by_first.items())]
    return re.compile("(?:" + "|".join(alts) + r")(?![\w$])")


def find_countries(text: str, start: int = 0, end: int | None = None, lang: str = "en") -> list[tuple[int, int, str]]:
    """(start, end, alpha_3) of every country mention in text[start:end]."""
    table = alias_table(lang)
    return [(m.start(), m.end(), table[m.group()])
            for m in country_re(lang).finditer(text, start, len(text) if end is None else end)]


def main_pair(text: str, lang: str = "en") -> tuple[str, ...]:
    """The two economies an article is mostly about: the most mentioned, ties broken by first mention."""
    counts: dict[str, list[int]] = {}
    for s, _, iso in find_countries(text, lang=lang):
        counts.setdefault(iso, []).append(s)
    ranked = sorted(counts, key=lambda k: (-len(counts[k]), counts[k][0]))
    return tuple(ranked[:2])
