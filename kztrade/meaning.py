"""What a quantity measures, between which economies, and on whose authority.

Each rule reads the quantity's sentence: the cue nearest the figure names the measure ("exports",
"turnover", "direct investment"), the words around the cue give the direction of a flow ("Russian exports
to Kazakhstan", "Kazakhstan's imports from Russia"), and the words of the sentence name who the figure is
from ("according to the customs committee"). Where the sentence does not name an economy, the article's
two most-mentioned economies stand in ("their trade turnover", "the country"). The words come from the
language's lexicon (kztrade/lang/); the period of a figure is periods.py's.
"""
from __future__ import annotations

import bisect
import importlib
import itertools
import operator
import re
from dataclasses import dataclass
from functools import lru_cache

from .countries import alias_table, country_re, find_countries, main_pair
from .grammar import RATE_UNITS, _trie
from .leads import starts
from .metadata.fields import CURRENCIES
from .prefilter import Scan, first_chars, led, literals
from .tokens import Token
from .windows import WindowScan

_CUE_BLOCK = 2048
FLOWS = ("exports", "imports", "direct_investment")


def language(code: str):
    """The lexicon module of a language ('en' -> kztrade.lang.en)."""
    return importlib.import_module(f".lang.{code}", __package__)


def _at(pattern: str) -> str:
    """A pattern matched at a position of the text (re.match(text, pos)), where '^' would never match."""
    return pattern[1:] if pattern.startswith("^") else pattern


def _compile(pattern: str, flags: int = re.I) -> re.Pattern:
    return re.compile(led(pattern, flags), flags)


