"""Find every number-like token in a text and decide what it is: a quantity, or excluded with a reason.

A quantity comes back with its value (scale applied), unit, qualifier and the span of its mention
("US$ 4.2 billion", "15%", "three-day"); what it measures is decided later, in meaning.py.

Where a token may begin is found by kztrade.candidates; most figures of a statistical table have nothing
around them that a rule reads, and Tokenizer._plain answers those in one step, asking only the rules whose
gate opens at the characters at the figure's edges (classify() decides the rest; tests/test_tokens_plain.py
holds the two to the same answer).
"""
from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from types import SimpleNamespace

from . import casefree
from . import grammar as g
from .candidates import starts
from .lang import lexicon
from .prefilter import Scan, edge
from .trie_branches import tried


@dataclass
class Token:
    start: int
    end: int
    kind: str
    text: str
    reason: str | None = None  # set when excluded
    detail: str | None = None
    year: int | None = None  # for a year or a date that names one
    # set when a quantity
    q_start: int = 0
    q_end: int = 0
    value: float | None = None
    unit: str | None = None
    qualifier: str = "exact"
    subject: str | None = None
    context: str = ""  # the words before the mention, for rules that need them later

    after: str = ""  # the words after the mention
    lex: object = field(default=None, repr=False, compare=False)  # the language's lexicon (kztrade.lang)

    def falling(self) -> bool:
        """A stated fall ('dropped by', 'lost', 'a 28 percent decline', '20% less than a year earlier'):
        only asked of percentages, so only computed then."""
        return bool(self.lex.FALL_LEFT.search(self.context) or self.lex.FALL_RIGHT.match(self.after))

    def exclude(self, reason: str, detail: str | None = None, year: int | None = None) -> "Token":
        self.reason, self.detail, self.year = reason, detail, year
        return self


def _words_before(left: str, n: int = 4) -> list[str]:
    """The last n words of left; a comma or a dash is a word of its own."""
    if "," in left or "–" in left or "—" in left:
        return left.replace(",", " , ").replace("–", " – ").replace("—", " — ").split()[-n:]
    return left.rsplit(None, n)[-n:]  # the same words, splitting only at the end


def _is_docnum(left: str, L) -> bool:
    end = left[-1:]
    if end in _DASHES or (end == " " and left[-2:-1] in _DASHES):
        # "pp. 3-4", "с. 3–4": the second figure of a range after a document word is a document number too
        m = _RANGE_FIRST.search(left)
        return m is not None and _is_docnum(left[:m.start()], L)
    w = _words_before(left, 2)
    if not w or left[-1:] not in (" ", ":", ".", "#", "\u00a0", "№"):
        # "№12", "#12", and the French-style "N°240" / "Nº 240" that English reports print too
        return bool(w) and (w[-1:] in (["#"], ["№"]) or w[-1].lower().lstrip("(") in ("n°", "nº", "no°"))
    last = w[-1].strip("(:.").lower()
    if last in L.DOCNUM_DOTTED and w[-1][-1:] == ".":
        return True
    if last == L.DOCNUM_PAIR and len(w) == 2 and L.docnum_word(w[0].strip("(:.").lower()):
        return True
    return L.docnum_word(last)


_DASHES = frozenset("-–—")
_CLOSE_BACK = 32  # the characters RANGE_CLOSE_LEFT reads before a figure: "between $5.5 billion and "
_RANGE_FIRST = re.compile(r"(?<![\d.,])\d[\d.,]*[^\S\n]*[-–—][^\S\n]*$")


def _month_before_day(left: str, L) -> bool:
    """'May 17', 'October 24 and 25'."""
    if not L.MONTH_BEFORE_DAY:
        return False
    w = _words_before(left)
    if len(w) >= 2 and _DAY_DASH.fullmatch(w[-1]) and L.is_month(w[-2]):
        return True  # "September 5-6"
    if not w or not left[-1:].isspace():
        return False
    if L.is_month(w[-1]):
        return True
    return len(w) >= 3 and w[-1] in L.JOINERS_COMMA and L.is_day(w[-2]) and L.is_month(w[-3])


def _month_before_year(left: str, L) -> bool:
    """'May 1992', 'January-December 2012', 'November 6, 2017', 'марта 2007'."""
    w = _words_before(left)
    if not w:
        return False
    if w[-1] == ",":
        w = w[:-1]
    if not w:
        return False
    if L.is_month(w[-1].split("-")[-1]):
        return True
    return len(w) >= 2 and L.is_day(w[-1]) and L.is_month(w[-2])


_DAY_DASH = re.compile(r"\d{1,2}[-–]")
_YEAR_RANGE_LEFT = re.compile(r"(?<!\d)(\d{4})\s*[-–—/]\s*$")
_ZONE_LEFT = re.compile(r"\d:\d\d[+-]$")
_NON_DIGITS = re.compile(r"\D")
_LINE_BREAK = re.compile("\n")


def _squeeze(s: str) -> str:
    return " ".join(s.split())


def _docnum_detail(left: str, raw: str) -> str:
    if left[-1:] in _DASHES or left[-2:-1] in _DASHES:  # "pp. 3-4": the range after its document word
        m = _RANGE_FIRST.search(left)
        if m:
            return _docnum_detail(left[:m.start()], "".join(left[m.start():].split()) + raw)
    return (left.strip().split()[-1] if left.strip() else "") + " " + raw


def _day_detail(left: str, raw: str, right: str) -> str:
    return "date: " + _squeeze(left[-10:] + raw + right[:10])


