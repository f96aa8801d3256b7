"""A compiled pattern whose alternations of plain words are tries: the same matches, found without trying each word.

Python's re tries the alternatives of an alternation one after another; the Russian token pattern lists
hundreds of word forms per alternation ("удвоившегося|учетверившего|..."), so each place a number word may
begin costs some 10 µs. A trie ("уд(?:воивш(?:егося|...)|...)") rejects a word at its first differing letter.

The two match alike when re would try the words that can match at one place in the same order as the trie
does. Words that match at one place are prefixes of one another; the trie tries the longest first (each
optional ending is greedy), so an alternation may become a trie when of any two words one of which begins the
other, the longer comes first (sorted by length, longest first, as the lexicons write them). Under re.I a
letter must be lower case ASCII or Cyrillic, where distinct letters never match the same character, so that
the trie's shared prefixes are the words' shared prefixes whatever the case of the text. Anything else is
left as written.
"""
from __future__ import annotations

import re
from re import _constants as C
from re import _parser as P

_MIN_WORDS = 8  # below this the alternation is cheap as it is


def _letter_ok(c: int, ic: bool) -> bool:
    ch = chr(c)
    if not ic or ch.lower() == ch.upper():
        return True  # case-sensitive, or a character with no case
    return ch == ch.lower() and (ch.isascii() or "\u0430" <= ch <= "\u045f")


def _words(alts, ic: bool) -> list[tuple[int, ...]] | None:
    words = []
    for a in alts:
        if not all(op is C.LITERAL and _letter_ok(av, ic) for op, av in a.data):
            return None
        words.append(tuple(av for _, av in a.data))
    return words


def _ordered(words: list[tuple[int, ...]]) -> bool:
    """Whether, of any two words one of which begins the other, the longer comes first."""
    seen: set[tuple[int, ...]] = set()
    for w in words:
        # a word already seen that this one extends: the shorter came first
        if any(w[:k] in seen for k in range(len(w))):
            return False
        seen.add(w)
    return True


def _build(state, words: list[tuple[int, ...]]) -> list:
    trie: dict = {}
    for w in words:
        node = trie
        for c in w:
            node = node.setdefault(c, {})
        node[None] = {}

    def items(node) -> list:
        kids = [[(C.LITERAL, c), *items(sub)] for c, sub in node.items() if c is not None]
        if not kids:
            return []
        if len(kids) == 1 and None not in node:
            return kids[0]
        alts = [P.SubPattern(state, k) for k in kids]
        if None in node:
            alts.append(P.SubPattern(state, []))  # the word may end here: tried after its longer words
        return [(C.BRANCH, (None, alts))]

    return items(trie)


def _rewrite(data: list, state, ic: bool) -> tuple[list, bool]:
    out, changed = [], False
    for op, av in data:
        if op is C.BRANCH:
            words = _words(av[1], ic)
            if words is not None and len(words) >= _MIN_WORDS and all(words) and _ordered(words):
                out += _build(state, words)
                changed = True
                continue
            alts = []
            for a in av[1]:
                d, ch = _rewrite(a.data, state, ic)
                alts.append(P.SubPattern(state, d) if ch else a)
                changed |= ch
            out.append((op, (av[0], alts)))
        elif op is C.SUBPATTERN:
            group, add, rem, sub = av
            d, ch = _rewrite(sub.data, state, (ic or bool(add & re.I)) and not rem & re.I)
            out.append((op, (group, add, rem, P.SubPattern(state, d) if ch else sub)))
            changed |= ch
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            lo, hi, sub = av
            d, ch = _rewrite(sub.data, state, ic)
            out.append((op, (lo, hi, P.SubPattern(state, d) if ch else sub)))
            changed |= ch
        else:
            out.append((op, av))  # lookarounds keep their words: they are short
    return out, changed


def tried(rx: re.Pattern, digit: bool | None = None) -> re.Pattern:
    """rx with its alternations of plain words as tries (see the module's docstring). With digit given, rx must be
    one alternation, and only its alternatives that may begin at a decimal digit (digit=True) or at another
    character are kept, as prefilter.by_first_digit keeps them. rx as it is where nothing is to be done."""
    try:
        from re import _compiler

        from .prefilter import _may_begin

        p = P.parse(rx.pattern, rx.flags)
        changed = False
        if digit is not None:
            if len(p.data) != 1 or p.data[0][0] is not C.BRANCH:
                return rx
            alts = [a for a in p.data[0][1][1] if _may_begin(a.data, digit)[0]]
            if not alts:
                return rx  # nothing can match there; rx answers so too
            p.data[0] = (C.BRANCH, (None, alts))
            changed = True
        data, rewritten = _rewrite(p.data, p.state, bool(rx.flags & re.I))
        if not (changed or rewritten):
            return rx
        got = _compiler.compile(P.SubPattern(p.state, data), rx.flags)
        return got if got.groupindex == rx.groupindex else rx
    except Exception:  # a Python whose re internals differ: the pattern as written
        return rx
