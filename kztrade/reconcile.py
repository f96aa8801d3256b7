"""Which claims hold together, which cannot all be true, whose statistics they match, and why.

Every check is derived from the claims table by rule, so new articles bring new checks. Levels are grouped
into series: two-way turnover of a pair, one direction of trade (exporter -> importer), direct investment
(investor -> host). A change claim ("tripled over the last two years", "fell 15%") linked to a level in the
same sentence ("to reach $8 billion") implies the level of its base year.

Claims are checked against each other here; against the official statistics of both partners and the
reference figures in outside.py. The ranges, readings and the verdict rule are in checks.py. Tolerances are
module parameters (README: Reconciliation) and are recorded in datapackage.json.
"""
from __future__ import annotations

import datetime as dt

from .checks import (
    APPROX, Checks, basis_note, bn, holds, interval, label, label_of, levels_of, na, pct, qual, series_name,
    series_short, short_source, year_of,
)
from .frames import frame

TOL_LEVEL = 0.10        # two claims of the same level, same year; a claim against an official figure
TOL_COMPONENT = 0.05    # one direction of trade may exceed two-way turnover only by rounding
TOL_SUM_SAME = 0.10     # exports both ways against turnover, same year
TOL_SUM_ADJACENT = 0.20  # ... adjacent years
TOL_PATH = 0.30         # a level against the steady path a change claim describes
TOL_SHARE = 0.10        # the same share claimed twice
TOL_CURRENCY = 0.03     # an exchange rate implied by one amount in two currencies, against the ECB's
TOL_REFERENCE = 0.10    # a claim (or implied level) against a reference figure
TOL_OFFICIAL = 0.05     # a claim against the official range (the two reporters' figures), beyond rounding
TOL_REPEAT = 0.005      # the same figure stated again

TOLERANCES = {"APPROX": APPROX, **{k: v for k, v in globals().items() if k.startswith("TOL_")}}


def _short(c) -> str:
    return f"“{c.mention}” ({short_source(c.citation)})"


def _short_lv(lv, by_id) -> str:
    if lv.implied_by:
        return f"“{by_id[lv.implied_by].mention}” → {lv.year}"
    return _short(by_id[lv.claim_ids[0]])


