"""Which of many patterns could match within a window, told for all of them by one pass over the window.

prefilter.Scan.may answers for one pattern at a time, with a search of the window per literal or per trie; a
sentence asked about a dozen patterns pays that a dozen times. Here the literals of all the patterns (one of
which every match of a pattern holds: prefilter.literals) go into one Aho-Corasick automaton whose value for a
literal is the bits of the patterns that own it; one pass over the lower-cased window ORs together the bits of
every literal lying wholly inside it. A pattern whose bit is not set cannot match anywhere within the window,
nor within any part of it.
"""
from __future__ import annotations

from functools import reduce
from operator import itemgetter, or_

import ahocorasick

from .prefilter import literals

_VALUE = itemgetter(1)


def word_finder(pairs):
    """Automaton.iter of an Aho-Corasick automaton of the (word, value) pairs: it yields (the index of the last
    character, value) for every occurrence of a word in the string it is given, overlapping ones included."""
    automaton = ahocorasick.Automaton()
    for word, value in pairs:
        automaton.add_word(word, value)
    automaton.make_automaton()
    return automaton.iter


class LiteralMask:
    """patterns: a bit each, 1 << their index. A pattern without literals has its bit set in every window; one
    that cannot match at all ('(?!)' standing for a pattern a language does without) in none."""

    def __init__(self, patterns):
        self.always = 0
        self.all = (1 << len(patterns)) - 1
        owners: dict[str, int] = {}
        for k, rx in enumerate(patterns):
            if rx.pattern.startswith("(?!)"):
                continue
            lits = literals(rx)
            if lits is None:
                self.always |= 1 << k
                continue
            for lit in lits:
                owners[lit] = owners.get(lit, 0) | 1 << k
        self._iter = word_finder(owners.items()) if owners else None

    def of(self, low: str | None, pos: int, endpos: int) -> int:
        """The bits of the patterns one of whose literals lies within low[pos:endpos]; every bit where low is
        None (a text whose case folding the literals cannot stand for: prefilter.Scan.low)."""
        if low is None:
            return self.all
        if self._iter is None or endpos <= pos:
            return self.always
        # a slice: the automaton reads the whole string it is given, whatever the bounds
        return reduce(or_, map(_VALUE, self._iter(low[pos:endpos])), self.always)