class Words:
    """A language's meaning words, compiled once per language; a pattern searched across a sentence is led
    by the characters its matches begin with (prefilter.led)."""

    def __init__(self, lex):
        f = re.I
        self.lex = lex
        self.cues = lex.CUES
        # the leading \b, the letters a cue can begin with and then its first few letters (leads.starts) are
        # checked once, not once per cue: at most positions one of them fails, and the cues are many
        cues = "|".join(f"(?:{p})" for p, _ in lex.CUES)
        firsts, begins = first_chars(cues, f), starts(cues, f)
        self.cue_re = re.compile(
            "\\b" + (f"(?=[{re.escape(firsts)}])" if firsts else "") + (f"(?=(?i:{_trie(begins)}))" if begins else "")
            + "(?:" + "|".join(f"(?P<c{i}>(?:{p})\\b)" for i, (p, _) in enumerate(lex.CUES)) + ")", f)
        # the same first letters sought alone in the lower-cased text: a plain trie that re skips to by the
        # letters it begins with; cue_re is then tried only where one of them stands
        self.cue_lead = re.compile(_trie(begins)) if begins else None
        self.not_cue = _compile(lex.NOT_CUE)
        self.not_cue_lead = re.compile(_trie(b)) if (b := starts(lex.NOT_CUE, f)) else None
        self.percent_measures = [(_compile(p), m) for p, m in lex.PERCENT_MEASURES]
        self.clause_break = _compile(lex.CLAUSE_BREAK)
        # a break word that nearly every sentence holds (Russian ', а' holds a comma): asking first whether a
        # sentence holds one of the break words costs more than it saves
        self.break_asked = "," not in (literals(self.clause_break) or (",",))
        self.received = _compile(lex.RECEIVED)
        self.cross_border = _compile(lex.CROSS_BORDER)
        self.trade = _compile(lex.TRADE)
        self.change_left = _compile(lex.CHANGE_LEFT)
        self.change_right = re.compile(lex.CHANGE_RIGHT, f)
        self.change_by_left = _compile(lex.CHANGE_BY_LEFT)
        self.amount_change_left = _compile(lex.AMOUNT_CHANGE_LEFT)
        self.local_party = _compile(lex.LOCAL_PARTY, 0)
        self.party_names = _compile(lex.PARTY_NAMES, 0)
        self.compared_right = re.compile(lex.COMPARED_RIGHT, f)
        self.deficit = _compile(lex.DEFICIT)
        self.lost_value_right = re.compile(_at(lex.LOST_VALUE_RIGHT), f)
        self.migration = _compile(lex.MIGRATION, 0)
        self.migrants = _compile(lex.MIGRANTS)
        self.population = _compile(lex.POPULATION)
        self.inflation = _compile(lex.INFLATION)
        self.anaphora = _compile(lex.ANAPHORA)
        self.foreign_left = _compile(lex.FOREIGN_LEFT)
        self.object_left = _compile(lex.OBJECT_LEFT)
        self.per_right = re.compile(_at(lex.BARE_PER_RIGHT), f)
        self.currency_word = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(
            lex.CURRENCY_WORDS, key=len, reverse=True)) + r")\b", f)
        self.scale_word = re.compile(r"(?<![^\W\d])(?:" + "|".join(re.escape(w) for w in sorted(
            lex.SCALES, key=len, reverse=True)) + r")\.?(?!\w)", f)
        self.world = _compile(lex.WORLD)
        self.attribution = [_compile(p, 0) for p in lex.ATTRIBUTION]
        self.any_attribution = tuple(self.attribution)  # asked of a window at once (WindowScan.may_any)
        # the words (lower case) one of which a match of one of them holds, for a search of the lower-cased text
        needed = [literals(rx) for rx in self.attribution]
        self.attribution_words = None if None in needed else re.compile(_trie(sorted({w for ws in needed for w in ws})))
        self.attribution_stop = re.compile(lex.ATTRIBUTION_STOP, f)
        self.country_any = country_re(lex.CODE)
        country = self.country_any.pattern
        self.table = alias_table(lex.CODE)
        # optional in a lexicon: elliptical flows after a coordination
        self.ellipsis_break = _compile(lex.ELLIPSIS_BREAK) if getattr(lex, "ELLIPSIS_BREAK", None) else None
        self.pair_segment = (re.compile(lex.PAIR_SEGMENT.format(country=country))
                             if getattr(lex, "PAIR_SEGMENT", None) else None)
        self.other_segment = (re.compile(_at(lex.OTHER_SEGMENT.format(country=country)), f)
                              if getattr(lex, "OTHER_SEGMENT", None) else None)
        # Russian names a flow's owner in the genitive after the cue ("экспорт Казахстана в Россию")
        self.owner_right = re.compile(lex.OWNER_RIGHT.format(country=country)) if lex.OWNER_RIGHT else None
        self.owner_left = re.compile(lex.OWNER_LEFT.format(country=country))
        self.flow_right = {w: re.compile(lex.FLOW_RIGHT.format(words=w, country=country))
                           for w in (lex.TO_WORDS, lex.FROM_WORDS)}
        self.after_word = {w: re.compile(lex.AFTER_WORDS.format(words=w, country=country))
                           for w in (lex.MIGRATION_TO, lex.MIGRATION_FROM)}

    def measure_of(self, match: re.Match) -> str:
        if match.re is self.cue_re and self.cue_re.groups == len(self.cues) and match.lastindex:
            return self.cues[match.lastindex - 1][1]  # the cues hold no groups of their own: group i+1 is c{i}
        for i, (_, m) in enumerate(self.cues):
            if match.group(f"c{i}"):
                return m
        return "monetary_amount"


@lru_cache(maxsize=None)
def words(code: str) -> Words:
    return Words(language(code))


@dataclass
class Context:
    """What the whole article tells the rules: its main economies, publication year and language."""
    text: str
    body_end: int
    pub_year: int | None
    lang: str = "en"
    _pair: tuple[str, ...] | None = None

    @property
    def pair(self) -> tuple[str, ...]:
        # counted on first need only: most documents' claims never fall back on the article's pair
        if self._pair is None:
            self._pair = main_pair(self.text, self.lang, self.body_end)
        return self._pair


_START = re.Match.start
_SECOND = operator.itemgetter(1)
_RANK = operator.itemgetter(0, 1)  # distance, then start: the cues of a list never tie on both
_END = re.Match.end
_ACROSS = 150  # what a clause break between a cue and its figure adds to their distance
_FAR = 1 << 62  # the distance to a cue that is not there
# units that say what they measure whatever the words around them
_FIXED = {"km": "distance", "km2": "area", "hectares": "area", "months": "duration", "weeks": "duration",
          "days": "duration", "hours": "duration", "MW": "energy", "GW": "energy", "kWh": "energy"}
_PUNCT = re.compile(r"[,;(]")  # between a country and a cue: the country is not the verb's subject