def reconcile(claims_df, reference_df, sources_df, rates=None, official=None):
    """The reconciliation table. official: a kztrade.official.Official (or None: no official checks)."""
    from . import outside

    claims = sorted(claims_df.itertuples(index=False), key=lambda c: c.claim_id)
    by_id = {c.claim_id: c for c in claims}
    levels, changes, unlike = levels_of(claims)
    out = Checks()

    def note(*ids):
        return basis_note(by_id, ids)

    def reading(*lvs):
        return "publication_year" if any(lv.undated for lv in lvs) else "as_dated"

    flows_only = [lv for lv in levels if lv.series[0] == "flow"]
    # implied levels against every other claim of that year; a component against an implied total is a bound
    for lv in (x for x in levels if x.implied_by):
        for other in levels:
            if other is lv or other.year != lv.year or set(other.claim_ids) & set(lv.claim_ids):
                continue
            if other.series == lv.series:
                e_iv, o_iv = interval(lv.value, lv.qualifier), interval(other.value, other.qualifier)
                out.add("implied_level", lv.claim_ids + other.claim_ids, lv.year, lv.value, other.value, "USD",
                        TOL_LEVEL,
                        f"{label_of(lv)} implies {series_name(lv.series)} of about {bn(lv.value)} in {lv.year}; "
                        f"{other.label} puts it at {bn(other.value)} ({pct((other.value - lv.value) / lv.value)})"
                        f"{note(*lv.claim_ids, *other.claim_ids)}.", exp_iv=e_iv, obs_iv=o_iv,
                        label=f"{_short_lv(lv, by_id)} vs {_short_lv(other, by_id)}", reading=reading(lv, other))
            elif lv.series[0] == "turnover" and other in flows_only and set(other.series[1:]) == set(lv.series[1:]):
                _bound(out, lv, other, TOL_COMPONENT, f"the same year ({lv.year})", by_id, note, reading(lv, other))

    # the steady path a change claim describes, against the levels claimed in between
    for ch, end, start in changes:
        k, b, y = end.value / start.value, start.year, end.year
        for other in levels:
            if other.series != end.series or not (b < other.year < y) or set(other.claim_ids) & set(end.claim_ids):
                continue
            expected = start.value * k ** ((other.year - b) / (y - b))
            out.add("growth_path", start.claim_ids + other.claim_ids, other.year, expected, other.value, "USD",
                    TOL_PATH,
                    f"Growing steadily {k:g}-fold from {b} to {y} as {label(ch)} says, {series_name(end.series)} "
                    f"would be about {bn(expected)} in {other.year}; {other.label} puts it at {bn(other.value)} "
                    f"({pct((other.value - expected) / expected)}){note(ch.claim_id, *other.claim_ids)}.",
                    obs_iv=interval(other.value, other.qualifier),
                    label=f"“{ch.mention}” path {b}–{y} vs {_short_lv(other, by_id)} ({other.year})",
                    reading=reading(start, other))
        # two other levels exactly at the change's ends measure the same change
        for l1 in levels:
            for l2 in levels:
                if (l1.series == l2.series == end.series and l1.year == b and l2.year == y
                        and not (set(l1.claim_ids + l2.claim_ids) & {ch.claim_id})):
                    observed = l2.value / l1.value
                    out.add("growth_path", (ch.claim_id,) + l1.claim_ids + l2.claim_ids, y, k, observed, "ratio",
                            TOL_LEVEL,
                            f"{label(ch)} says {series_name(end.series)} grew {k:g}-fold from {b} to {y}; "
                            f"{l1.label} and {l2.label} imply {observed:.2f}-fold.",
                            exp_iv=interval(k, ch.qualifier), label=f"“{ch.mention}” vs {_short_lv(l1, by_id)} "
                            f"and {_short_lv(l2, by_id)}", reading=reading(start, l1, l2))

    # exports both ways against two-way turnover, same or adjacent year; each direction alone is a bound
    turnovers = [lv for lv in levels if lv.series[0] == "turnover" and not lv.implied_by]
    for t in turnovers:
        a, b = t.series[1:]
        for yy in sorted({f.year for f in flows_only if abs(f.year - t.year) <= 1 and set(f.series[1:]) == {a, b}}):
            same = yy == t.year
            tol = TOL_SUM_SAME if same else TOL_SUM_ADJACENT
            when = f"the same year ({yy})" if same else f"an adjacent year ({yy} against {t.year})"
            ab = [f for f in flows_only if f.year == yy and f.series == ("flow", a, b) and not f.implied_by]
            ba = [f for f in flows_only if f.year == yy and f.series == ("flow", b, a) and not f.implied_by]
            for f1 in ab:
                for f2 in ba:
                    lo1, hi1 = interval(f1.value, f1.qualifier)
                    lo2, hi2 = interval(f2.value, f2.qualifier)
                    total = f1.value + f2.value
                    out.add("sum_of_flows", t.claim_ids + f1.claim_ids + f2.claim_ids, t.year, t.value, total,
                            "USD", tol,
                            f"{f1.label} plus {f2.label} make {bn(total)} of trade in {yy}; {t.label} gives "
                            f"turnover of {bn(t.value)} for {t.year} ({pct((total - t.value) / t.value)}, "
                            f"compared for {when}){note(*t.claim_ids, *f1.claim_ids, *f2.claim_ids)}.",
                            exp_iv=interval(t.value, t.qualifier), obs_iv=(lo1 + lo2, hi1 + hi2),
                            label=f"{_short_lv(f1, by_id)} + {_short_lv(f2, by_id)} vs {_short_lv(t, by_id)}",
                            reading=reading(t, f1, f2))
            for f in ab + ba:
                _bound(out, t, f, TOL_COMPONENT if same else TOL_SUM_ADJACENT, when, by_id, note, reading(t, f))

    # the same share claimed by different sources or years
    shares = [c for c in claims if c.measure == "cross_border_share" and c.unit == "percent"]
    for i, s1 in enumerate(shares):
        for s2 in shares[i + 1:]:
            if {s1.economy, s1.partner} != {s2.economy, s2.partner}:
                continue
            y1, y2 = year_of(s1), year_of(s2)
            v1, v2 = float(s1.value), float(s2.value)
            ok = holds(_gap_pair(v1, s1.qualifier, v2, s2.qualifier), TOL_SHARE)
            out.add("shares", (s1.claim_id, s2.claim_id), y2, v1, v2, "percent", TOL_SHARE,
                    f"{label(s1)} gives the cross-border share of trade as {qual(s1.qualifier)}{v1:g}% for {y1}, "
                    f"{label(s2)} as {qual(s2.qualifier)}{v2:g}% for {y2}"
                    f"{': compatible' if ok else ': they differ by more than the tolerance'}"
                    f"{note(s1.claim_id, s2.claim_id)}.", exp_iv=interval(v1, s1.qualifier),
                    obs_iv=interval(v2, s2.qualifier), label=f"{_short(s1)} vs {_short(s2)}",
                    reading="publication_year" if "publication_year" in (getattr(s1, "period_basis", ""),
                                                                         getattr(s2, "period_basis", ""))
                    else "as_dated")

    _currency_checks(claims, sources_df, out, rates)

    # the same figure stated again
    core = {"trade_turnover", "exports", "imports", "direct_investment", "migration", "cross_border_share",
            "growth_factor"}
    rep = [c for c in claims if c.measure in core]
    for i, c1 in enumerate(rep):
        for c2 in rep[i + 1:]:
            if ((c1.measure, c1.unit, c1.economy, c1.partner, year_of(c1)) == (c2.measure, c2.unit, c2.economy,
                                                                                c2.partner, year_of(c2))
                    and abs(float(c1.value) - float(c2.value)) <= TOL_REPEAT * abs(float(c1.value))):
                out.add("repeats", (c1.claim_id, c2.claim_id), year_of(c1), float(c1.value), float(c2.value),
                        c1.unit, TOL_REPEAT,
                        f"{label(c1)} and {label(c2)} state the same {c1.measure.replace('_', ' ')} for "
                        f"{year_of(c1)}.", label=f"{_short(c1)} and {_short(c2)}")

    outside.reference_checks(levels, unlike, reference_df, out, by_id)
    outside.official_checks(levels, changes, unlike, official, out, by_id)
    rows = sorted(out.rows.values(), key=lambda r: r["check_id"])
    return frame("reconciliation", rows)


