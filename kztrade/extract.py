"""Text in, claims and the audit trail of every number-like token out."""
from __future__ import annotations

import bisect
import datetime as dt
import operator
import re

from .lang import resolve as resolve_lang
from .meaning import FLOWS, Context, Meaning
from .metadata.fields import CURRENCIES
from .periods import Periods
from .prefilter import Scan

CHANGES = ("growth_factor", "growth_rate", "growth_amount")  # measures compared with a base period
# a conversion takes these from the figure it converts; not at_least/at_most, which a range gives its two ends
_CARRIED = ("approximately", "more_than", "less_than")
_EQUIVALENT = re.compile(r"\s*[(\[]\s*(?:or\s+|about\s+|some\s+|approximately\s+|≈\s*|~\s*)?")
# measures of money: a bare scaled figure of one of these takes the article's currency for it
AMOUNT_MEASURES = ("trade_turnover", "exports", "imports", "trade_balance", "direct_investment", "gdp",
                   "budget", "loan", "debt", "reserves", "fx_intervention")
from .metadata.resources import CLAIM_COLUMNS, TOKEN_COLUMNS
from .sentences import MAX_SENTENCE, Sentences
from .tokens import Token, Tokenizer

# Page furniture after the article: "Related articles", "Visit also", a title printed twice before
# "More details". Not looked for in the first CHROME_MIN_START characters, so a "See also" in a page header
# cannot hide the body; the rule depends only on what precedes a line, so appending text never moves it.
CHROME_MIN_START = 1500
_FOOTER_RE = re.compile(
    r"^[ \t]*(?:Visit\s+also|Related(?:\s+(?:articles|posts|stories|news|content|reading))?|Read\s+more|"
    r"More\s+details|Recommended(?:\s+for\s+you)?|Most\s+(?:read|popular|viewed)|You\s+may\s+also\s+like|"
    r"Share\s+this(?:\s+article)?|Tags?|Latest\s+(?:news|articles)|See\s+also|Further\s+reading|"
    r"Joint\s+Center\s+Publications|Comments?|Leave\s+a\s+(?:comment|reply))[ \t]*(?::[ \t]*)?$",  # one way to split the blanks: linear
    re.M | re.I)
_REPEATED_TITLE_RE = re.compile(r"^([^\n]{10,200})\n[ \t]*\n\1[ \t]*$", re.M)
# The same patterns led by the line break before the line instead of '^': re then jumps from one line break
# to the next rather than trying the pattern at every position. A line starts after a line break, and the
# search starts past position 0, so they find the same lines, one character earlier.
_AFTER_BREAK = tuple(re.compile("\n" + rx.pattern[1:], rx.flags) for rx in (_FOOTER_RE, _REPEATED_TITLE_RE))


def chrome_start(text: str) -> int:
    first = [m.start() + 1 for rx in _AFTER_BREAK for m in [rx.search(text, CHROME_MIN_START - 1)] if m is not None]
    return min(first, default=len(text))


def publication_date(published) -> dt.date | None:
    """A date, datetime or string (ISO 8601, '2005-05', 'Wednesday, 27 November 2013') -> date.

    A missing value (None, '', NaN, pd.NA) is None; a whole-number year from a numeric column (2016.0) is that
    year. A string without a year ('May', '12', '10:30', 'Monday') is refused: any year filled in would be a guess.
    """
    if published is None or type(published).__name__ in ("NAType", "NaTType"):  # pandas' missing values
        return None
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    if not isinstance(published, str):
        import numbers

        if isinstance(published, numbers.Real) and published != published:
            return None
        if isinstance(published, numbers.Real) and float(published).is_integer():
            published = str(int(published))
    s = str(published).strip()
    if s == "":
        return None
    try:
        if re.fullmatch(r"\d{4}", s):
            return dt.date(int(s), 1, 1)
        if re.fullmatch(r"\d{4}-\d{2}", s):
            return dt.date(int(s[:4]), int(s[5:]), 1)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
            return dt.date.fromisoformat(s)
    except ValueError as exc:
        raise ValueError(f"published={published!r} is not a date: {exc}") from None
    from dateutil import parser

    try:
        # parsed against two default years: a string that names no year takes the default and is told apart
        a, b = (parser.parse(s, default=dt.datetime(y, 1, 1)).date() for y in (1904, 1908))
    except (ValueError, OverflowError) as exc:
        raise ValueError(f"published={published!r} is not a date kztrade can read") from exc
    if a.year != b.year:
        raise ValueError(f"published={published!r} names no year; give a date such as 2016, 2016-05 or 2016-05-17")
    return a


_HEADER_DATE = re.compile(r"\A(?:[A-Za-z_]+:[^\n]*\n){0,12}?date:[ \t]*([^\n]+)\n(?:[A-Za-z_]+:[^\n]*\n){0,12}?---\n")


