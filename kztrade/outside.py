"""Claims against figures from outside the articles: the official statistics of both partners (``official``)
and the reference figures officials or outlets stated (``reference``); and what cannot be compared.

Official statistics come as mirror pairs: each direction of trade as the exporter reports it and as the
importer reports it. The two rarely agree (exports are valued FOB, imports CIF; coverage and vintage
differ), so the range between them - the mirror gap - is the band within which a press figure is "official".
A figure the text does not date is tested as of its publication year and as of the year before.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .checks import (
    Checks, Level, READING_WORDS, bn, gap, holds, interval, label, label_of, pct, pct1, readings, series_name,
    short_source,
)


@lru_cache(maxsize=None)
def country_name(code: str) -> str:
    """'Russia' for RUS: the everyday name from vocab/country_aliases.csv where ISO's is longer."""
    import pycountry

    c = pycountry.countries.get(alpha_3=code)
    iso = (getattr(c, "common_name", None) or c.name) if c else code
    with resources.files("kztrade").joinpath("vocab/country_aliases.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            alias = row["alias"]
            if row["alpha_3"] == code and row["kind"] == "name" and iso != alias and iso.startswith(alias):
                return row["alias"]
    return iso


WIDE_GAP = 0.25  # mirror reports further apart than this are flagged: valuation alone does not explain it


def report(code: str) -> str:
    return f"{country_name(code)}'s report"


def _ref_series(r) -> tuple:
    if r.indicator == "turnover":
        return ("turnover",) + tuple(sorted((r.economy, r.partner)))
    return ("fdi", r.economy, r.partner)


def _short(lv: Level, by_id) -> str:
    if lv.implied_by:
        return f"“{by_id[lv.implied_by].mention}” → {lv.year}"
    return f"“{by_id[lv.claim_ids[0]].mention}” ({lv.source})"


def _ref_words(r, kind: str) -> str:
    """'the trade minister (official statement), 2011': who stands behind a reference figure, and its year."""
    who = str(r.stated_by).split(";")[0].split("(")[0].split(",")[0].strip()
    who = who if len(who) <= 34 else who[:33].rsplit(" ", 1)[0] + "…"
    words = kind.replace("_", " ")
    return f"{who}, {int(r.year)}" if words in who else f"{who} ({words}), {int(r.year)}"


def _claim_short(lv: Level, by_id) -> str:
    if lv.implied_by:
        return f"level implied by “{by_id[lv.implied_by].mention}” ({lv.source})"
    return _short(lv, by_id)


def reference_checks(levels, unlike, reference_df, out: Checks, by_id) -> None:
    """Each level against each reference figure of its series and year (both readings of an undated figure)."""
    from .reconcile import TOL_COMPONENT, TOL_REFERENCE
    from .reference import source_kind

    refs = list(reference_df.itertuples(index=False))
    for lv in levels:
        for reading, year in readings(lv):
            for r in refs:
                if int(r.year) != year:
                    continue
                kind = getattr(r, "source_kind", None) or source_kind(r.stated_by)
                who = str(r.stated_by).split(";")[0].split("(")[0].strip()
                ref_stock = "stock" in str(r.basis).lower()
                when = "" if reading == "as_dated" else f" ({READING_WORDS[reading]})"
                base = dict(ref_ids=(r.ref_id,), compared_with=kind, reading=reading, salt=reading,
                            label=f"{_claim_short(lv, by_id)} vs {_ref_words(r, kind)}")
                if lv.series[0] == "flow" and r.indicator == "turnover" and set(lv.series[1:]) == {r.economy,
                                                                                                 r.partner}:
                    # one direction against the stated total of the same year: a share, bounded by the total
                    total = float(r.value_usd)
                    _, hi = interval(total, r.qualifier)
                    ok = holds(max(0.0, (interval(lv.value, lv.qualifier)[0] - hi) / total), TOL_COMPONENT)
                    out.add("bound", lv.claim_ids, year, total, lv.value, "USD", TOL_COMPONENT,
                            f"{label_of(lv)} {'implies' if lv.implied_by else 'gives'} {series_name(lv.series)} of "
                            f"{bn(lv.value)} for {year}{when}: {lv.value / total:.0%} of the two-way turnover of "
                            f"{bn(total)} that {who} stated ({kind.replace('_', ' ')})"
                            f"{', within the total' if ok else ' - one direction cannot exceed the total'}.",
                            exp_iv=(0.0, hi), obs_iv=interval(lv.value, lv.qualifier), ref_ids=(r.ref_id,),
                            compared_with=kind, reading=reading, salt="bound" + reading,
                            label=f"{_claim_short(lv, by_id)} ≤ total by {_ref_words(r, kind)}")
                    continue
                if _ref_series(r) != lv.series:
                    continue
                if lv.series[0] == "fdi" and lv.stock != ref_stock:
                    out.add("reference", lv.claim_ids, year, float(r.value_usd), lv.value, "USD", TOL_REFERENCE,
                            f"{label_of(lv)} is {'a stock' if lv.stock else 'a flow of the year'} but {who} stated "
                            f"{bn(float(r.value_usd))} as {r.basis}: a stock and a flow are not comparable.",
                            verdict="not_comparable", **base)
                    continue
                out.add("reference", lv.claim_ids, year, float(r.value_usd), lv.value, "USD", TOL_REFERENCE,
                        f"{label_of(lv)} {'implies' if lv.implied_by else 'gives'} {bn(lv.value)} for {year}{when}; "
                        f"{who} ({kind.replace('_', ' ')}) stated {bn(float(r.value_usd))} as {r.basis} "
                        f"({pct((lv.value - float(r.value_usd)) / float(r.value_usd))}).",
                        exp_iv=interval(float(r.value_usd), r.qualifier), obs_iv=interval(lv.value, lv.qualifier),
                        **base)
    for c, s, why in unlike:
        for r in refs:
            r_kind = getattr(r, "source_kind", None) or source_kind(r.stated_by)
            if _ref_series(r) == s and int(r.year) == int(c.year):
                out.add("reference", (c.claim_id,), int(c.year), float(r.value_usd), float(c.value), "USD",
                        TOL_REFERENCE, f"{label(c)} is {why}; the reference figure for {int(c.year)} "
                        f"({bn(float(r.value_usd))}, {r.basis}) is an annual outcome, so they are not compared.",
                        verdict="not_comparable", ref_ids=(r.ref_id,),
                        compared_with=r_kind,
                        label=f"“{c.mention}” ({short_source(c.citation)}) vs {_ref_words(r, r_kind)}")


@dataclass
class _Test:
    reading: str
    year: int            # the year tested (for a change: its end year)
    values: dict         # reporter -> official figure (or ratio)
    best: str            # the reporter closest to the claim
    band: tuple          # (low, high) of the reporters' figures
    rel: float           # gap between the claim's range and the band, over the best reporter's figure


def _test(reading, year, values, obs_iv, observed, tol) -> _Test:
    best = min(sorted(values), key=lambda r: (abs(gap(values[r], (values[r],) * 2, obs_iv)),
                                              abs(observed - values[r])))
    band = (min(values.values()), max(values.values()))
    return _Test(reading, year, values, best, band, gap(values[best], band, obs_iv))


def _choose(tests: list[_Test], n_readings: int, tol: float):
    """(test, reading, verdict) for one claim: the reading that holds, both, the closer of two that fail, or
    indeterminate when a reading the series does not cover might hold."""
    ok = [t for t in tests if holds(t.rel, tol)]
    closest = min(tests, key=lambda t: (abs(t.rel), t.year))
    if n_readings == 1:
        return tests[0], tests[0].reading, None
    if len(ok) == 2:
        return closest, "either", None
    if len(ok) == 1:
        return ok[0], ok[0].reading, None
    if len(tests) < n_readings:
        return closest, closest.reading, "indeterminate"
    return closest, closest.reading, None


def _matches(t: _Test, observed: float, fmt, tol: float) -> str:
    """'it matches Ruritania's report (US$4.10 bn) to 0.5 %; Freedonia's report is 6.1 % lower (US$3.85 bn)'."""
    others = [r for r in sorted(t.values) if r != t.best]
    v = t.values[t.best]
    rest = "; ".join(f"{report(r)} is {pct1((t.values[r] - v) / v)} {'higher' if t.values[r] > v else 'lower'} "
                     f"({fmt(t.values[r])})" for r in others)
    lo, hi = t.band
    wide = f" (the two reports differ by {hi / lo - 1:.0%}: a band this wide says one of them may be incomplete)" \
        if lo > 0 and hi / lo - 1 > WIDE_GAP else ""
    if holds(t.rel, tol):
        head = f"it matches {report(t.best)} ({fmt(v)}) to {pct1((observed - v) / v)}"
    else:
        where = "above" if t.rel > 0 else "below"
        span = fmt(lo) if lo == hi else f"{fmt(lo)}–{fmt(hi)}"
        return (f"it matches neither report: {pct1(t.rel)} {where} the official range {span} (closest: "
                f"{report(t.best)}, {fmt(v)}){wide}")
    return head + (f"; {rest}" if rest else "") + wide


def official_checks(levels, changes, unlike, official, out: Checks, by_id) -> None:
    """Each annual trade level (stated or implied) and each change against both reporters' statistics."""
    if official is None:
        return
    from .official import lookup
    from .reconcile import TOL_LEVEL, TOL_OFFICIAL

    table = lookup(official)
    for lv in levels:
        if lv.series[0] not in ("turnover", "flow"):
            continue
        obs_iv = interval(lv.value, lv.qualifier)
        rs = readings(lv)
        tests = [_test(name, y, table[(lv.series, y)], obs_iv, lv.value, TOL_OFFICIAL)
                 for name, y in rs if (lv.series, y) in table]
        if not tests:
            continue
        t, reading, verdict = _choose(tests, len(rs), TOL_OFFICIAL)
        what = f"{label_of(lv)}{_attributed(lv, by_id)} {'implies' if lv.implied_by else 'gives'} " \
               f"{series_name(lv.series)}"
        if len(rs) == 1:
            text = f"{what} in {t.year} as {bn(lv.value)}: {_matches(t, lv.value, bn, TOL_OFFICIAL)}."
        else:
            parts = [f"{READING_WORDS[x.reading]} (a {x.year} level), {_matches(x, lv.value, bn, TOL_OFFICIAL)}"
                     for x in tests]
            missing = [f"{READING_WORDS[name]} (a {y} level), it cannot be tested: the series has no {y} figure"
                       for name, y in rs if (lv.series, y) not in table]
            text = f"{what} as {bn(lv.value)} without naming a year: " + "; ".join(parts + missing) + "."
        _official_row(out, lv.claim_ids, t, lv.value, obs_iv, "USD", TOL_OFFICIAL, text, reading, verdict,
                      f"{_claim_short(lv, by_id)} vs official {t.year}")
    # the change a claim describes, against the change in each reporter's statistics over the same years
    for ch, end, start in changes:
        if end.series[0] not in ("turnover", "flow"):
            continue
        k = end.value / start.value
        obs_iv = interval(k, ch.qualifier)
        offsets = [("publication_year", 0), ("year_before", -1)] if start.undated else [("as_dated", 0)]
        tests = []
        for name, off in offsets:
            b, y = start.year + off, end.year + off
            a, z = table.get((end.series, b), {}), table.get((end.series, y), {})
            ratios = {r: z[r] / a[r] for r in sorted(set(a) & set(z)) if a[r] > 0}
            if ratios:
                tests.append(_test(name, y, ratios, obs_iv, k, TOL_LEVEL))
        if not tests:
            continue
        t, reading, verdict = _choose(tests, len(offsets), TOL_LEVEL)
        span = end.year - start.year

        def ratio(x):
            return f"{x:.2f}-fold"

        parts = [f"from {x.year - span} to {x.year}, {_matches(x, k, ratio, TOL_LEVEL)}" for x in tests]
        _official_row(out, (ch.claim_id,) + end.claim_ids, t, k, obs_iv, "ratio", TOL_LEVEL,
                      f"{label(ch)} says {series_name(end.series)} {_change_words(ch, k)} over {span} "
                      f"year{'s' if span > 1 else ''}; "
                      + "; ".join(parts) + ".", reading, verdict,
                      f"“{ch.mention}” ({end.source}) vs official {t.year - span}–{t.year}", salt="change")
    for c, s, why in unlike:
        if s[0] in ("turnover", "flow") and (s, int(c.year)) in table:
            vals = table[(s, int(c.year))]
            out.add("official", (c.claim_id,), int(c.year), None, float(c.value), "USD", TOL_OFFICIAL,
                    f"{label(c)} is {why}; the official figures for {int(c.year)} ("
                    + ", ".join(f"{report(r)} {bn(v)}" for r, v in sorted(vals.items()))
                    + ") are annual outcomes, so they are not compared.", verdict="not_comparable",
                    compared_with="official_series",
                    label=f"“{c.mention}” ({short_source(c.citation)}) vs official {int(c.year)}")


def _attributed(lv: Level, by_id) -> str:
    """', attributed to Kazakh customs,': who the article says the figure is from, where it says so."""
    from .checks import na

    who = getattr(by_id[lv.claim_ids[-1]], "attributed_to", None)
    return "" if na(who) else f" (attributed to {who})"


def _change_words(ch, k: float) -> str:
    if ch.measure == "growth_rate":
        return f"{'grew' if k >= 1 else 'fell'} {abs(k - 1):.0%} ({k:.2f}-fold)"
    return f"changed {k:.2f}-fold"


def _official_row(out, claim_ids, t: _Test, observed, obs_iv, unit, tol, text, reading, verdict, lab, salt=""):
    out.add("official", claim_ids, t.year, t.values[t.best], observed, unit, tol, text, exp_iv=t.band,
            obs_iv=obs_iv, compared_with="official_series", reporter=t.best, reading=reading, verdict=verdict,
            label=lab, salt=salt)