def _gap_pair(a, qa, b, qb):
    from .checks import gap

    return gap(a, interval(a, qa), interval(b, qb))


def _bound(out: Checks, total, part, tol, when, by_id, note, reading):
    """One direction of trade against a two-way total: it may be anything from 0 to the total, not more."""
    _, hi_t = interval(total.value, total.qualifier)
    share = part.value / total.value
    ok = holds(max(0.0, (interval(part.value, part.qualifier)[0] - hi_t) / total.value), tol)
    verb = "implies" if total.implied_by else "gives"
    out.add("bound", total.claim_ids + part.claim_ids, total.year, total.value, part.value, "USD", tol,
            f"{part.label} puts {series_name(part.series)} ({part.year}) at {bn(part.value)}, {share:.0%} of the "
            f"two-way turnover {total.label} {verb} for {total.year}"
            f"{' - one direction cannot exceed the total' if not ok else ', within the total'} "
            f"(compared for {when}){note(*total.claim_ids, *part.claim_ids)}.",
            exp_iv=(0.0, hi_t), obs_iv=interval(part.value, part.qualifier),
            label=f"{_short_lv(part, by_id)} ≤ total {_short_lv(total, by_id)}", reading=reading)


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
    if not published or na(published):
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
    """One row per amount given in two currencies: the ECB rate the author's conversion matches best."""
    published = dict(zip(sources_df["source_id"], sources_df["published"]))
    currency = [c for c in claims if len(str(c.unit)) == 3 and str(c.unit).isupper()]
    for c1 in currency:
        for c2 in currency:
            if (c1.source_id != c2.source_id or c1.unit == c2.unit or not (0 <= c2.char_start - c1.char_end <= 3)
                    or (c1.measure, c1.economy, c1.partner, year_of(c1)) != (c2.measure, c2.economy, c2.partner,
                                                                              year_of(c2))):
                continue
            if rates is None:
                rates = EcbRates()
            implied = float(c2.value) / float(c1.value)
            found = []
            pub = _period(published.get(c1.source_id))
            if pub:
                found.append((pub[2], rates.average(c1.unit, c2.unit, pub[0], pub[1])))
            if year_of(c1) is not None:
                y = year_of(c1)
                found.append((f"over {y} (the figure's year)",
                              rates.average(c1.unit, c2.unit, dt.date(y, 1, 1), dt.date(y, 12, 31))))
            found = [f for f in found if f[1]]
            if not found:
                continue
            best = min(found, key=lambda f: abs(implied / f[1] - 1))
            others = "; ".join(f"the rate {w} was {r:.4f} ({pct(implied / r - 1)})" for w, r in found if w != best[0])
            ok = abs(implied / best[1] - 1) <= TOL_CURRENCY
            used = f"the author converted at the ECB rate {best[0]}" if ok else \
                "no ECB rate matches the author's conversion; the closest is the rate " + best[0]
            out.add("currency", (c1.claim_id, c2.claim_id), year_of(c1), best[1], implied, f"{c2.unit}_per_{c1.unit}",
                    TOL_CURRENCY,
                    f"{label(c1)} given as “{c2.mention}” implies {implied:.4f} {c2.unit} per {c1.unit}: {used} "
                    f"({best[1]:.4f}, {pct(implied / best[1] - 1)}){'; ' + others if others else ''}.",
                    label=f"{_short(c1)} as “{c2.mention}”", compared_with="ecb_rates")