def header_date(text: str) -> str | None:
    """The date of a front-matter header ('title: ...', 'date: ...', then a line '---'), if the text has one."""
    m = _HEADER_DATE.match(text)
    return m.group(1).strip() if m and m.group(1).strip() not in ("", "unknown") else None


def extract(text: str, source_id: str = "doc", published=None, lang: str | None = "auto"
            ) -> tuple[list[dict], list[dict]]:
    """(claims, tokens) as lists of row dicts with the claims and tokens table columns.

    lang: 'en', 'ru', or 'auto' (decided per document by its script, kztrade.lang.detect).

    A publication date that cannot be read is reported with a warning and treated as unknown: one odd date
    in a batch must not stop the others.
    """
    try:
        date = publication_date(published)
    except ValueError as exc:
        import warnings

        warnings.warn(f"{source_id}: {exc}; its years are left unknown", stacklevel=2)
        date = None
    lang = resolve_lang(lang, text)
    return claim_stage(text, source_id, date, lang, *read_stage(text, lang))


def read_stage(text: str, lang: str) -> tuple[int, list[Token], list[tuple[int, int]], Sentences, Scan | None]:
    """The tokenizer's and the sentence splitter's part of extract(): (chrome start, tokens, figure spans,
    sentences, the tokenizer's lower-cased text if it made one). Apart from claim_stage so that benchmarks can
    time the two halves."""
    chrome = chrome_start(text)
    toks: list[Token] = []
    last_end = -1
    tokenizer = Tokenizer(text, chrome, lang)
    for t in tokenizer.tokens():
        if t.start < last_end:
            continue  # a scale word inside the previous mention ("5 million")
        toks.append(t)
        if t.reason is None:
            last_end = t.q_end
    figures = [(t.q_start, t.q_end) for t in toks if t.reason is None]
    # the text lower-cased once for the whole document: the tokenizer's, where it asked for one
    return chrome, toks, figures, Sentences(text, lang, figures), tokenizer.scan


def claim_stage(text: str, source_id: str, date: dt.date | None, lang: str, chrome: int, toks: list[Token],
                figures: list[tuple[int, int]], sents: Sentences, scan: Scan | None = None
                ) -> tuple[list[dict], list[dict]]:
    """What the figures mean, their periods, and the claim and token rows. scan: a prefilter.Scan of text
    made before (read_stage's), so that the text is lower-cased once."""
    ctx = Context(text, chrome, date.year if date else None, lang)
    # a sentence longer than a window: its figures each search a window of their own (Sentences.around)
    starts = sents.starts
    meaning = Meaning(ctx, windows=len(text) > MAX_SENTENCE and any(
        map(MAX_SENTENCE.__lt__, map(operator.sub, starts[1:] + [len(text)], starts))), scan=scan)
    years = [t for t in toks if t.year is not None]
    periods = Periods(text, meaning.w.lex, date, years, figures, sents, meaning.clause, meaning.scan)
    claims = _Claims(sents)
    tokens: list[dict] = []
    add_token, add_claim = tokens.append, claims.add
    for t in toks:
        start, end, reason = t.start, t.end, t.reason
        if reason is None:
            row = _claim(t, text, sents, meaning, periods, claims, source_id)
            row["lang"] = lang
            add_claim(row)
            claim_id, fate = row["claim_id"], "claim"
        else:
            claim_id, fate = None, "excluded"
        add_token({
            "token_id": f"{source_id}#{start}", "source_id": source_id, "char_start": start,
            "char_end": end, "token": text[start:end], "kind": t.kind,
            "fate": fate, "claim_id": claim_id, "reason": reason, "detail": t.detail,
        })
    _infer_units(claims)
    word = meaning.w.lex.RESPECTIVELY
    _respective_years(claims, text, sents, periods, word)
    return list(claims), tokens


def _respective_years(claims: list[dict], text: str, sents: Sentences, periods: Periods, word: str) -> None:
    """'Exports in 2012 and 2013 were $5.1bn and $5.8bn respectively': the figures of the list take the years of
    the list in order (each had taken the sentence's last year). Only where the sentence's figures of those
    years and its years are as many: otherwise what 'respectively' pairs is not told."""
    for w in (word, word.capitalize()):  # (a sentence met twice gets the same answer twice)
        pos = text.find(w)
        while pos >= 0:
            s, e = sents.span(sents.index(pos))
            years = [m.year for m in periods.mentions(s, e) if m.role == "period" and m.kind == "year" and m.year]
            mine = [c for c in claims if s <= c["char_start"] < e and c["year"] in years
                    and c["measure"] not in ("count", "duration", "age")]
            if len(years) >= 2 and len(set(years)) == len(years) == len(mine) and len({c["unit"] for c in mine}) == 1:
                for c, y in zip(mine, years):
                    c.update(year=y, period_start=f"{y:04d}-01", period_end=f"{y:04d}-12", period_kind="year",
                             period_basis="stated")
            pos = text.find(w, max(e, pos + 1))


