"""The pieces every reconciliation check is made of: levels, ranges, readings of a year, and the row itself.

A figure is a range: "about X" is X +/- APPROX, "over X" is [X, inf), "under X" is [0, X]. A check compares the
claim's range (observed) with an expected range; ``rel_diff`` is the gap between the two over expected (0 where
they overlap), and the verdict follows from it and the tolerance alone: consistent when |rel_diff| <= tolerance.
So a reader can recompute every verdict from its own row, and no verdict depends on row order.
"""
from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass

APPROX = 0.05  # how far "about", "some", "nearly" widen a figure
EPS = 1e-9     # float noise when a gap equals the tolerance exactly


@dataclass(frozen=True)
class Level:
    """One US$ level of a series in a year, as a claim states it or a change claim implies it."""

    series: tuple
    year: int
    value: float
    qualifier: str
    claim_ids: tuple
    label: str
    source: str                    # short name of the article: author or outlet, publication date
    implied_by: str | None = None  # the change claim that implies this level
    undated: bool = False          # the year is the publication year only because the text gives none
    stock: bool = False            # a cumulative amount (period_kind to_date), not a flow of the year


def na(v) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v)) or str(v) in ("<NA>", "nan", "None", "")


def year_of(c):
    return None if na(c.year) else int(c.year)


def interval(v: float, q: str) -> tuple[float, float]:
    if q == "approximately":
        return v * (1 - APPROX), v * (1 + APPROX)
    if q in ("more_than", "at_least"):
        return v, math.inf
    if q in ("less_than", "at_most"):
        return 0.0, v
    return v, v


def gap(expected: float, exp_iv: tuple, obs_iv: tuple) -> float:
    """rel_diff: how far the observed range lies outside the expected one, over expected."""
    lo_e, hi_e = exp_iv
    lo_o, hi_o = obs_iv
    if lo_o > hi_e:
        return (lo_o - hi_e) / expected
    if hi_o < lo_e:
        return (hi_o - lo_e) / expected
    return 0.0


def holds(rel: float | None, tol: float) -> bool:
    return rel is not None and abs(rel) <= tol + EPS


def short_source(citation: str) -> str:
    """'Author or outlet YYYY-MM' from a citation 'Author, “Title”, 2015-01 [id]'."""
    name = str(citation).split(" [")[0]
    parts = [p.strip() for p in name.split(",")]
    return f"{parts[0]} {parts[-1][:7]}" if len(parts) > 1 else name


def label(c) -> str:
    return f"“{c.mention}” ({str(c.citation).split(' [')[0]})"


def label_of(lv: Level) -> str:
    return lv.label[0].upper() + lv.label[1:] if lv.implied_by else lv.label


def series_name(s: tuple) -> str:
    if s[0] == "turnover":
        return f"{s[1]}-{s[2]} trade turnover"
    if s[0] == "flow":
        return f"trade from {s[1]} to {s[2]}"
    return f"{s[1]} direct investment in {s[2]}"


def series_short(s: tuple) -> str:
    return f"{s[1]}–{s[2]} turnover" if s[0] == "turnover" else f"{s[1]}→{s[2]}" if s[0] == "flow" \
        else f"FDI {s[1]}→{s[2]}"


def bn(v: float) -> str:
    return f"US${v / 1e9:.2f} bn" if abs(v) >= 1e8 else f"US${v / 1e6:.1f} m"


def pct(x: float) -> str:
    return f"{x * 100:+.0f}%"


def pct1(x: float) -> str:
    """A difference to one decimal where it is small: 'to 0.2 %', '3 % lower'."""
    a = abs(x) * 100
    return f"{a:.1f} %" if a < 10 else f"{a:.0f} %"


def qual(q: str) -> str:
    return {"more_than": "over ", "at_least": "at least ", "approximately": "about ", "less_than": "under ",
            "at_most": "at most "}.get(q, "")


def readings(lv: Level, year: int | None = None) -> list[tuple[str, int]]:
    """The years a level may refer to: the dated year, or for an undated figure the publication year and the
    year before (a figure printed early in a year is often last year's)."""
    y = lv.year if year is None else year
    return [("publication_year", y), ("year_before", y - 1)] if lv.undated else [("as_dated", y)]


READING_WORDS = {"publication_year": "read as of the publication year", "year_before": "read as of the year "
                 "before publication", "as_dated": "as dated", "either": "either way"}


class Checks:
    """The rows of the reconciliation, keyed by a stable id."""

    def __init__(self):
        self.rows: dict[str, dict] = {}

    def add(self, kind, claim_ids, year, expected, observed, unit, tol, explanation, *, exp_iv=None, obs_iv=None,
            label="", ref_ids=(), compared_with="claims", reporter=None, reading="as_dated", verdict=None,
            salt=""):
        """One check. Without an explicit verdict (indeterminate, not_comparable) it follows from the ranges."""
        ids = tuple(sorted(set(claim_ids)))
        key = hashlib.sha1(("|".join(ids) + "#" + "|".join(sorted(ref_ids)) + "#" + salt).encode()).hexdigest()
        check_id = f"{kind}:{key[:10]}"
        if exp_iv is None and expected is not None:
            exp_iv = (expected, expected)
        if obs_iv is None and observed is not None:
            obs_iv = (observed, observed)
        rel = None
        if verdict is None:
            rel = gap(expected, exp_iv, obs_iv)
            verdict = "consistent" if holds(rel, tol) else "inconsistent"
        fin = (lambda v: None if v is None or math.isinf(v) else float(v))
        self.rows[check_id] = {
            "check_id": check_id, "kind": kind, "label": label, "claim_ids": " | ".join(ids),
            "reference_ids": " | ".join(sorted(ref_ids)) or None, "compared_with": compared_with,
            "reporter": reporter, "year": year, "reading": reading, "expected": expected,
            "expected_low": fin(exp_iv[0]) if exp_iv else None, "expected_high": fin(exp_iv[1]) if exp_iv else None,
            "observed": observed, "observed_low": fin(obs_iv[0]) if obs_iv else None,
            "observed_high": fin(obs_iv[1]) if obs_iv else None, "unit": unit, "rel_diff": rel, "tolerance": tol,
            "verdict": verdict, "explanation": explanation,
        }