# ---------------------------------------------------------------------------------------- for charts


def levels_frame(claims_df):
    """Every US$ level the claims state or imply, one row each: what the timeline charts draw."""
    import pandas as pd

    claims = sorted(claims_df.itertuples(index=False), key=lambda c: c.claim_id)
    by_id = {c.claim_id: c for c in claims}
    levels, changes, _ = levels_of(claims)
    ends = {start: end for _, end, start in changes}
    rows = []
    for lv in levels:
        end = ends.get(lv)
        s = lv.series
        rows.append({
            "kind": s[0], "series": s, "series_label": series_short(s), "year": lv.year, "value_usd": lv.value,
            "qualifier": lv.qualifier, "implied": lv.implied_by is not None, "undated": lv.undated,
            "from_year": end.year if end else None, "from_value_usd": end.value if end else None,
            "source": lv.source, "mention": by_id[lv.implied_by or lv.claim_ids[0]].mention,
            "claim_ids": " | ".join(lv.claim_ids), "description": lv.label,
        })
    cols = ["kind", "series", "series_label", "year", "value_usd", "qualifier", "implied", "undated", "from_year",
            "from_value_usd", "source", "mention", "claim_ids", "description"]
    return pd.DataFrame(rows, columns=cols).sort_values(["kind", "year", "value_usd"]).reset_index(drop=True)


def official_summary(rec, claims_df, official=None):
    """Per year and series: the claims, the official range of both reporters and the claims outside it.

    From the `official` rows of the reconciliation; official (kztrade.official.Official) adds each reporter's
    figure by name."""
    import pandas as pd

    from .official import lookup

    rows = rec[(rec["kind"] == "official") & (rec["unit"] == "USD")]
    mentions = dict(zip(claims_df["claim_id"], claims_df["mention"]))
    cites = dict(zip(claims_df["claim_id"], claims_df["citation"].map(short_source)))
    claim_series = {}
    for c in claims_df.itertuples(index=False):
        from .checks import series_of

        s = series_of(c)
        if s is not None:
            claim_series[c.claim_id] = s
    table = lookup(official)
    out = {}
    for r in rows.itertuples(index=False):
        ids = [i.strip() for i in r.claim_ids.split("|")]
        s = claim_series.get(ids[-1])
        if s is None or pd.isna(r.year):
            continue
        key = (int(r.year), series_short(s))
        entry = out.setdefault(key, {"year": int(r.year), "series": series_short(s), "official_low": r.expected_low,
                                     "official_high": r.expected_high, "claims": [], "outside": []})
        implied = len(ids) > 1
        undated = f", undated, read as of {int(r.year)}" if r.reading != "as_dated" else ""
        text = (f"{'implied by ' if implied else ''}“{mentions.get(ids[0], '?')}” {r.observed / 1e9:.2f} bn "
                f"({cites.get(ids[-1], '?')}{undated})")
        entry["claims"].append(text)
        if r.verdict == "inconsistent":
            entry["outside"].append(text)
        for rep, v in table.get((s, int(r.year)), {}).items():
            entry[f"official_{rep}"] = v
    df = pd.DataFrame(out.values())
    if df.empty:
        return df
    for col in ("claims", "outside"):
        df[col] = df[col].map(lambda xs: "; ".join(sorted(set(xs))))
    rep_cols = sorted(c for c in df.columns if c.startswith("official_") and c not in ("official_low",
                                                                                       "official_high"))
    return df[["year", "series", *rep_cols, "official_low", "official_high", "claims", "outside"]] \
        .sort_values(["year", "series"]).reset_index(drop=True)
