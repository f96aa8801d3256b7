"""Text in, claims and the audit trail of every number-like token out."""
from __future__ import annotations

import datetime as dt
import re

from .lang import resolve as resolve_lang
from .meaning import Context, Meaning
from .metadata.resources import CLAIM_COLUMNS, TOKEN_COLUMNS
from .sentences import Sentences
from .tokens import Token, Tokenizer

# Page furniture after the article: "Related articles", "Visit also", a title printed twice before
# "More details". Not looked for in the first CHROME_MIN_START characters, so a "See also" in a page header
# cannot hide the body; the rule depends only on what precedes a line, so appending text never moves it.
CHROME_MIN_START = 1500
_FOOTER_RE = re.compile(
    r"^[ \t]*(?:Visit\s+also|Related(?:\s+(?:articles|posts|stories|news|content|reading))?|Read\s+more|"
    r"More\s+details|Recommended(?:\s+for\s+you)?|Most\s+(?:read|popular|viewed)|You\s+may\s+also\s+like|"
    r"Share\s+this(?:\s+article)?|Tags?|Latest\s+(?:news|articles)|See\s+also|Further\s+reading|"
    r"Joint\s+Center\s+Publications|Comments?|Leave\s+a\s+(?:comment|reply))[ \t]*:?[ \t]*$",
    re.M | re.I)
_REPEATED_TITLE_RE = re.compile(r"^([^\n]{10,200})\n[ \t]*\n\1[ \t]*$", re.M)


def chrome_start(text: str) -> int:
    first = [m.start() for rx in (_FOOTER_RE, _REPEATED_TITLE_RE)
             for m in [rx.search(text, CHROME_MIN_START)] if m is not None]
    return min(first, default=len(text))


def publication_date(published) -> dt.date | None:
    """A date, datetime or string (ISO 8601, '2005-05', 'Wednesday, 27 November 2013') -> date."""
    if published is None or published == "":
        return None
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    s = str(published).strip()
    if re.fullmatch(r"\d{4}", s):
        return dt.date(int(s), 1, 1)
    if re.fullmatch(r"\d{4}-\d{2}", s):
        return dt.date(int(s[:4]), int(s[5:]), 1)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
        return dt.date.fromisoformat(s)
    from dateutil import parser

    try:
        return parser.parse(s, default=dt.datetime(1900, 1, 1)).date()
    except (ValueError, OverflowError) as exc:
        raise ValueError(f"published={published!r} is not a date kztrade can read") from exc


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
    chrome = chrome_start(text)
    toks: list[Token] = []
    last_end = -1
    for t in Tokenizer(text, chrome).tokens():
        if t.start < last_end:
            continue  # a scale word inside the previous mention ("5 million")
        toks.append(t)
        if t.reason is None:
            last_end = t.q_end
    ctx = Context(text, chrome, date.year if date else None)
    meaning = Meaning(ctx)
    sents = Sentences(text)
    years = [t for t in toks if t.year is not None]
    claims: list[dict] = []
    tokens: list[dict] = []
    for t in toks:
        claim_id = None
        if t.reason is None:
            row = _claim(t, text, sents, meaning, years, claims, source_id)
            row["lang"] = lang
            claims.append(row)
            claim_id = row["claim_id"]
        tokens.append({
            "token_id": f"{source_id}#{t.start}", "source_id": source_id, "char_start": t.start,
            "char_end": t.end, "token": text[t.start:t.end], "kind": t.kind,
            "fate": "claim" if claim_id else "excluded", "claim_id": claim_id, "reason": t.reason,
            "detail": t.detail,
        })
    return claims, tokens


def _claim(t: Token, text: str, sents: Sentences, meaning: Meaning, years: list[Token], claims: list[dict],
           source_id: str) -> dict:
    s, e = sents.around(t.start)
    measure, cue = meaning.measure(t, s, e)
    unit, value = t.unit, t.value
    economy, partner = meaning.economies(t, measure, cue, s, e)
    if measure in ("count", "monetary_amount") and t.subject is None and meaning.antecedent_applies(t, s, e):
        prev = _antecedent(claims, sents, s, unit)
        if prev is not None:
            unit = prev["unit"] if unit == "count" else unit
            measure, economy, partner = prev["measure"], prev["economy"], prev["partner"]
    if measure == "migration" and unit == "count":
        unit = "persons"
    if measure == "growth_rate" and t.falling():
        value = -abs(value)
    year, base, basis = meaning.period(t, years, s, e, change=measure in ("growth_factor", "growth_rate"))
    return {
        "claim_id": f"{source_id}:{t.q_start}-{t.q_end}", "source_id": source_id, "char_start": t.q_start,
        "char_end": t.q_end, "mention": text[t.q_start:t.q_end], "sentence": text[s:e], "value": value,
        "unit": unit, "qualifier": t.qualifier, "measure": measure, "subject": t.subject,
        "economy": economy, "partner": partner, "year": year, "base_year": base, "period_basis": basis,
        "citation": source_id, "unit_basis": "stated", "outlook": "actual", "attributed_to": None,
        "period_kind": "year" if year is not None else "unknown",
        "period_start": f"{year:04d}-01" if year is not None else None,
        "period_end": f"{year:04d}-12" if year is not None else None,
        "base_period": f"{base:04d}-01/{base:04d}-12" if base is not None else None,
    }


def _antecedent(claims: list[dict], sents: Sentences, s: int, unit: str) -> dict | None:
    """The last claim of the previous sentence or two that 'the figure' can refer to."""
    here = sents.index(s)
    for prev in reversed(claims):
        if sents.index(prev["char_start"]) < here - 2:
            break
        if sents.index(prev["char_start"]) < here and (prev["unit"] == unit or unit == "count") \
                and prev["measure"] not in ("count", "duration", "age", "monetary_amount"):
            return prev
    return None


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
