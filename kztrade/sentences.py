"""Sentence spans that keep character offsets into the original text.

A regular-expression splitter rather than pysbd or nltk: those lose or re-map offsets on odd input,
nltk needs a data download, and both are far slower than the rest of the extractor. A sentence ends at
a line break or at . ! ? followed by space and a capital, digit, quote or bracket, unless the period ends
a known abbreviation or an initial ("S. Frederick Starr").

Russian text is split by razdel, the rule-based splitter made for Russian (it knows "г.", "млрд.", "т.е."
and initials, and returns offsets): its sentence starts, which kztrade.razdel_starts finds by razdel's own rules
without building the sentences, and at line breaks as English is.

A table written as text is split by its rows: a line holds one row ("Russia 4 512,3 3 987,1"), and where rows
run on in one line ("Russia 4 512,3 3 987,1 China 2 100,5 1 800,2") a row begins at each label that follows
the figures of the one before, so no figure is read with the words of another row.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

_ABBREV = {"mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "vol", "art", "fig", "gen", "col", "lt",
           "sen", "rep", "gov", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
           "nov", "dec", "inc", "ltd", "co", "corp", "jr", "sr", "vs", "etc", "approx", "est", "e.g",
           "i.e", "u.s", "u.k", "u.n", "p", "pp", "para", "ch", "sec"}
MAX_SENTENCE = 1200
# A sentence end: . ! or ? with any closing quotes and brackets, before blanks and a capital, digit, quote or
# bracket. Closers are none of . ! ? or a line break, so each mark can be looked for apart: a pattern led by one
# literal character is found by a fast search in re, where a class of them is tried at every character.
_CLOSED_BEFORE_NEXT = r"[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])"
_STOPS = {mark: re.compile(re.escape(mark) + _CLOSED_BEFORE_NEXT) for mark in "!?"}
# A point after which no abbreviation or initial can stand: after a blank, after more letters than any abbreviation
# has, or after two characters of a word the last of which lower() makes no letter (each abbreviation
# ends with one; K is the Kelvin sign). re tells these apart, so only the other points come to the word check.
_LONGEST = max(map(len, _ABBREV))
_PLAIN = rf"(?<=\s\.)|(?<=[A-Za-z]{{{_LONGEST + 1}}}\.)|(?<=[^\s(\"“'][^\sA-Za-z\u212a]\.)"
# (a blank soon after the point comes first: most points of figures fail there, before the lookbehinds). One pass
# finds both kinds: group 1 takes part where no plain point stands, and the word before it is to be checked.
_POINTS = re.compile(rf"\.(?=[\"”’')\]]*\s)(?:{_PLAIN}|()){_CLOSED_BEFORE_NEXT}")
_LINE = re.compile("\n")


class Sentences:
    """mentions: (start, end) spans that no sentence boundary may cut ("$13 млрд долл. США")."""

    def __init__(self, text: str, lang: str = "en", mentions=()):
        self.text = text
        if lang == "ru":
            self.starts = _razdel_starts(text)
        else:
            self.starts = self._english_starts(text)
        rows = _row_starts(text)
        if rows:
            self.starts = sorted(set(self.starts).union(rows))
        inside = [m for m in mentions if m[1] - m[0] > 1]
        inside.sort()
        if inside:
            self.starts = _uncut(self.starts, inside)
        self._spans: dict[int, tuple[int, int]] = {}  # asked again for each figure of a sentence

    @staticmethod
    def _english_starts(text: str) -> list[int]:
        starts = [0]
        starts += [m.end() for m in _LINE.finditer(text)]
        for mark in "!?":
            if mark in text:
                starts += [m.end() for m in _STOPS[mark].finditer(text)]
        for m in _POINTS.finditer(text):
            i = m.start()
            if m.lastindex and i and not text[i - 1].isspace():
                before = text[max(0, i - 12):i].rsplit(None, 1)
                word = before[-1].lstrip("(\"“'") if before else ""
                if word and (len(word) == 1 or word.lower() in _ABBREV):
                    continue
            starts.append(m.end())
        return sorted(set(starts))

    def index(self, pos: int) -> int:
        return bisect.bisect_right(self.starts, pos) - 1

    def span(self, i: int) -> tuple[int, int]:
        got = self._spans.get(i)
        if got is None:
            got = self._spans[i] = self._trimmed(i)
        return got

    def _trimmed(self, i: int) -> tuple[int, int]:
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
        s, e = self.span(bisect.bisect_right(self.starts, pos) - 1)
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


# Two or more figures in a row, separated by blanks ("4 512,3 3 987,1"), as the cells of a table row are: led
# by a label (a letter or a closing bracket, then a blank) and followed by no letter or digit. Only such runs can
# be rows; any other run of figures only separates them, and its digits already keep the label pattern below from
# joining two rows across it, so it is not looked for. One pattern for each blank, led by it: re finds a literal
# first character by a fast search, where a pattern led by a class (\d) is tried at every character. The
# lookbehind lets through ')' and any word character but a digit or '_', and the code keeps letters. The run is
# taken whole (atomic, possessive) and then judged by what follows, so a long run of digits is read once, and a
# run never shrinks to pass.
_BLANKS = " \t\u00a0\u202f"
_ROWS = {blank: re.compile(f"{blank}(?=\\d)(?:(?<=[^\\W\\d_]{blank})|(?<=\\){blank}))"
                           r"(?>\d[\d.,]*+(?:[ \t\u00a0\u202f]+\d[\d.,]*+)+)(?![^\W_])") for blank in _BLANKS}
# between the figures of one row and those of the next: a blank, a label of up to 80 characters with no
# digit, line break, comma or sentence end in it, beginning with a letter, and a blank
_LABEL_BETWEEN = re.compile(r"([ \t\u00a0\u202f]+)[^\W\d_][^\d\n.,;!?]{0,80}?[ \t\u00a0\u202f]+")
_LINE_END = re.compile(r"[ \t\u00a0\u202f]*(?:\n|\Z)")


def _row_starts(text: str) -> list[int]:
    """Where a row of a table begins in a line that holds several: at the label after the figures of a row
    that itself follows a label, and at the label of the first such row when words stand before it on its
    line (a heading: "(million US dollars): Russia 4 512,3 ..."). Rows count only where the last of them
    ends its line: figures in prose run on into words ("5 6 times, to 4 512,3 million")."""
    starts: list[int] = []
    chain: list[int] = []  # the row starts of the rows run on so far, kept once the line ends with a row
    head = None  # the figures of the first row of a chain: its label is looked for once the chain is kept
    prev = None  # the end of the last row
    lines = _row_lines(text)
    if not lines:
        return []  # most texts: no line ends with figures
    rows = [row for blank, row in _ROWS.items() if blank in text]
    runs = [(m.start() + 1, m.end()) for lo, hi in lines for row in rows for m in row.finditer(text, lo, hi)]
    for a, b in sorted(runs):  # in order of the text, where more than one kind of blank leads rows
        if not (text[a - 2].isalpha() or text[a - 2] == ")"):
            prev = head = None
            chain = []
            continue
        if prev is not None and (gap := _LABEL_BETWEEN.fullmatch(text, prev, a)):
            chain.append(prev + len(gap.group(1)))
        else:
            chain = []
            head = a
        prev = b
        if chain and _LINE_END.match(text, b):
            if head is not None and (first := _label_start(text, head)) is not None:
                starts.append(first)
            starts += chain
            chain, head = [], None
    return starts


# Read in the reversed text, a line that ends with two figures apart (past any blanks at its end): only such a line
# can end with a row, and a line's rows count only where the last ends it. The pattern is led by the line break, so
# re skips from one to the next; the end of the text, which has none, is matched apart.
_TWO_LAST = r"[ \t\u00a0\u202f]*+[\d.,]++[ \t\u00a0\u202f]+[\d.,]"
_ROW_LINE_END = re.compile("\n" + _TWO_LAST)
_ROW_TEXT_END = re.compile(_TWO_LAST)


def _row_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the stretches of lines that may hold rows which count, in order: the rows of one line never
    run on into the next, so each line can be read apart, and most lines of prose need not be read."""
    n = len(text)
    back = text[::-1]
    ends = [n - 1 - m.start() for m in _ROW_LINE_END.finditer(back)]  # the line break ending each such line
    ends.reverse()
    if _ROW_TEXT_END.match(back):
        ends.append(n)
    spans: list[tuple[int, int]] = []
    for end in ends:
        start = text.rfind("\n", 0, end) + 1
        if spans and spans[-1][1] + 1 == start:
            start = spans.pop()[0]  # lines in a row (a table): one stretch
        spans.append((start, end))
    return spans