class Tokenizer:
    """Scans one text; chrome_start marks where page furniture (footer link lists) begins; lang names the
    lexicon (kztrade.lang.en, kztrade.lang.ru) whose words and print conventions the rules read."""

    def __init__(self, text: str, chrome_start: int, lang: str = "en"):
        self.text = text
        self.chrome_start = chrome_start
        self.lex = lexicon(lang)
        self.rules = _rules(self.lex.CODE)  # the lexicon as the rules below read it
        self.last_currency: str | None = None  # the currency of the text's latest money figure
        self._breaks: list[int] | None = None  # where lines end, found on first need
        self._chrome: dict[int, bool] = {}
        self._line: tuple[int, int, bool] = (0, -1, False)  # (after, up to, answer) of the line last asked
        self._present: dict[int, bool] = {}  # id(pattern) -> whether it may match anywhere in the text
        self._scan: Scan | None = None  # the text lower-cased, for _may_qualify, on first need

    def tokens(self):
        L = self.lex  # the module: Token.lex
        text = self.text
        # a digit begins only the token pattern's numeric alternatives, a letter only its word ones: each
        # position tries only those (the Russian number words alone are hundreds of alternatives)
        at_digit, at_letter = self.rules.token_res
        at_lower = self.rules.token_low  # at_letter for the lower-cased text (kztrade.casefree), or None
        low: str | None | bool = at_lower is not None  # the text lower-cased on first need
        last_end = -1
        # the automaton of number words reads the text lower-cased, which the patterns' gates read too
        for i in starts(text, L.CODE, self._lowered()):
            if i < last_end:
                continue
            if text[i].isdecimal():
                m = at_digit.match(text, i)
            else:
                if low is True:  # lower-cased once for both: the scan that gates patterns reads it too
                    low = casefree.lower(text, self._lowered())
                m = at_lower.match(low, i) if low else at_letter.match(text, i)
            if m is None:
                continue
            last_end = m.end()
            kind = m.lastgroup
            if kind == "digits":  # no suffix: the group is the whole match
                s, e = i, last_end
                if (tok := self._plain(s, e, text[s:e])):
                    yield tok
                    continue
            else:
                if kind == "suffix" or m.group("digits") is not None:
                    kind = "digits"
                s, e = m.start(kind), m.end(kind)
                if kind == "words" and (tok := self._plain_word(s, e, text[s:e])):
                    yield tok
                    continue
            tok = Token(s, e, "fraction" if kind == "fraction" else
                        "multiple" if kind in ("fold", "multiple") else kind, text[s:e], lex=L)
            tok.q_start, tok.q_end = s, e
            yield self.classify(tok, m)

    def _chrome_line(self, pos: int) -> bool:
        """The lexicon's chrome_line, which answers for the line holding pos: asked once a line."""
        if self._line[0] < pos <= self._line[1]:  # the line of the figure before, most often
            return self._line[2]
        if self._breaks is None:
            self._breaks = [m.start() for m in _LINE_BREAK.finditer(self.text)]
            self._chrome = {}
        breaks = self._breaks
        line = bisect.bisect_left(breaks, pos)
        got = self._chrome.get(line)
        if got is None:
            got = self._chrome[line] = bool(self.rules.chrome_line(self.text, pos))
        # positions of the line: after the break before it, up to its own break (as bisect_left counts them)
        self._line = (breaks[line - 1] if line else -1, breaks[line] if line < len(breaks) else len(self.text), got)
        return got

    # ------------------------------------------------------------------ the common figure, in one step
    def _plain(self, s: int, e: int, raw: str) -> Token | None:
        """What classify() makes of a figure with no suffix that no rule before _figure() excludes (a time, a
        date, a document number, a label, page chrome: those go to classify()), or a plain year: the same
        Token; None for classify() to decide.

        _digits asks some twenty questions of the text around a figure before _figure() reads its unit; most
        are patterns gated by the last non-blank character before the figure or the first one after it
        (_Gated), and those two characters are the same for every window a question reads (each window ends
        at the figure, or starts at it). _PlainRules lists, per character, the patterns whose gate opens there:
        only those are asked here, as _digits would ask them, and a match of any sends the figure to
        classify(). A figure with nothing after it that _after_number reads is answered here too (_plain_quantity)."""
        R = self.rules
        P = R.plain
        info = P.info[raw]
        if info is None:
            return None
        if self._in_chrome(s):
            return self._page_chrome(Token(s, e, "digits", raw, q_start=s, q_end=e, lex=self.lex))
        left, right, lns, rns, after = self._edges(s, e)
        # _digits' first rules, which no other precedes: their exclusion is classify()'s
        if (marked := self._marks(s, raw, left, right)) is not None:
            return Token(s, e, "digits", raw, q_start=s, q_end=e, lex=self.lex).exclude(*marked)
        for search, k in P.pre_left[lns]:
            if search(left[-k:]):
                return None
        for match in P.pre_right[rns]:
            if match(right):
                return None
        # a counter: the rest of its line first, which most figures' lines fail at its first word
        if P.chrome_opens[lns] and R.CHROME_RIGHT.match(right, 0, len(right) if (nl := right.find("\n")) < 0 else nl) \
                and R.CHROME_LEFT.search(left[-14:]):
            return None
        # a word ending in a digit is no month, joiner or document word (_PlainRules checks the lexicon's)
        words_left = not lns.isdecimal() or not P.digit_words_plain
        if words_left and _is_docnum(left[-24:], R):  # the rules _digits asks before it were asked above
            return Token(s, e, "digits", raw, q_start=s, q_end=e, lex=self.lex).exclude(
                "document_number", _docnum_detail(left, raw))
        cur = self._currency_before(left) if P.currency_opens[lns] else None
        day, period, value, detail, year = info
        if cur is None:
            if year is not None:  # _digits' year: a year unless a unit follows ("2015 года", "1990 tonnes")
                if (R.YEAR_RIGHT is not None and R.YEAR_RIGHT.match(right)) or not self._has_unit(right):
                    t = Token(s, e, "digits", raw, q_start=s, q_end=e, lex=self.lex)
                    if _month_before_year(left[-26:], R):
                        return t.exclude("calendar_date", "month and year: " + _squeeze(left[-14:] + raw), year)
                    return t.exclude("year", f"year {raw}", year)
            elif day and ((words_left and _month_before_day(left[-24:], R)) or self._day_right(e, right, rns)):
                return Token(s, e, "digits", raw, q_start=s, q_end=e, lex=self.lex).exclude(
                    "calendar_date", _day_detail(left, raw, right))
            elif period and (pm := R.PERIOD_UNIT_RIGHT.match(right)):
                return Token(s, e, "digits", raw, q_start=s, q_end=e, lex=self.lex).exclude(
                    "calendar_date", "part of a year: " + _squeeze(raw + pm.group()))
            elif not (ql := P.quantity_left[lns]) or not self._any_in(ql, left):
                # "12%": no scale, so no dot reading
                if (tok := self._plain_quantity("digits", s, e, raw, value, detail, R.number[raw], left, right, lns,
                                                rns, after)):
                    return tok
        return self._figure(Token(s, e, "digits", raw, q_start=s, q_end=e, lex=self.lex), raw, cur, left, right)

    def _plain_word(self, s: int, e: int, raw: str) -> Token | None:
        """_plain for number words ("billion" after "$4.5", "twelve firms"): what _words makes of them where
        none of its own rules fires."""
        R = self.rules
        P = R.plain
        if self._in_chrome(s):
            return self._page_chrome(Token(s, e, "words", raw, q_start=s, q_end=e, lex=self.lex))
        low = raw.lower()
        if low in R.VAGUE_ALONE or low in R.PRONOUN_WORDS:
            return None
        value = R.words_value(raw)
        if value is None:
            return None
        left, right, lns, rns, after = self._edges(s, e)
        for search in P.word_left[lns]:
            if search(left):
                return None
        for match in P.word_right[rns]:
            if match(right):
                return None
        if (not (ql := P.quantity_left[lns]) or not self._any_in(ql, left)) and (
                tok := self._plain_quantity("words", s, e, raw, value, None, value, left, right, lns, rns, after)):
            return tok
        t = Token(s, e, "words", raw, q_start=s, q_end=e, value=value, lex=self.lex)
        return self._after_number(t, right, left, glued=False)

    def _edges(self, s: int, e: int) -> tuple[str, str, str, str, str]:
        """The windows classify() cuts around a figure at text[s:e] (left, right), the last non-blank character
        of the one and the first of the other (the gates of the rules open there), and the first non-blank of
        the 12 characters RANGE_OPEN_RIGHT reads after the figure, which a paragraph break does not cut."""
        text = self.text
        left = text[s - 32 if s > 32 else 0:s]  # (a conditional costs less than a call of max)
        right = text[e:e + 48]
        lns, rns = left.rstrip()[-1:], right.lstrip()[:1]
        after = rns
        cut = right.find("\n\n")  # as classify() cuts it
        if cut >= 0:
            right = right[:cut]
            rns, after = right.lstrip()[:1], text[e:e + 12].lstrip()[:1]
        return left, right, lns, rns, after

    def _plain_quantity(self, kind: str, s: int, e: int, raw: str, value, detail, percent_value, left: str,
                        right: str, lns: str, rns: str, after: str):
        """_after_number and _qualify in one step for a figure followed by nothing they read but a percent sign
        or a counted noun; None where anything else may follow (_after_number reads it)."""
        R = self.rules
        P = R.plain
        for match in P.right[rns]:
            if match(right):
                return None
        if P.percent_opens[rns] and (pm := R.PERCENT_RIGHT.match(right)):
            t = Token(s, e, kind, raw, q_start=s, q_end=e + pm.end(), value=percent_value, unit="percent",
                      lex=self.lex)
            self._qualify(t, left, right[pm.end():])
            return t
        text = self.text
        before = text[s - R.QUALIFIER_WINDOW if s > R.QUALIFIER_WINDOW else 0:s]
        if self._may_have_qualifier(before, s) and R.qualifier_before(before):
            return None
        # (their gates opened at the first character after and the last before: the patterns themselves)
        if P.opens[after] and P.range_open(text, e, e + 12):
            return None
        if P.closes[lns] and P.range_close(text, s - _CLOSE_BACK if s > _CLOSE_BACK else 0, s):
            return None
        unit, subject = P.unit, P.subject
        if P.subject_opens[rns] and (sub := R.SUBJECT_RIGHT.match(right)):  # "12 cooperation agreements"
            subject = R.subject([w for w in sub.groups() if w])
            unit = "persons" if subject and any(R.people(w) for w in subject.split()) else "count"
        return Token(s, e, kind, raw, None, detail, None, s, e, value, unit, P.qualifier, subject, before,
                     right[:40], self.lex)

    # ------------------------------------------------------------------ classification
    def classify(self, t: Token, m: re.Match) -> Token:
        text = self.text
        # short windows: the $-anchored context patterns are tried at every position of the window
        left = text[max(0, t.start - 32):t.start]
        right = text[t.end:t.end + 48]
        cut = right.find("\n\n")  # a unit never follows its figure across a paragraph break
        if cut >= 0:
            right = right[:cut]
        if t.kind == "numeric_date":
            return t.exclude("calendar_date", f"date {t.text}", _year_in(t.text))
        if t.kind == "vague":
            return t.exclude("vague_quantity", t.text)
        if t.kind == "ordinal":
            return t.exclude("ordinal", t.text)
        if self._in_chrome(t.start):
            return self._page_chrome(t)
        if t.kind == "digits":
            return self._digits(t, m.group("suffix"), left, right)
        if t.kind == "multiple":
            return self._multiple(t)
        if t.kind == "fraction":
            return self._fraction(t, left, right)
        return self._words(t, left, right)

    def _in_chrome(self, pos: int) -> bool:
        """Whether pos lies after the article's end or on a line of page furniture."""
        return pos >= self.chrome_start or (self.rules.chrome_line is not None and self._chrome_line(pos))

    def _page_chrome(self, t: Token) -> Token:
        """classify()'s answer for a token after chrome_start or on a line of page furniture."""
        if t.start >= self.chrome_start:
            return t.exclude("page_chrome", "after the article's end (footer, related links)")
        return t.exclude("page_chrome", "page furniture: " + _squeeze(self.text[t.start:t.start + 30]))

    def _marks(self, s: int, raw: str, left: str, right: str) -> tuple[str, str] | None:
        """(reason, detail) of _digits' first rules, read from the characters around a figure: a web address, a
        footnote, a time of day."""
        lc, rc = left[-1:], right[:1]
        if lc in _URL_LEFT and self._in_url(s):
            return "not_a_quantity", "part of a web address"
        if lc == "[" and rc == "]":
            return "document_number", f"footnote [{raw}]"
        if (rc == ":" and right[1:3].isdigit()) or (lc == ":" and left[-2:-1].isdigit()):
            return "calendar_date", "time of day " + _squeeze(left[-3:] + raw + right[:3])
        return None

    def _digits(self, t: Token, suffix: str | None, left: str, right: str) -> Token:
        L = self.rules
        raw = t.text
        if suffix:
            t.end += len(suffix)
            t.text += suffix
            t.q_end = t.end
            fate = L.suffix_fate(raw, suffix)
            if fate is not None:
                return t.exclude(*fate)
            right = right[len(suffix):]  # "3-х стран": a case ending, the figure is a count
        if (marked := self._marks(t.start, raw, left, right)) is not None:
            return t.exclude(*marked)
        if len(raw) == 4 and _ZONE_LEFT.search(left):
            return t.exclude("calendar_date", "time zone " + _squeeze(left[-1:] + raw))  # "12:50+0300"
        if L.CHROME_LEFT.search(left[-14:]) and L.CHROME_RIGHT.match(right.split("\n", 1)[0]):
            return t.exclude("page_chrome", "counter: " + _squeeze(left[-8:] + raw + right.split("\n", 1)[0]))
        if (counter := L.COUNTER_RIGHT) is not None and counter.match(right):
            return t.exclude("page_chrome", "counter: " + _squeeze(raw + right.split("\n", 1)[0][:20]))
        if _is_docnum(left[-24:], L):
            return t.exclude("document_number", _docnum_detail(left, raw))
        if L.CENTURY_RIGHT.match(right):
            return t.exclude("ordinal", f"{raw} century")
        plain_int = L.PLAIN_INT.fullmatch(raw) is not None
        cur = self._currency_before(left)
        if not cur and L.LABEL_LEFT.search(left[-4:]):
            return t.exclude("not_a_quantity", f"label {left[-3:].strip()}{raw}")
        if plain_int and not cur:
            digits = _NON_DIGITS.sub("", raw)
            v = int(digits) if len(digits) < 100 else math.inf  # int() refuses over 4,300 digits; too big anyway
            if 1 <= v <= 31 and len(raw) <= 2 and (_month_before_day(left[-24:], L) or L.DAY_RIGHT.match(right)):
                return t.exclude("calendar_date", _day_detail(left, raw, right))
            if L.PERIOD_UNIT_RIGHT is not None and 1 <= v <= 12 and (pm := L.PERIOD_UNIT_RIGHT.match(right)):
                return t.exclude("calendar_date", "part of a year: " + _squeeze(raw + pm.group()))
            rng = _YEAR_RANGE_LEFT.search(left[-8:]) if len(raw) == 2 else None
            if len(raw) == 2 and rng and int(raw) > int(rng.group(1)[2:]):
                return t.exclude("year", f"end of range {rng.group(1)}-{raw}", int(rng.group(1)[:2] + raw))
            if len(raw) == 4 and 1800 <= v <= 2100 and (
                    (L.YEAR_RIGHT is not None and L.YEAR_RIGHT.match(right)) or not self._has_unit(right)):
                if _month_before_year(left[-26:], L):
                    return t.exclude("calendar_date", "month and year: " + _squeeze(left[-14:] + raw), v)
                return t.exclude("year", f"year {raw}", v)
        return self._figure(t, raw, cur, left, right)

    def _currency_before(self, left: str) -> re.Match | None:
        """The currency symbol or code printed before a figure ("$", "US$ ", "KZT "), if any."""
        L = self.rules
        cur = L.CURRENCY_LEFT.search(left[-8:]) or L.RANGE_CURRENCY_LEFT.search(left[-20:])
        if cur and len(cur.group(1)) == 3 and cur.group(1).isalpha() and cur.group(1) not in g.iso_currencies() \
                and cur.group(1) not in L.CURRENCY_SYMBOLS:
            cur = None
        return cur

    def _figure(self, t: Token, raw: str, cur: re.Match | None, left: str, right: str) -> Token:
        """A figure no rule before it excludes: its value, its currency (cur: the symbol before it) and what
        follows it."""
        L = self.rules
        t.value = L.number(raw)
        dots = L.DOT_THOUSANDS
        if dots is not None and dots.fullmatch(raw) and not cur and not L.SCALE_RIGHT.match(right) \
                and not L.PERCENT_RIGHT.match(right):
            t.value = float(raw.replace(".", ""))
            t.detail = f"'{raw}' read as {t.value:,.0f}: a dot before three digits ending in 0, no scale word"
        if not math.isfinite(t.value) or t.value > 1e18:
            return t.exclude("not_a_quantity", f"{len(raw)}-digit number, beyond any economic figure")
        if cur:
            t.unit = L.CURRENCY_SYMBOLS.get(cur.group(1).replace(" ", ""), cur.group(1))
            if cur.re is L.CURRENCY_LEFT.rx:
                t.q_start = t.start - len(cur.group(0))
        return self._after_number(t, right, left, glued=True)

    def _may_have_qualifier(self, before: str, q_start: int) -> bool:
        """False where qualifier_before(before) cannot find one for a mention starting at q_start: its pattern
        ends at the window's end, so the last character decides most figures at once; then the last words, where
        the lexicon lists them (they fail far more windows than the pattern's literals), else the literals."""
        R = self.rules
        if not R.QUALIFIER_END[before.rstrip()[-1:]]:
            return False
        qw = R.qualifier_words
        return self._may_qualify(q_start) if qw is None else qw(before)

    def _may_qualify(self, q_start: int) -> bool:
        """False where no word of the qualifier pattern occurs in the window qualifier_before reads before a
        mention starting at q_start."""
        qre = self.rules.QUALIFIER_PATTERN
        w = self.rules.QUALIFIER_WINDOW
        return qre is None or self._may(qre, q_start - w if q_start > w else 0, q_start)

    def _day_right(self, e: int, right: str, rns: str) -> bool:
        """DAY_RIGHT.match(right) for the right window of a figure ending at e, asked only where its gate opens
        and a month's name (which every match holds) occurs in the window: "17 May", "5 and 6 марта"."""
        day = self.rules.DAY_RIGHT
        if day.first is not None and not day.first[rns]:
            return False
        return self._may(day.rx, e, e + len(right)) and day.match(right) is not None

    def _in_text(self, rx: re.Pattern) -> bool:
        """False where no match of rx can lie anywhere in the text (so in no window of it): asked once a text."""
        got = self._present.get(id(rx))
        if got is None:
            got = self._present[id(rx)] = self._may(rx, 0, len(self.text))
        return got

    def _any_in(self, patterns, window: str) -> bool:
        """Whether any of the patterns (which occur in the text) is found in the window."""
        for rx in patterns:
            if self._in_text(rx) and rx.search(window):
                return True
        return False

    @property
    def scan(self) -> Scan | None:
        """The text lower-cased once (prefilter.Scan) if tokens() made it: the claim stage reuses it rather than
        lower-casing the document a second time."""
        return self._scan

    def _lowered(self) -> str | None:
        """The text lower-cased (prefilter.Scan's, made on first need), or None where Scan does not trust it."""
        if self._scan is None:
            self._scan = Scan(self.text)
        return self._scan.low

    def _may(self, rx: re.Pattern, pos: int, endpos: int) -> bool:
        """False where no match of rx can lie in text[pos:endpos]: none of the words every match holds occurs
        there (prefilter.Scan: the text lower-cased once, the words looked for in the window)."""
        if self._scan is None:
            self._scan = Scan(self.text)
        return self._scan.may(rx, pos, endpos)

    def _in_url(self, pos: int) -> bool:
        lo = max(0, pos - 300)
        # lo - 1 when no blank is near: the chunk stays within the window, or a long run costs its square
        start = max(lo - 1, self.text.rfind(" ", lo, pos), self.text.rfind("\n", lo, pos),
                    self.text.rfind("\t", lo, pos))
        chunk = self.text[start + 1:pos]
        return "://" in chunk or chunk.startswith("www.")

    def _has_unit(self, right: str) -> bool:
        L = self.rules
        c = right.lstrip()[:1]  # each pattern asked where its gate opens at the first non-blank character
        for p in L.unit_patterns:
            if p.at[c] and p.rx.match(right):
                return True
        return bool(L.SUBJECT_RIGHT.at[c] and (m := L.SUBJECT_RIGHT.rx.match(right)) and m.group(0)[0] == " "
                    and L.people(m.group(1)))

    def _words(self, t: Token, left: str, right: str) -> Token:
        L = self.rules
        if t.text.lower() in L.VAGUE_ALONE:
            return t.exclude("vague_quantity", t.text)  # "тысячи людей": thousands, no figure
        v = L.words_value(t.text)
        if v is None:
            return t.exclude("not_a_quantity", t.text)
        if (m := L.IDIOM_RIGHT.match(right)):
            return t.exclude("not_a_quantity", f"idiom '{t.text}{m.group()}'")
        t.value = v
        vague_or = L.VAGUE_OR_RIGHT
        if vague_or is not None and (vague_or.match(right) or L.VAGUE_OR_LEFT.search(left)):
            return t.exclude("vague_quantity", f"'{_squeeze(left[-8:] + t.text + right[:8])}': a vague count")
        half = L.AND_A_HALF_RIGHT
        if half is not None and (h := half.match(right)):
            t.value += 0.5  # "three-and-a-half times": one number word, half a unit more
            t.end += h.end()
            t.text = self.text[t.start:t.end]
            t.q_end = t.end
            right = right[h.end():]
        bare_one = t.text.lower() in L.PRONOUN_WORDS
        if bare_one and not (self._has_unit(right) or L.TIMES_RIGHT.match(right)):
            return t.exclude("pronoun", f"'{t.text}' used as a pronoun or article")
        return self._after_number(t, right, left, glued=False)

    def _multiple(self, t: Token) -> Token:
        L = self.rules
        w = t.text.lower()
        near_left, near_right = self.text[max(0, t.start - 24):t.start], self.text[t.end:t.end + 24]
        compares = (L.MULTIPLE_COMPARE_LEFT is not None and (
            L.MULTIPLE_COMPARE_LEFT.search(near_left) or L.MULTIPLE_COMPARE_RIGHT.match(near_right)))
        if w in L.ADVERB_MULTIPLES and not compares:
            return t.exclude("not_a_quantity", f"'{t.text}': how often, not a multiple")  # "met twice"
        if w in L.MULTIPLE_BASE and not L.MODAL_LEFT.search(near_left[-12:]) and not compares:
            return t.exclude("not_a_quantity", f"'{t.text}' as an adjective")  # "double taxation"
        if w in L.MULTIPLE_VERBS:
            t.value = float(L.MULTIPLE_VERBS[w])
        else:
            base = re.sub(r"[\s-]?fold$", "", w)
            t.value = L.number(base) if base[0].isdigit() else L.words_value(base)
        if t.value is None:
            return t.exclude("not_a_quantity", t.text)
        t.unit = "ratio"
        left = self.text[max(0, t.start - 32):t.start]
        after = self.text[t.end:t.end + 40]
        self._fall_multiple(t, left, after)
        self._qualify(t, left, after)
        return t

    def _fall_multiple(self, t: Token, left: str, after: str) -> None:
        """'сократился в 2 раза', 'вдвое меньше': a fall by a multiple is the ratio below one."""
        fall = self.rules.MULTIPLE_FALL
        if fall is not None and t.value and (fall.search(left) or fall.match(after)):
            t.value = 1 / t.value

    def _fraction(self, t: Token, left: str, right: str) -> Token:
        L = self.rules
        words = re.split(r"[\s-]+", t.text.lower())
        numerator, per = L.fraction_value(words)
        followed_by_of = L.FRACTION_OF_RIGHT.match(right) is not None
        if len(words) == 1 and L.HALF_PERIOD_LEFT.search(left):
            return t.exclude("calendar_date", f"half-year: {left.split()[-1]} {t.text}")
        by = L.FRACTION_BY_LEFT.search(left) is not None
        if not (followed_by_of or numerator > 1 or by):
            return t.exclude("ordinal" if words[-1] not in L.HALF_WORDS else "not_a_quantity", t.text)
        t.value = numerator * per
        t.unit = "percent"
        self._qualify(t, left, right)
        return t

    # ------------------------------------------------------------------ what follows a figure
    def _after_number(self, t: Token, right: str, left: str, glued: bool) -> Token:
        L = self.rules
        pos = 0
        # the patterns matched at the start of `right` or `rest` are asked only where their gate opens at its first
        # non-blank character (_Gated.at), found once for each
        c = right.lstrip()[:1]
        SCALE, UNIT, PERCENT, CWORD, PER, TAIL = (L.SCALE_RIGHT, L.UNIT_RE, L.PERCENT_RIGHT, L.CURRENCY_WORD_RIGHT,
                                                   L.PER_RIGHT, L.RANGE_TAIL)
        sc = SCALE.rx.match(right) if SCALE.at[c] else None
        bare = L.GLUED_BARE_SCALE
        if not sc and glued and (t.unit or (bare is not None and bare.match(right))):
            sc = L.GLUED_SCALE_RIGHT.match(right)
        if sc:
            t.value *= L.SCALES[sc.group(1).lower()]
            pos = sc.end()
            compound = L.COMPOUND_SCALE_RIGHT
            if compound is not None and (cm := compound.match(right[pos:])) \
                    and L.SCALES[cm.group(2).lower()] < L.SCALES[sc.group(1).lower()]:
                t.value += int(cm.group(1)) * L.SCALES[cm.group(2).lower()]  # "3 bln 250 mln" is one figure
                pos += cm.end()
        elif (rg := L.RANGE_SCALE_RIGHT.match(right)):
            t.value *= L.SCALES[rg.group(1).lower()]  # "$1.5-2 billion": the scale is printed once
        um = UNIT.rx.match(right) if UNIT.at[c] else None
        # "the first nine months of 2017", "the results of 8 months of this year": a period, not a duration
        if um and L.PERIOD_RIGHT.match(right[um.end():]) and (
                L.PERIOD_LEFT.search(left) or any(r.match(um.group(1)) and u in ("months", "weeks")
                                                  for r, u in L.UNIT_OF)):
            return t.exclude("calendar_date", "period: " + _squeeze(left[-6:] + t.text + right[:20]))
        if pos:
            rest = right[pos:]
            c = rest.lstrip()[:1]
        else:
            rest = right
        if t.unit is None and not sc and TAIL.at[c] and (rg := TAIL.rx.match(rest)):
            after = rest[rg.end():]
            if L.PERCENT_RIGHT.match(after):
                t.unit = "percent"
            elif (m := L.UNIT_RE.match(after)):
                t.unit = L.unit_of(m.group(1))
                if t.unit in ("decades", "bcm"):
                    t.unit = None  # scaled units are left to the general rule
            elif (m := L.SUBJECT_RIGHT.match(after)) and L.people(m.group(1)):
                t.unit, t.subject = "persons", m.group(1)  # "20-25 тысяч человек"
            elif (m := L.CURRENCY_WORD_RIGHT.match(after)):
                t.unit = L.currency_word(m.group(1))  # "from 155 to 185 tenge per dollar"
                if (per := L.PER_RIGHT.match(after[m.end():])):
                    rate = f"{t.unit}_per_{L.per_unit(per.group(1))}"
                    t.unit = rate if rate in g.RATE_UNITS else t.unit
        if t.unit is None:
            if PERCENT.at[c] and (m := PERCENT.rx.match(rest)):
                t.unit, pos = "percent", pos + m.end()
            elif CWORD.at[c] and (m := CWORD.rx.match(rest)):
                t.unit, pos = L.currency_word(m.group(1)), pos + m.end()
            elif L.ISO_RIGHT.at[c] and (m := L.ISO_RIGHT.rx.match(rest)) and m.group(1) in g.iso_currencies() \
                    and (sc or glued):
                t.unit, pos = m.group(1), pos + m.end()
            if t.unit is not None:
                rest = right[pos:]
                c = rest.lstrip()[:1]
        if t.unit in g.CURRENCIES_RATE_BASE:
            per = PER.rx.match(rest) if PER.at[c] else None
            if not per and TAIL.at[c] and (rg := TAIL.rx.match(rest)) and (m := PER.match(rest[rg.end():])):
                rate = f"{t.unit}_per_{L.per_unit(m.group(1))}"  # "KZT 440-450/$": the rate is printed once
                t.unit = rate if rate in g.RATE_UNITS else t.unit
            if t.unit in g.CURRENCIES_RATE_BASE and per:
                rate = f"{t.unit}_per_{L.per_unit(per.group(1))}"
                if rate in g.RATE_UNITS:
                    t.unit, pos = rate, pos + per.end()
        elif t.unit is None:
            if self._in_text(L.POPULATION_LEFT.rx) and L.POPULATION_LEFT.search(left):
                t.unit, t.subject = "persons", "population"
            elif (m := L.AGE_RIGHT.rx.match(rest) if L.AGE_RIGHT.at[c] else None) or (
                    self._in_text(L.AGE_LEFT.rx) and L.AGE_LEFT.search(left)):
                t.unit = "years"
                t.subject = "age"
                pos += m.end() if m else 0
            elif UNIT.at[c] and (m := um if rest is right else UNIT.rx.match(rest)):
                unit = L.unit_of(m.group(1))
                if unit == "decades":
                    t.value, unit = t.value * 10, "years"
                elif unit == "bcm":  # billion cubic metres
                    t.value, unit = t.value * 1e9, "cubic_metres"
                t.unit, pos = unit, pos + m.end()
            elif L.TIMES_RIGHT.at[c] and (m := L.TIMES_RIGHT.rx.match(rest)):
                around = left[-30:] + right[:m.end() + 30]
                if L.COMPARATIVE.search(around):
                    t.unit, pos = "ratio", pos + m.end()
                    self._fall_multiple(t, left, right[pos:])
                else:
                    t.unit, t.subject = "count", "times"
            else:
                sub = L.SUBJECT_RIGHT.rx.match(rest) if L.SUBJECT_RIGHT.at[c] else None
                t.subject = L.subject([w for w in (sub.groups() if sub else ()) if w])
                t.unit = "persons" if t.subject and any(L.people(w) for w in t.subject.split()) else "count"
        bare = L.BARE_SCALE_MONEY
        if t.unit == "count" and sc and bare is not None and self.last_currency and bare.fullmatch(sc.group(1)) \
                and (t.subject is None or L.money_subject(t.subject)):
            # "мечтали о 5 млрд товарооборота", "2022 г. – 26 млрд": billions in a text about money are money
            t.unit, t.subject = self.last_currency, None
            t.detail = f"currency {t.unit} of the text's earlier figures"
        if t.unit in g.CURRENCIES_RATE_BASE:
            self.last_currency = t.unit
        t.q_end = t.end + pos
        self._qualify(t, left, right[pos:])
        return t

    def _qualify(self, t: Token, left: str, after: str) -> None:
        L = self.rules
        # the qualifier stands before the currency symbol: "some US$ 4.2 billion"
        w, qs = L.QUALIFIER_WINDOW, t.q_start
        before = self.text[qs - w if qs > w else 0:qs]
        t.context = before
        t.after = after[:40]
        q = L.qualifier_before(before) if self._may_have_qualifier(before, qs) else None
        if q:
            t.qualifier = q
            return
        P = L.plain
        text = self.text
        if P.opens[text[t.q_end:t.q_end + 12].lstrip()[:1]] and P.range_open(text, t.q_end, t.q_end + 12):
            if not self._respective(t):
                t.qualifier = "at_least"
            return
        lo = t.start - _CLOSE_BACK if t.start > _CLOSE_BACK else 0
        if P.closes[text[lo:t.start].rstrip()[-1:]] and P.range_close(text, lo, t.start):
            if not self._respective(t):
                t.qualifier = "at_most"
            return
        inside = self.text[t.end:t.q_end]  # "двадцать с лишним миллиардов": the qualifier stands before the scale
        c = after.lstrip()[:1]
        for rx, q, at_empty in L.QUALIFIERS_RIGHT:
            if (rx.at[c] and rx.rx.match(after)) or (rx.match(inside) if inside else at_empty):
                t.qualifier = q
                return

    def _respective(self, t: Token) -> bool:
        """Whether the dash between two figures pairs two values rather than bounding one: 'составила
        соответственно 3,5–3,8%', '3.5-3.8% respectively' (the word next to the pair)."""
        R = self.rules
        text = self.text
        lo = t.start - 40 if t.start > 40 else 0
        if R.RESPECTIVELY not in text[lo:t.q_end + 60].lower():  # the word first: the patterns are rarely asked
            return False
        return bool(R.respective_left.search(text, lo, t.start) or R.respective_right.match(text, t.q_end, t.q_end + 60))