class _Claims(list):
    """The claims of a document so far, in text order, with what the look-backs of _claim ask indexed: a
    sentence of thousands of figures (a bulletin printed as one line) must not make each figure walk back
    through all the others."""

    def __init__(self, sents: Sentences):
        super().__init__()
        self.sents = sents
        self.starts: list[int] = []  # char_start of each claim
        self.ordered = True  # the indexes below answer as the walk back would only while claims come in order
        self.flow_named: dict[str, int] = {}  # measure of a flow -> the last claim of it naming an economy
        self.flow_partner: dict | None = None  # the last claim of a flow naming a partner

    def add(self, row: dict) -> None:
        if self.starts and row["char_start"] < self.starts[-1]:
            self.ordered = False
        self.starts.append(row["char_start"])
        if row["measure"] in FLOWS:
            if row["economy"] is not None:
                self.flow_named[row["measure"]] = len(self)
            if row["partner"] is not None:
                self.flow_partner = row
        self.append(row)

    def partner_since(self, s: int) -> dict | None:
        """The last claim of a flow naming a partner among those from s on, as the walk back from the last
        claim until one starts before s finds it."""
        if self.ordered:
            # claims in text order: those from s on are the last ones, and the last flow with a partner is one
            # of them if it starts at s or later
            prev = self.flow_partner
            return prev if prev is not None and prev["char_start"] >= s else None
        for prev in reversed(self):
            if prev["char_start"] < s:
                break
            if prev["measure"] in FLOWS and prev["partner"] is not None:
                return prev
        return None

    def before_sentence(self, s: int) -> int:
        """How many claims start before the sentence (or window) beginning at s."""
        return bisect.bisect_left(self.starts, s) if self.ordered else len(self)


def _claim(t: Token, text: str, sents: Sentences, meaning: Meaning, periods: Periods, claims: list[dict],
           source_id: str) -> dict:
    s, e = sents.around(t.start)
    q_start, q_end = t.q_start, t.q_end
    if t.unit == "count" and (rate := meaning.rate_unit(t, s, e)):
        t.unit = rate  # "340 per dollar" in a sentence about the tenge
    measure, cue = meaning.measure(t, s, e)
    unit, value, qualifier = t.unit, t.value, t.qualifier
    bare_amount = False
    if unit == "count" and t.subject is None and meaning.scaled(t):
        # "trade of about 9 billion": the measure of an amount whose currency the article states elsewhere
        cue = meaning.nearest_cue(t, s, e)
        if cue is not None and (cue_measure := meaning.w.measure_of(cue)) in AMOUNT_MEASURES:
            measure, bare_amount = cue_measure, True
    economy, partner = meaning.economies(t, measure, cue, s, e)
    if (measure == "count" or measure == "monetary_amount") and t.subject is None \
            and meaning.antecedent_applies(s, e):
        prev = _antecedent(claims, sents, s, unit)
        back = meaning.cue_before(s, sents)
        if back is not None and (prev is None or back.start() > prev["char_end"]) and unit != "count":
            # the measure named after the last figure: "Trade is growing. In 2017 it reached $16bn"
            measure = meaning.w.measure_of(back)
            economy, partner = meaning.economies(t, measure, back, *sents.span(sents.index(back.start())))
        elif prev is not None:
            unit = prev["unit"] if unit == "count" else unit
            measure, economy, partner = prev["measure"], prev["economy"], prev["partner"]
    elif measure in CHANGES and economy is None and partner is None and meaning.antecedent_applies(s, e):
        # "The figure is 8% more than in 2019": the change of the level the sentence before gave, and its economies
        prev = _antecedent_level(claims, sents, s)
        if prev is not None:
            economy, partner = prev["economy"], prev["partner"]
    if claims and unit != "percent" and unit != "count" and claims[-1]["unit"] != unit \
            and claims[-1]["char_end"] <= q_start and _EQUIVALENT.fullmatch(text, claims[-1]["char_end"], q_start):
        # "1.5 trillion roubles ($15.6bn)": the same figure in another unit says what the first one says
        prev = claims[-1]
        measure, economy, partner = prev["measure"], prev["economy"], prev["partner"]
        if qualifier == "exact" and prev["qualifier"] in _CARRIED:
            qualifier = prev["qualifier"]  # "over 1.5 trillion roubles ($15.6bn)": the conversion is "over" too
    if measure == "migration" and unit == "count":
        unit = "persons"
    value = meaning.signed(t, measure, value, s, e)
    if economy is not None and economy == partner:
        partner = None  # a pair of one economy says nothing about the other
    row = {
        "claim_id": f"{source_id}:{q_start}-{q_end}", "source_id": source_id, "char_start": q_start,
        "char_end": q_end, "mention": text[q_start:q_end], "sentence": text[s:e], "value": value,
        "unit": unit, "unit_basis": "stated", "qualifier": qualifier, "measure": measure,
        "subject": t.subject, "economy": economy, "partner": partner,
        "attributed_to": meaning.attributed_to(s, e), "citation": source_id,
        "bare_amount": bare_amount,
    }
    flow = measure in FLOWS
    if flow and economy is None and partner is None:
        # a flow whose sentence names no economy continues the one named just before ("Annual inflows doubled
        # to $3bn" after "Russian investment in Kazakhstan reached $25bn")
        if claims.ordered:
            # the last such claim, if it stands within two sentences: no claim after it can stop the walk back
            i = claims.flow_named.get(measure)
            found = claims[i] if i is not None and sents.index(claims[i]["char_start"]) >= sents.index(s) - 2 else None
        else:
            found = None
            for prev in reversed(claims):
                if sents.index(prev["char_start"]) < sents.index(s) - 2:
                    break
                if prev["measure"] == measure and prev["economy"] is not None:
                    found = prev
                    break
        if found is not None:
            economy, partner = found["economy"], found["partner"]
            row["economy"] = economy
    if flow and partner is None:
        # coordinated flows inherit their countries: "exports to Turkey rose to $2bn and imports to $1bn"
        prev = claims.partner_since(s)
        if prev is not None:
            partner = prev["partner"] if prev["partner"] != economy else prev["economy"]
        row["partner"] = partner
    row.update(periods.resolve(q_start, q_end, s, e, change=measure in CHANGES))
    return row


