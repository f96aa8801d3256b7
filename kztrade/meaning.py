"""What a quantity measures, between which economies, and for which period.

Each rule reads the quantity's sentence: the cue nearest the figure names the measure ("exports",
"turnover", "direct investment"), the words around the cue give the direction of a flow ("Russian exports
to Kazakhstan", "Kazakhstan's imports from Russia"), and the years and relative expressions of the
sentence give its period. Where the sentence does not name an economy, the article's two most-mentioned
economies stand in ("their trade turnover", "the country").
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from functools import lru_cache

from .countries import alias_table, country_re, find_countries, main_pair
from .grammar import MONTH_RE, RATE_UNITS, words_value
from .tokens import Token

_CUES = [  # (pattern, measure); checked in the order given when two cues tie
    (r"cross[\s-]border\s+trade|border\s+trade|frontier\s+trade", "trade_turnover"),
    (r"(?:trade|commodity|goods|merchandise)\s+turnover|turnover|trade\s+volume|volume\s+of\s+(?:mutual\s+|"
     r"bilateral\s+)?trade|(?:bilateral|mutual|total|two-way|overall)\s+trade|trade\s+between|trade\s+with|"
     r"traded|trade", "trade_turnover"),
    (r"export(?:s|ed|ing)?|shipments?|sales\s+to|supplies\s+to|supplied", "exports"),
    (r"import(?:s|ed|ing)?|purchases\s+from", "imports"),
    (r"direct\s+investments?|FDI|investments?|invested|investors?", "direct_investment"),
    (r"GDP|gross\s+domestic\s+product|economy\s+grew", "gdp"),
    (r"budget", "budget"),
    (r"loans?|credits?|lent|lending", "loan"),
    (r"debts?", "debt"),
    (r"reserves", "reserves"),
    (r"prices?|costs?|tariffs?", "price"),
    (r"exchange\s+rate", "exchange_rate"),
]
_CUE_BLOCK = 2048
_CUE_RE = re.compile("|".join(f"(?P<c{i}>\\b(?:{p})\\b)" for i, (p, _) in enumerate(_CUES)), re.I)
_BREAK_RE = re.compile(r";|\bwhile\b|\bwhereas\b|,\s*but\b|\bbut\b|\bcompared\s+(?:with|to)\b", re.I)
_RECEIVED = re.compile(r"\b(?:received|receives|attracted|attracts|got|obtained|drew|draws|hosts|hosted)\b", re.I)
_PERIOD_BREAK = re.compile(r";|\bwhile\b|\bwhereas\b|\bbut\b|,\s*and\b|\.\s", re.I)
_CROSS_BORDER = re.compile(r"cross[\s-]border|border\s+(?:trade|regions|areas|ties|cooperation)|"
                           r"frontier\s+trade|interregional", re.I)
_TRADE = re.compile(r"\btrade|turnover|export|import", re.I)
_CHANGE_LEFT = re.compile(r"\b(?:grew|grown|growing|grow|rose|risen|rising|increased|increasing|up|jumped|"
                          r"climbed|expanded|gained|added|surged|soared|fell|fallen|dropped|decreased|lost|"
                          r"devalued|depreciated|weakened|appreciated|strengthened|"
                          r"declined|down|shrank|shrunk|contracted|plunged|slumped|slid|tumbled|reduced|"
                          r"growth|increase|rise|decline|drop|fall|decrease|reduction)"
                          r"\s+(?:(?!from\b|to\b)[\w.$’']+\s+){0,3}$", re.I)  # "devalued the tenge by"; "fell from X to Y": levels
_CHANGE_RIGHT = re.compile(r"^\s*(?:growth|increase|rise|decline|drop|fall|decrease|year[\s-]on[\s-]year|"
                           r"y/y|yoy|annual\s+growth)\b", re.I)
_MIGRATION = re.compile(r"\b(?:migra\w*|emigra\w*|immigra\w*|resettl\w*|repatriat\w*|relocat\w*|"
                        r"moved\s+(?:to|from)|left\s+for|arrived\s+in|returned\s+to)|\bleft\s+(?=[A-Z])")
_MIGRANTS = re.compile(r"\b(?:migrants?|emigrants?|immigrants?|people|persons|citizens|residents|settlers|"
                       r"repatriates|returnees|workers)\b", re.I)
_POPULATION = re.compile(r"\b(?:population|inhabitants|residents)\b", re.I)
_INFLATION = re.compile(r"\binflation\b", re.I)
# "the figure rose to ..." points back; "the number of joint ventures" names its own subject
_ANAPHORA = re.compile(r"\b(?:the|this|that)\s+(?:figure|number|total|amount|indicator|sum)\b(?!\s+of\b)", re.I)
_SINCE_LEFT = re.compile(r"\b(?:since|from|after|before|until|till|between|founded\s+in|established\s+in|"
                         rf"created\s+(?:back\s+)?in|back\s+in)\s+(?:(?:early|mid|late)[\s-]+)?(?:{MONTH_RE}\s+)?$",
                         re.I)
_RELATIVE = [
    (re.compile(r"\blast\s+year\b|\bprevious\s+year\b|\ba\s+year\s+(?:ago|earlier)\b", re.I), -1),
    (re.compile(r"\bthis\s+year\b|\bcurrent\s+year\b|\bso\s+far\s+this\s+year\b", re.I), 0),
    (re.compile(r"\bnext\s+year\b|\bcoming\s+year\b", re.I), 1),
    (re.compile(r"\b(?:two|2)\s+years\s+ago\b", re.I), -2),
]
_EARLIER = re.compile(r"earlier|previous", re.I)
_YEAR_RIGHT_AFTER = re.compile(rf"(?:\s+(?:it|them|this|that))?[\s,]*(?:in|for|during|by|as\s+of)\s+(?:(?:{MONTH_RE})\s*[-–]\s*)?(?:{MONTH_RE})?\s*$",
                               re.I)
_RELATIVE_ANY = re.compile("|".join(f"(?P<r{i}>{rx.pattern})" for i, (rx, _) in enumerate(_RELATIVE)), re.I)
_RELATIVE_RIGHT = re.compile(r"[\s,]*(?:" + _RELATIVE_ANY.pattern + ")", re.I)  # right after a figure
# figures compared with an earlier period: "20 percent more than a year earlier", "down 5% on 2014"
_COMPARED_RIGHT = re.compile(r"^\s*(?P<dir>more|higher|up|greater|less|lower|down|fewer)\s+(?:than|on|from|compared\s+(?:with|to))\s+"
                             r"(?:a\s+year\s+(?:earlier|ago|before)|the\s+(?:previous|preceding)\s+year|last\s+year|"
                             r"(?:in\s+)?(?:18|19|20)\d\d|the\s+same\s+period)", re.I)
_SPAN_YEARS = re.compile(
    r"\b(?:over|in|during|within|for)\s+(?:the\s+)?(?:last|past|previous|preceding)\s+"
    r"(?P<n>[\w.-]+(?:\s+[\w-]+)?)\s+(?P<u>years?|decades?)\b|"
    r"\b(?:over|in|during|within|for)\s+(?:the\s+)?(?:last|past|previous|preceding)\s+(?P<u1>year|decade)\b|"
    r"\bin\s+(?P<n2>[\w.-]+)\s+years\b", re.I)
_SINCE_YEAR = re.compile(r"\b(?:since|from|between|compared\s+(?:with|to))\s+(?P<y>(?:18|19|20)\d\d)\b", re.I)


def _measure_of(match: re.Match) -> str:
    for i, (_, m) in enumerate(_CUES):
        if match.group(f"c{i}"):
            return m
    return "monetary_amount"


@dataclass
class Context:
    """What the whole article tells the rules: its main economies and its publication year."""
    text: str
    body_end: int
    pub_year: int | None
    _pair: tuple[str, ...] | None = None

    @property
    def pair(self) -> tuple[str, ...]:
        # counted on first need only: most documents' claims never fall back on the article's pair
        if self._pair is None:
            self._pair = main_pair(self.text[:self.body_end])
        return self._pair


class Meaning:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.text = ctx.text

    # ------------------------------------------------------------------ measure
    def nearest_cue(self, t: Token, s: int, e: int) -> re.Match | None:
        # distance in characters; a cue after the figure, or across a clause break, counts for more
        cands = []
        for m in self._cues(s, e):
            if m.end() <= t.q_start:
                cands.append((t.q_start - m.end(), m.start(), m, m.end(), t.q_start))
            elif m.start() >= t.q_end:
                cands.append((2 * (m.start() - t.q_end) + 40, m.start(), m, t.q_end, m.start()))
        best, best_d = None, None
        for d, _, m, a, b in sorted(cands, key=lambda c: c[:2]):
            if best_d is not None and d >= best_d:
                break  # nearer cues were seen first: no later one can win
            if _BREAK_RE.search(self.text, a, b):
                d += 150
            if best_d is None or d < best_d:
                best, best_d = m, d
        return best

    def _cues(self, s: int, e: int) -> list[re.Match]:
        """Cue words in text[s:e]: scanned once per sentence, or - for the overlapping windows that stand in
        for sentences in text without sentence ends - once per block of text."""
        if e - s < 1000:
            sentences = self.__dict__.setdefault("_cue_sentences", {})
            if (s, e) not in sentences:
                sentences[(s, e)] = list(_CUE_RE.finditer(self.text, s, e))
            return sentences[(s, e)]
        blocks = self.__dict__.setdefault("_cue_blocks", {})
        out = []
        for k in range(s // _CUE_BLOCK, (e - 1) // _CUE_BLOCK + 1):
            if k not in blocks:
                lo = k * _CUE_BLOCK
                # matches are kept by their start, so one straddling two blocks is found once, whole
                blocks[k] = [m for m in _CUE_RE.finditer(self.text, max(0, lo - 64), lo + _CUE_BLOCK + 64)
                             if lo <= m.start() < lo + _CUE_BLOCK]
            out += [m for m in blocks[k] if s <= m.start() and m.end() <= e]
        return out

    def measure(self, t: Token, s: int, e: int) -> tuple[str, re.Match | None]:
        sentence = self.text[s:e]
        u = t.unit
        if u == "ratio":
            return "growth_factor", self.nearest_cue(t, s, e)
        if u in ("percent", "percentage_points"):
            before = self.text[max(s, t.q_start - 60):t.q_start]
            after = self.text[t.q_end:min(e, t.q_end + 40)]
            if _CHANGE_LEFT.search(before) or _CHANGE_RIGHT.match(after) or _COMPARED_RIGHT.match(after):
                return "growth_rate", self.nearest_cue(t, s, e)
            if _CROSS_BORDER.search(sentence) and _TRADE.search(sentence):
                return "cross_border_share", None
            if _INFLATION.search(sentence):
                return "inflation", None
            return "share", None
        if u == "persons":
            if _MIGRATION.search(sentence):
                return "migration", None
            return ("population" if _POPULATION.search(sentence) else "count"), None
        if u == "count":
            # "the number of migrants ... reached 40,000": a bare figure in a sentence about migration
            if t.subject is None and _MIGRATION.search(sentence) and _MIGRANTS.search(sentence):
                return "migration", None
            return "count", None
        if u == "km":
            return "distance", None
        if u in ("km2", "hectares"):
            return "area", None
        if u == "years" and t.subject == "age":
            return "age", None
        if u in ("years", "months", "weeks", "days", "hours"):
            return "duration", None
        if u in ("MW", "GW", "kWh"):
            return "energy", None
        if u in RATE_UNITS:
            return ("price" if u.endswith("barrel") else "exchange_rate"), None
        if u in ("tonnes", "barrels", "barrels_per_day", "cubic_metres"):
            return "production", None
        cue = self.nearest_cue(t, s, e)
        return (_measure_of(cue) if cue else "monetary_amount"), cue

    # ------------------------------------------------------------------ economies
    def _countries(self, s: int, e: int) -> list[tuple[int, int, str]]:
        return find_countries(self.text, s, e)

    def _other(self, iso: str | None) -> str | None:
        pair = self.ctx.pair
        if iso in pair and len(pair) == 2:
            return pair[1 - pair.index(iso)]
        return None

    def flow_economies(self, cue: re.Match, measure: str, s: int, e: int) -> tuple[str | None, str | None]:
        """(economy, partner): exporter/importer/investor first."""
        text = self.text
        owner = target = None
        left = text[max(s, cue.start() - 45):cue.start()]
        m = _owner_left_re().search(left)
        if m:
            owner = alias_table()[m.group(1)]
        right = text[cue.end():min(e, cue.end() + 80)]
        to_words = r"(?:from)" if measure == "imports" else r"(?:to|into|in)"
        from_words = r"(?:to|into|in)" if measure == "imports" else r"(?:from|by)"
        for words, slot in ((to_words, "target"), (from_words, "owner")):
            m = _flow_right_re(words).match(right)
            if m:
                iso = alias_table().get(m.group("c"))
                if slot == "target" and target is None:
                    target = iso or ("?" if m.group("c") in ("country", "republic") else None)
                elif slot == "owner" and owner is None and iso:
                    owner = iso
        if owner is None:
            # a verb's subject: "Kazakhstan exported ...", "Russia invested ..." - but a country that
            # "received" or "attracted" investment is its host
            subj = find_countries(text, max(s, cue.start() - 80), cue.start())
            if subj and not re.search(r"[,;(]", text[subj[-1][1]:cue.start()]):
                if _RECEIVED.search(text, subj[-1][1], cue.start()):
                    target = target or subj[-1][2]
                    if measure == "direct_investment":
                        return None, target
                else:
                    owner = subj[-1][2]
        if measure == "direct_investment" and owner is None and re.search(r"foreign\s+(?:direct\s+)?$",
                                                                           text[max(s, cue.start() - 16):cue.start()], re.I):
            return None, target  # foreign investment from everywhere: no single investor
        if target == "?" or (target is None and owner is not None):
            target = self._other(owner)
        if owner is None and target is not None:
            owner = self._other(target)
        if owner is not None and owner == target:
            target = None
        return owner, target

    def clause(self, pos: int, s: int, e: int) -> tuple[int, int]:
        """The clause of a sentence holding pos, between breaks such as ';', 'while', 'but'."""
        lo, hi = s, e
        for m in _BREAK_RE.finditer(self.text, s, e):
            if m.end() <= pos:
                lo = m.end()
            elif m.start() >= pos:
                hi = m.start()
                break
        return lo, hi

    def pair_economies(self, s: int, e: int, pos: int | None = None) -> tuple[str | None, str | None]:
        """The two economies of a two-way measure: named in the figure's clause, else in its sentence,
        else the article's pair."""
        found: list[str] = []
        spans = [self.clause(pos, s, e), (s, e)] if pos is not None else [(s, e)]
        for a, b in spans:
            for _, _, iso in self._countries(a, b):
                if iso not in found:
                    found.append(iso)
            if found:
                break
        pair = list(self.ctx.pair)
        if len(found) >= 2:
            in_pair = [c for c in found if c in pair]
            chosen = in_pair if len(in_pair) == 2 else found[:2]
        elif len(found) == 1 and self._other(found[0]):
            chosen = [found[0], self._other(found[0])]
        elif len(found) == 1 and pair:
            chosen = [pair[0], found[0]]  # "trade with China" in an article about Kazakhstan
        elif len(pair) == 2:
            chosen = pair
        else:
            return None, None
        a, b = sorted(chosen[:2])
        return a, b

    def economies(self, t: Token, measure: str, cue: re.Match | None, s: int, e: int):
        if measure in ("exports", "imports", "direct_investment") and cue is not None:
            return self.flow_economies(cue, measure, s, e)
        if measure in ("trade_turnover", "cross_border_share"):
            return self.pair_economies(s, e, t.q_start)
        if measure in ("growth_factor", "growth_rate") and cue is not None:
            cm = _measure_of(cue)
            if cm in ("exports", "imports", "direct_investment"):
                return self.flow_economies(cue, cm, s, e)
            if cm == "trade_turnover":
                return self.pair_economies(s, e, t.q_start)
        if measure == "migration":
            to = _after_word_re("to|in|into").search(self.text, s, e)
            fr = _after_word_re("from").search(self.text, s, e)
            return (alias_table()[to.group("c")] if to else None,
                    alias_table()[fr.group("c")] if fr else None)
        return None, None

    # ------------------------------------------------------------------ period
    def period(self, t: Token, years: list[Token], s: int, e: int, change: bool):
        """(year, base_year, period_basis) from the sentence's years, else relative words, else publication."""
        lo = bisect.bisect_left(years, s, key=lambda y: y.start)
        hi = bisect.bisect_left(years, e, key=lambda y: y.start)
        usable = [y for y in years[lo:hi] if not self._since(y, s)]
        year = base = None
        basis = None
        before = [y for y in usable if y.end <= t.q_start]
        after = [y for y in usable if y.start >= t.q_end]
        pub = self.ctx.pub_year
        right_after = _RELATIVE_RIGHT.match(self.text, t.q_end, min(e, t.q_end + 24))
        if after and _YEAR_RIGHT_AFTER.match(self.text, t.q_end, after[0].start):
            year, basis = after[0].year, "stated"  # "$X in 2014" binds to the year right after it
        elif right_after and before and _EARLIER.search(right_after.group()):
            # "in 2011, down from 41,000 a year earlier": earlier than the sentence's year, not than today
            year, basis = before[-1].year - 1, "stated"
        elif right_after and pub is not None:
            year, basis = pub + _RELATIVE[int(right_after.lastgroup[1:])][1], "relative"  # "$X last year"
        elif before:
            year, basis = before[-1].year, "stated"  # else the nearest year before the figure
        elif after and not _PERIOD_BREAK.search(self.text, t.q_end, after[0].start):
            year, basis = after[0].year, "stated"  # a later year of the same clause
        elif pub is not None and (delta := self._relative(s, e)) is not None:
            year, basis = pub + delta, "relative"
        elif pub is not None:
            year, basis = pub, "publication_year"
        if change:
            sentence = self.text[s:e]
            since = _SINCE_YEAR.search(sentence)
            if since and (year is None or int(since.group("y")) < year):
                base = int(since.group("y"))
            elif year is not None and (m := _SPAN_YEARS.search(sentence)):
                n = _span_length(m)
                if n:
                    base = year - n
        return year, base, basis or "unknown"

    def _since(self, y: Token, s: int) -> bool:
        """A year after 'since', 'from', 'before' ... bounds a period; it is not the claim's year."""
        cache = self.__dict__.setdefault("_since_cache", {})
        key = (y.start, s)
        if key not in cache:
            cache[key] = _SINCE_LEFT.search(self.text, max(s, y.start - 30), y.start) is not None
        return cache[key]

    def _relative(self, s: int, e: int) -> int | None:
        """Years from publication that a relative expression in the sentence points to ('last year': -1)."""
        cache = self.__dict__.setdefault("_relative_cache", {})
        if s not in cache:
            m = _RELATIVE_ANY.search(self.text, s, e)
            cache[s] = _RELATIVE[int(m.lastgroup[1:])][1] if m else None
        return cache[s]

    def antecedent_applies(self, t: Token, s: int, e: int) -> bool:
        return bool(_ANAPHORA.search(self.text[s:e]))


@lru_cache(maxsize=None)
def _owner_left_re() -> re.Pattern:
    return re.compile(r"(" + country_re().pattern + r")(?:[’']s)?\s+(?:[\w-]+\s+){0,2}$")


@lru_cache(maxsize=None)
def _flow_right_re(words: str) -> re.Pattern:
    return re.compile(r"^(?:\s+[\w$.,-]+){0,6}?\s+" + words + r"\s+(?:the\s+)?(?P<c>" + country_re().pattern
                      + r"|country|republic)")


@lru_cache(maxsize=None)
def _after_word_re(words: str) -> re.Pattern:
    return re.compile(r"\b(?:" + words + r")\s+(?P<c>" + country_re().pattern + ")")


def _span_length(m: re.Match) -> int | None:
    if m.group("u1"):
        return 10 if m.group("u1").lower() == "decade" else 1
    raw = m.group("n") or m.group("n2")
    unit = (m.group("u") or "years").lower()
    try:
        n = float(raw)
    except ValueError:
        n = words_value(raw)
        if n is None and " " in raw:
            n = words_value(raw.split()[-1])
    if n is None:
        return None
    return int(round(n * (10 if unit.startswith("decade") else 1)))
