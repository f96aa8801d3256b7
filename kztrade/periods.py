"""The period a figure covers, the period it is compared with, and whether it is an outcome at all.

A figure's period is resolved in the order an economist reads it (README: Periods):

1. the period attached to the figure: right after it ("$5bn in 2014", "$5bn in the first half of 2017",
   "$5bn last year"), or the span it opens or closes ("between 2005 and 2006 ... from $15m to $90m");
2. the period of its clause, then of its sentence ("In January-September, exports rose to ...");
   relative expressions ("this year", "in the first nine months of last year") count here, against the
   publication date;
3. the period of the previous sentence of the same paragraph, which this one continues ("Of the total, ...");
4. an event whose year the article gives ("in the first year after the common market opened");
5. the publication year.

Periods that are comparison bases ("over 2016", "on the same period of 2019", "a year earlier", "up from
$4bn in 2009") never become a figure's own period; they set base_year/base_period. A year that names a thing
("the 2018 budget") or bounds a span ("since 2005") is not a period either. Forecasts and targets ("is
expected to reach $30bn by 2025", "plan to double trade by 2030") keep the year they are for, and their
`outlook` says they are not outcomes.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter
from re import _compiler
from re import _constants as C
from re import _parser as P

from .grammar import _trie, words_value
from .literalmask import LiteralMask, word_finder
from .meaning import _at
from .prefilter import Scan, group_lead, led, literals

_WORD = re.compile(r"\w+")
_WORD1 = re.compile(r"\w")
_LAST_WORD = re.compile(r"\w+\Z")
_START = attrgetter("start")
ORDINAL_HALF = {"first": 1, "1st": 1, "second": 2, "2nd": 2}
ORDINAL_QUARTER = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
                   "final": 4, "last": 4}


@dataclass
class Mention:
    """A period printed in a sentence. year is None where the text leaves it to be resolved ("in the
    first half"); rel is a year offset from the publication year ("last year": -1)."""
    start: int
    end: int
    kind: str
    m1: int
    m2: int
    year: int | None = None
    rel: int | None = None
    role: str = "period"  # period, base, since, modifier
    same_period: bool = False  # "the same period of 2019": the base keeps the claim's months

    def resolved(self, pub: dt.date | None, fallback: int | None = None) -> tuple[int, int, int] | None:
        """(year, first month, last month), or None where no year can be had."""
        y = self.year
        if y is None and self.rel is not None and pub is not None:
            y = pub.year + self.rel
        if y is None:
            y = fallback
        if y is None and pub is not None:
            y = pub.year
            # "in December" or "in the first half", published in March: the last one that has ended
            if self.m2 > pub.month:
                y -= 1
        if y is None:
            return None
        return y, self.m1, self.m2


@dataclass
class _Facts:
    """What a sentence tells all its figures (Periods.facts). The flags say whether a pattern's literals occur
    in the sentence: where they do not, it cannot match in any window of it."""
    own: list  # the periods a figure may take as its own, in order
    starts: list[int]  # their starts
    year: int | None  # the year the sentence states first
    brk: bool = True  # period_break
    target: bool = True
    forecast: bool = True
    right: bool = True  # outlook_right
    by: bool = True  # future_by
    quiet: bool = False  # no period, no span of years, no outlook word: the figure's place in it changes nothing
    bits: int = -1  # Lexicon.mask: the patterns whose literals occur in the sentence (-1: all, untold)


_ANY = _Facts([], [], None)
_MAYBE = object()  # a sentence's literals leave open whether it can tell a period
DENSE = 40  # characters a figure or fewer: a sentence dense with figures
MASKED = 600  # the longest window read for its Lexicon.mask; a run-on line's windows keep their own checks


def _back(text: str, p: int, s: int, width: int) -> int:
    """The least position from which text[q:p] holds no more than width characters other than white space
    (str.isspace, what \\s matches), and no earlier than s."""
    q = p
    while q > s:
        if not text[q - 1].isspace():
            if width == 0:
                break
            width -= 1
        q -= 1
    return q


class _Asked:
    """A gate test (Periods._gated) asked as a container of the names of the gates that open."""

    __slots__ = ("test",)

    def __init__(self, test):
        self.test = test

    def __contains__(self, name: str) -> bool:
        return self.test(name)


def _word_char(c: str) -> bool:
    """What \\w matches in a str pattern."""
    return c.isalnum() or c == "_"


class _Taken:
    """Spans taken by earlier mentions, sorted by start: a window of thousands of figures has thousands."""

    __slots__ = ("ends", "longest", "starts")

    def __init__(self):
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.longest = 0

    def free(self, a: int, b: int) -> bool:
        starts, ends = self.starts, self.ends
        # a span overlapping (a, b) starts after a - longest
        for j in range(bisect.bisect_left(starts, a - self.longest), len(starts)):
            if starts[j] >= b:
                break
            if ends[j] > a:
                return False
        return True

    def take(self, a: int, b: int) -> None:
        j = bisect.bisect_right(self.starts, a)
        self.starts.insert(j, a)
        self.ends.insert(j, b)
        self.longest = max(self.longest, b - a)


def _set_bits(n: int) -> tuple[tuple[int, ...], ...]:
    """For each value of n bits, the indexes of the bits set in it."""
    return tuple(tuple(k for k in range(n) if v >> k & 1) for v in range(1 << n))


@dataclass
class Period:
    year: int | None = None
    m1: int = 1
    m2: int = 12
    kind: str = "unknown"
    basis: str = "unknown"
    start_year: int | None = None  # for a stock accumulated since a year

    def columns(self) -> dict:
        if self.year is None:
            return {"year": None, "period_start": None, "period_end": None, "period_kind": "unknown",
                    "period_basis": self.basis}
        sy = self.start_year if self.start_year is not None else self.year
        start = None if (self.kind == "to_date" and self.start_year is None) else f"{sy:04d}-{self.m1:02d}"
        return {"year": self.year, "period_start": start, "period_end": f"{self.year:04d}-{self.m2:02d}",
                "period_kind": self.kind, "period_basis": self.basis}


_NO_PERIOD = Period()


def _compile(pattern: str) -> re.Pattern:
    return re.compile(led(pattern, re.I), re.I)


class Lexicon:
    """A language module's period and outlook words, compiled once; a pattern searched across a sentence
    is led by the characters its matches begin with (prefilter.led)."""

    def __init__(self, lex):
        self.lex = lex
        f = re.I
        self.month_numbers = lex.MONTH_NUMBERS
        self.half = _compile(lex.HALF)
        self.quarter = _compile(lex.QUARTER)
        self.first_months = _compile(lex.FIRST_MONTHS)
        self.month_range = _compile(lex.MONTH_RANGE)
        self.month_single = _compile(lex.MONTH_SINGLE)
        self.year_of = re.compile(lex.YEAR_OF, f)
        self.relative = [(_compile(p), d) for p, d in lex.RELATIVE]
        self.rel_words = lex.REL_WORDS
        self.earlier = re.compile(lex.EARLIER, f)
        self.period_right = re.compile(_at(lex.PERIOD_ATTACHED), f)
        self.since_left = _compile(lex.SINCE_LEFT)
        self.base_left = _compile(lex.BASE_LEFT)
        self.same_period = _compile(lex.SAME_PERIOD)
        self.span_years = _compile(lex.SPAN_YEARS)
        self.since_year = _compile(lex.SINCE_YEAR)
        self.between_years = _compile(lex.BETWEEN_YEARS)
        self.span_from = re.compile(lex.SPAN_FROM, f)
        self.span_to = re.compile(lex.SPAN_TO, f)
        self.to_date = _compile(lex.TO_DATE)
        self.since_any = _compile(lex.SINCE_ANY)
        self.modifier_left = re.compile(lex.YEAR_MODIFIER_LEFT)
        self.modifier_right = re.compile(_at(lex.YEAR_MODIFIER_RIGHT))
        self.target = _compile(lex.TARGET)
        self.forecast = _compile(lex.FORECAST)
        self.outlook_right = re.compile(_at(lex.OUTLOOK_RIGHT), f)
        self.future_by = _compile(lex.FUTURE_BY)
        self.future_left = _compile(lex.FUTURE_LEFT)
        self.compared_left = _compile(lex.COMPARED_LEFT)
        self.event = _compile(lex.EVENT)
        self.event_year_src = lex.EVENT_YEAR
        self.month_src = lex.MONTH
        self.period_break = _compile(lex.PERIOD_BREAK)
        # The patterns whose match could give a figure something other than the publication year or the
        # previous sentence's period, by where they are searched ("(?!)" leads a pattern a language does without):
        # the periods a sentence names, found once for the sentence (mentions) ...
        # (Periods.mentions runs them in this order: a bit each)
        self.mentioned = ((self.half, "half", "half"), (self.quarter, "quarter", "quarter"),
                          (self.first_months, "months", "first_months"), (self.month_range, "months", "month"),
                          (self.month_single, "month", "month"))
        named = [rx for rx, _, _ in self.mentioned] + [rx for rx, _ in self.relative] + [self.same_period]
        self.naming, self.named_by = _literal_owners(named) or (None, {})
        # ... patterns searched in the whole sentence ...
        self.whole = [rx for rx in (self.between_years, self.since_year, self.event)
                      if not rx.pattern.startswith("(?!)")]
        # ... and patterns searched in a part of it (a clause, the words before or after a figure)
        partial = [rx for rx in (self.to_date, self.span_years, self.target, self.forecast, self.outlook_right,
                                 self.future_by) if not rx.pattern.startswith("(?!)")]
        self.partial = _literal_trie(partial)
        # each pattern without what it asks of the text around its match (_open_form), compiled on first need
        self._open: dict[int, re.Pattern | None] = {}
        self.partial_patterns = partial
        # the patterns of mentions, then those searched across a sentence or a part of it, a bit each in one
        # LiteralMask (patterns whose literals are common words are asked about one window at a time)
        asked = (self.between_years, self.since_year, self.event, self.to_date, self.span_years, self.target,
                 self.forecast, self.outlook_right, self.future_by)
        self.mask = LiteralMask(named + list(asked))
        self.bit_of = {id(rx): 1 << k for k, rx in enumerate(named + list(asked))}
        self.naming_bits = (1 << len(named)) - 1
        self.b_same = 1 << (len(named) - 1)
        # a run of bits -> the indexes of those set, for the mention patterns and for the relative ones
        self.mentioned_set = _set_bits(len(self.mentioned))
        self.relative_set = _set_bits(len(self.relative))
        (self.b_between, self.b_since_year, self.b_event, self.b_to_date, self.b_span, self.b_target,
         self.b_forecast, self.b_right, self.b_by) = (1 << k for k in range(len(named), len(named) + len(asked)))
        self.partial_bits = self.b_to_date | self.b_span | self.b_target | self.b_forecast | self.b_right | self.b_by
        # where a month pattern's search of a sentence may start: before its first month name by no more than
        # the characters its words before the month hold (prefilter.group_lead); re then skips the rest of the
        # sentence
        self.leads: dict[int, tuple] = {}
        finders: dict[frozenset, object] = {}
        for rx, group in ((self.month_range, "m1"), (self.month_single, "m")):
            got = group_lead(rx, group)
            if got is not None:
                if got[0] not in finders:
                    finders[got[0]] = word_finder((w, len(w)) for w in got[0])
                self.leads[id(rx)] = (finders[got[0]], got[1])
        self.gates = {k: frozenset(v) for k, v in getattr(lex, "PERIOD_GATES", {}).items()}
        # every gate word as a whole run of word characters, found in one pass over a document
        # Each branch opens with its first letter, then checks that no word character precedes it: re then
        # skips to the letters gate words begin with instead of trying the pattern at every position.
        gate_words = sorted({w for ws in self.gates.values() for w in ws}, key=len, reverse=True)
        by_first: dict[str, list[str]] = {}
        for w in gate_words:
            by_first.setdefault(w[0], []).append(w[1:])
        self.gate_re = (re.compile("(?:" + "|".join(re.escape(c) + r"(?<!\w.)" + _trie(rests)
                                                    for c, rests in sorted(by_first.items())) + r")(?!\w)")
                        if gate_words else None)
        self.gate_names = {w: tuple(k for k, ws in self.gates.items() if w in ws) for w in gate_words}
        self.gate_len = max(map(len, gate_words), default=0)
        # the gate words of a sentence found by one Aho-Corasick pass (_gates_in): the words of two characters
        # or more, each kept where no word character stands on either side; those of one character, which
        # would stop the pass at every letter, by a pattern, read only for the patterns whose gates hold them
        self.gate_iter = self.gate_single = None
        self.single_gate_bits = 0
        if gate_words and all(_WORD.fullmatch(w) for w in gate_words):
            self.gate_iter = word_finder((w, (len(w), self.gate_names[w])) for w in gate_words if len(w) > 1)
            singles = sorted(w for w in gate_words if len(w) == 1)
            if singles:
                self.gate_single = re.compile(r"(?<!\w)[" + re.escape("".join(singles)) + r"](?!\w)")
            names = [name for _, _, name in self.mentioned] + ["relative"] * len(self.relative) + ["same_period"]
            self.single_gate_bits = sum(1 << k for k, name in enumerate(names)
                                        if any(len(w) == 1 for w in self.gates.get(name, ())))
        self.ungated = frozenset(name for _, _, name in self.mentioned) | {"relative", "same_period"}
        self.ungated -= set(self.gates)

    def open_form(self, rx: re.Pattern) -> re.Pattern | None:
        try:
            return self._open[id(rx)]
        except KeyError:
            got = self._open[id(rx)] = _open_form(rx)
            return got

    def month(self, word: str) -> int:
        return self.month_numbers[word.lower().rstrip(".")]


@lru_cache(maxsize=None)
def lexicon(lang_module) -> Lexicon:
    return Lexicon(lang_module)


class Periods:
    """Period resolution for one document. years: the tokens that name a year, in text order;
    figures: the start offsets of every quantity, so a period attached to one figure is not taken by another."""

    def __init__(self, text: str, lex, pub: dt.date | None, years, figures: list[tuple[int, int]], sents,
                 clause, scan: Scan | None = None):
        self.text = text
        self.scan = scan or Scan(text)  # a pattern is searched only where one of its words occurs
        self.lx = lexicon(lex)
        self.pub = pub
        self.years = years
        self.year_starts = [t.start for t in years]
        self.figures = figures  # (q_start, q_end), sorted
        self.fig_ends = [e for _, e in figures]
        self.fig_starts = [s for s, _ in figures]
        self.sents = sents
        self.clause = clause  # (pos, s, e) -> clause bounds
        self._mentions: dict[int, list[Mention]] = {}
        self._own: dict[int, tuple | None] = {}
        self._events: dict[str, int | None] = {}
        self._gate_hits: dict[str, tuple[list[int], list[int]]] | None = None
        self._gate_read = 0  # characters of the windows whose gate words were asked for
        self._found: dict[tuple[int, int, int], re.Match | None] = {}  # (id(pattern), pos, endpos) -> match
        self._at: dict[int, tuple[int, int] | None] = {}  # period start -> the figure it stands right after
        self._own_of: dict[int, tuple[list[Mention], list[int], int | None]] = {}
        self._facts: dict[tuple[int, int], _Facts] = {}
        self._compared_at: dict[int, bool] = {}
        self._roles: dict[tuple, str] = {}  # (start, end, kind, has a year) of a period -> its role
        self._quiet_cols: dict[tuple, dict] = {}
        self._silent: dict[int, tuple] = {}  # sentence index -> (silent, or _MAYBE, and its span)
        self._silent_cols: dict[tuple | None, dict] = {}  # previous sentence's period -> columns
        self._newlines: list[int] | None = None
        self._bits_of: dict[tuple[int, int], int] = {}
        self._cols: dict[tuple, dict] = {}  # a period's fields -> its columns

    def _bits(self, s: int, e: int) -> int:
        """Lexicon.mask of text[s:e], read once per sentence; every bit for a long window (a run-on line's)."""
        key = (s, e)
        got = self._bits_of.get(key)
        if got is None:
            lx = self.lx
            got = self._bits_of[key] = lx.mask.of(self.scan.low, s, e) if e - s <= MASKED else lx.mask.all
        return got

    def _search(self, rx: re.Pattern, pos: int, endpos: int) -> re.Match | None:
        """scan.search, once per window: every figure of a sentence asks about the same sentence or clause."""
        key = (id(rx), pos, endpos)
        try:
            return self._found[key]
        except KeyError:
            m = self._found[key] = self.scan.search(rx, pos, endpos)
            return m

    def _gated(self, s: int, e: int):
        """The gates (lexicon PERIOD_GATES) one of whose words is a word of text[s:e]: a function of a gate's
        name. The same answer as collecting the words of the window, found from the document's gate words
        (one pass per document) and, at a window edge that cuts a word, the cut word itself."""
        lx, low = self.lx, self.scan.low
        gates = lx.gates
        if not gates:
            return lambda name: True
        self._gate_read += e - s
        if low is None or (self._gate_hits is None and self._gate_read <= len(low)):
            # the words of the window itself, while the windows asked about add up to less than the document
            # (an article's sentences with figures); past that (a run-on line whose figures each bring a
            # window) the document's gate words, found once
            present = set(_WORD.findall(low, s, e)) if low is not None else \
                {w.lower() for w in _WORD.findall(self.text, s, e)}
            return lambda name: name not in gates or not gates[name].isdisjoint(present)
        if self._gate_hits is None:
            hits: dict[str, tuple[list[int], list[int]]] = {k: ([], []) for k in gates}
            for m in lx.gate_re.finditer(low):
                for name in lx.gate_names[m.group()]:
                    hits[name][0].append(m.start())
                    hits[name][1].append(m.end())
            self._gate_hits = hits
        hits = self._gate_hits
        edge: list[str] = []  # a word cut by the window is a different word in it ("January" -> "uary")
        n = lx.gate_len + 1  # a longer cut word is no gate word
        if s < e and s > 0 and _WORD1.match(low, s) and _WORD1.match(low, s - 1):
            edge.append(_WORD.match(low, s, min(e, s + n)).group())
        if s < e < len(low) and _WORD1.match(low, e - 1) and _WORD1.match(low, e):
            edge.append(_LAST_WORD.search(low, max(s, e - n), e).group())

        def wanted(name: str) -> bool:
            if name not in gates:
                return True
            starts, ends = hits[name]
            i = bisect.bisect_left(starts, s)
            if i < len(starts) and ends[i] <= e:
                return True  # a whole word of the document inside the window
            return any(w in gates[name] for w in edge)

        return wanted

    def _gates_in(self, s: int, e: int, named: int) -> set[str]:
        """_gated for a sentence, as the set of the names of its gates that open (and those of patterns without
        a gate): the gate words found as whole words of text[s:e] in one pass. named: the patterns asked about."""
        lx = self.lx
        seg = self.scan.low[s:e]
        n = len(seg)
        present = set(lx.ungated)
        for end, (k, names) in lx.gate_iter(seg):
            a = end - k + 1
            if (a == 0 or not _word_char(seg[a - 1])) and (end + 1 == n or not _word_char(seg[end + 1])):
                present.update(names)
        if named & lx.single_gate_bits:
            for m in lx.gate_single.finditer(seg):
                present.update(lx.gate_names[m.group()])
        return present

    def _named(self, s: int, e: int) -> int:
        """The patterns of mentions (a bit each) one of whose literals occurs in text[s:e]; all of them where
        the lexicon's gate words already tell (one search of the words of the window does for them all)."""
        lx, low = self.lx, self.scan.low
        if lx.gates or lx.naming is None or low is None:
            return -1
        bits, p, named_by, search = 0, s, lx.named_by, lx.naming.search
        while (m := search(low, p, e)) is not None:
            bits |= named_by[m.group()]
            p = m.start() + 1
        return bits

    # ---------------------------------------------------------------- mentions in a sentence
    def mentions(self, s: int, e: int) -> list[Mention]:
        got = self._mentions.get(s)
        if got is not None:
            return got
        lx, scan = self.lx, self.scan
        lo = bisect.bisect_left(self.year_starts, s)
        hi = bisect.bisect_left(self.year_starts, e)
        bits = self._bits(s, e)
        short = bits != lx.mask.all  # a sentence, whose literals tell which patterns can find a period in it
        # a pattern is run only where one of its words occurs: Python's re tries an alternation that begins
        # with \b at every position of the sentence, the slowest step of period resolution
        if short:
            # the mask told which patterns have a literal in the sentence; the gate words are read only for them
            named = bits & lx.naming_bits
            wanted = (None if not named or not lx.gates else self._gates_in(s, e, named) if lx.gate_iter is not None
                      else _Asked(self._gated(s, e)))
        elif not lx.gates and lo == hi and lx.naming is not None and scan.low is not None \
                and lx.naming.search(scan.low, s, e) is None:
            named = 0  # no year, and no literal of a pattern that finds a period
        else:
            wanted, named = _Asked(self._gated(s, e)), self._named(s, e)
        if named:
            out = self._periods_named(s, e, lo, hi, named, wanted, short)
        else:  # the years alone, in text order
            out = [Mention(t.start, t.end, "year", 1, 12, t.year) for t in self.years[lo:hi]] if lo < hi else []
        if out:
            self._roles_of(out, s, e)
        self._mentions[s] = out
        return out

    def _periods_named(self, s: int, e: int, lo: int, hi: int, named: int, wanted, short: bool) -> list[Mention]:
        """The periods of text[s:e]: named by the patterns whose bits are set in named (and whose gate words,
        wanted, occur), and the years of self.years[lo:hi]; each span is taken by the first that finds it."""
        lx, text, scan = self.lx, self.text, self.scan
        out: list[Mention] = []
        taken = _Taken()
        free, take = taken.free, taken.take

        def with_year(m_end: int) -> tuple[int, int | None, int | None]:
            """A year or relative year printed right after a sub-year period: ' of 2017', ', 2017', ' of last year'."""
            y = lx.year_of.match(text, m_end, min(e, m_end + 24))
            if y and y.group("y"):
                return y.end(), int(y.group("y")), None
            if y and y.group("rel"):
                return y.end(), None, lx.rel_words[y.group("rel").lower()]
            return m_end, None, None

        firsts: dict = {}  # a lead's finder -> where the first of its strings starts in the sentence
        for k in lx.mentioned_set[named & (1 << len(lx.mentioned)) - 1]:
            rx, pattern_kind, name = lx.mentioned[k]
            if wanted is not None and name not in wanted:
                continue
            start = s
            if short and (got := lx.leads.get(id(rx))) is not None:
                finder, width = got
                first = firsts.get(finder, -1)
                if first == -1:
                    first = firsts[finder] = min((end - n + 1 for end, n in finder(self.scan.low[s:e])), default=None)
                if first is None:
                    continue  # no month name in the sentence: the pattern cannot match
                start = _back(text, s + first, s, width)
            for m in (rx.finditer(text, start, e) if short else scan.finditer(rx, s, e)):
                if not free(m.start(), m.end()):
                    continue
                kind = pattern_kind  # per match: "January-June" makes one range a half, not the next one
                if kind == "half":
                    n = _ordinal(m, "hn", ORDINAL_HALF, lx)
                    if n is None:
                        continue
                    m1, m2 = (1, 6) if n == 1 else (7, 12)
                elif kind == "quarter":
                    n = _ordinal(m, "qn", ORDINAL_QUARTER, lx)
                    if n is None:
                        continue
                    m1, m2 = 3 * n - 2, 3 * n
                elif rx is lx.first_months:
                    n = _count(m.group("n") or m.group("n2"))
                    if not n or not 1 <= n <= 12:
                        continue
                    m1, m2 = 1, int(n)
                    kind = _kind_of_months(m1, m2)
                elif rx is lx.month_range:
                    m1, m2 = lx.month(m.group("m1")), lx.month(m.group("m2"))
                    if m2 < m1:
                        continue
                    kind = _kind_of_months(m1, m2)
                else:
                    m1 = m2 = lx.month(m.group("m"))
                start = m.start("m") if rx is lx.month_single else m.start()
                end, y, rel = with_year(m.end())
                out.append(Mention(start, end, kind, m1, m2, y, rel))
                take(m.start(), end)
        for t in self.years[lo:hi]:
            if taken.starts and not free(t.start, t.end):
                continue
            out.append(Mention(t.start, t.end, "year", 1, 12, t.year))
        for k in (lx.relative_set[named >> len(lx.mentioned) & (1 << len(lx.relative)) - 1]
                  if wanted is None or "relative" in wanted else ()):
            rx, delta = lx.relative[k]
            for m in (rx.finditer(text, s, e) if short else scan.finditer(rx, s, e)):
                if free(m.start(), m.end()):
                    mm = Mention(m.start(), m.end(), "year", 1, 12, None, delta)
                    if lx.earlier.search(m.group()) and delta == -1:
                        mm.role = "earlier"  # "a year earlier": earlier than the sentence's year
                    out.append(mm)
                    take(m.start(), m.end())
        for m in ((lx.same_period.finditer(text, s, e) if short else scan.finditer(lx.same_period, s, e))
                  if named & lx.b_same and (wanted is None or "same_period" in wanted) else ()):
            for mm in out:
                if m.start() <= mm.start < m.end() or mm.start <= m.start() < mm.end:
                    mm.role, mm.same_period = "base", True
            if not any(m.start() <= mm.start < m.end() for mm in out):
                y = m.group("y") if "y" in m.groupdict() else None
                out.append(Mention(m.start(), m.end(), "year", 1, 12, int(y) if y else None, None if y else -1,
                                   role="base", same_period=True))
        out.sort(key=_START)
        return out

    def _roles_of(self, out: list[Mention], s: int, e: int) -> None:
        """The role of each period of text[s:e] that the words before or after it make other than "period"."""
        lx, text, scan = self.lx, self.text, self.scan
        for mm in out:
            if mm.role == "earlier":
                # "7% more than a year earlier": the base of a change, not the period of the sentence
                a = max(s, mm.start - 40)
                if scan.may(lx.base_left, a, mm.start) and lx.base_left.search(text[a:mm.start]):
                    mm.role = "base"
            elif mm.role == "period":
                mm.role = self._role(mm, s, e)
            if mm.role == "base" and mm.rel == -1 and mm.year is None and mm.kind == "year":
                # "6% higher than in the previous year": the year before the figure's, not the article's
                mm.same_period = True

    def _role(self, mm: Mention, s: int, e: int) -> str:
        """period, since, base or modifier, from the 40 characters before the period and the 30 after it."""
        lx, text, scan = self.lx, self.text, self.scan
        a = max(s, mm.start - 40)
        # where the window holds them all, the answer is the same in every window (overlapping windows of a
        # run-on line)
        key = (mm.start, mm.end, mm.kind, mm.year is not None) if a > s and mm.end + 30 <= e else None
        if key is not None and key in self._roles:
            return self._roles[key]
        left = text[a:mm.start]
        role = "period"
        if mm.kind in ("year", "month") and scan.may(lx.since_left, a, mm.start) and lx.since_left.search(left):
            role = "since"  # "from January to July" is a period
        elif scan.may(lx.base_left, a, mm.start) and lx.base_left.search(left):
            role = "base"
        elif mm.kind == "year" and mm.year is not None and mm.end - mm.start == 4 \
                and lx.modifier_left.search(left[-12:]) and lx.modifier_right.match(text, mm.end, min(e, mm.end + 30)):
            role = "modifier"
        if key is not None:
            self._roles[key] = role
        return role

    def _attached_to_figure(self, mm: Mention, s: int) -> tuple[int, int] | None:
        """The figure a period stands right after ('$4bn in 2009'), if any."""
        if mm.start in self._at:
            at = self._at[mm.start]
        else:
            at = None
            i = bisect.bisect_right(self.fig_ends, mm.start) - 1
            if i >= 0:
                fs, fe = self.figures[i]
                r = self.lx.period_right.match(self.text, fe, mm.start)
                if r and r.end() == mm.start:
                    at = fs, fe
            self._at[mm.start] = at
        return None if at is None or at[1] < s else at

    def _own_periods(self, s: int, e: int) -> tuple[list[Mention], list[int], int | None]:
        """The periods of a sentence a figure may take as its own, their starts, and the sentence's year."""
        got = self._own_of.get(s)  # mentions are kept by the sentence's start: so is what follows from them
        if got is None:
            own = [m for m in self.mentions(s, e) if m.role in ("period", "earlier")]
            year = next((m.year for m in own if m.year is not None and m.role == "period"), None)
            got = self._own_of[s] = (own, [m.start for m in own], year)
        return got

    # ---------------------------------------------------------------- a figure's period
    def resolve(self, q_start: int, q_end: int, s: int, e: int, change: bool) -> dict:
        i = self.sents.index(s)
        got = self._silent.get(i)  # (_silent_sentence's answer kept for the sentence, read here for each figure)
        if got[0] if got is not None and got[0] is not _MAYBE else self._silent_sentence(i, s, e):
            # a sentence (or a window of a run-on line) in which nothing could tell a period: every figure takes
            # the previous sentence's period, else the publication year, wherever it stands (steps 3 and 5 of
            # _resolve, which finds no period, span, event, stock, outlook or base in it)
            prev = self._own[s] if s in self._own else self.previous_period(s)
            cols = self._silent_cols.get(prev)
            if cols is None:
                if prev is not None:
                    period = Period(prev[0], prev[1], prev[2], prev[3], "previous_sentence")
                else:
                    period = Period(self.pub.year, 1, 12, "year", "publication_year") if self.pub else Period()
                cols = self._silent_cols[prev] = period.columns()
                cols.update({"base_year": None, "base_period": None, "outlook": "actual"})
            return dict(cols)
        return self._resolve_in(q_start, q_end, s, e, change)

    def _silent_sentence(self, i: int, s: int, e: int) -> bool:
        """Nothing in sentence i, asked about in (s, e) (the sentence or a window of it), can tell a period: no
        year; no match of a pattern searched in part of it (no literal of one, or no match of its open form in
        the sentence); no period named in it and no match of a pattern searched in the whole of it (no literal or
        open form of one, or, for the sentence itself, no mention and no match). Read once per sentence."""
        got = self._silent.get(i)
        if got is None:
            got = self._silent[i] = self._silence(i)
        if got[0] is not _MAYBE:
            return got[0]
        if (s, e) != got[1:]:
            return False  # a window: only literals tell which of its parts cannot hold a match
        bits, bit_of = self._bits(s, e), self.lx.bit_of
        quiet = not self.mentions(s, e) and all(not bits & bit_of[id(rx)] or self._search(rx, s, e) is None
                                                for rx in self.lx.whole)
        self._silent[i] = (quiet, s, e)
        return quiet

    def _silence(self, i: int) -> tuple:
        """(_silent_sentence of sentence i as far as its literals and the patterns' open forms tell: True, False
        or _MAYBE; its span)."""
        s, e = self.sents.span(i)
        low, lx = self.scan.low, self.lx
        # a sentence of one figure is not worth reading for the answer its figure alone would use; the open forms,
        # which re cannot skip through as it does a pattern led by its first characters, are searched only in a
        # sentence dense with figures (a table row, a run-on line of figures), not in prose
        figures = bisect.bisect_left(self.fig_starts, e) - bisect.bisect_left(self.fig_starts, s)
        if figures < 2 or low is None or lx.naming is None or lx.partial is None or \
                bisect.bisect_left(self.year_starts, s) != bisect.bisect_left(self.year_starts, e):
            return False, s, e
        bits = self._bits(s, e)
        if bits == lx.mask.all:  # a long sentence: its literals searched for one pattern at a time
            bits = -1 if lx.partial.search(low, s, e) is not None else ~lx.partial_bits
            if lx.naming.search(low, s, e) is None:
                bits &= ~lx.naming_bits
        if bits & lx.partial_bits and (e - s > DENSE * figures or self._may_match(lx.partial_patterns, s, e, bits)):
            return False, s, e
        if not bits & lx.naming_bits and not self._may_match(lx.whole, s, e, bits):
            return True, s, e
        return _MAYBE, s, e

    def _may_match(self, patterns, s: int, e: int, bits: int) -> bool:
        """False only where no match of any of the patterns lies within any part of text[s:e]: none of its
        literals occurs there (bits: the Lexicon.mask of text[s:e], where it was read), or the pattern's open
        form (_open_form) matches nowhere in it."""
        bit_of = self.lx.bit_of
        for rx in patterns:
            if bits & bit_of[id(rx)] and self.scan.may(rx, s, e):
                wider = self.lx.open_form(rx)
                if wider is None or wider.search(self.text, s, e) is not None:
                    return True
        return False

    def _resolve_in(self, q_start: int, q_end: int, s: int, e: int, change: bool) -> dict:
        lo, hi = self.clause(q_start, s, e)
        f = self.facts(s, e)
        if not (s <= q_start and q_end <= e):
            f = _Facts(f.own, f.starts, f.year)  # a window reaching outside the sentence: no shortcut
        elif f.quiet:
            # nothing in the sentence depends on where the figure stands in its clause: one answer per clause
            key = (s, e, lo, hi, change)
            cols = self._quiet_cols.get(key)
            if cols is None:
                cols = self._quiet_cols[key] = self._resolve(q_start, q_end, s, e, lo, hi, change, f)
            return dict(cols)
        return self._resolve(q_start, q_end, s, e, lo, hi, change, f)

    def facts(self, s: int, e: int) -> _Facts:
        """What a sentence tells all its figures: its periods, and which of the patterns searched next to a
        figure can match in it at all (their literals occur in it), so that each figure is spared the search
        of its own window where they do not."""
        f = self._facts.get((s, e))
        if f is None:
            lx, may = self.lx, self.scan.may
            own, starts, year = self._own_periods(s, e)
            bits = self._bits(s, e)
            many = bisect.bisect_left(self.fig_starts, e) - bisect.bisect_left(self.fig_starts, s) >= 3
            if bits == lx.mask.all and not many:
                f = _Facts(own, starts, year)  # too few figures to repay reading the long window for them
            else:
                if bits == lx.mask.all:
                    target, forecast, right, by = (may(lx.target, s, e), may(lx.forecast, s, e),
                                                   may(lx.outlook_right, s, e), may(lx.future_by, s, e))
                else:
                    target, forecast, right, by = (bool(bits & lx.b_target), bool(bits & lx.b_forecast),
                                                   bool(bits & lx.b_right), bool(bits & lx.b_by))
                if many and by and self.clause(s, s, e) == (s, e):
                    # one clause: every figure searches up to the sentence's end, so a match must be one of the
                    # sentence's ("к 2030" needs a year, and the literals of a year are in any table row)
                    by = self._search(lx.future_by, s, e) is not None
                f = _Facts(own, starts, year, may(lx.period_break, s, e) if many else True, target, forecast, right,
                           by, bits=bits)
                if many:
                    f.quiet = (not self.mentions(s, e) and not (bits & lx.b_between and
                                                                self._search(lx.between_years, s, e))
                               and not (f.target or f.forecast or f.right or f.by))
            self._facts[(s, e)] = f
        return f

    def _resolve(self, q_start: int, q_end: int, s: int, e: int, lo: int, hi: int, change: bool, f: _Facts) -> dict:
        lx, text, pub = self.lx, self.text, self.pub
        own, own_starts, sentence_year = f.own, f.starts, f.year
        # (no word of a target, forecast or deadline in the sentence: an outcome, without asking)
        outlook = self.outlook(q_start, q_end, lo, hi, f) if f.target or f.forecast or f.right or f.by else "actual"
        period = _NO_PERIOD  # (replaced, never changed in place, before a step gives it a year)
        chosen: Mention | None = None

        # 1. attached: right after the figure
        if own:
            r = lx.period_right.match(text, q_end, min(e, q_end + 40))
            if r is not None:
                i = bisect.bisect_left(own_starts, r.end())
                chosen = own[i] if i < len(own) and own_starts[i] == r.end() else None
            if chosen is None:
                # the first period at or after the figure, if only white space stands between: any later one
                # has the same white space and more before it
                i = bisect.bisect_left(own_starts, q_end)
                if i < len(own) and (own_starts[i] == q_end or not text[q_end:own_starts[i]].strip()):
                    chosen = own[i]
        basis = "stated" if chosen is not None else None
        # ... or the span it opens or closes: "between 2005 and 2006 ... grew from $15m to $90m"
        # (the few characters before the figure read first: the span is searched for only where they open or
        # close one, most figures of a sentence with years in it do neither)
        if chosen is None and f.bits & lx.b_between:
            before = text[max(s, q_start - 12):q_start]
            opens = lx.span_from.search(before) is not None
            if (opens or lx.span_to.search(before)) and (b := self._search(lx.between_years, s, e)):
                period, basis = Period(int(b.group("a" if opens else "b")), 1, 12, "year", "stated"), "stated"
        # 2. the clause's period, then the sentence's; a period attached to another figure is that figure's
        if chosen is None and period.year is None and own:  # (no period of its own in the sentence: none to take)
            # the last period before the figure, else the first usable one after it: in the clause, then in
            # the sentence (a period after the figure is looked at only where none precedes it)
            in_clause = own[bisect.bisect_left(own_starts, lo):bisect.bisect_left(own_starts, hi)]
            chosen = _last_before(in_clause, q_start) or self._first_after(in_clause, s, q_start, q_end, f.brk) \
                or _last_before(own, q_start) or self._first_after(own, s, q_start, q_end, f.brk)
            if chosen is not None:
                basis = "relative" if chosen.year is None and chosen.rel is not None else "stated"
        if chosen is not None and chosen.year is None and chosen.rel is not None:
            basis = "relative"
        if chosen is not None:
            if chosen.role == "earlier":
                # "in 2011, down from 41,000 a year earlier": a year before the sentence's year, else before the
                # year the sentence before speaks of ("Trade reached $19bn in 2018. A year earlier it was ..."),
                # else before today's
                prev = self.previous_period(s) if sentence_year is None else None
                if sentence_year is not None:
                    y, basis = sentence_year - 1, "stated"
                elif prev is not None:
                    y, basis = prev[0] - 1, "previous_sentence"
                else:
                    y, basis = (pub.year - 1 if pub else None), "relative"
                period = Period(y, 1, 12, "year", basis) if y is not None else Period(basis="unknown")
            else:
                got = chosen.resolved(pub, fallback=sentence_year if chosen.year is None and chosen.rel is None
                                      else None)
                if got is None:
                    period = Period(basis="unknown")
                else:
                    if chosen.year is None and chosen.rel is None:
                        basis = "stated" if sentence_year is not None else "relative"
                    period = Period(got[0], got[1], got[2], chosen.kind, basis)
        # 3. the previous sentence of the paragraph, which this one continues
        if period.year is None and basis is None:
            prev = self.previous_period(s)
            if prev is not None:
                period = Period(prev[0], prev[1], prev[2], prev[3], "previous_sentence")
        # 4. an event whose year the article gives
        if period.year is None and basis is None and f.bits & lx.b_event and (ev := self.event_year(s, e)) is not None:
            period = Period(ev, 1, 12, "year", "event")
        # 5. the publication year
        if period.year is None and period.basis == "unknown" and basis is None and pub is not None:
            period = Period(pub.year, 1, 12, "year", "publication_year")

        # a stock accumulated over time: "accumulated investment since 2005 reached ..."
        if period.year is not None and f.bits & lx.b_to_date and self._search(lx.to_date, lo, hi):
            since = self._search(lx.since_any, lo, hi)
            period.kind = "to_date"
            if since:
                period.start_year = int(since.group("y"))
                period.m1 = lx.month(since.group("m")) if since.group("m") else 1
            if period.basis == "publication_year" and pub is not None:
                period.m2 = pub.month

        # forecasts "in 15 years"
        base_year = base_period = None
        if outlook != "actual" and pub is not None and f.bits & lx.b_span \
                and (sp := self._search(lx.span_years, lo, hi)) and sp.group("n2"):
            n = _count(sp.group("n2"))
            if n and period.basis == "publication_year":
                period = Period(pub.year + int(n), 1, 12, "year", "relative")
                base_year = pub.year
        if outlook == "actual" and period.year is not None and pub is not None and period.year > pub.year \
                and period.basis in ("stated", "relative"):
            outlook = "forecast"  # a figure for a year after publication cannot be an outcome
        key = (period.year, period.m1, period.m2, period.kind, period.basis, period.start_year)
        cols = self._cols.get(key)
        if cols is None:
            cols = self._cols[key] = period.columns()
        cols = cols.copy()
        if base_year is None:
            base_year, base_period = self.base(q_end, s, e, lo, hi, period, change, chosen, f.brk, f.bits)
        if base_year is not None and period.year is not None and base_year >= period.year \
                and base_period is None:
            base_year = None  # the base is never the claim's own period
        cols["base_year"], cols["base_period"], cols["outlook"] = base_year, base_period, outlook
        return cols

    def _first_after(self, ms: list[Mention], s: int, q_start: int, q_end: int, breaks: bool) -> Mention | None:
        """The first of ms after the figure at q_start..q_end that it may take: no period break between, and
        not attached to a figure it is compared with (that figure's: "$6bn, up from $4bn in 2009"); one attached
        to a coordinated figure is shared: "... and imports to $1bn in 2017"."""
        for m in ms:
            if m.start >= q_end:
                at = self._attached_to_figure(m, s)
                if (at is None or at[0] == q_start or not self._compared(at[0], q_end)) and \
                        not (breaks and self.scan.search(self.lx.period_break, q_end, m.start)):
                    return m
        return None

    def base(self, q_end, s, e, lo, hi, period: Period, change: bool, chosen: Mention | None,
             breaks: bool = True, bits: int = -1):
        """(base_year, base_period) of a comparison stated in the figure's clause. breaks: False where the
        sentence holds no period break, which then need not be searched for; bits: its Lexicon.mask."""
        lx, pub, scan = self.lx, self.pub, self.scan
        y = period.year
        ms = self.mentions(s, e)
        if not ms and not (change and y is not None):
            return None, None  # no period to compare with, and no span or start of one asked about
        # a comparison may follow the figure's clause: "rose by 9% compared to the same period of 2022"
        bases = [m for m in ms if m.role == "base" and lo <= m.start and m is not chosen]
        if bases and bases[-1].start >= hi:  # (ms is in text order) a base past the clause: how far it reaches
            brk = scan.search(lx.period_break, q_end, e) if breaks else None
            reach = max(hi, brk.start() if brk else e)
            bases = [m for m in bases if m.start < reach]
        # a level compared with an earlier figure: "$6bn, up from $4bn in 2009"
        if not bases:
            for m in ms:
                if m.role == "period" and lo <= m.start < hi and (at := self._attached_to_figure(m, s)) is not None \
                        and at[0] > q_end and self._compared(at[0], max(lo, q_end)) \
                        and not (breaks and scan.search(lx.period_break, q_end, at[0])):
                    bases.append(m)
        if not bases and change and y is not None:
            since = self._search(lx.since_year, s, e) if bits & lx.b_since_year else None
            if since and int(since.group("y")) < y:
                b = int(since.group("y"))
                return b, f"{b:04d}-01/{b:04d}-12"
            if bits & lx.b_span and (m := self._search(lx.span_years, s, e)):
                n = _span_length(m)
                if n:
                    return y - n, None
            earlier = [m for m in ms if m.role == "earlier" and lo <= m.start < hi]
            if earlier:
                bases = earlier
        if not bases:
            return None, None
        b = bases[0]
        if b.same_period or b.role == "earlier":
            by = b.year if b.year is not None else (y - 1 if y is not None else None)
            if by is None:
                return None, None
            m1, m2 = (period.m1, period.m2) if period.year is not None else (1, 12)
            return by, f"{by:04d}-{m1:02d}/{by:04d}-{m2:02d}"
        got = b.resolved(pub, fallback=y)
        if got is None:
            return None, None
        return got[0], f"{got[0]:04d}-{got[1]:02d}/{got[0]:04d}-{got[2]:02d}"

    # ---------------------------------------------------------------- outlook
    def outlook(self, q_start: int, q_end: int, lo: int, hi: int, f: _Facts | None = None) -> str:
        """f: the facts of the sentence holding the figure, which say which words it lacks."""
        lx, text, scan = self.lx, self.text, self.scan
        f = f or _ANY
        if f.target and scan.may(lx.target, lo, q_start) and lx.target.search(text[lo:q_start]):
            return "target"
        if (f.forecast and scan.may(lx.forecast, lo, q_start) and lx.forecast.search(text[lo:q_start])) \
                or (f.right and lx.outlook_right.match(text, q_end, min(hi, q_end + 40))):
            return "forecast"
        if self.pub is not None and f.by:
            for m in scan.finditer(lx.future_by, q_end, hi):
                if int(m.group("y")) > self.pub.year:
                    return "forecast"
        return "actual"

    # ---------------------------------------------------------------- previous sentence, events
    def sentence_own(self, s: int, e: int) -> tuple | None:
        """(year, m1, m2, kind) that a sentence states for itself: its first period, if any."""
        for m in self.mentions(s, e):
            if m.role == "period" and not self.scan.search(self.lx.future_left, max(s, m.start - 20), m.start):
                got = m.resolved(self.pub)
                if got is not None and (m.year is not None or m.rel is not None):
                    return got[0], got[1], got[2], m.kind
        return None

    def previous_period(self, s: int) -> tuple | None:
        if s in self._own:
            return self._own[s]
        self._own[s] = None  # guards against cycles
        i = self.sents.index(s)
        out = None
        if i > 0:
            ps, pe = self.sents.span(i - 1)
            # a paragraph break ends the continuation, except where the language's news prose carries the
            # lead's period on through one-sentence paragraphs (lexicon PERIOD_ACROSS_PARAGRAPHS)
            across = getattr(self.lx.lex, "PERIOD_ACROSS_PARAGRAPHS", False)
            if ps < s and (across or not self._newline_in(pe, s)):
                out = self.sentence_own(ps, pe)
                if out is None and (across or self._has_figure(ps, pe)):
                    out = self.previous_period(ps)  # a chain of sentences about the same figures
        self._own[s] = out
        return out

    def _newline_in(self, a: int, b: int) -> bool:
        """A line break in text[a:b], found by bisection: a window of a run-on line may start far from the
        end of the sentence before."""
        if self._newlines is None:
            self._newlines = [m.start() for m in re.finditer("\n", self.text)]
        i = bisect.bisect_left(self._newlines, a)
        return i < len(self._newlines) and self._newlines[i] < b

    def _compared(self, fig_start: int, lo: int) -> bool:
        """The figure at fig_start is introduced as a comparison: 'up from $4bn', 'than $4bn'."""
        if lo > fig_start - 30:
            return self.scan.search(self.lx.compared_left, lo, fig_start) is not None
        got = self._compared_at.get(fig_start)  # the 30 characters before the figure: the same for every figure
        if got is None:
            got = self._compared_at[fig_start] = \
                self.scan.search(self.lx.compared_left, fig_start - 30, fig_start) is not None
        return got

    def _has_figure(self, s: int, e: int) -> bool:
        i = bisect.bisect_left(self.figures, (s, -1))
        return i < len(self.figures) and self.figures[i][0] < e

    def event_year(self, s: int, e: int) -> int | None:
        m = self._search(self.lx.event, s, e)
        if not m:
            return None
        words = m.group("event").split()
        key = " ".join(words[-2:])
        if key not in self._events:
            rx = re.compile(self.lx.event_year_src.format(event=re.escape(key).replace(r"\ ", r"\s+"),
                                                          month=self.lx.month_src), re.I)
            found = rx.search(self.text)
            self._events[key] = int(found.group("y")) if found else None
        y = self._events[key]
        if y is None:
            return None
        nth = {"first": 0, "second": 1, "third": 2}[m.group(0).split()[0].lower()]
        return y + nth


def _open_form(rx: re.Pattern) -> re.Pattern | None:
    """rx without its zero-width assertions (lookarounds, \\b, anchors): it matches any characters rx takes,
    whatever stands around them. Searched across a sentence it finds a match wherever rx finds one within any
    part of the sentence, searched with pos and endpos or in a slice: the ends of a part, which rx sees as the
    ends of the text, can make an assertion succeed where the whole sentence would not. None where that cannot
    be had: an atomic group or a possessive repeat commits to a match that dropping an assertion could change."""

    def strip(items):
        out = []
        for op, av in items:
            if op in (C.ATOMIC_GROUP, C.POSSESSIVE_REPEAT):
                raise ValueError(op)
            if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
                continue
            if op is C.SUBPATTERN:
                av = (av[0], av[1], av[2], strip(av[3]))
            elif op is C.BRANCH:
                av = (av[0], [strip(b) for b in av[1]])
            elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
                av = (av[0], av[1], strip(av[2]))
            elif op is C.GROUPREF_EXISTS:
                av = (av[0], strip(av[1]), strip(av[2]) if av[2] is not None else None)
            out.append((op, av))
        return P.SubPattern(parsed.state, out)

    try:
        parsed = P.parse(rx.pattern, rx.flags)
        return _compiler.compile(strip(parsed), rx.flags)
    except Exception:  # a construct of another Python's parser: no open form, the literals alone decide
        return None


def _literal_trie(patterns) -> re.Pattern | None:
    """A search for the literals one of which every match of one of the patterns holds (prefilter.literals);
    None where a pattern has none. A match of it within a window is a necessary condition for a match of one of
    the patterns within any part of that window."""
    got = _literal_owners(patterns)
    return got and got[0]


def _literal_owners(patterns) -> tuple[re.Pattern, dict[str, int]] | None:
    """_literal_trie, and for each literal it finds, the patterns (a bit each, in order) one of whose literals
    holds it. No literal it finds holds another, so each position starts at most one: a search resumed one
    character after each match finds them all."""
    lits = [() if rx.pattern.startswith("(?!)") else literals(rx) for rx in patterns]
    if any(ls is None for ls in lits):
        return None
    every = {w for ls in lits for w in ls}
    # a literal holding a shorter one is found wherever it is
    least = sorted(w for w in every if not any(v != w and v in w for v in every))
    owners = {w: sum(1 << k for k, ls in enumerate(lits) if any(w in v for v in ls)) for w in least}
    return re.compile(_trie(least)), owners


def _last_before(ms: list[Mention], pos: int) -> Mention | None:
    """The last of ms (in their order) that ends by pos."""
    for m in reversed(ms):
        if m.end <= pos:
            return m
    return None


def _ordinal(m: re.Match, digit: str, english: dict, lx) -> int | None:
    """The number of a half or quarter: an ordinal word ('second', 'втором', 'IV') or a digit."""
    which = (m.group("which") or "").lower()
    n = english.get(which) or getattr(lx.lex, "PERIOD_ORDINALS", {}).get(which)
    return n or (int(m.group(digit)) if m.group(digit) else None)


def _kind_of_months(m1: int, m2: int) -> str:
    """January-June is a half-year, April-June a quarter, January-December a year; other spans are months."""
    if (m1, m2) == (1, 12):
        return "year"
    if (m1, m2) in ((1, 6), (7, 12)):
        return "half"
    if m2 - m1 == 2 and m1 % 3 == 1:
        return "quarter"
    return "month" if m1 == m2 else "months"


def _count(raw: str | None) -> float | None:
    if not raw:
        return None
    try:
        return float(raw)
    except ValueError:
        return words_value(raw.replace("-", " "))


def _span_length(m: re.Match) -> int | None:
    if m.group("u1"):
        return 10 if m.group("u1").lower() == "decade" else 1
    raw = m.group("n") or m.group("n2")
    unit = (m.group("u") or "years").lower()
    n = _count(raw)
    if n is None and " " in raw:
        n = _count(raw.split()[-1])
    if n is None:
        return None
    return int(round(n * (10 if unit.startswith("decade") else 1)))