def _infer_units(claims: list[dict]) -> None:
    """A bare scaled figure ("trade of about 9 billion") of a measure the article states elsewhere in one
    currency takes that currency, marked unit_basis='inferred'; with no such figure, or with several
    currencies, it stays a count."""
    by_measure: dict[str, set] = {}
    for c in claims:
        if c["unit_basis"] == "stated" and c["unit"] in CURRENCIES:
            by_measure.setdefault(c["measure"], set()).add(c["unit"])
    for c in claims:
        if not c.pop("bare_amount"):
            continue
        if len(by_measure.get(c["measure"], ())) == 1:
            c["unit"], c["unit_basis"] = next(iter(by_measure[c["measure"]])), "inferred"
        else:
            c["measure"], c["economy"], c["partner"] = "count", None, None  # no currency to infer: a count


def _earlier_claims(claims: _Claims, sents: Sentences, s: int):
    """The claims of the one or two sentences before the one at s, last first: what 'the figure' and 'it' can
    point back to."""
    here = sents.index(s)
    # the claims of this sentence are never the antecedent: start the walk back before them
    first = claims.before_sentence(sents.starts[here]) if claims.ordered else len(claims)
    for i in range(first - 1, -1, -1):
        prev = claims[i]
        at = sents.index(prev["char_start"])
        if at < here - 2:
            return
        if at < here:
            yield prev


def _antecedent(claims: _Claims, sents: Sentences, s: int, unit: str) -> dict | None:
    """The last claim of the previous sentence or two that 'the figure' can refer to."""
    return next((prev for prev in _earlier_claims(claims, sents, s) if (prev["unit"] == unit or unit == "count")
                 and prev["measure"] not in ("count", "duration", "age", "monetary_amount")), None)


def _antecedent_level(claims: _Claims, sents: Sentences, s: int) -> dict | None:
    """The last amount with economies in the previous sentence or two: what 'the figure' that changed is."""
    return next((prev for prev in _earlier_claims(claims, sents, s) if prev["measure"] in AMOUNT_MEASURES
                 and (prev["economy"] is not None or prev["partner"] is not None)), None)


def extract_claims(text: str, *, source_id: str = "doc", published=None, lang: str | None = "auto"):
    """The claims of one text as a DataFrame with the claims table's columns and dtypes."""
    from .frames import frame

    claims, _ = extract(text, source_id=source_id, published=published, lang=lang)
    return frame("claims", claims)


def extract_tokens(text: str, *, source_id: str = "doc", published=None, lang: str | None = "auto"):
    from .frames import frame

    _, tokens = extract(text, source_id=source_id, published=published, lang=lang)
    return frame("tokens", tokens)


__all__ = ["extract", "extract_claims", "extract_tokens", "CLAIM_COLUMNS", "TOKEN_COLUMNS"]