def _year_in(s: str) -> int | None:
    m = re.search(r"(?:^|\D)(\d{4})(?:\D|$)", s)
    if m:
        return int(m.group(1))
    m = re.search(r"[/.](\d{2})$", s)
    return 2000 + int(m.group(1)) if m and int(m.group(1)) < 50 else (1900 + int(m.group(1)) if m else None)


# ---------------------------------------------------------------- the lexicon's patterns, asked cheaply first

class _Always(dict):
    def __missing__(self, c: str) -> bool:
        return True


_ALWAYS = _Always()


class _Gated:
    """A lexicon pattern that first asks whether the character at the edge of the string it is given can be
    where a match has its first non-space character (match) or its last (search, for patterns anchored at
    the end): most figures have nothing around them that any one rule looks for, and a dict lookup proves it
    for a fraction of the cost of the regular expression. Answers exactly as the pattern does."""

    __slots__ = ("rx", "match", "search", "fullmatch", "first", "last", "at")

    def __init__(self, rx: re.Pattern):
        self.rx, self.fullmatch = rx, rx.fullmatch
        self.first = first = edge(rx)
        self.last = last = edge(rx, backward=True)
        # for a caller that knows the first non-blank character c of the string: rx.match is asked where at[c]
        self.at = first if first is not None else _ALWAYS
        self.match = _gate_match(rx.match, first) if first is not None else rx.match
        self.search = _gate_search(rx.search, last) if last is not None else rx.search

    def __getattr__(self, name):
        return getattr(self.rx, name)


