"""Which claims hold together, which cannot all be true, and why: the reconciliation table.

Every check is derived from the claims table by rule, so new articles bring new checks. Levels are
grouped into series: two-way turnover of a pair, one direction of trade (exporter -> importer), direct
investment (investor -> host). A change claim ("tripled over the last two years") linked to a level in
the same sentence ("to reach $8 billion") implies the level of its base year.

Tolerances are module parameters (README: Reconciliation). Verdicts compare intervals: "about X" widens X
by APPROX, "over X" is [X, inf), and two figures agree when their intervals, widened by the tolerance,
overlap - so no verdict depends on which claim is called expected and which observed, or on row order.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import math
from dataclasses import dataclass

from .frames import frame

APPROX = 0.05           # how far "about", "some", "nearly" widen a figure
TOL_LEVEL = 0.10        # two claims of the same level, same year
TOL_COMPONENT = 0.05    # one direction of trade may exceed two-way turnover only by rounding
TOL_SUM_SAME = 0.10     # exports both ways against turnover, same year
TOL_SUM_ADJACENT = 0.20  # ... adjacent years
TOL_PATH = 0.30         # a level against the steady path a change claim describes
TOL_SHARE = 0.10        # the same share claimed twice
TOL_CURRENCY = 0.03     # an exchange rate implied by one amount in two currencies, against the ECB's
TOL_REFERENCE = 0.10    # a claim (or implied level) against an official figure
TOL_REPEAT = 0.005      # the same figure stated again

TOLERANCES = {k: v for k, v in globals().items() if k.startswith(("TOL_", "APPROX"))}


@dataclass(frozen=True)
class Level:
    series: tuple
    year: int
    value: float
    qualifier: str
    claim_ids: tuple
    label: str
    implied_by: str | None = None  # the change claim that implies this level


def _label(c) -> str:
    cite = str(c.citation).split(" [")[0]
    return f"“{c.mention}” ({cite})"


def _series(c):
    if c.unit != "USD" or _na(c.economy) or _na(c.partner) or _na(c.year):
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


def _series_name(s: tuple) -> str:
    if s[0] == "turnover":
        return f"{s[1]}-{s[2]} trade turnover"
    if s[0] == "flow":
        return f"trade from {s[1]} to {s[2]}"
    return f"{s[1]} direct investment in {s[2]}"


def _na(v) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v)) or str(v) in ("<NA>", "nan", "None")


def _interval(v: float, q: str) -> tuple[float, float]:
    if q == "approximately":
        return v * (1 - APPROX), v * (1 + APPROX)
    if q in ("more_than", "at_least"):
        return v, math.inf
    if q in ("less_than", "at_most"):
        return 0.0, v
    return v, v


def _agree(a: float, qa: str, b: float, qb: str, tol: float) -> bool:
    lo_a, hi_a = _interval(a, qa)
    lo_b, hi_b = _interval(b, qb)
    return lo_b <= hi_a * (1 + tol) and hi_b >= lo_a * (1 - tol)


def _bn(v: float) -> str:
    return f"US${v / 1e9:.2f} bn" if abs(v) >= 1e8 else f"US${v / 1e6:.1f} m"


def _pct(x: float) -> str:
    return f"{x * 100:+.0f}%"


class Checks:
    def __init__(self):
        self.rows: dict[str, dict] = {}

    def add(self, kind, claim_ids, year, expected, observed, unit, tol, verdict, explanation, ref_ids=(),
            salt=""):
        ids = tuple(sorted(set(claim_ids)))
        key = hashlib.sha1(("|".join(ids) + "#" + "|".join(sorted(ref_ids)) + "#" + salt).encode()).hexdigest()
        check_id = f"{kind}:{key[:10]}"
        rel = (observed - expected) / expected if expected not in (None, 0) and observed is not None else None
        self.rows[check_id] = {
            "check_id": check_id, "kind": kind, "claim_ids": " | ".join(ids),
            "reference_ids": " | ".join(sorted(ref_ids)) or None, "year": year, "expected": expected,
            "observed": observed, "unit": unit, "rel_diff": rel, "tolerance": tol, "verdict": verdict,
            "explanation": explanation,
        }


def _levels(claims) -> tuple[list[Level], list]:
    """Stated levels, and the levels implied by change claims linked to a level in their sentence."""
    stated = []
    for c in claims:
        s = _series(c)
        if s is not None and c.value > 0:
            stated.append((c, Level(s, int(c.year), float(c.value), c.qualifier, (c.claim_id,), _label(c))))
    levels = [lv for _, lv in stated]
    changes = []
    for ch in claims:
        if ch.measure != "growth_factor" or ch.unit != "ratio" or _na(ch.year) or _na(ch.base_year) or ch.value <= 0:
            continue
        linked = [(c, lv) for c, lv in stated if c.source_id == ch.source_id and c.sentence == ch.sentence
                  and lv.year == int(ch.year)]
        if not linked:
            continue
        c, lv = min(linked, key=lambda x: abs(x[0].char_start - ch.char_start))
        q = "approximately" if "approximately" in (c.qualifier, ch.qualifier) else lv.qualifier
        implied = Level(lv.series, int(ch.base_year), lv.value / float(ch.value), q, (ch.claim_id, c.claim_id),
                        f"the {lv.year - int(ch.base_year)}-year change “{ch.mention}” to {_label(c)}",
                        implied_by=ch.claim_id)
        levels.append(implied)
        changes.append((ch, lv, implied))
    return levels, changes


def _basis_note(claims_by_id, ids) -> str:
    """Say when a year comes from the publication date, since the figure may refer to an earlier year."""
    undated = {}
    for i in ids:
        c = claims_by_id.get(i)
        if c is not None and c.period_basis == "publication_year":
            undated.setdefault(int(c.year), []).append(f"“{c.mention}”")
    parts = [f"{' and '.join(sorted(set(m)))} name{'s' if len(set(m)) == 1 else ''} no year, so "
             f"{'it is' if len(set(m)) == 1 else 'they are'} taken as of the publication year {y}"
             for y, m in sorted(undated.items())]
    return (" (" + "; ".join(parts) + ")") if parts else ""


def reconcile(claims_df, reference_df, sources_df, rates=None):
    claims = sorted(claims_df.itertuples(index=False), key=lambda c: c.claim_id)
    by_id = {c.claim_id: c for c in claims}
    levels, changes = _levels(claims)
    out = Checks()

    def note(*ids):
        return _basis_note(by_id, ids)

    # implied levels against every other claim of that year, components included
    for lv in (x for x in levels if x.implied_by):
        for other in levels:
            if other is lv or other.year != lv.year or set(other.claim_ids) & set(lv.claim_ids):
                continue
            if other.series == lv.series:
                ok = _agree(lv.value, lv.qualifier, other.value, other.qualifier, TOL_LEVEL)
                out.add("implied_level", lv.claim_ids + other.claim_ids, lv.year, lv.value, other.value, "USD",
                        TOL_LEVEL, "consistent" if ok else "inconsistent",
                        f"{_label_of(lv)} implies {_series_name(lv.series)} of about {_bn(lv.value)} in {lv.year}; "
                        f"{other.label} puts it at {_bn(other.value)} ({_pct((other.value - lv.value) / lv.value)})"
                        f"{note(*lv.claim_ids, *other.claim_ids)}.")
            elif lv.series[0] == "turnover" and other.series[0] == "flow" and set(other.series[1:]) == set(lv.series[1:]):
                lo_c, _ = _interval(other.value, other.qualifier)
                _, hi_t = _interval(lv.value, lv.qualifier)
                ok = lo_c <= hi_t * (1 + TOL_COMPONENT)
                out.add("implied_level", lv.claim_ids + other.claim_ids, lv.year, lv.value, other.value, "USD",
                        TOL_COMPONENT, "consistent" if ok else "inconsistent",
                        f"{_label_of(lv)} implies two-way turnover of about {_bn(lv.value)} in {lv.year}, "
                        f"but {other.label} has {_series_name(other.series)} alone at {_bn(other.value)}"
                        f"{' - one direction cannot exceed the total' if not ok else ', within the total'}"
                        f"{note(*lv.claim_ids, *other.claim_ids)}.")

    # the steady path a change claim describes, against the levels claimed in between
    for ch, end, start in changes:
        k, b, y = float(ch.value), int(ch.base_year), int(ch.year)
        for other in levels:
            if other.series != end.series or not (b < other.year < y) or set(other.claim_ids) & set(end.claim_ids):
                continue
            expected = start.value * k ** ((other.year - b) / (y - b))
            ok = _agree(expected, "exact", other.value, other.qualifier, TOL_PATH)
            out.add("growth_path", start.claim_ids + other.claim_ids, other.year, expected, other.value, "USD",
                    TOL_PATH, "consistent" if ok else "inconsistent",
                    f"Growing steadily {k:g}-fold from {b} to {y} as {_label(ch)} says, {_series_name(end.series)} "
                    f"would be about {_bn(expected)} in {other.year}; {other.label} puts it at {_bn(other.value)} "
                    f"({_pct((other.value - expected) / expected)}){note(ch.claim_id, *other.claim_ids)}.")
        # two other levels exactly at the change's ends measure the same change
        for l1 in levels:
            for l2 in levels:
                if (l1.series == l2.series == end.series and l1.year == b and l2.year == y
                        and not (set(l1.claim_ids + l2.claim_ids) & {ch.claim_id})):
                    observed = l2.value / l1.value
                    ok = _agree(k, ch.qualifier, observed, "exact", TOL_LEVEL)
                    out.add("growth_path", (ch.claim_id,) + l1.claim_ids + l2.claim_ids, y, k, observed, "ratio",
                            TOL_LEVEL, "consistent" if ok else "inconsistent",
                            f"{_label(ch)} says {_series_name(end.series)} grew {k:g}-fold from {b} to {y}; "
                            f"{l1.label} and {l2.label} imply {observed:.2f}-fold.")

    # exports both ways (or one way) against two-way turnover, same or adjacent year
    turnovers = [lv for lv in levels if lv.series[0] == "turnover" and not lv.implied_by]
    flows = [lv for lv in levels if lv.series[0] == "flow"]
    for t in turnovers:
        a, b = t.series[1:]
        for yy in sorted({f.year for f in flows if abs(f.year - t.year) <= 1 and set(f.series[1:]) == {a, b}}):
            same = yy == t.year
            tol = TOL_SUM_SAME if same else TOL_SUM_ADJACENT
            when = f"the same year ({yy})" if same else f"an adjacent year ({yy} against {t.year})"
            ab = [f for f in flows if f.year == yy and f.series == ("flow", a, b)]
            ba = [f for f in flows if f.year == yy and f.series == ("flow", b, a)]
            for f1 in ab:
                for f2 in ba:
                    total = f1.value + f2.value
                    q = "approximately" if "approximately" in (f1.qualifier, f2.qualifier) else "exact"
                    ok = _agree(t.value, t.qualifier, total, q, tol)
                    out.add("sum_of_flows", t.claim_ids + f1.claim_ids + f2.claim_ids, t.year, t.value, total, "USD",
                            tol, "consistent" if ok else "inconsistent",
                            f"{f1.label} plus {f2.label} make {_bn(total)} of trade in {yy}; {t.label} gives "
                            f"turnover of {_bn(t.value)} for {t.year} ({_pct((total - t.value) / t.value)}, "
                            f"compared for {when}){note(*t.claim_ids)}.")
            for f in ab + ba:
                ok = f.value <= t.value * (1 + (tol if not same else TOL_COMPONENT))
                out.add("sum_of_flows", t.claim_ids + f.claim_ids, t.year, t.value, f.value, "USD", tol,
                        "consistent" if ok else "inconsistent",
                        f"{f.label} ({_series_name(f.series)}, {yy}) is {f.value / t.value:.0%} of the two-way "
                        f"turnover {t.label} gives for {t.year}"
                        f"{', more than the total' if not ok else ''} (compared for {when}){note(*t.claim_ids)}.")

    # the same share claimed by different sources or years
    shares = [c for c in claims if c.measure == "cross_border_share" and c.unit == "percent"]
    for i, s1 in enumerate(shares):
        for s2 in shares[i + 1:]:
            if {s1.economy, s1.partner} != {s2.economy, s2.partner}:
                continue
            ok = _agree(float(s1.value), s1.qualifier, float(s2.value), s2.qualifier, TOL_SHARE)
            y1, y2 = _year(s1), _year(s2)
            out.add("shares", (s1.claim_id, s2.claim_id), y2, float(s1.value), float(s2.value), "percent",
                    TOL_SHARE, "consistent" if ok else "inconsistent",
                    f"{_label(s1)} gives the cross-border share of trade as {_q(s1)}{s1.value:g}% for {y1}, "
                    f"{_label(s2)} as {_q(s2)}{s2.value:g}% for {y2}"
                    f"{': compatible' if ok else ': they differ by more than the tolerance'}"
                    f"{note(s1.claim_id, s2.claim_id)}.")

    # one amount in two currencies implies an exchange rate
    _currency_checks(claims, sources_df, out, rates)

    # the same figure stated again
    core = {"trade_turnover", "exports", "imports", "direct_investment", "migration", "cross_border_share",
            "growth_factor"}
    rep = [c for c in claims if c.measure in core]
    for i, c1 in enumerate(rep):
        for c2 in rep[i + 1:]:
            if ((c1.measure, c1.unit, c1.economy, c1.partner, _year(c1)) == (c2.measure, c2.unit, c2.economy,
                                                                              c2.partner, _year(c2))
                    and abs(float(c1.value) - float(c2.value)) <= TOL_REPEAT * abs(float(c1.value))):
                out.add("repeats", (c1.claim_id, c2.claim_id), _year(c1), float(c1.value), float(c2.value), c1.unit,
                        TOL_REPEAT, "consistent",
                        f"{_label(c1)} and {_label(c2)} state the same {c1.measure.replace('_', ' ')} for {_year(c1)}.")

    # against the outside reference, kept as its own series
    for lv in levels:
        for r in reference_df.itertuples(index=False):
            series = ("turnover",) + tuple(sorted((r.economy, r.partner))) if r.indicator == "turnover" \
                else ("fdi", r.economy, r.partner)
            if lv.series[0] != r.indicator or series != lv.series or int(r.year) != lv.year:
                continue
            ok = _agree(float(r.value_usd), r.qualifier, lv.value, lv.qualifier, TOL_REFERENCE)
            out.add("reference", lv.claim_ids, lv.year, float(r.value_usd), lv.value, "USD", TOL_REFERENCE,
                    "consistent" if ok else "inconsistent",
                    f"{_label_of(lv)} {'implies' if lv.implied_by else 'gives'} {_bn(lv.value)} for {lv.year}; "
                    f"{r.stated_by.split(';')[0].split('(')[0].strip()} stated {_bn(float(r.value_usd))} "
                    f"as {r.basis} ({_pct((lv.value - float(r.value_usd)) / float(r.value_usd))})"
                    f"{note(*lv.claim_ids)}.", ref_ids=(r.ref_id,))
    rows = sorted(out.rows.values(), key=lambda r: r["check_id"])
    return frame("reconciliation", rows)


def _label_of(lv: Level) -> str:
    return lv.label[0].upper() + lv.label[1:] if lv.implied_by else lv.label


def _q(c) -> str:
    return {"more_than": "over ", "at_least": "at least ", "approximately": "about ", "less_than": "under ",
            "at_most": "at most "}.get(c.qualifier, "")


def _year(c):
    return None if _na(c.year) else int(c.year)


# ---------------------------------------------------------------------------------------- currency


class EcbRates:
    """ECB reference rates, shipped offline by CurrencyConverter; averages over a day, month or year."""

    def __init__(self):
        from currency_converter import CurrencyConverter

        self.cc = CurrencyConverter(fallback_on_missing_rate=True, fallback_on_wrong_date=True)

    def average(self, base: str, quote: str, start: dt.date, end: dt.date) -> float | None:
        vals = []
        d = start
        while d <= end:
            try:
                vals.append(self.cc.convert(1, base, quote, date=d))
            except (ValueError, KeyError):
                pass
            d += dt.timedelta(days=1)
        return sum(vals) / len(vals) if vals else None


def _period(published: str | None):
    if not published or _na(published):
        return None
    parts = [int(x) for x in str(published).split("-")]
    if len(parts) == 3:
        d = dt.date(*parts)
        return d, d, f"on {published}"
    if len(parts) == 2:
        start = dt.date(parts[0], parts[1], 1)
        end = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        return start, end, f"in {start:%B %Y} (its publication month)"
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31), f"in {parts[0]}"


def _currency_checks(claims, sources_df, out: Checks, rates):
    published = dict(zip(sources_df["source_id"], sources_df["published"]))
    currency = [c for c in claims if len(str(c.unit)) == 3 and str(c.unit).isupper()]
    for c1 in currency:
        for c2 in currency:
            if (c1.source_id != c2.source_id or c1.unit == c2.unit or not (0 <= c2.char_start - c1.char_end <= 3)
                    or (c1.measure, c1.economy, c1.partner, _year(c1)) != (c2.measure, c2.economy, c2.partner,
                                                                            _year(c2))):
                continue
            if rates is None:
                rates = EcbRates()
            implied = float(c2.value) / float(c1.value)
            unit = f"{c2.unit}_per_{c1.unit}"
            found = []
            pub = _period(published.get(c1.source_id))
            if pub:
                found.append(("publication", pub[2], rates.average(c1.unit, c2.unit, pub[0], pub[1])))
            if _year(c1) is not None:
                y = _year(c1)
                found.append(("reference_year", f"over {y} (the figure's year)",
                              rates.average(c1.unit, c2.unit, dt.date(y, 1, 1), dt.date(y, 12, 31))))
            found = [f for f in found if f[2]]
            if not found:
                continue
            best = min(found, key=lambda f: abs(implied / f[2] - 1))
            for which, when, rate in found:
                ok = abs(implied / rate - 1) <= TOL_CURRENCY
                used = ("the author converted at the rate " + best[1]) if abs(implied / best[2] - 1) <= TOL_CURRENCY \
                    else "neither ECB rate matches the author's conversion"
                out.add("currency", (c1.claim_id, c2.claim_id), _year(c1), rate, implied, unit, TOL_CURRENCY,
                        "consistent" if ok else "inconsistent",
                        f"{_label(c1)} given as “{c2.mention}” implies {implied:.4f} {c2.unit} per {c1.unit}; the ECB "
                        f"reference rate averaged {rate:.4f} {when} ({_pct(implied / rate - 1)}): {used}.",
                        salt=which)


def levels_frame(claims_df):
    """Every US$ level the claims state or imply, one row each: what the timeline chart draws."""
    import pandas as pd

    claims = sorted(claims_df.itertuples(index=False), key=lambda c: c.claim_id)
    by_id = {c.claim_id: c for c in claims}
    levels, changes = _levels(claims)
    ends = {start: end for _, end, start in changes}
    rows = []
    for lv in levels:
        first = by_id[lv.claim_ids[-1]]
        end = ends.get(lv)
        s = lv.series
        rows.append({
            "kind": s[0], "series_label": f"{s[1]}–{s[2]}" if s[0] == "turnover" else f"{s[1]}→{s[2]}",
            "year": lv.year, "value_usd": lv.value, "qualifier": lv.qualifier, "implied": lv.implied_by is not None,
            "from_year": end.year if end else None, "from_value_usd": end.value if end else None,
            "source": str(first.citation).split(" [")[0].split(",")[0] + " " + str(first.citation).split(" [")[0]
            .split(",")[-1].strip()[:7],
            "claim_ids": " | ".join(lv.claim_ids), "description": lv.label,
        })
    return pd.DataFrame(rows).sort_values(["kind", "year", "value_usd"]).reset_index(drop=True)