class Meaning:
    def __init__(self, ctx: Context, windows: bool = True, scan: Scan | None = None):
        """windows: the text has sentences longer than the windows its figures are read in (a run-on line);
        scan: a prefilter.Scan of the text made before, whose lower-cased text is then not made again."""
        self.ctx = ctx
        self.text = ctx.text
        self.w = words(ctx.lang)
        self.windows = windows
        self._country_re = country_re(ctx.lang)
        # a pattern is searched only where one of its words occurs; a scan of another text is not this one's
        base = scan if isinstance(scan, Scan) and scan.text is ctx.text else Scan(ctx.text)
        self.scan = WindowScan(base) if windows else base
        self._breaks: dict[tuple[int, int], list[tuple[int, int]]] = {}
        self._found: dict[tuple[int, int], list[tuple[int, int, str]]] = {}
        self._has: dict[tuple[int, int, int], bool] = {}
        self._anaphora: dict[tuple[int, int], bool] = {}
        self._flows: dict[tuple, tuple[bool, str | None, str | None]] = {}
        self._attr: dict[int, str | None] = {}
        self._pairs: dict[tuple, tuple[str | None, str | None]] = {}
        self._moves: dict[tuple[int, int], tuple[str | None, str | None]] = {}
        self._cue_sentences: dict[tuple[int, int], list[re.Match]] = {}
        self._cue_blocks: dict[int, list[re.Match]] = {}
        self._last_flow: tuple[int, str, str] | None = None

    def _matches_in(self, rx: re.Pattern, a: int, b: int) -> bool:
        """rx matches in text[a:b] (searched as a string of its own), once per sentence or clause: every
        figure of a sentence asks the same."""
        key = (id(rx), a, b)
        got = self._has.get(key)
        if got is None:
            got = self._has[key] = self.scan.may(rx, a, b) and rx.search(self.text[a:b]) is not None
        return got


    # ------------------------------------------------------------------ measure
    def nearest_cue(self, t: Token, s: int, e: int) -> re.Match | None:
        # distance in characters; a cue after the figure, or across a clause break, counts for more. A candidate
        # is (distance, start, cue, the span between the cue and the figure).
        cues, in_order = self._cue_list(s, e)
        if not cues:
            return None
        q_start, q_end = t.q_start, t.q_end
        if len(cues) == 1:  # the one candidate, if it stands clear of the figure: no other for a break to favour
            m = cues[0]
            return m if m.end() <= q_start or m.start() >= q_end else None
        if not in_order:  # cues of two blocks that overlap: all ranked
            return self._nearest([(q_start - m.end(), m.start(), m, m.end(), q_start) for m in cues if m.end() <= q_start]
                                 + [(2 * (m.start() - q_end) + 40, m.start(), m, q_end, m.start())
                                    for m in cues if m.start() >= q_end])
        # the nearest cue before the figure and the nearest after it: a cue farther than the nearer of them by
        # the penalty of a clause break or more can never win, so only the cues within that reach are ranked
        i = bisect.bisect_right(cues, q_start, key=_END)  # cues[:i] end at or before the figure
        j = bisect.bisect_left(cues, q_end, lo=i, key=_START)  # cues[j:] start at or after its end
        n = len(cues)
        reach = min(q_start - cues[i - 1].end() if i else _FAR,
                    2 * (cues[j].start() - q_end) + 40 if j < n else _FAR) + _ACROSS
        cands = []
        for k in range(i - 1, -1, -1):
            m = cues[k]
            d = q_start - m.end()
            if d >= reach:
                break
            cands.append((d, m.start(), m, m.end(), q_start))
        for k in range(j, n):
            m = cues[k]
            d = 2 * (m.start() - q_end) + 40
            if d >= reach:
                break
            cands.append((d, m.start(), m, q_end, m.start()))
        return self._nearest(cands)

    def _nearest(self, cands: list[tuple]) -> re.Match | None:
        """The cue of the least distance among cands (distance, start, cue, and the span between the cue and the
        figure), a clause break in that span adding to it."""
        if len(cands) < 2:
            return cands[0][2] if cands else None  # no other cue for a clause break to lose against
        best, best_d = None, None
        for d, _, m, a, b in sorted(cands, key=_RANK):
            if best_d is not None and d >= best_d:
                break  # nearer cues were seen first: no later one can win
            if self.w.clause_break.search(self.text, a, b):
                d += _ACROSS
            if best_d is None or d < best_d:
                best, best_d = m, d
        return best

    def _cues(self, s: int, e: int) -> list[re.Match]:
        """Cue words in text[s:e]: scanned once per sentence, or - for the overlapping windows that stand in
        for sentences in text without sentence ends - once per block of text."""
        return self._cue_list(s, e)[0]

    def _cue_list(self, s: int, e: int) -> tuple[list[re.Match], bool]:
        """(_cues, whether their ends are in order as their starts are): the matches of one scan do not overlap,
        but those of two neighbouring blocks may."""
        if e - s < 1000:
            got = self._cue_sentences.get((s, e))
            if got is None:
                got = self._cue_sentences[(s, e)] = self._real_cues(s, e)
            return got, True
        blocks = self._cue_blocks
        out: list[re.Match] = []
        in_order = True
        for k in range(s // _CUE_BLOCK, (e - 1) // _CUE_BLOCK + 1):
            if k not in blocks:
                lo = k * _CUE_BLOCK
                # matches are kept by their start, so one straddling two blocks is found once, whole
                blocks[k] = [m for m in self._real_cues(max(0, lo - 64), lo + _CUE_BLOCK + 64)
                             if lo <= m.start() < lo + _CUE_BLOCK]
            block = blocks[k]
            i = bisect.bisect_left(block, s, key=_START)
            j = bisect.bisect_left(block, e, lo=i, key=_START)
            got = block[i:bisect.bisect_right(block, e, lo=i, hi=j, key=_END)]  # ends in order, as starts
            if out and got and got[0].end() < out[-1].end():
                in_order = False
            out += got
        return out, in_order

    def _real_cues(self, s: int, e: int) -> list[re.Match]:
        """Cues, without those inside a name that is not that measure ('trade unions')."""
        # a sentence with a figure mostly names a measure: asking first whether it may costs more than it saves
        if self.windows:
            found = list(self.scan.finditer(self.w.cue_re, s, e))
        elif self.w.cue_lead is None or self.scan.low is None:
            found = list(self.w.cue_re.finditer(self.text, s, e))
        else:
            found = self._led(self.w.cue_re, self.w.cue_lead, s, e)
        if not found:
            return found  # no cue for a name to hide
        if self.windows or self.w.not_cue_lead is None or self.scan.low is None:
            bad = [(m.start(), m.end()) for m in self.scan.finditer(self.w.not_cue, s, e)]
        else:
            bad = [(m.start(), m.end()) for m in self._led(self.w.not_cue, self.w.not_cue_lead, s, e)]
        return [m for m in found if not any(a <= m.start() < b for a, b in bad)] if bad else found

    def _led(self, rx: re.Pattern, lead: re.Pattern, s: int, e: int) -> list[re.Match]:
        """rx.finditer(text, s, e), tried only where the lower-cased text holds one of the strings its matches
        begin with (lead, leads.starts): no other position can match. The next candidate is sought from one
        past a failed one, as they may overlap."""
        found: list[re.Match] = []
        search, match = lead.search, rx.match
        low, text = self.scan.low, self.text
        pos = s
        while (c := search(low, pos, e)) is not None:
            m = match(text, c.start(), e)
            if m is None:
                pos = c.start() + 1
            else:
                found.append(m)
                pos = m.end()
        return found

    def is_change(self, t: Token, s: int, e: int) -> bool:
        w, may = self.w, self.scan.may
        text, q_start, q_end = self.text, t.q_start, t.q_end
        a, b = max(s, q_start - 60), min(e, q_end + 40)
        a80 = max(s, q_start - 80)
        c = min(e, q_end + 60)  # "8% more compared with the pre-pandemic year 2019"
        # the words on either side sliced only where a pattern may match in them: most figures ask no pattern
        return bool((may(w.change_left, a, q_start) and w.change_left.search(text[a:q_start]))
                    or (may(w.change_right, q_end, b) and w.change_right.match(text[q_end:b]))
                    or (may(w.change_by_left, a80, q_start) and w.change_by_left.search(text[a80:q_start]))
                    or (may(w.compared_right, q_end, c) and w.compared_right.match(text[q_end:c]))
                    or (may(w.lost_value_right, q_end, b) and w.lost_value_right.match(text[q_end:b])))

    def measure(self, t: Token, s: int, e: int) -> tuple[str, re.Match | None]:
        w = self.w
        u = t.unit

        if u == "ratio":
            return "growth_factor", self.nearest_cue(t, s, e)
        if u in ("percent", "percentage_points"):
            lo, hi = self.clause(t.q_start, s, e)
            for rx, m in w.percent_measures:
                if m == "devaluation" and self._matches_in(rx, lo, hi):
                    return m, None
            if self.is_change(t, s, e):
                return "growth_rate", self.nearest_cue(t, s, e)
            if self._matches_in(w.cross_border, s, e) and self._matches_in(w.trade, s, e):
                return "cross_border_share", None
            for rx, m in w.percent_measures:
                if self._matches_in(rx, lo, hi):
                    return m, None
            if self._matches_in(w.inflation, s, e):
                return "inflation", None
            return "share", self.nearest_cue(t, s, e)
        if u == "persons":
            if self._matches_in(w.migration, s, e):
                return "migration", None
            return ("population" if self._matches_in(w.population, s, e) else "count"), None
        if u == "count":
            # "the number of migrants ... reached 40,000": a bare figure in a sentence about migration
            if t.subject is None and self._matches_in(w.migration, s, e) and self._matches_in(w.migrants, s, e):
                return "migration", None
            return "count", None
        fixed = _FIXED.get(u)
        if fixed is not None:
            return fixed, None
        if u == "years":
            return ("age" if t.subject == "age" else "duration"), None
        if u in RATE_UNITS:
            return ("price" if u.endswith("barrel") else "exchange_rate"), None
        if u in ("tonnes", "barrels", "barrels_per_day", "cubic_metres"):
            # goods that are shipped across a border are a flow in physical units
            cue = self.nearest_cue(t, s, e)
            if cue is not None and w.measure_of(cue) in ("exports", "imports"):
                return w.measure_of(cue), cue
            return "production", None
        if u in CURRENCIES:
            a = max(s, t.q_start - 60)
            if self.scan.may(w.amount_change_left, a, t.q_start) and w.amount_change_left.search(self.text[a:t.q_start]):
                return "growth_amount", self.nearest_cue(t, s, e)  # "grew by $2bn": a change, never a level
        cue = self.nearest_cue(t, s, e)
        return (w.measure_of(cue) if cue else "monetary_amount"), cue

    def signed(self, t: Token, measure: str, value: float, s: int, e: int) -> float:
        """A stated fall is negative; so is a deficit."""
        if measure in ("growth_rate", "growth_amount", "devaluation") and t.falling():
            return -abs(value)
        if measure == "growth_rate" and self.w.lost_value_right.match(self.text, t.q_end, min(e, t.q_end + 30)):
            return -abs(value)
        if measure in ("trade_balance", "fiscal_balance"):
            lo, hi = self.clause(t.q_start, s, e)
            if self.scan.search(self.w.deficit, lo, hi):
                return -abs(value)
        return value

    # ------------------------------------------------------------------ economies
    def _spans(self, rx: re.Pattern, s: int, e: int) -> list[tuple[int, int]]:
        """The spans of rx.finditer(text, s, e)."""
        if self.windows:
            return self.scan.spans(rx, s, e)
        return [m.span() for m in self.scan.finditer(rx, s, e)]

    def _countries(self, s: int, e: int) -> list[tuple[int, int, str]]:
        found = self._found.get((s, e))
        if found is None:  # asked again for each figure of the clause or sentence
            if self.windows:  # find_countries, from the document's countries
                text, table = self.text, self.w.table
                found = [(a, b, table[text[a:b]]) for a, b in self.scan.spans(self._country_re, s, e)]
            else:
                found = find_countries(self.text, s, e, lang=self.ctx.lang)
            self._found[(s, e)] = found
        return found

    def _other(self, iso: str | None) -> str | None:
        pair = self.ctx.pair
        if iso in pair and len(pair) == 2:
            return pair[1 - pair.index(iso)]
        return None

    def flow_economies(self, cue: re.Match, measure: str, s: int, e: int) -> tuple[str | None, str | None]:
        """(economy, partner): exporter/importer/investor first."""
        key = (cue.start(), cue.end(), measure, s, e)
        got = self._flows.get(key)
        if got is None:  # the figures of a list after one cue ("exports of $1bn, $2bn and $3bn") ask alike
            got = self._flows[key] = self._flow_parties(cue, measure, s, e)
        final, owner, target = got
        if final:
            return owner, target
        last = self._last_flow
        if owner is None and target is None and last is not None and 0 <= cue.start() - last[0] <= 400:
            # an elliptical flow continues the one just named: "экспорт в РФ составил X, импорт – Y",
            # "exports to Russia rose to X; shipments of metals doubled"
            return last[1], last[2]
        if owner is not None and target is not None:
            self._last_flow = (cue.start(), owner, target)
        return owner, target

    def _flow_parties(self, cue: re.Match, measure: str, s: int, e: int) -> tuple[bool, str | None, str | None]:
        """(final, owner, target) as the words around the cue give them; final where no earlier flow can stand
        in for them."""
        w, text = self.w, self.text
        lex = w.lex
        owner = target = None
        a = max(s, cue.start() - 45)
        left = text[a:cue.start()]
        m = w.owner_left.search(left)  # no literal check first: its literals are white space, which it mostly holds
        if m:
            owner = w.table[m.group(1)]
        right = text[cue.end():min(e, cue.end() + 80)]
        if owner is None and w.owner_right is not None and (m := w.owner_right.match(right)):
            if lex.owner_right_role(m.group("c"), measure) == "owner":
                owner = w.table[m.group("c")]
            else:
                target = w.table[m.group("c")]
        to_words = lex.FROM_WORDS if measure == "imports" else lex.TO_WORDS
        from_words = lex.TO_WORDS if measure == "imports" else lex.FROM_WORDS
        for words_, slot in ((to_words, "target"), (from_words, "owner")):
            m = w.flow_right[words_].match(right)
            if m:
                iso = w.table.get(m.group("c"))
                if slot == "target" and target is None:
                    target = iso or ("?" if m.group("c") in lex.GENERIC_PARTNER else None)
                elif slot == "owner" and owner is None and iso:
                    owner = iso
        if owner is None:
            # a verb's subject: "Kazakhstan exported ...", "Russia invested ..." - but a country that
            # "received" or "attracted" investment is its host
            lo, _ = self.clause(cue.start(), s, e)
            subj = find_countries(text, max(lo, cue.start() - 80), cue.start(), lang=self.ctx.lang)
            if subj and self.scan.search(w.object_left, max(s, subj[-1][0] - 16), subj[-1][0]):
                subj = []  # "exports to Turkey rose ... and imports": Turkey is an object, not the subject
            if subj and not _PUNCT.search(text, subj[-1][1], cue.start()):
                if self.scan.search(w.received, subj[-1][1], cue.start()):
                    target = target or subj[-1][2]
                    if measure == "direct_investment":
                        return True, None, target
                else:
                    owner = subj[-1][2]
        if measure == "direct_investment" and owner is None and self.scan.search(
                w.foreign_left, max(s, cue.start() - 16), cue.start()):
            return True, None, target  # foreign investment from everywhere: no single investor
        if target == "?" or (target is None and owner is not None):
            target = self._other(owner)
        if owner is None and target is not None:
            owner = self._other(target)
        if owner is not None and owner == target:
            target = self._other(owner)
        return False, owner, target

    def clause(self, pos: int, s: int, e: int) -> tuple[int, int]:
        """The clause of a sentence holding pos, between breaks such as ';', 'while', 'but'."""
        breaks = self._breaks.get((s, e))
        if breaks is None:  # the same sentence is asked about for each of its figures
            rx = self.w.clause_break
            breaks = self._breaks[(s, e)] = (self._spans(rx, s, e) if self.windows or self.w.break_asked
                                             else [m.span() for m in rx.finditer(self.text, s, e)])
        if not breaks:
            return s, e
        lo, hi = s, e
        i = 0
        if len(breaks) > 8:  # a run-on window of many clauses: skip those ending before pos at once
            i = bisect.bisect_right(breaks, pos, key=_SECOND)  # breaks do not overlap: their ends are in order
            lo = breaks[i - 1][1] if i else s
        for a, b in itertools.islice(breaks, i, None):
            if b <= pos:
                lo = b
            elif a >= pos:
                hi = a
                break
        return lo, hi

    def pair_economies(self, s: int, e: int, pos: int | None = None) -> tuple[str | None, str | None]:
        """The two economies of a two-way measure: named in the figure's clause, else in its sentence,
        else the article's pair; the world where the figure is a country's total trade."""
        span = self.clause(pos, s, e) if pos is not None else None
        key = (span, s, e)
        got = self._pairs.get(key)
        if got is None:  # the same for every figure of the clause
            got = self._pairs[key] = self._pair_economies(s, e, span)
        return got

    def _pair_economies(self, s: int, e: int, span: tuple[int, int] | None) -> tuple[str | None, str | None]:
        found: list[str] = []
        spans = [span, (s, e)] if span is not None else [(s, e)]
        for a, b in spans:
            for _, _, iso in self._countries(a, b):
                if iso not in found:
                    found.append(iso)
            if found:
                break
        if span is not None and len(found) <= 1:
            lo, hi = span
            if self.scan.search(self.w.world, lo, hi):
                # "Kazakhstan's total foreign trade": the country against the world, not the article's pair
                who = found[0] if found else (self.ctx.pair[0] if self.ctx.pair else None)
                return (tuple(sorted((who, "WLD"))) if who else (None, None))
        if len(found) <= 1 and self._local_party(*(span or (s, e))):
            # "trade between Tatarstan and Kazakhstan": a region's trade, never the article's pair of countries
            return (found[0], None) if found else (None, None)
        pair = list(self.ctx.pair)
        if len(found) >= 2:
            in_pair = [c for c in found if c in pair]
            chosen = in_pair if len(in_pair) == 2 else found[:2]
        elif len(found) == 1 and self._other(found[0]):
            chosen = [found[0], self._other(found[0])]
        elif len(found) == 1 and pair and pair[0] != found[0]:
            chosen = [pair[0], found[0]]  # "trade with China" in an article about Kazakhstan
        elif len(pair) == 2:
            chosen = pair
        else:
            return None, None
        a, b = sorted(chosen[:2])
        return a, b

    def _local_party(self, lo: int, hi: int) -> bool:
        """Whether text[lo:hi] names a party to trade that is not a country: a region by its kind ("the Orenburg
        region", «с республикой»), or a name that no country is known by where a party stands ("between
        Tatarstan and Kazakhstan")."""
        w, scan = self.w, self.scan
        if scan.search(w.local_party, lo, hi):
            return True
        for m in scan.finditer(w.party_names, lo, hi):
            for g in ("x", "y", "z", "w"):
                name = m.group(g) if g in m.re.groupindex else None
                if name and not w.country_any.search(name) and not w.lex.is_month(name.split()[0]):
                    return True
        return False

    def elliptical(self, t: Token, measure: str, cue: re.Match, s: int) -> tuple[str, str] | None:
        """A flow whose cue stands in an earlier coordinated segment, while its own segment names the pair:
        'Russian investment in Kazakhstan is $13bn, and Kazakhstani in Russia almost $4bn'."""
        if self.w.ellipsis_break is None:
            return None
        # a break only counts after the cue: most flows have none between their cue and their figure
        lo = max([b for _, b in self._spans(self.w.ellipsis_break, cue.end(), t.q_start)], default=s) \
            if cue.end() < t.q_start else s
        if lo <= cue.end():
            return None
        m = self.scan.search(self.w.pair_segment, lo, t.q_start) if self.w.pair_segment is not None else None
        if not m:
            return self._other_party(measure, cue, s, lo, t.q_start)
        a, b = self.w.table[m.group("a")], self.w.table[m.group("b")]
        if a == b:
            return None
        # "X from Y" names the source first for imports; "X in/to Y" names the owner first otherwise
        return (a, b) if (m.group("prep").lower() == self.w.lex.FROM_PREP) == (measure == "imports") else (b, a)

    def _other_party(self, measure: str, cue: re.Match, s: int, lo: int, q_start: int) -> tuple[str, str] | None:
        """'..., and to China $3bn' after 'Kazakhstan's exports to Russia were $5bn': the flow's owner, with the
        party its own segment names (a destination for exports, a source for imports)."""
        if self.w.other_segment is None or measure not in ("exports", "imports"):
            return None
        m = self.w.other_segment.match(self.text, lo, q_start)
        if not m or (m.group("prep").lower() == self.w.lex.FROM_PREP) != (measure == "imports"):
            return None
        owner = self.flow_economies(cue, measure, s, lo)[0]  # the owner the segment before names
        other = self.w.table[m.group("b")]
        return (owner, other) if owner is not None and owner != other else None

    def economies(self, t: Token, measure: str, cue: re.Match | None, s: int, e: int):
        if measure in FLOWS and cue is not None:
            return self.elliptical(t, measure, cue, s) or self.flow_economies(cue, measure, s, e)
        if measure in ("trade_turnover", "cross_border_share"):
            return self.pair_economies(s, e, t.q_start)
        if measure == "trade_balance" and cue is not None:
            # a balance belongs to one economy: "Kazakhstan ran a trade deficit with Russia"
            eco, par = self.flow_economies(cue, "exports", s, e)
            return eco, par
        if measure in ("growth_factor", "growth_rate", "growth_amount", "share") and cue is not None:
            cm = self.w.measure_of(cue)
            if cm in FLOWS:
                return self.flow_economies(cue, cm, s, e)
            if cm == "trade_turnover":
                return self.pair_economies(s, e, t.q_start)
        if measure == "migration":
            got = self._moves.get((s, e))
            if got is None:  # the same for every figure of the sentence
                got = self._moves[(s, e)] = self._migration(s, e)
            return got
        return None, None

    def _migration(self, s: int, e: int) -> tuple[str | None, str | None]:
        to = self.scan.search(self.w.after_word[self.w.lex.MIGRATION_TO], s, e)
        fr = self.scan.search(self.w.after_word[self.w.lex.MIGRATION_FROM], s, e)
        eco = self.w.table[to.group("c")] if to else None
        par = self.w.table[fr.group("c")] if fr else None
        return eco, (par if par != eco else None)

    def rate_unit(self, t: Token, s: int, e: int) -> str | None:
        """'traded at 340 per dollar': a bare figure priced in the currency its sentence names."""
        m = self.w.per_right.match(self.text, t.q_end, min(e, t.q_end + 30))
        if not m:
            return None
        base = self.w.lex.PER_BASE[m.group("base").lower()]
        for c in self.scan.finditer(self.w.currency_word, s, e):
            code = self.w.lex.CURRENCY_WORDS.get(c.group().lower())
            if code and code != base and f"{code}_per_{base}" in RATE_UNITS:
                return f"{code}_per_{base}"
        return None

    def scaled(self, t: Token) -> bool:
        """The mention carries a scale word ('9 billion'): an amount, even where no currency is printed."""
        return self.scan.search(self.w.scale_word, t.q_start, t.q_end) is not None

    # ------------------------------------------------------------------ attribution
    def attributed_to(self, s: int, e: int) -> str | None:
        """The body whose figure it is, as printed: 'according to X', 'X data show', 'X said'."""
        cache = self._attr
        if s not in cache:
            who = None
            # one question for all the patterns, which mostly has the answer no: a window of a run-on line
            # bisects the document's words (WindowScan.may_any); a sentence is searched for a word one needs
            if self.windows:
                rxs = self.w.attribution if self.scan.may_any(self.w.any_attribution, s, e) else ()
            else:
                low, needed = self.scan.low, self.w.attribution_words
                rxs = () if low is not None and needed is not None and needed.search(low, s, e) is None \
                    else self.w.attribution
            for rx in rxs:
                m = self.scan.search(rx, s, e)
                if m:
                    cand = " ".join(m.group("who").split()).strip(" ,")
                    if cand and not self.w.attribution_stop.match(cand):
                        who = cand
                        break
            cache[s] = who
        return cache[s]

    def antecedent_applies(self, s: int, e: int) -> bool:
        """Whether the sentence s:e points back ('it', 'the figure'): then a figure naming no measure of its own
        takes the one the last figure or cue named."""
        got = self._anaphora.get((s, e))
        if got is None:
            got = self._anaphora[(s, e)] = bool(self.scan.search(self.w.anaphora, s, e))
        return got

    def cue_before(self, s: int, sentences) -> re.Match | None:
        """The last measure cue of the one or two sentences before s: what 'it' and 'the figure' point back to
        when no earlier figure does ('Trade is growing. In 2017 it reached ...')."""
        i = sentences.index(s)
        for j in (i - 1, i - 2):
            if j < 0:
                break
            ps, pe = sentences.span(j)
            cues = [m for m in self._cues(ps, pe) if self.w.measure_of(m) not in ("price",)]
            if cues:
                return cues[-1]
        return None