def _gate_match(match, first):
    def gated(s, pos=None, endpos=None):
        if pos is None:
            return match(s) if first[s.lstrip()[:1]] else None
        if endpos is None:
            return match(s, pos)
        return match(s, pos, endpos) if first[s[pos:endpos].lstrip()[:1]] else None
    return gated


def _gate_search(search, last):
    def gated(s, pos=None, endpos=None):
        if pos is None:
            return search(s) if last[s.rstrip()[-1:]] else None
        if endpos is None:
            return search(s, pos)
        return search(s, pos, endpos) if last[s[pos:endpos].rstrip()[-1:]] else None
    return gated


def _pattern(v) -> re.Pattern | None:
    if isinstance(v, re.Pattern):
        return v
    if type(v).__name__ == "_LazyPattern":  # built on first use: built now
        return v.match.__self__
    return None


_OPTIONAL = ("COUNTER_RIGHT", "DOT_THOUSANDS", "VAGUE_OR_RIGHT", "VAGUE_OR_LEFT", "AND_A_HALF_RIGHT",
             "MULTIPLE_COMPARE_LEFT", "MULTIPLE_COMPARE_RIGHT", "GLUED_BARE_SCALE", "COMPOUND_SCALE_RIGHT",
             "BARE_SCALE_MONEY", "RANGE_OPEN_RIGHT", "RANGE_CLOSE_LEFT")