# ------------------------------------------------------------------------------------------------ levels

TRADE_MEASURES = {"trade_turnover", "exports", "imports"}


def series_of(c):
    """The series a US$ claim is a level of, or None."""
    if c.unit != "USD" or na(c.economy) or na(c.partner) or na(c.year):
        return None
    if c.measure == "trade_turnover":
        return ("turnover",) + tuple(sorted((c.economy, c.partner)))
    if c.measure == "exports":
        return ("flow", c.economy, c.partner)
    if c.measure == "imports":
        return ("flow", c.partner, c.economy)
    if c.measure == "direct_investment":
        return ("fdi", c.economy, c.partner)
    return None


def _attr(c, name, default):
    v = getattr(c, name, default)
    return default if na(v) else v


def unlike_reason(c) -> str | None:
    """Why a level claim is not an annual outcome (and so is never compared as one), or None."""
    outlook = _attr(c, "outlook", "actual")
    kind = _attr(c, "period_kind", "year")
    if outlook != "actual":
        return f"a {outlook}, not an outcome"
    if kind in ("half", "quarter", "months", "month"):
        span = f"{_attr(c, 'period_start', '?')} to {_attr(c, 'period_end', '?')}"
        return f"a part-year figure ({kind}, {span}), not an annual one"
    if kind == "unknown":
        return "a figure whose period the text does not make clear"
    if kind == "to_date":
        return "a cumulative figure to date, not a flow of one year"
    return None


def _change_factor(ch):
    """(factor, base_year) of a change claim, or None: 'doubled' -> 2; 'fell 15%' -> 0.85 over the year before."""
    if na(ch.year) or float(ch.value) == 0:
        return None
    if ch.measure == "growth_factor" and ch.unit == "ratio" and float(ch.value) > 0 and not na(ch.base_year):
        return float(ch.value), int(ch.base_year)
    if ch.measure == "growth_rate" and ch.unit == "percent" and float(ch.value) > -100:
        # a percentage change of a year is against the year before unless the text says otherwise
        base = int(ch.year) - 1 if na(ch.base_year) else int(ch.base_year)
        return 1 + float(ch.value) / 100, base
    return None


def levels_of(claims) -> tuple[list[Level], list, list]:
    """(levels, changes, unlike): stated annual levels and those that change claims in the same sentence imply;
    (change, end level, implied start level) triples; and level claims that are not annual outcomes."""
    stated, unlike = [], []
    for c in claims:
        s = series_of(c)
        if s is None or float(c.value) <= 0:
            continue
        stock = _attr(c, "period_kind", "year") == "to_date"
        why = None if (stock and s[0] == "fdi") else unlike_reason(c)
        if why:
            unlike.append((c, s, why))
            continue
        stated.append((c, Level(s, int(c.year), float(c.value), c.qualifier, (c.claim_id,), label(c),
                                short_source(c.citation), undated=_attr(c, "period_basis", "") == "publication_year",
                                stock=stock)))
    levels = [lv for _, lv in stated]
    changes = []
    for ch in claims:
        fb = _change_factor(ch)
        if fb is None or unlike_reason(ch):
            continue
        k, base = fb
        pair = None if na(ch.economy) or na(ch.partner) else {ch.economy, ch.partner}
        linked = [(c, lv) for c, lv in stated if c.source_id == ch.source_id and c.sentence == ch.sentence
                  and lv.year == int(ch.year) and lv.series[0] != "fdi" and not lv.stock
                  and (pair is None or pair == set(lv.series[1:]))]
        if not linked or base >= int(ch.year):
            continue
        c, lv = min(linked, key=lambda x: abs(x[0].char_start - ch.char_start))
        q = "approximately" if "approximately" in (c.qualifier, ch.qualifier) else lv.qualifier
        undated = lv.undated or _attr(ch, "period_basis", "") == "publication_year"
        implied = Level(lv.series, base, lv.value / k, q, (ch.claim_id, c.claim_id),
                        f"the {lv.year - base}-year change “{ch.mention}” to {label(c)}", lv.source,
                        implied_by=ch.claim_id, undated=undated)
        levels.append(implied)
        changes.append((ch, lv, implied))
    return levels, changes, unlike


def basis_note(claims_by_id, ids) -> str:
    """Say when a year comes from the publication date, since the figure may refer to an earlier year."""
    undated = {}
    for i in ids:
        c = claims_by_id.get(i)
        if c is not None and _attr(c, "period_basis", "") == "publication_year":
            undated.setdefault(int(c.year), []).append(f"“{c.mention}”")
    parts = [f"{' and '.join(sorted(set(m)))} name{'s' if len(set(m)) == 1 else ''} no year, so "
             f"{'it is' if len(set(m)) == 1 else 'they are'} read as of the publication year {y}"
             for y, m in sorted(undated.items())]
    return (" (" + "; ".join(parts) + ")") if parts else ""
