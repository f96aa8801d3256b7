"""A case-insensitive token pattern matched on the lower-cased text, case-sensitively: the same matches, cheaper.

Under re.I the regex engine folds every character it compares; over the hundreds of Russian number words of
the token pattern that costs some 10 µs a word. Matching the text lower-cased once (str.lower) with the
pattern's (?i:...) scopes made case-sensitive gives the same match at the same place when

- the text lower-cases character for character (no 'İ', which becomes two) and holds none of the characters
  re folds onto a letter beyond str.lower (grammar._FOLDS_APART: dotless i, long s, the Kelvin sign, the
  rounded Cyrillic letters), and
- every cased letter the pattern reads inside (?i:...) is printed lower case (a lower-cased text holds no
  other), every class there holds the lower case of each cased letter it holds, and outside (?i:...) the
  pattern reads no cased letter except in classes holding both cases of each (so a letter and its lower case
  are in or out together).

lowered() checks the second on the parsed pattern, once; lower() the first, once a text.
"""
from __future__ import annotations

import re
from re import _compiler
from re import _constants as C
from re import _parser as P

from .grammar import _FOLDS_APART
from .trie_branches import tried


def _cased(c: str) -> bool:
    return c.lower() != c.upper()


def _class_ok(av, ic: bool) -> bool:
    members = []
    for op, arg in av:
        if op is C.LITERAL:
            members.append(chr(arg))
        elif op is C.RANGE:
            if arg[1] - arg[0] > 2000:
                return False  # too wide to read letter by letter
            members += [chr(c) for c in range(arg[0], arg[1] + 1)]
        elif op is C.CATEGORY or op is C.NEGATE:
            continue  # \\w, \\s, \\d: a letter and its lower case are of the same category
        else:
            return False
    holds = _compiler.compile(P.SubPattern(P.State(), [(C.IN, av)]), 0).fullmatch
    for c in members:
        if not _cased(c):
            continue
        variants = (c.lower(),) if ic else (c.lower(), c.upper())
        if any(len(v) != 1 or not holds(v) for v in variants):
            return False
    return True


def _safe(items, ic: bool) -> bool:
    for op, av in items:
        if op is C.LITERAL:
            c = chr(av)
            if _cased(c) and not (ic and c == c.lower() and c.upper().lower() == c):
                return False
        elif op is C.IN:
            if not _class_ok(av, ic):
                return False
        elif op is C.SUBPATTERN:
            add, rem = av[1], av[2]
            if (add | rem) & ~(re.I | re.U):
                return False
            if not _safe(av[3].data, (ic or bool(add & re.I)) and not rem & re.I):
                return False
        elif op is C.BRANCH:
            if not all(_safe(b.data, ic) for b in av[1]):
                return False
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            if not _safe(av[2].data, ic):
                return False
        elif op in (C.ASSERT, C.ASSERT_NOT):
            if not _safe(av[1].data, ic):
                return False
        elif op is not C.AT:
            return False  # any character, back references...: not read here
    return True


def lowered(rx: re.Pattern) -> re.Pattern | None:
    """prefilter.by_first_digit(rx)[1] (rx's alternatives for a position holding no digit), with its (?i:...)
    scopes made case-sensitive, to match lower-cased text, and its word lists as tries (trie_branches); None
    where that could match differently."""
    try:
        parsed = P.parse(rx.pattern, rx.flags)
        if rx.flags & re.I or len(parsed.data) != 1 or parsed.data[0][0] is not C.BRANCH:
            return None
        from .prefilter import _may_begin

        alts = [a for a in parsed.data[0][1][1] if _may_begin(a.data, False)[0]]
        if not all(_safe(a.data, False) for a in alts):
            return None
        if "\\(?i:" in rx.pattern:
            return None  # a literal "(" made optional: not a scope to rewrite
        plain = re.compile(rx.pattern.replace("(?i:", "(?:"), rx.flags)
        return tried(plain, digit=False) if plain.groupindex == rx.groupindex else None
    except Exception:  # a Python whose re internals differ: the pattern as it is
        return None


def lower(text: str, low: str | None = None) -> str | None:
    """text lower-cased character for character, or None where re's case folding could tell them apart. low: the
    text lower-cased already (str.lower), where the caller has it."""
    if low is None:
        low = text.lower()
    if len(low) != len(text) or _FOLDS_APART.search(text):
        return None
    return low