class _Remembered(dict):
    """f(raw) for a pure f of one string, remembered, called as f is: the cells of a table repeat their short
    figures. A hit is one dict lookup in C."""

    __call__ = dict.__getitem__

    def __init__(self, f, size: int = 1 << 16):
        super().__init__()
        self.f, self.size = f, size

    def __missing__(self, raw):
        if len(self) >= self.size:
            self.clear()
        v = self[raw] = self.f(raw)
        return v


def _last_words(last: re.Pattern, tail: re.Pattern):
    """A test of the words before a figure that fails where no qualifier can end them: their last word ends with
    no word of `last`, and is not a whole word of `tail` after a word that does. One split in C and a dict lookup
    per word, where the qualifier's search tries every place of its window (Russian "до" opens its gates in
    most windows: "долларов")."""
    ends = _Remembered(lambda w: last.search(w) is not None)
    tails = _Remembered(lambda w: tail.fullmatch(w) is not None)

    def may(before: str) -> bool:
        words = before.rsplit(None, 2)
        if not words:
            return False
        w = words[-1]
        return ends(w) or (len(words) > 1 and tails(w) and ends(words[-2]))

    return may


@lru_cache(maxsize=None)
def _rules(code: str) -> SimpleNamespace:
    """A language's lexicon as the tokenizer reads it: its patterns gated (_Gated), the optional names a
    language may leave out present as None, and the token pattern split by first character."""
    L = lexicon(code)
    ns = dict(vars(L))
    for name in _OPTIONAL:
        ns.setdefault(name, None)
    ns.setdefault("ADVERB_MULTIPLES", ())
    ns.setdefault("DOCNUM_DOTTED", frozenset())
    for name, v in list(ns.items()):
        if name.isupper() and (rx := _pattern(v)) is not None:
            ns[name] = _Gated(rx)
    # with whether each matches nothing: what is inside a mention is mostly nothing
    ns["QUALIFIERS_RIGHT"] = [(_Gated(rx), q, rx.match("") is not None) for rx, q in L.QUALIFIERS_RIGHT]
    ns["UNIT_OF"] = list(L.UNIT_OF)
    ns["unit_patterns"] = (ns["PERCENT_RIGHT"], ns["SCALE_RIGHT"], ns["UNIT_RE"], ns["CURRENCY_WORD_RIGHT"])  # _has_unit's
    ns["unit_of"] = _Remembered(lambda word: next(u for r, u in L.UNIT_OF if r.match(word)))  # the unit a word names
    ns["number"] = _Remembered(L.number)
    # the lexicon's answers for one word, which read static tables (a morphology, the country names)
    ns["people"], ns["docnum_word"] = _Remembered(L.people), _Remembered(L.docnum_word)
    ns["is_month"], ns["is_day"] = _Remembered(L.is_month), _Remembered(L.is_day)
    ns["JOINERS_COMMA"] = frozenset(L.JOINERS) | {","}
    # _respective's: "respectively" before a dash pair, or after it and up to three words of its unit
    word, sym = re.escape(L.RESPECTIVELY), r"(?:US\$|[$£€₽₸¥₴])?"
    ns["respective_left"] = re.compile(rf"(?<!\w){word}[^\S\n]*[,:]?[^\S\n]*{sym}(?:\d[\d.,]*[^\S\n]*[-–—][^\S\n]*{sym})?$",
                                       re.I)
    ns["respective_right"] = re.compile(rf"(?:[^\S\n]*[-–—][^\S\n]*{sym}\d[\d.,]*)?(?:[^\S\n]*[^\s\d,;()]+){{0,3}}?"
                                        rf"[^\S\n]*,?[^\S\n]*{word}(?!\w)", re.I)
    ns["token_res"] = tried(L.token_re(), digit=True), tried(L.token_re(), digit=False)
    # re.I costs little over ASCII words: there lower-casing each text would cost more than it saves
    ascii_words = all(w.isascii() for w in L.candidate_spec()[0])
    ns["token_low"] = None if ascii_words else casefree.lowered(L.token_re())
    # the pattern qualifier_before searches the end of the words before a figure with (grammar's for English)
    qre = L.QUALIFIER_RE if hasattr(L, "QUALIFIER_RE") else g.QUALIFIER_RE if L.qualifier_before is g.qualifier_before else None
    ns["QUALIFIER_END"] = (qre is not None and edge(qre, backward=True)) or _ALWAYS
    ns["QUALIFIER_PATTERN"] = qre
    ns["qualifier_words"] = _last_words(L.QUALIFIER_LAST, L.QUALIFIER_TAIL) if hasattr(L, "QUALIFIER_LAST") else None
    R = SimpleNamespace(**ns)
    R.plain = _PlainRules(R)
    return R


