"""Sentence spans that keep character offsets into the original text.

A regular-expression splitter rather than pysbd or nltk: those lose or re-map offsets on odd input,
nltk needs a data download, and both are far slower than the rest of the extractor. A sentence ends at
a line break or at . ! ? followed by space and a capital, digit, quote or bracket, unless the period ends
a known abbreviation or an initial ("S. Frederick Starr").

Russian text is split by razdel, the rule-based splitter made for Russian (it knows "г.", "млрд.", "т.е."
and initials, and returns offsets), and at line breaks as English is.
"""
from __future__ import annotations

import bisect
import re

_ABBREV = {"mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "vol", "art", "fig", "gen", "col", "lt",
           "sen", "rep", "gov", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
           "nov", "dec", "inc", "ltd", "co", "corp", "jr", "sr", "vs", "etc", "approx", "est", "e.g",
           "i.e", "u.s", "u.k", "u.n", "p", "pp", "para", "ch", "sec"}
MAX_SENTENCE = 1200
_END = re.compile(r"[.!?][\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])|\n")


class Sentences:
    """mentions: (start, end) spans that no sentence boundary may cut ("$13 млрд долл. США")."""

    def __init__(self, text: str, lang: str = "en", mentions=()):
        self.text = text
        if lang == "ru":
            self.starts = _razdel_starts(text)
        else:
            self.starts = self._english_starts(text)
        inside = sorted((a, b) for a, b in mentions if b - a > 1)
        if inside:
            self.starts = [p for p in self.starts if not _cuts(inside, p)]

    @staticmethod
    def _english_starts(text: str) -> list[int]:
        starts = [0]
        for m in _END.finditer(text):
            i = m.start()
            if text[i] == ".":
                before = text[max(0, i - 12):i].rsplit(None, 1)
                word = before[-1].lstrip("(\"“'") if before and not text[i - 1:i].isspace() else ""
                if word and (word.lower() in _ABBREV or len(word) == 1):
                    continue
            starts.append(m.end())
        return sorted(set(starts))

    def index(self, pos: int) -> int:
        return bisect.bisect_right(self.starts, pos) - 1

    def span(self, i: int) -> tuple[int, int]:
        s = self.starts[i]
        e = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
        # trim surrounding white space so the sentence reads cleanly
        while s < e and self.text[s].isspace():
            s += 1
        while e > s and self.text[e - 1].isspace():
            e -= 1
        return s, e

    def around(self, pos: int) -> tuple[int, int]:
        """The sentence holding pos; in text with no sentence ends (a table, a run-on line) a window of
        MAX_SENTENCE characters around pos, cut at white space, stands in for it."""
        s, e = self.span(self.index(pos))
        if e - s <= MAX_SENTENCE:
            return s, e
        half = MAX_SENTENCE // 2
        lo, hi = max(s, pos - half), min(e, pos + half)
        if lo > s:
            cut = self.text.find(" ", lo, pos)
            lo = cut + 1 if cut >= 0 else lo
        if hi < e:
            cut = self.text.rfind(" ", pos, hi)
            hi = cut if cut > pos else hi
        return lo, hi


def _razdel_starts(text: str) -> list[int]:
    from razdel import sentenize

    starts = {0}
    starts.update(s.start for s in sentenize(text))
    starts.update(m.end() for m in re.finditer(r"\n", text))
    ordered = sorted(starts)
    # a blank line is no sentence: the one before and the one after it are neighbours
    return [p for p, q in zip(ordered, ordered[1:] + [len(text)]) if p == 0 or text[p:q].strip()]


def _cuts(spans: list[tuple[int, int]], pos: int) -> bool:
    i = bisect.bisect_left(spans, (pos, pos)) - 1
    return i >= 0 and spans[i][0] < pos < spans[i][1]  # mentions never overlap: only the last one before pos