_LABEL_START = re.compile(r"[\d\n:;.!?()][^\d\n:;.!?()]*\Z")


def _label_start(text: str, a: int) -> int | None:
    """The start of the label before the figures at a, where words of the same line stand before it."""
    lo = max(0, a - 100)
    m = _LABEL_START.search(text, lo, a)
    if m is None or text[m.start()] == "\n":
        return None  # the label begins its line (already a start), or no end of a heading is near
    p = m.start() + 1
    while p < a and text[p] in " \t\u00a0\u202f":
        p += 1
    return p if p < a and text[p].isalpha() else None


@lru_cache(maxsize=None)
def _razdel():
    """razdel's sentence starts: imported on the first Russian text, once (an import statement costs as much as
    splitting a short article)."""
    try:
        from .razdel_starts import sentence_starts
    except ImportError:  # a razdel whose internals moved: its own sentenize() gives the same starts, slower
        from razdel import sentenize

        def sentence_starts(text):
            return [s.start for s in sentenize(text)]

    return sentence_starts


def _razdel_starts(text: str) -> list[int]:
    starts = {0}
    starts.update(_razdel()(text))
    starts.update(m.end() for m in _LINE.finditer(text))
    ordered = sorted(starts)
    # a blank line is no sentence: the one before and the one after it are neighbours (razdel's starts and most
    # lines begin with a character that is no blank: the search is for the others)
    n = len(text)
    return [p for p, q in zip(ordered, ordered[1:] + [n])
            if p == 0 or p < n and not text[p].isspace() or _NONBLANK.search(text, p, q)]


_NONBLANK = re.compile(r"\S")


def _uncut(starts: list[int], spans: list[tuple[int, int]]) -> list[int]:
    """starts without those inside a span (spans: not empty, sorted), where the span that holds a start is the last
    one that begins before it (mentions never overlap; were two to, both walks give the same answer). Whichever list
    is shorter looks up its places in the other: in prose each span the first start after it (few starts fall
    inside one), in a table of figures each start the span before it."""
    if len(spans) > len(starts):
        firsts = [a for a, _ in spans]
        return [p for p in starts if (i := bisect.bisect_left(firsts, p)) == 0 or spans[i - 1][1] <= p]
    cut = []
    # a span holds the starts inside it up to where the next span begins (the last: up to its own end)
    nexts = [c for c, _ in spans[1:]] + [spans[-1][1]]
    for (a, b), c in zip(spans, nexts):
        j = bisect.bisect_right(starts, a)
        while j < len(starts) and starts[j] < b and starts[j] <= c:
            cut.append(j)
            j += 1
    if not cut:
        return starts
    cut = set(cut)
    return [p for j, p in enumerate(starts) if j not in cut]