_YEAR_RANGE_LEFT, _ZONE_LEFT = _Gated(_YEAR_RANGE_LEFT), _Gated(_ZONE_LEFT)
_URL_LEFT = frozenset("/-=._?&#")


class _Opens(dict):
    """Character -> the checks whose gate opens at it (checks: (edge or None for always, check) pairs)."""

    def __init__(self, checks):
        super().__init__()
        self.checks = checks

    def __missing__(self, c: str):
        got = self[c] = tuple(check for gate, check in self.checks if gate is None or gate[c])
        return got


def _gate(p, backward: bool):
    """The edge a pattern classify() asks is gated by (None: asked everywhere); a lexicon rule that is code
    rather than one pattern may name the pattern its matches begin like (edge_pattern)."""
    if isinstance(p, _Gated):
        return p.last if backward else p.first
    ep = getattr(p, "edge_pattern", None)
    return edge(ep, backward=backward) if ep is not None else None


def _raw(p):
    """The pattern behind a _Gated one: asked where _Opens has already found its gate open (the gate is exact,
    so the pattern answers alike wherever else it is asked)."""
    return p.rx if isinstance(p, _Gated) else p


class _PlainRules:
    """The questions Tokenizer._plain asks of a figure, by the characters at its edges, and its answer when
    none fires: what _digits and _after_number give a figure with nothing around it."""

    def __init__(self, R: SimpleNamespace):
        # the patterns _digits searches the words before a figure with, (pattern, window), and matches the
        # words after it with, before it reads the figure's unit: a match may exclude the figure
        pre_left = [(R.LABEL_LEFT, 4), (_ZONE_LEFT, 32), (_YEAR_RANGE_LEFT, 8)]
        self.pre_left = _Opens([(_gate(p, True), (_raw(p).search, k)) for p, k in pre_left])
        self.pre_right = _Opens([(_gate(p, False), _raw(p).match) for p in (R.COUNTER_RIGHT, R.CENTURY_RIGHT) if p is not None])
        self.currency_opens = _Opens([(_gate(R.CURRENCY_LEFT, True), True), (_gate(R.RANGE_CURRENCY_LEFT, True), True)])
        self.chrome_opens = _Opens([(_gate(R.CHROME_LEFT, True), True)])  # a counter needs its right side too
        # what _words asks besides: idioms, "one or two", "and a half"
        self.word_left = _Opens([(_gate(R.VAGUE_OR_LEFT, True), _raw(R.VAGUE_OR_LEFT).search)] if R.VAGUE_OR_LEFT else [])
        self.word_right = _Opens([(_gate(p, False), _raw(p).match) for p in (R.IDIOM_RIGHT, R.VAGUE_OR_RIGHT, R.AND_A_HALF_RIGHT)
                                  if p is not None])
        # what _after_number reads (a match: _after_number reads it), but the percent sign and the counted noun,
        # asked after them as _after_number does (one matching gives the unit); the qualifiers after a figure up
        # to the first that an empty mention takes (its answer whatever follows)
        self.quantity_left = _Opens([(_gate(p, True), _raw(p)) for p in (R.POPULATION_LEFT, R.AGE_LEFT)])
        right = [R.SCALE_RIGHT, R.RANGE_TAIL, R.GLUED_BARE_SCALE, R.RANGE_SCALE_RIGHT, R.UNIT_RE,
                 R.CURRENCY_WORD_RIGHT, R.ISO_RIGHT, R.AGE_RIGHT, R.TIMES_RIGHT]
        self.qualifier = "exact"
        for rx, q, at_empty in R.QUALIFIERS_RIGHT:
            if at_empty:
                self.qualifier = q
                break
            right.append(rx)
        self.right = _Opens([(_gate(p, False), _raw(p).match) for p in right if p is not None])
        self.subject_opens = _Opens([(_gate(R.SUBJECT_RIGHT, False), True)])
        self.percent_opens = _Opens([(_gate(R.PERCENT_RIGHT, False), True)])
        self.opens = _Opens([(_gate(R.RANGE_OPEN_RIGHT, False), True)] if R.RANGE_OPEN_RIGHT is not None else [])
        self.closes = _Opens([(_gate(R.RANGE_CLOSE_LEFT, True), True)] if R.RANGE_CLOSE_LEFT is not None else [])
        self.range_open = R.RANGE_OPEN_RIGHT and _raw(R.RANGE_OPEN_RIGHT).match  # asked where `opens` says
        self.range_close = R.RANGE_CLOSE_LEFT and _raw(R.RANGE_CLOSE_LEFT).search
        self.subject = R.subject([])
        self.unit = "persons" if self.subject and any(R.people(w) for w in self.subject.split()) else "count"
        # _is_docnum and _month_before_day read the last words before a figure; one ending in a digit is none
        # of the lexicon's words (docnum_word: the listed words, or letters only)
        self.digit_words_plain = not any(w[-1:].isdecimal() for w in (*R.DOCNUM_WORDS, R.DOCNUM_PAIR, *R.JOINERS))
        self.info = _Remembered(lambda raw: _plain_reading(R, raw))


def _plain_reading(R, raw: str):
    """(whether day rules apply, whether part-of-year rules apply, value, detail, the year a plain 18xx-2100
    names) of a figure as _digits reads it with nothing around it; None for a figure beyond any economic one
    (classify() decides)."""
    day = period = False
    if R.PLAIN_INT.fullmatch(raw) is not None:
        digits = _NON_DIGITS.sub("", raw)
        v = int(digits) if len(digits) < 100 else math.inf
        if len(raw) == 4 and 1800 <= v <= 2100:
            return False, False, None, None, v
        day = 1 <= v <= 31 and len(raw) <= 2
        period = R.PERIOD_UNIT_RIGHT is not None and 1 <= v <= 12
    value, detail = R.number(raw), None
    if R.DOT_THOUSANDS is not None and R.DOT_THOUSANDS.fullmatch(raw):
        value = float(raw.replace(".", ""))
        detail = f"'{raw}' read as {value:,.0f}: a dot before three digits ending in 0, no scale word"
    if not math.isfinite(value) or value > 1e18:
        return None
    return day, period, value, detail, None
