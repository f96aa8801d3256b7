"""The first few characters the matches of a pattern begin with, for a lookahead that rejects a position early.

prefilter.led puts a lookahead for the first character of a match before a pattern. Where those characters
are common letters ('в', 'о', 'с' in Russian; 'p', 't' in English), re still enters every alternative of a
long alternation (the cue words of meaning.py) at most word starts. A lookahead for the first two to four
characters ('эк', 'тов', 'cap') fails at nearly all of them. The strings are read from the parsed pattern:
every match begins with one of them (case-insensitively), so the lookahead changes no match and no group.
A short pattern gains nothing: a lookahead in front hides the prefix re would otherwise skip to itself.
The same strings, as a plain trie searched for alone in the lower-cased text, tell the few places where the
pattern is worth trying at all (meaning.Meaning._led).
"""
from __future__ import annotations

from re import _constants as C
from re import _parser as P

from .prefilter import _REPEATS, _UNSAFE, _class

_MOST = 200  # strings a lookahead may hold; beyond, fewer characters are asked for
_CHARS = 8  # the largest character class whose characters are spelled out


def _starts(items: list, k: int) -> set[str] | None:
    """Lower-case strings of at most k characters, one of which every match of the parsed sequence begins with
    (a match shorter than k may be one of them whole); None where the set grows beyond _MOST. A '' in the set
    means the first character cannot be told."""
    if k == 0 or not items:
        return {""}
    op, av = items[0]
    rest = items[1:]
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return _starts(rest, k)  # zero width: the first character comes after
    if op is C.SUBPATTERN:
        return _starts(list(av[-1].data) + rest, k)
    if op is C.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            got = _starts(list(alt.data) + rest, k)
            if got is None:
                return None
            out |= got
        return out if len(out) <= _MOST else None
    if op in _REPEATS:
        lo, hi, body = av[0], av[1], list(av[2].data)
        # at most one pass: the body and what follows; more: the strings a first pass of the body begins with
        # stay true of the whole match, whatever follows it
        got = _starts(body + rest, k) if hi == 1 else _starts(body, k)
        if lo == 0 and got is not None:
            skipped = _starts(rest, k)
            got = None if skipped is None else got | skipped
        return got if got is None or len(got) <= _MOST else None
    if op is C.LITERAL and chr(av) not in _UNSAFE:
        chars = {chr(av).lower()}
    elif op is C.IN:
        chars = _class(av)
        if chars is None or len(chars) > _CHARS:
            return {""}
    else:
        return {""}  # any character, a category, a group reference: the known part ends here
    tails = _starts(rest, k - 1)
    if tails is None or len(chars) * len(tails) > _MOST:
        return None
    return {c + t for c in chars for t in tails}


def starts(pattern: str, flags: int = 0, most: int = 4) -> list[str] | None:
    """The shortest list of strings of up to `most` characters, one of which every match of pattern begins with
    (case-insensitively), for the largest length that gives one; None where not even the first character can
    be told."""
    try:
        items = list(P.parse(pattern, flags).data)
    except Exception:  # a construct the parser of this Python reads differently
        return None
    for k in range(most, 0, -1):
        got = _starts(items, k)
        if got is not None and "" not in got:
            kept: list[str] = []
            for s in sorted(got, key=len):
                if not any(s.startswith(p) for p in kept):
                    kept.append(s)  # a longer string after a shorter one it begins with adds nothing
            return sorted(kept)
    return None

