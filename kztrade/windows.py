"""Searches in the windows of a run-on line, answered from what the document holds as a whole.

A line of thousands of figures without a sentence end gives each figure a window of its own
(Sentences.around: MAX_SENTENCE characters around it), so a pattern searched in every window is searched
across the line thousands of times. WindowScan answers those searches as a search of the window itself would,
from work done once per document:

- may(): whether a literal every match of the pattern holds (prefilter.literals) lies in the window, by one
  bisection in the occurrences of its literals in the document;
- spans(): the matches of a search of the window, taken from the matches of one search of the whole document.
  A search of a window starting at pos tries the positions the whole search tries (where pos is not inside a
  match of it), with the same outcome as long as the text a try reads ends before the window's end; a try
  reads at most reach(pattern) characters from where it starts, given no run of white space in the text
  longer than _SPACE_RUN. So the window's matches are the document's from pos up to a point that far from the
  window's end, and a search of the window's last characters from there gives the rest.

Short windows (a sentence) and the first windows of a document are searched as they are: a whole-document
pass pays only once many long windows have asked.
"""
from __future__ import annotations

import bisect
import re
import sys
from re import _constants as C
from re import _parser as P

from .prefilter import _REPEATS, Scan, literals
from .prefilter import _white_only as _white

_LONG = 512  # characters of a window that may stand for a sentence of a run-on line
_SPACE_RUN = 16  # the longest run of white space the reach of a pattern allows for
_SCANNED = object()  # answer by searching the window: too few long windows have asked yet
# an index that answers True for every window (no literals to go by): one occurrence starting past any
# position and ending before any
_ANYWHERE = ([sys.maxsize], [-1])


class WindowScan:
    """prefilter.Scan, giving the same answers, for documents whose figures each search a window of their own."""

    __slots__ = ("_scan", "text", "_read", "_index", "_matches", "_runs")

    def __init__(self, scan: Scan):
        self._scan = scan
        self.text = scan.text
        self._read: dict[int, int] = {}  # key -> characters of the long windows asked about so far
        # id(pattern) -> (starts, least_end): the starts of its literals' occurrences in the lower-cased
        # document, sorted, and for each the least end of an occurrence starting there or later
        self._index: dict[int, tuple[list[int], list[int]]] = {}
        self._matches: dict[int, tuple[list[int], list[int]] | None] = {}  # id(pattern) -> its matches' spans
        self._runs: tuple[list[int], list[int]] | None = None  # runs of white space longer than _SPACE_RUN

    @property
    def low(self) -> str | None:
        return self._scan.low

    def _asked(self, key: int, n: int) -> bool:
        """Counts n characters of long windows asked about key; True once they add up to twice the document."""
        read = self._read.get(key, 0)
        if read > 2 * len(self.text):
            return True
        self._read[key] = read + n
        return False

    def may(self, rx: re.Pattern, pos: int, endpos: int) -> bool:
        """Scan.may: False only where no literal of rx lies within text[pos:endpos]."""
        if endpos - pos < _LONG:
            return self._scan.may(rx, pos, endpos)  # a sentence's window: a scan of it is cheap
        got = self._indexed(id(rx), (rx,), pos, endpos)
        return self._scan.may(rx, pos, endpos) if got is None else got

    def may_any(self, rxs: tuple[re.Pattern, ...], pos: int, endpos: int) -> bool:
        """any(self.may(rx, pos, endpos) for rx in rxs), with one bisection for them all in long windows."""
        if endpos - pos >= _LONG and (got := self._indexed(id(rxs), rxs, pos, endpos)) is not None:
            return got
        return any(self._scan.may(rx, pos, endpos) for rx in rxs)

    def _indexed(self, key: int, rxs: tuple[re.Pattern, ...], pos: int, endpos: int) -> bool | None:
        """Whether a literal of one of rxs lies within text[pos:endpos], by one bisection in the occurrences of
        their literals in the document; None while too few long windows have asked to pay for the index."""
        index = self._index.get(key)
        if index is None:
            if not self._asked(key, endpos - pos):
                return None
            lits = [literals(rx) for rx in rxs]
            index = self._index[key] = _occurrence_index(
                self._scan.low, None if None in lits else tuple({lit for ls in lits for lit in ls}))
        starts, least_end = index
        i = bisect.bisect_left(starts, pos)
        return i < len(starts) and least_end[i] <= endpos  # an occurrence from pos ends before endpos

    def search(self, rx: re.Pattern, pos: int, endpos: int) -> re.Match | None:
        return rx.search(self.text, pos, endpos) if self.may(rx, pos, endpos) else None

    def finditer(self, rx: re.Pattern, pos: int, endpos: int):
        return rx.finditer(self.text, pos, endpos) if self.may(rx, pos, endpos) else iter(())

    def spans(self, rx: re.Pattern, pos: int, endpos: int) -> list[tuple[int, int]]:
        """[m.span() for m in rx.finditer(text, pos, endpos)]."""
        if not self.may(rx, pos, endpos):
            return []
        text = self.text
        key = id(rx)
        found = self._matches.get(key, _SCANNED) if endpos - pos >= _LONG else None
        if found is _SCANNED:
            found = None
            if self._asked(~key, endpos - pos):  # ~key: counted apart from may()'s windows
                r = reach(rx)
                whole = [m.span() for m in rx.finditer(text)] if r is not None else []
                found = self._matches[key] = None if r is None else (r, [a for a, _ in whole], [b for _, b in whole])
        if found is None:
            return [m.span() for m in rx.finditer(text, pos, endpos)]
        r, starts, ends = found
        c = endpos - r  # tries from before c read only characters before endpos
        i = bisect.bisect_left(starts, pos)
        if c <= pos or (i and ends[i - 1] > pos) or self._long_space(pos, endpos):
            # pos inside a match of the whole search, which then never tries it; or white space beyond the reach
            return [m.span() for m in rx.finditer(text, pos, endpos)]
        j = bisect.bisect_left(starts, c, lo=i)
        if j > i and ends[j - 1] > c:
            j -= 1
            c = starts[j]  # c inside a match: the whole search tries its start, not c
        return list(zip(starts[i:j], ends[i:j])) + [m.span() for m in rx.finditer(text, c, endpos)]

    def _long_space(self, pos: int, endpos: int) -> bool:
        """A run of white space longer than _SPACE_RUN meets text[pos:endpos]."""
        if self._runs is None:
            runs = [m.span() for m in re.finditer(rf"\s{{{_SPACE_RUN + 1},}}", self.text)]
            self._runs = ([a for a, _ in runs], [b for _, b in runs])
        starts, ends = self._runs
        k = bisect.bisect_right(ends, pos)  # the first run ending after pos
        return k < len(starts) and starts[k] < endpos


