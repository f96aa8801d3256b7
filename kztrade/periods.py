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

from .grammar import words_value
from .meaning import _at
from .prefilter import Scan, led

_WORD = re.compile(r"\w+")
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
        self.gates = {k: frozenset(v) for k, v in getattr(lex, "PERIOD_GATES", {}).items()}

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
        self.figures = figures  # (q_start, q_end), sorted
        self.fig_ends = [e for _, e in figures]
        self.sents = sents
        self.clause = clause  # (pos, s, e) -> clause bounds
        self._mentions: dict[int, list[Mention]] = {}
        self._own: dict[int, tuple | None] = {}
        self._events: dict[str, int | None] = {}

    # ---------------------------------------------------------------- mentions in a sentence
    def mentions(self, s: int, e: int) -> list[Mention]:
        if s in self._mentions:
            return self._mentions[s]
        lx, text, scan = self.lx, self.text, self.scan
        out: list[Mention] = []
        taken: list[tuple[int, int]] = []

        def free(a: int, b: int) -> bool:
            return all(b <= x or a >= y for x, y in taken)

        def with_year(m_end: int) -> tuple[int, int | None, int | None]:
            """A year or relative year printed right after a sub-year period: ' of 2017', ', 2017', ' of last year'."""
            y = lx.year_of.match(text, m_end, min(e, m_end + 24))
            if y and y.group("y"):
                return y.end(), int(y.group("y")), None
            if y and y.group("rel"):
                return y.end(), None, lx.rel_words[y.group("rel").lower()]
            return m_end, None, None

        # a pattern is run only where one of its words occurs: Python's re tries an alternation that begins
        # with \b at every position of the sentence, the slowest step of period resolution
        gates, low = lx.gates, scan.low
        if not gates:
            present = None
        elif low is not None:
            present = set(_WORD.findall(low, s, e))  # lower-cased once for the document, position for position
        else:
            present = {w.lower() for w in _WORD.findall(text, s, e)}

        def wanted(name: str) -> bool:
            return present is None or name not in gates or not gates[name].isdisjoint(present)

        for rx, pattern_kind, name in ((lx.half, "half", "half"), (lx.quarter, "quarter", "quarter"),
                                       (lx.first_months, "months", "first_months"),
                                       (lx.month_range, "months", "month"), (lx.month_single, "month", "month")):
            if not wanted(name):
                continue
            for m in scan.finditer(rx, s, e):
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
                taken.append((m.start(), end))
        lo = bisect.bisect_left(self.years, s, key=lambda t: t.start)
        hi = bisect.bisect_left(self.years, e, key=lambda t: t.start)
        for t in self.years[lo:hi]:
            if not free(t.start, t.end):
                continue
            out.append(Mention(t.start, t.end, "year", 1, 12, t.year))
        for rx, delta in (lx.relative if wanted("relative") else ()):
            for m in scan.finditer(rx, s, e):
                if free(m.start(), m.end()):
                    mm = Mention(m.start(), m.end(), "year", 1, 12, None, delta)
                    if lx.earlier.search(m.group()) and delta == -1:
                        mm.role = "earlier"  # "a year earlier": earlier than the sentence's year
                    out.append(mm)
                    taken.append((m.start(), m.end()))
        for m in (scan.finditer(lx.same_period, s, e) if wanted("same_period") else ()):
            for mm in out:
                if m.start() <= mm.start < m.end() or mm.start <= m.start() < mm.end:
                    mm.role, mm.same_period = "base", True
            if not any(m.start() <= mm.start < m.end() for mm in out):
                y = m.group("y") if "y" in m.groupdict() else None
                out.append(Mention(m.start(), m.end(), "year", 1, 12, int(y) if y else None, None if y else -1,
                                   role="base", same_period=True))
        for mm in out:
            if mm.role != "period":
                continue
            a = max(s, mm.start - 40)
            left = text[a:mm.start]
            if mm.kind in ("year", "month") and scan.may(lx.since_left, a, mm.start) and lx.since_left.search(left):
                mm.role = "since"  # "from January to July" is a period
            elif scan.may(lx.base_left, a, mm.start) and lx.base_left.search(left):
                mm.role = "base"
            elif mm.kind == "year" and mm.year is not None and mm.end - mm.start == 4 \
                    and lx.modifier_left.search(left[-12:]) and lx.modifier_right.match(text, mm.end, min(e, mm.end + 30)):
                mm.role = "modifier"
        out.sort(key=lambda m: m.start)
        self._mentions[s] = out
        return out

    def _attached_to_figure(self, mm: Mention, s: int) -> tuple[int, int] | None:
        """The figure a period stands right after ('$4bn in 2009'), if any."""
        i = bisect.bisect_right(self.fig_ends, mm.start) - 1
        if i < 0:
            return None
        fs, fe = self.figures[i]
        if fe < s:
            return None
        if self.lx.period_right.match(self.text, fe, mm.start) and self.lx.period_right.match(self.text, fe, mm.start).end() == mm.start:
            return fs, fe
        return None

    # ---------------------------------------------------------------- a figure's period
    def resolve(self, q_start: int, q_end: int, s: int, e: int, change: bool) -> dict:
        lx, text, pub, scan = self.lx, self.text, self.pub, self.scan
        ms = self.mentions(s, e)
        lo, hi = self.clause(q_start, s, e)
        outlook = self.outlook(q_start, q_end, lo, hi)
        own = [m for m in ms if m.role in ("period", "earlier")]
        sentence_year = next((m.year for m in own if m.year is not None and m.role == "period"), None)
        period = Period()
        chosen: Mention | None = None

        # 1. attached: right after the figure
        r = lx.period_right.match(text, q_end, min(e, q_end + 40))
        if r is not None:
            chosen = next((m for m in own if m.start == r.end()), None)
        if chosen is None:
            chosen = next((m for m in own if m.start == q_end or (m.start > q_end and not text[q_end:m.start].strip())),
                          None)
        basis = "stated" if chosen is not None else None
        # ... or the span it opens or closes: "between 2005 and 2006 ... grew from $15m to $90m"
        if chosen is None and (b := scan.search(lx.between_years, s, e)):
            before = text[max(s, q_start - 12):q_start]
            if lx.span_from.search(before):
                period, basis = Period(int(b.group("a")), 1, 12, "year", "stated"), "stated"
            elif lx.span_to.search(before):
                period, basis = Period(int(b.group("b")), 1, 12, "year", "stated"), "stated"
        # 2. the clause's period, then the sentence's; a period attached to another figure is that figure's
        if chosen is None and period.year is None:
            def usable(m: Mention) -> bool:
                # a period attached to a figure this one is compared with is that figure's: "$6bn, up from
                # $4bn in 2009"; one attached to a coordinated figure is shared: "... and imports to $1bn in 2017"
                at = self._attached_to_figure(m, s)
                return at is None or at[0] == q_start or not self._compared(at[0], q_end)

            in_clause = [m for m in own if lo <= m.start < hi]
            before = [m for m in in_clause if m.end <= q_start]
            after = [m for m in in_clause if m.start >= q_end and usable(m)
                     and not scan.search(lx.period_break, q_end, m.start)]
            if before:
                chosen = before[-1]
            elif after:
                chosen = after[0]
            else:
                before = [m for m in own if m.end <= q_start]
                after = [m for m in own if m.start >= q_end and usable(m)
                         and not scan.search(lx.period_break, q_end, m.start)]
                chosen = before[-1] if before else (after[0] if after else None)
            if chosen is not None:
                basis = "relative" if chosen.year is None and chosen.rel is not None else "stated"
        if chosen is not None and chosen.year is None and chosen.rel is not None:
            basis = "relative"
        if chosen is not None:
            if chosen.role == "earlier":
                # "in 2011, down from 41,000 a year earlier": a year before the sentence's year, else today's
                y = (sentence_year - 1) if sentence_year is not None else (pub.year - 1 if pub else None)
                basis = "stated" if sentence_year is not None else "relative"
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
        if period.year is None and basis is None and (ev := self.event_year(s, e)) is not None:
            period = Period(ev, 1, 12, "year", "event")
        # 5. the publication year
        if period.year is None and period.basis == "unknown" and basis is None and pub is not None:
            period = Period(pub.year, 1, 12, "year", "publication_year")

        # a stock accumulated over time: "accumulated investment since 2005 reached ..."
        if period.year is not None and scan.search(lx.to_date, lo, hi):
            since = scan.search(lx.since_any, lo, hi)
            period.kind = "to_date"
            if since:
                period.start_year = int(since.group("y"))
                period.m1 = lx.month(since.group("m")) if since.group("m") else 1
            if period.basis == "publication_year" and pub is not None:
                period.m2 = pub.month

        # forecasts "in 15 years"
        base_year = base_period = None
        if outlook != "actual" and pub is not None and (sp := scan.search(lx.span_years, lo, hi)) and sp.group("n2"):
            n = _count(sp.group("n2"))
            if n and period.basis == "publication_year":
                period = Period(pub.year + int(n), 1, 12, "year", "relative")
                base_year = pub.year
        if outlook == "actual" and period.year is not None and pub is not None and period.year > pub.year \
                and period.basis in ("stated", "relative"):
            outlook = "forecast"  # a figure for a year after publication cannot be an outcome
        cols = period.columns()
        if base_year is None:
            base_year, base_period = self.base(q_start, q_end, s, e, lo, hi, period, change, chosen)
        if base_year is not None and period.year is not None and base_year >= period.year \
                and base_period is None:
            base_year = None  # the base is never the claim's own period
        cols.update({"base_year": base_year, "base_period": base_period, "outlook": outlook})
        return cols

    def base(self, q_start, q_end, s, e, lo, hi, period: Period, change: bool, chosen: Mention | None):
        """(base_year, base_period) of a comparison stated in the figure's clause."""
        lx, pub, scan = self.lx, self.pub, self.scan
        y = period.year
        # a comparison may follow the figure's clause: "rose by 9% compared to the same period of 2022"
        brk = scan.search(lx.period_break, q_end, e)
        reach = max(hi, brk.start() if brk else e)
        bases = [m for m in self.mentions(s, e) if m.role == "base" and lo <= m.start < reach and m is not chosen]
        # a level compared with an earlier figure: "$6bn, up from $4bn in 2009"
        if not bases:
            for m in self.mentions(s, e):
                at = self._attached_to_figure(m, s)
                if m.role == "period" and at is not None and at[0] > q_end and lo <= m.start < hi \
                        and self._compared(at[0], max(lo, q_end)) and not scan.search(lx.period_break, q_end, at[0]):
                    bases.append(m)
        if not bases and change and y is not None:
            since = scan.search(lx.since_year, s, e)
            if since and int(since.group("y")) < y:
                b = int(since.group("y"))
                return b, f"{b:04d}-01/{b:04d}-12"
            if (m := scan.search(lx.span_years, s, e)):
                n = _span_length(m)
                if n:
                    return y - n, None
            earlier = [m for m in self.mentions(s, e) if m.role == "earlier" and lo <= m.start < hi]
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
    def outlook(self, q_start: int, q_end: int, lo: int, hi: int) -> str:
        lx, text, scan = self.lx, self.text, self.scan
        left = text[lo:q_start]
        if scan.may(lx.target, lo, q_start) and lx.target.search(left):
            return "target"
        if (scan.may(lx.forecast, lo, q_start) and lx.forecast.search(left)) \
                or lx.outlook_right.match(text, q_end, min(hi, q_end + 40)):
            return "forecast"
        if self.pub is not None:
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
            if ps < s and (across or "\n" not in self.text[pe:s]):
                out = self.sentence_own(ps, pe)
                if out is None and (across or self._has_figure(ps, pe)):
                    out = self.previous_period(ps)  # a chain of sentences about the same figures
        self._own[s] = out
        return out

    def _compared(self, fig_start: int, lo: int) -> bool:
        """The figure at fig_start is introduced as a comparison: 'up from $4bn', 'than $4bn'."""
        return self.scan.search(self.lx.compared_left, max(lo, fig_start - 30), fig_start) is not None

    def _has_figure(self, s: int, e: int) -> bool:
        i = bisect.bisect_left(self.figures, (s, -1))
        return i < len(self.figures) and self.figures[i][0] < e

    def event_year(self, s: int, e: int) -> int | None:
        m = self.scan.search(self.lx.event, s, e)
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
