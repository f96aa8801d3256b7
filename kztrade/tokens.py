"""Find every number-like token in a text and decide what it is: a quantity, or excluded with a reason.

A quantity comes back with its value (scale applied), unit, qualifier and the span of its mention
("US$ 4.2 billion", "15%", "three-day"); what it measures is decided later, in meaning.py.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from . import grammar as g
from .countries import alias_table


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

    def falling(self) -> bool:
        """A stated fall ('dropped by', 'lost', 'a 28 percent decline', '20% less than a year earlier'):
        only asked of percentages, so only computed then."""
        return bool(_FALL_LEFT.search(self.context) or _FALL_RIGHT.match(self.after))

    def exclude(self, reason: str, detail: str | None = None, year: int | None = None) -> "Token":
        self.reason, self.detail, self.year = reason, detail, year
        return self


# Left context is read word by word from the end: a $-anchored alternation of month names or document
# words would be tried at every position of the window, the slowest step of classification.
_DOCNUM_WORDS = {"vol", "volume", "issue", "no", "nr", "number", "art", "article", "section", "chapter",
                 "paragraph", "para", "page", "p", "pp", "clause", "resolution", "decree", "law", "item", "part",
                 "annex", "appendix", "table", "figure", "fig", "edition", "ed", "#", "№"}
_MONTHS = {m.lower() for m in g.MONTHS}
_JOINERS = {"and", "&", "-", "–", "—", "to", "or"}


def _words_before(left: str, n: int = 4) -> list[str]:
    return left.replace(",", " , ").replace("–", " – ").replace("—", " — ").split()[-n:]


def _is_docnum(left: str) -> bool:
    w = _words_before(left, 2)
    if not w or left[-1:] not in (" ", ":", ".", "#", "\u00a0", "№"):
        return w[-1:] in (["#"], ["№"]) if w else False
    last = w[-1].strip("(:.").lower()
    if last == "no" and len(w) == 2 and w[0].strip("(:.").lower() in _DOCNUM_WORDS:
        return True
    return last in _DOCNUM_WORDS


def _is_month(word: str) -> bool:
    return word.rstrip(".").lower() in _MONTHS


def _is_day(word: str) -> bool:
    return re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", word) is not None


def _month_before_day(left: str) -> bool:
    """'May 17', 'October 24 and 25'."""
    w = _words_before(left)
    if len(w) >= 2 and re.fullmatch(r"\d{1,2}[-–]", w[-1]) and _is_month(w[-2]):
        return True  # "September 5-6"
    if not w or not left[-1:].isspace():
        return False
    if _is_month(w[-1]):
        return True
    return len(w) >= 3 and w[-1] in _JOINERS | {","} and _is_day(w[-2]) and _is_month(w[-3])


def _month_before_year(left: str) -> bool:
    """'May 1992', 'January-December 2012', 'November 6, 2017'."""
    w = _words_before(left)
    if not w:
        return False
    if w[-1] == ",":
        w = w[:-1]
    if not w:
        return False
    if _is_month(w[-1].split("-")[-1]):
        return True
    return len(w) >= 2 and _is_day(w[-1]) and _is_month(w[-2])


_CHROME_RIGHT = re.compile(r"^\s*(?:votes?|views?|comments?|reads?|likes?|shares?|times)\s*\)?\s*$", re.I)
_CHROME_LEFT = re.compile(r"(?:^|\n)\s*(?:\(|Read|Viewed|Views:?|Comments:?|Hits:?)\s*$", re.I)
_DAY_RIGHT = re.compile(rf"^(?:st|nd|rd|th)?\s*(?:-|–|and|to)?\s*(?:\d{{1,2}}\s+)?(?:of\s+)?(?:{g.MONTH_RE})(?![a-z])")
_YEAR_RANGE_LEFT = re.compile(r"(?<!\d)(\d{4})\s*[-–—/]\s*$")
_HALF_PERIOD_LEFT = re.compile(r"\b(?:first|second|1st|2nd|latter|former)[\s-]+$", re.I)
_CURRENCY_LEFT = re.compile(r"(US\$|U\.S\.\s?\$|[$£€₽₸¥₴]|(?<![A-Za-z])[A-Z]{3})\s?$")
_RANGE_CURRENCY_LEFT = re.compile(r"(US\$|U\.S\.\s?\$|[$£€₽₸¥₴])\s?\d[\d.,]*\s*(?:-|–|—|to)\s*\$?$")
_RANGE_SCALE_RIGHT = re.compile(r"^\s*(?:-|–|—|to)\s*[$£€]?\d[\d.,]*(?:\s|-)?(trillion|trn|tn|billion|bln|bn|million|mln|mn)\b",
                                re.I)
_PERIOD_RIGHT = re.compile(r"^\s+of\s+(?:(?:18|19|20)\d\d|this\s+year|last\s+year|the\s+(?:current\s+|previous\s+)?year)",
                           re.I)
_PERIOD_LEFT = re.compile(r"\b(?:first|last|past|initial|final)\s+$", re.I)
_LABEL_LEFT = re.compile(r"[A-Za-z]-?$|[A-Za-z]\d*[-/]$")
_SCALE_RIGHT = re.compile(r"^(?:\s|-)?(trillion|trn|tn|billion|bln|bn|million|mln|mn|thousand)\b", re.I)
_GLUED_SCALE_RIGHT = re.compile(r"^(bn|mn|m|b|k|tn)\b", re.I)
_PERCENT_RIGHT = re.compile(r"^[\s-]?(?:%|per\s?cent\b|pct\b)", re.I)
_RANGE_TAIL = re.compile(r"^\s*(?:-|–|—|to)\s*\d[\d.,]*")  # "3 to 4 percent", "10-15 km": one unit for both
_CURRENCY_WORD_RIGHT = re.compile(
    r"^\s+(?:of\s+)?(" + "|".join(re.escape(w) for w in sorted(g.CURRENCY_WORDS, key=len, reverse=True))
    + r")\b", re.I)
_ISO_RIGHT = re.compile(r"^\s?([A-Z]{3})\b")
_PER_RIGHT = re.compile(r"^\s*(?:per|a|to\s+the|against\s+the|/)\s*(?:US\s+)?(dollar|euro|rouble|ruble|barrel|USD|EUR)\b",
                        re.I)
_PER_UNIT = {"dollar": "USD", "usd": "USD", "euro": "EUR", "eur": "EUR", "rouble": "RUB", "ruble": "RUB",
             "barrel": "barrel"}
_AGE_RIGHT = re.compile(r"^(?:\s+|-)years?[\s-]+old\b|^-year-old\b", re.I)
_POPULATION_LEFT = re.compile(r"\bpopulation\s+(?:of\s+)?(?:about\s+|some\s+|nearly\s+|almost\s+|over\s+)?$", re.I)
_AGE_LEFT = re.compile(r"\baged\s+$", re.I)
_TIMES_RIGHT = re.compile(r"^\s+times\b", re.I)
_COMPARATIVE = re.compile(r"\b(?:more|higher|larger|greater|bigger|less|lower|smaller|as\s+(?:much|many|high|"
                          r"large)|increase[sd]?|grew|grown|rose|risen|multipl\w+)\b", re.I)
_MORE_RIGHT = re.compile(r"^\s*(?:or\s+more|and\s+more|plus|\+)(?!\w)", re.I)
_ABOUT_RIGHT = re.compile(r"^\s*or\s+so\b", re.I)
_FALL_LEFT = re.compile(r"\b(?:fell|fall(?:en|ing|s)?|lost|losing|devalued|depreciated|weakened|dropped|drop(?:s|ping)?|decreased|decreasing|declined|"
                        r"declining|down|shrank|shrunk|shrinking|contracted|plunged|plummeted|slumped|slid|"
                        r"tumbled|reduced|lower|decline|decrease|reduction|contraction|loss)"
                        r"\s+(?:(?!from\b|to\b)[\w.’']+\s+){0,3}$", re.I)
# hyphenated number words that name a kind, not a quantity: "two-way trade", "a three-pronged plan"
_IDIOM_RIGHT = re.compile(r"-(?:way|sided|faced|pronged|tiered|tier|edged|dimensional|handed|speed|track)\b", re.I)
_MODAL_LEFT = re.compile(r"\b(?:to|will|would|could|should|can|may|might|must)\s+$", re.I)
_FALL_RIGHT = re.compile(r"^\s*(?:decline|drop|fall|decrease|contraction|reduction|loss|(?:less|lower|fewer|down)\s+"
                         r"(?:than|on|from))\b", re.I)
_SUBJECT_RIGHT = re.compile(r"^[\s-]+[\"“‘']?([A-Za-z][\w’'-]*)(?:\s+([A-Za-z][\w’'-]*))?(?:\s+([A-Za-z][\w’'-]*))?")
_STOP = {"of", "the", "and", "or", "to", "in", "on", "at", "for", "with", "by", "from", "a", "an", "as",
         "is", "are", "was", "were", "be", "has", "have", "had", "that", "which", "who", "than", "per",
         "more", "less", "after", "before", "since", "into", "it", "its", "their", "his", "her"}


def _people(word: str) -> bool:
    w = word.lower()
    if w in g.PEOPLE_NOUNS:
        return True
    # demonym plurals ("Russians", "Kazakhs") name people
    return word.endswith("s") and word in alias_table() and word[0].isupper()


def _subject(words: list[str]) -> str | None:
    """The counted noun: words up to the first plural ("cooperation agreements"), else the first word."""
    if not words or words[0].lower() in _STOP:
        return None
    for i, w in enumerate(words):
        if w.lower() in _STOP:
            break
        if w.endswith("s") and not w.endswith("ss"):
            return " ".join(words[:i + 1])
    return words[0]


def _squeeze(s: str) -> str:
    return " ".join(s.split())


def _num(s: str) -> float:
    return float(re.sub(r"[,\u00a0\u202f\u2009]", "", s))


class Tokenizer:
    """Scans one text; chrome_start marks where page furniture (footer link lists) begins."""

    def __init__(self, text: str, chrome_start: int):
        self.text = text
        self.chrome_start = chrome_start

    def tokens(self):
        text, full = self.text, g.token_re()
        last_end = -1
        for c in g.candidate_re().finditer(text):
            if c.start() < last_end:
                continue
            m = full.match(text, c.start())
            if m is None:
                continue
            last_end = m.end()
            kind = m.lastgroup if m.lastgroup != "suffix" else "digits"
            if m.group("digits") is not None:
                kind = "digits"
            s, e = m.start(kind), m.end(kind)
            tok = Token(s, e, "fraction" if kind == "fraction" else
                        "multiple" if kind in ("fold", "multiple") else kind, m.group(kind))
            tok.q_start, tok.q_end = s, e
            yield self.classify(tok, m)

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
        if t.start >= self.chrome_start:
            return t.exclude("page_chrome", "after the article's end (footer, related links)")
        if t.kind == "digits":
            return self._digits(t, m.group("suffix"), left, right)
        if t.kind == "multiple":
            return self._multiple(t)
        if t.kind == "fraction":
            return self._fraction(t, left, right)
        return self._words(t, left, right)

    def _digits(self, t: Token, suffix: str | None, left: str, right: str) -> Token:
        raw = t.text
        if suffix:
            t.end += len(suffix)
            t.text += suffix
            t.q_end = t.end
            if suffix.lower() in ("st", "nd", "rd", "th"):
                return t.exclude("ordinal", t.text)
            if len(raw) == 4:
                return t.exclude("year", f"decade {t.text}", int(raw))
            return t.exclude("not_a_quantity", f"plural label {t.text}")
        if left[-1:] in ("/", "-", "=", ".", "_", "?", "&", "#") and self._in_url(t.start):
            return t.exclude("not_a_quantity", "part of a web address")
        if left[-1:] == "[" and right[:1] == "]":
            return t.exclude("document_number", f"footnote [{raw}]")
        if (right[:1] == ":" and right[1:3].isdigit()) or (left[-1:] == ":" and left[-2:-1].isdigit()):
            return t.exclude("calendar_date", "time of day " + _squeeze(left[-3:] + raw + right[:3]))
        if _CHROME_LEFT.search(left[-14:]) and _CHROME_RIGHT.match(right.split("\n", 1)[0]):
            return t.exclude("page_chrome", "counter: " + _squeeze(left[-8:] + raw + right.split("\n", 1)[0]))
        if _is_docnum(left[-24:]):
            return t.exclude("document_number", (left.strip().split()[-1] if left.strip() else "") + " " + raw)
        if re.match(r"^\s+[Cc]entur(?:y|ies)\b", right):
            return t.exclude("ordinal", f"{raw} century")
        plain_int = re.fullmatch(r"\d+", raw) is not None
        cur = _CURRENCY_LEFT.search(left[-8:]) or _RANGE_CURRENCY_LEFT.search(left[-20:])
        if cur and len(cur.group(1)) == 3 and cur.group(1).isalpha() and cur.group(1) not in g.iso_currencies():
            cur = None
        if not cur and _LABEL_LEFT.search(left[-4:]):
            return t.exclude("not_a_quantity", f"label {left[-3:].strip()}{raw}")
        if plain_int and not cur:
            v = int(raw)
            if 1 <= v <= 31 and len(raw) <= 2 and (_month_before_day(left[-24:]) or _DAY_RIGHT.match(right)):
                return t.exclude("calendar_date", "date: " + _squeeze(left[-10:] + raw + right[:10]))
            rng = _YEAR_RANGE_LEFT.search(left[-8:]) if len(raw) == 2 else None
            if len(raw) == 2 and rng and int(raw) > int(rng.group(1)[2:]):
                return t.exclude("year", f"end of range {rng.group(1)}-{raw}", int(rng.group(1)[:2] + raw))
            if len(raw) == 4 and 1800 <= v <= 2100 and not self._has_unit(right):
                if _month_before_year(left[-26:]):
                    return t.exclude("calendar_date", "month and year: " + _squeeze(left[-14:] + raw), v)
                return t.exclude("year", f"year {raw}", v)
        t.value = _num(raw)
        if not math.isfinite(t.value) or t.value > 1e18:
            return t.exclude("not_a_quantity", f"{len(raw)}-digit number, beyond any economic figure")
        if cur:
            t.unit = g.CURRENCY_SYMBOLS.get(cur.group(1).replace(" ", ""), cur.group(1))
            if cur.re is _CURRENCY_LEFT:
                t.q_start = t.start - len(cur.group(0))
        return self._after_number(t, right, left, glued=True)

    def _in_url(self, pos: int) -> bool:
        lo = max(0, pos - 300)
        start = max(self.text.rfind(" ", lo, pos), self.text.rfind("\n", lo, pos), self.text.rfind("\t", lo, pos))
        chunk = self.text[start + 1:pos]
        return "://" in chunk or chunk.startswith("www.")

    def _has_unit(self, right: str) -> bool:
        return bool(_PERCENT_RIGHT.match(right) or _SCALE_RIGHT.match(right) or g.UNIT_RE.match(right)
                    or _CURRENCY_WORD_RIGHT.match(right)
                    or ((m := _SUBJECT_RIGHT.match(right)) and m.group(0)[0] == " " and _people(m.group(1))))

    def _words(self, t: Token, left: str, right: str) -> Token:
        v = g.words_value(t.text)
        if v is None:
            return t.exclude("not_a_quantity", t.text)
        if (m := _IDIOM_RIGHT.match(right)):
            return t.exclude("not_a_quantity", f"idiom '{t.text}{m.group()}'")
        t.value = v
        bare_one = t.text.lower() in ("one",)
        if bare_one and not (self._has_unit(right) or _TIMES_RIGHT.match(right)):
            return t.exclude("pronoun", f"'{t.text}' used as a pronoun or article")
        return self._after_number(t, right, left, glued=False)

    def _multiple(self, t: Token) -> Token:
        w = t.text.lower()
        if w in g.MULTIPLE_BASE and not _MODAL_LEFT.search(self.text[max(0, t.start - 12):t.start]):
            return t.exclude("not_a_quantity", f"'{t.text}' as an adjective")  # "double taxation"
        if w in g.MULTIPLE_VERBS:
            t.value = float(g.MULTIPLE_VERBS[w])
        else:
            base = re.sub(r"[\s-]?fold$", "", w)
            t.value = _num(base) if base[0].isdigit() else g.words_value(base)
        if t.value is None:
            return t.exclude("not_a_quantity", t.text)
        t.unit = "ratio"
        left = self.text[max(0, t.start - 32):t.start]
        self._qualify(t, left, self.text[t.end:t.end + 40])
        return t

    def _fraction(self, t: Token, left: str, right: str) -> Token:
        words = re.split(r"[\s-]+", t.text.lower())
        per = g.FRACTIONS[words[-1]]
        numerator = 1.0 if len(words) == 1 or words[0] in ("a", "one") else g.words_value(words[0]) or 1.0
        followed_by_of = re.match(r"^\s+of\b", right) is not None
        if len(words) == 1 and _HALF_PERIOD_LEFT.search(left):
            return t.exclude("calendar_date", f"half-year: {left.split()[-1]} {t.text}")
        by = re.search(r"\bby\s+(?:[a-z]+\s+)?$", left) is not None  # "dropped by (nearly) a third"
        if not (followed_by_of or numerator > 1 or by):
            return t.exclude("ordinal" if words[-1] not in ("half", "halves") else "not_a_quantity", t.text)
        t.value = numerator * per
        t.unit = "percent"
        self._qualify(t, left, right)
        return t

    # ------------------------------------------------------------------ what follows a figure
    def _after_number(self, t: Token, right: str, left: str, glued: bool) -> Token:
        pos = 0
        sc = _SCALE_RIGHT.match(right)
        if not sc and glued and t.unit:
            sc = _GLUED_SCALE_RIGHT.match(right)
        if sc:
            t.value *= g.SCALES[sc.group(1).lower()]
            pos = sc.end()
        elif (rg := _RANGE_SCALE_RIGHT.match(right)):
            t.value *= g.SCALES[rg.group(1).lower()]  # "$1.5-2 billion": the scale is printed once
        if _PERIOD_LEFT.search(left) and (g.UNIT_RE.match(right) and _PERIOD_RIGHT.match(
                right[g.UNIT_RE.match(right).end():])):
            return t.exclude("calendar_date", "period: " + _squeeze(left[-6:] + t.text + right[:20]))
        rest = right[pos:]
        if t.unit is None and not sc and (rg := _RANGE_TAIL.match(rest)):
            after = rest[rg.end():]
            if _PERCENT_RIGHT.match(after):
                t.unit = "percent"
            elif (m := g.UNIT_RE.match(after)):
                t.unit = next(u for r, u in g.UNIT_OF if r.match(m.group(1)))
                if t.unit in ("decades", "bcm"):
                    t.unit = None  # scaled units are left to the general rule
            elif (m := _CURRENCY_WORD_RIGHT.match(after)):
                t.unit = g.CURRENCY_WORDS[m.group(1).lower()]  # "from 155 to 185 tenge per dollar"
                if (per := _PER_RIGHT.match(after[m.end():])):
                    rate = f"{t.unit}_per_{_PER_UNIT[per.group(1).lower()]}"
                    t.unit = rate if rate in g.RATE_UNITS else t.unit
        if t.unit is None:
            if (m := _PERCENT_RIGHT.match(rest)):
                t.unit, pos = "percent", pos + m.end()
            elif (m := _CURRENCY_WORD_RIGHT.match(rest)):
                t.unit, pos = g.CURRENCY_WORDS[m.group(1).lower()], pos + m.end()
            elif (m := _ISO_RIGHT.match(rest)) and m.group(1) in g.iso_currencies() and (sc or glued):
                t.unit, pos = m.group(1), pos + m.end()
        rest = right[pos:]
        if t.unit in g.CURRENCIES_RATE_BASE and (m := _PER_RIGHT.match(rest)):
            rate = f"{t.unit}_per_{_PER_UNIT[m.group(1).lower()]}"
            if rate in g.RATE_UNITS:
                t.unit, pos = rate, pos + m.end()
        elif t.unit is None:
            if _POPULATION_LEFT.search(left):
                t.unit, t.subject = "persons", "population"
            elif (m := _AGE_RIGHT.match(rest)) or _AGE_LEFT.search(left):
                t.unit = "years"
                t.subject = "age"
                pos += m.end() if m else 0
            elif (m := g.UNIT_RE.match(rest)):
                unit = next(u for r, u in g.UNIT_OF if r.match(m.group(1)))
                if unit == "decades":
                    t.value, unit = t.value * 10, "years"
                elif unit == "bcm":  # billion cubic metres
                    t.value, unit = t.value * 1e9, "cubic_metres"
                t.unit, pos = unit, pos + m.end()
            elif (m := _TIMES_RIGHT.match(rest)):
                around = left[-30:] + right[:m.end() + 30]
                if _COMPARATIVE.search(around):
                    t.unit, pos = "ratio", pos + m.end()
                else:
                    t.unit, t.subject = "count", "times"
            else:
                sub = _SUBJECT_RIGHT.match(rest)
                t.subject = _subject([w for w in (sub.groups() if sub else ()) if w])
                t.unit = "persons" if t.subject and any(_people(w) for w in t.subject.split()) else "count"
        t.q_end = t.end + pos
        self._qualify(t, left, right[pos:])
        return t

    def _qualify(self, t: Token, left: str, after: str) -> None:
        # the qualifier stands before the currency symbol: "some US$ 4.2 billion"
        before = self.text[max(0, t.q_start - 30):t.q_start]
        t.context = before
        t.after = after[:40]
        q = g.qualifier_before(before)
        if q:
            t.qualifier = q
        elif _MORE_RIGHT.match(after):
            t.qualifier = "at_least"
        elif _ABOUT_RIGHT.match(after):
            t.qualifier = "approximately"


def _year_in(s: str) -> int | None:
    m = re.search(r"(?:^|\D)(\d{4})(?:\D|$)", s)
    if m:
        return int(m.group(1))
    m = re.search(r"[/.](\d{2})$", s)
    return 2000 + int(m.group(1)) if m and int(m.group(1)) < 50 else (1900 + int(m.group(1)) if m else None)