def _occurrence_index(low: str | None, lits: tuple[str, ...] | None) -> tuple[list[int], list[int]]:
    """(starts, least_end) of every occurrence of the literals in low, overlapping ones too ('aa' in 'aaa')."""
    if low is None or lits is None:
        return _ANYWHERE
    found: list[tuple[int, int]] = []
    for lit in lits:
        p = low.find(lit)
        while p >= 0:
            found.append((p, p + len(lit)))
            p = low.find(lit, p + 1)
    found.sort()
    least_end = [e for _, e in found]
    for i in range(len(least_end) - 2, -1, -1):
        least_end[i] = min(least_end[i], least_end[i + 1])
    return [a for a, _ in found], least_end


# ---------------------------------------------------------------- how far a try of a pattern reads

_REACH: dict[int, tuple[re.Pattern, int | None]] = {}  # id(pattern) -> (pattern, its reach)
_ONE = {C.LITERAL, C.NOT_LITERAL, C.ANY, C.IN, C.CATEGORY}


def reach(rx: re.Pattern) -> int | None:
    """The most characters a try of rx at a position reads from it (its longest match and what its lookaheads
    and boundaries read past it), where no run of white space is longer than _SPACE_RUN; None where no bound
    holds (an unbounded repeat of anything but white space, a back reference) or rx can match nothing."""
    got = _REACH.get(id(rx))
    if got is None:
        try:
            parsed = P.parse(rx.pattern, rx.flags)
            r = None if parsed.getwidth()[0] == 0 else _extent(parsed.data)[1]
        except Exception:  # a construct the parser of this Python reads differently: no bound
            r = None
        got = _REACH[id(rx)] = (rx, r)
    return got[1]


def _extent(items) -> tuple[int, int]:
    """(the longest match, the farthest character read) of a parsed sequence, from where it starts; raises
    ValueError where no bound holds."""
    width = far = 0
    for op, av in items:
        if op in _ONE:
            w, f = 1, 1
        elif op is C.AT:
            w, f = 0, 1  # a boundary or an end reads the character at the position
        elif op is C.SUBPATTERN:
            w, f = _extent(av[-1])
        elif op is getattr(C, "ATOMIC_GROUP", None):
            w, f = _extent(av)
        elif op is C.BRANCH:
            w, f = map(max, zip(*(_extent(alt) for alt in av[1])))
        elif op in (C.ASSERT, C.ASSERT_NOT):
            w, f = 0, (_extent(av[1])[1] if av[0] == 1 else 0)  # a lookbehind reads before the position
        elif op in _REPEATS:
            _, hi, item = av
            iw, f1 = _extent(item)
            if hi == C.MAXREPEAT:
                if not (len(item) == 1 and _white(*item[0])):
                    raise ValueError("unbounded")
                hi = _SPACE_RUN
            w, f = hi * iw, (hi - 1) * iw + f1 if hi else 0
        else:
            raise ValueError(op)
        far = max(far, width + f)
        width += w
    return width, max(far, width)
