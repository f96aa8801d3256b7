"""The official series of both partners: read from a path, never copied; claims checked against it by rule.

Hand-made claims frames exercise what the seeds do not have (half-years, forecasts, stocks, percentage
changes, undated figures); the official series in most tests is a small file written here, so these tests run
without ../shared.
"""
from __future__ import annotations

import json
import math

import pandas as pd
import pytest

from kztrade import build, official
from kztrade.cli import main
from kztrade.frames import frame
from kztrade.reconcile import TOL_OFFICIAL, official_summary, reconcile
from test_build import copy_project

SOURCES = pd.DataFrame({"source_id": ["a", "b"], "published": ["2016-03", "2019-05-02"]})
NO_REFERENCE = frame("reference", [])


def series_file(tmp_path, rows=None):
    """A small official series in the documented long format: both partners' reports of 2014-2016."""
    rows = rows or [
        # year, flow, exporter, importer, value_usd, reporter
        (2014, "exports", "AAA", "BBB", 10e9, "AAA"), (2014, "imports", "AAA", "BBB", 11e9, "BBB"),
        (2014, "exports", "BBB", "AAA", 5e9, "BBB"), (2014, "imports", "BBB", "AAA", 5.2e9, "AAA"),
        (2014, "turnover", "AAA", "BBB", 15.2e9, "AAA"), (2014, "turnover", "AAA", "BBB", 16e9, "BBB"),
        (2015, "exports", "AAA", "BBB", 8e9, "AAA"), (2015, "imports", "AAA", "BBB", 8.4e9, "BBB"),
        (2015, "exports", "BBB", "AAA", 4e9, "BBB"), (2015, "imports", "BBB", "AAA", 4.4e9, "AAA"),
        (2015, "turnover", "AAA", "BBB", 12.4e9, "AAA"), (2015, "turnover", "AAA", "BBB", 12.4e9, "BBB"),
        (2016, "turnover", "AAA", "BBB", 14e9, "AAA"), (2016, "turnover", "AAA", "BBB", 14.6e9, "BBB"),
    ]
    df = pd.DataFrame(rows, columns=["year", "flow", "exporter", "importer", "value_usd", "reporter"])
    df["source"] = "test agency"
    path = tmp_path / "series.csv"
    df.to_csv(path, index=False)
    return path


def claims(*rows):
    """A claims frame from a few fields per claim; the rest take the defaults of an annual, dated outcome."""
    out = []
    for i, r in enumerate(rows):
        sid = r.pop("source_id", "a")
        start = 100 * i
        mention = r.pop("mention", "x")
        out.append({"claim_id": f"{sid}:{start}-{start + len(mention)}", "source_id": sid, "char_start": start,
                    "char_end": start + len(mention), "mention": mention, "sentence": r.pop("sentence", f"s{i}"),
                    "unit": "USD", "unit_basis": "stated", "qualifier": "exact", "economy": "AAA", "partner": "BBB",
                    "period_kind": "year", "period_basis": "stated", "outlook": "actual", "lang": "en",
                    "citation": f"Outlet {sid}, 2016-03 [{sid}]", **r})
    return frame("claims", out)


def run(tmp_path, df, reference=NO_REFERENCE):
    return reconcile(df, reference, SOURCES, official=official.read(series_file(tmp_path)))


# ------------------------------------------------------------------------------------ reading the file


def test_read_keeps_the_newest_vintage_and_hashes_the_file(tmp_path):
    path = series_file(tmp_path)
    extra = pd.read_csv(path).assign(source="old vintage").query("year == 2014")
    extra.to_csv(path, mode="a", header=False, index=False)
    o = official.read(path)
    assert set(o.frame["source"]) == {"test agency"} and len(o.frame) == 14
    assert len(o.sha256) == 64 and o.provenance()["file"] == "series.csv"
    assert official.lookup(o)[(("flow", "AAA", "BBB"), 2014)] == {"AAA": 10e9, "BBB": 11e9}


def test_malformed_series_is_refused_with_the_line(tmp_path):
    path = series_file(tmp_path)
    df = pd.read_csv(path)
    df.loc[3, "reporter"] = "BBB"  # an imports row must be the importer's report
    df.to_csv(path, index=False)
    with pytest.raises(official.OfficialSeriesError, match=r"the importer.s \(lines 5\)"):
        official.read(path)
    df.drop(columns="reporter").to_csv(path, index=False)
    with pytest.raises(official.OfficialSeriesError, match="missing column.*reporter"):
        official.read(path)


def test_path_from_argument_then_environment_then_default(tmp_path, monkeypatch):
    monkeypatch.delenv(official.ENV, raising=False)
    assert official.resolve(tmp_path) == tmp_path / ".." / "shared" / "official_series" / "series.csv"
    monkeypatch.setenv(official.ENV, str(tmp_path / "env.csv"))
    assert official.resolve(tmp_path) == tmp_path / "env.csv"
    assert official.resolve(tmp_path, tmp_path / "arg.csv") == tmp_path / "arg.csv"


def test_build_without_the_series_says_so_once_and_builds_the_rest(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv(official.ENV, raising=False)
    root = copy_project(tmp_path / "p")
    tables = build.run(root, package_data=False)
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [official.missing_message(official.resolve(root))]
    assert not (tables["reconciliation"]["kind"] == "official").any() and len(tables["claims"]) > 0
    prov = json.loads((root / "data" / "processed" / "datapackage.json").read_text())["kztrade:provenance"]
    assert prov["official_series"]["sha256"] is None


def test_cli_official_path_is_read_and_recorded_not_copied(tmp_path, monkeypatch):
    monkeypatch.delenv(official.ENV, raising=False)
    root = copy_project(tmp_path / "p")
    path = series_file(tmp_path)
    assert main(["build", "--root", str(root), "--official", str(path)]) == 0
    prov = json.loads((root / "data" / "processed" / "datapackage.json").read_text())["kztrade:provenance"]
    assert prov["official_series"]["sha256"] == official.read(path).sha256
    assert prov["official_series"]["reporters"] == ["AAA", "BBB"]
    digest = official.read(path).sha256
    for f in (root / "data").rglob("*"):
        if f.is_file():
            assert official.hashlib.sha256(f.read_bytes()).hexdigest() != digest, f
    assert main(["build", "--root", str(root), "--official", str(tmp_path / "nowhere.csv")]) == 2


# ------------------------------------------------------------------------------------ the official checks


def test_a_claim_names_the_reporter_it_matches(tmp_path):
    rec = run(tmp_path, claims({"mention": "$10.9 billion", "value": 10.9e9, "measure": "exports", "year": 2014}))
    row = rec[rec["kind"] == "official"].iloc[0]
    assert row["reporter"] == "BBB" and row["verdict"] == "consistent" and row["reading"] == "as_dated"
    assert (row["expected_low"], row["expected_high"]) == (10e9, 11e9)
    assert "matches BBB's report" in row["explanation"] and "9.1 % lower" in row["explanation"]


def test_the_explanation_says_whom_the_article_attributes_the_figure_to(tmp_path):
    rec = run(tmp_path, claims({"mention": "$11 billion", "value": 11e9, "measure": "imports", "economy": "BBB",
                                "partner": "AAA", "year": 2014, "attributed_to": "the customs office of BBB"}))
    row = rec.iloc[0]
    assert row["reporter"] == "BBB" and "(attributed to the customs office of BBB) gives" in row["explanation"]


def test_a_claim_outside_the_mirror_band_matches_neither(tmp_path):
    rec = run(tmp_path, claims({"mention": "$20 billion", "value": 20e9, "measure": "trade_turnover", "year": 2014}))
    row = rec[rec["kind"] == "official"].iloc[0]
    assert row["verdict"] == "inconsistent" and "matches neither report" in row["explanation"]
    assert row["rel_diff"] == pytest.approx((20e9 - 16e9) / 16e9)


def test_undated_claim_is_read_both_ways(tmp_path):
    # published 2016-03 and undated: as of 2016 it is far off, as of 2015 it matches
    rec = run(tmp_path, claims({"mention": "$12.4 billion", "value": 12.4e9, "measure": "trade_turnover",
                                "year": 2016, "period_basis": "publication_year"}))
    row = rec[rec["kind"] == "official"].iloc[0]
    assert row["reading"] == "year_before" and row["year"] == 2015 and row["verdict"] == "consistent"
    assert "a 2016 level), it matches neither" in row["explanation"]


def test_undated_claim_with_one_reading_uncovered_is_indeterminate(tmp_path):
    rec = run(tmp_path, claims({"mention": "$30 billion", "value": 30e9, "measure": "trade_turnover",
                                "year": 2014, "period_basis": "publication_year"}))
    row = rec[rec["kind"] == "official"].iloc[0]
    assert row["verdict"] == "indeterminate" and pd.isna(row["rel_diff"])
    assert "the series has no 2013 figure" in row["explanation"]


def test_a_percentage_fall_implies_the_year_before(tmp_path):
    s = "Trade fell 22.5% in 2015 to $12.4 billion."
    rec = run(tmp_path, claims({"mention": "22.5%", "value": -22.5, "unit": "percent", "measure": "growth_rate",
                                "year": 2015, "sentence": s},
                               {"mention": "$12.4 billion", "value": 12.4e9, "measure": "trade_turnover",
                                "year": 2015, "sentence": s}))
    off = rec[rec["kind"] == "official"].set_index("year")
    assert off.loc[2014, "observed"] == pytest.approx(12.4e9 / 0.775)      # 16.0 bn
    assert off.loc[2014, "verdict"] == "consistent" and off.loc[2014, "reporter"] == "BBB"
    change = rec[(rec["kind"] == "official") & (rec["unit"] == "ratio")].iloc[0]
    assert change["observed"] == pytest.approx(0.775) and change["verdict"] == "consistent"


@pytest.mark.parametrize("fields, reason", [
    ({"outlook": "forecast"}, "a forecast, not an outcome"),
    ({"outlook": "target"}, "a target, not an outcome"),
    ({"period_kind": "half", "period_start": "2014-01", "period_end": "2014-06"}, "a part-year figure (half"),
    ({"period_kind": "to_date"}, "a cumulative figure to date"),
])
def test_unlike_figures_are_not_compared(tmp_path, fields, reason):
    rec = run(tmp_path, claims({"mention": "$6 billion", "value": 6e9, "measure": "trade_turnover", "year": 2014,
                                **fields}))
    assert rec["verdict"].tolist() == ["not_comparable"] and rec["rel_diff"].isna().all()
    assert reason in rec["explanation"].iloc[0]


def test_stock_and_flow_of_investment_are_not_compared():
    ref = frame("reference", [{"ref_id": "ref-2014-fdi-1", "year": 2014, "indicator": "fdi", "economy": "AAA",
                               "partner": "BBB", "value_usd": 9e9, "qualifier": "exact",
                               "basis": "accumulated direct investment stock", "stated_by": "a minister",
                               "source_kind": "official_statement", "source_title": "t", "source_url": "u"}])
    flow = claims({"mention": "$1 billion", "value": 1e9, "measure": "direct_investment", "year": 2014})
    stock = claims({"mention": "$9 billion", "value": 9e9, "measure": "direct_investment", "year": 2014,
                    "period_kind": "to_date"})
    assert reconcile(flow, ref, SOURCES)["verdict"].tolist() == ["not_comparable"]
    assert reconcile(stock, ref, SOURCES)["verdict"].tolist() == ["consistent"]


def test_a_direction_against_a_total_is_a_bound(tmp_path):
    s = "Turnover was $15 billion in 2014, of which exports of AAA were $10 billion."
    rec = run(tmp_path, claims({"mention": "$15 billion", "value": 15e9, "measure": "trade_turnover", "year": 2014,
                                "sentence": s},
                               {"mention": "$10 billion", "value": 10e9, "measure": "exports", "year": 2014,
                                "sentence": s}))
    b = rec[rec["kind"] == "bound"].iloc[0]
    assert b["verdict"] == "consistent" and b["rel_diff"] == 0 and b["expected_low"] == 0
    assert b["expected_high"] == 15e9 and "67% of the two-way turnover" in b["explanation"]


def test_official_summary_per_year(tmp_path):
    df = claims({"mention": "$10.9 billion", "value": 10.9e9, "measure": "exports", "year": 2014},
                {"mention": "$20 billion", "value": 20e9, "measure": "trade_turnover", "year": 2014})
    o = official.read(series_file(tmp_path))
    s = official_summary(reconcile(df, NO_REFERENCE, SOURCES, official=o), df, o).set_index("series")
    assert s.loc["AAA–BBB turnover", "official_AAA"] == 15.2e9 and s.loc["AAA–BBB turnover", "official_BBB"] == 16e9
    assert "$20 billion" in s.loc["AAA–BBB turnover", "outside"] and s.loc["AAA→BBB", "outside"] == ""


# ------------------------------------------------------------------------------------ every row, every verdict


def verdict_follows(rec):
    for r in rec.itertuples(index=False):
        if pd.isna(r.rel_diff):
            assert r.verdict in ("indeterminate", "not_comparable"), r
            continue
        lo_e = r.expected_low
        hi_e = math.inf if pd.isna(r.expected_high) else r.expected_high
        lo_o = r.observed_low
        hi_o = math.inf if pd.isna(r.observed_high) else r.observed_high
        gap = (lo_o - hi_e) / r.expected if lo_o > hi_e else (hi_o - lo_e) / r.expected if hi_o < lo_e else 0.0
        assert r.rel_diff == pytest.approx(gap, abs=1e-12), r.check_id
        assert r.verdict == ("consistent" if abs(r.rel_diff) <= r.tolerance + 1e-9 else "inconsistent"), r.check_id


def no_opposite_verdicts(rec):
    firm = rec[rec["verdict"].isin(["consistent", "inconsistent"])]
    keys = ["claim_ids", "reference_ids", "compared_with", "reporter", "year", "unit"]
    per = firm.fillna({"reference_ids": "", "reporter": ""}).groupby(keys)["verdict"].nunique()
    assert (per == 1).all(), per[per > 1]


def test_hand_made_rows_satisfy_their_own_definition(tmp_path):
    s = "Trade fell 22.5% in 2015 to $12.4 billion."
    rec = run(tmp_path, claims(
        {"mention": "22.5%", "value": -22.5, "unit": "percent", "measure": "growth_rate", "year": 2015, "sentence": s},
        {"mention": "$12.4 billion", "value": 12.4e9, "measure": "trade_turnover", "year": 2015, "sentence": s},
        {"mention": "$20 billion", "value": 20e9, "measure": "trade_turnover", "year": 2014, "qualifier": "more_than"},
        {"mention": "$9 billion", "value": 9e9, "measure": "exports", "year": 2014, "qualifier": "approximately"},
        {"mention": "$4 billion", "value": 4e9, "measure": "exports", "economy": "BBB", "partner": "AAA",
         "year": 2016, "period_basis": "publication_year"}))
    assert len(rec) >= 6
    verdict_follows(rec)
    no_opposite_verdicts(rec)
    assert TOL_OFFICIAL in set(rec["tolerance"])


# ------------------------------------------------------------------------------------ charts


def test_charts_cover_every_year_and_no_label_overlaps_another(tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from kztrade import plots
    from kztrade.reconcile import levels_frame

    s = "Trade fell 22.5% in 2015 to $12.4 billion."
    df = claims({"mention": "22.5%", "value": -22.5, "unit": "percent", "measure": "growth_rate", "year": 2015,
                 "sentence": s},
                {"mention": "$12.4 billion", "value": 12.4e9, "measure": "trade_turnover", "year": 2015, "sentence": s},
                {"mention": "$12.5 billion", "value": 12.5e9, "measure": "trade_turnover", "year": 2016,
                 "period_basis": "publication_year", "source_id": "b"},
                {"mention": "$10.9 billion", "value": 10.9e9, "measure": "exports", "year": 2014},
                {"mention": "$6 billion", "value": 6e9, "measure": "trade_turnover", "year": 2014, "outlook": "target"})
    o = official.read(series_file(tmp_path))
    levels = levels_frame(df)
    assert levels["undated"].sum() == 1 and levels["implied"].sum() == 1
    rec = reconcile(df, NO_REFERENCE, SOURCES, official=o)
    for fig in (plots.official_timeline(levels, o), plots.mirror_chart(o, levels), plots.reconciliation_chart(rec)):
        assert plots.text_overlaps(fig) == []
        plt.close(fig)
    fig = plots.official_timeline(levels, o)
    lo, hi = fig.axes[0].get_xlim()
    assert lo < 2014 and hi > 2016  # every official year and every reading of every claim
    labels = [t.get_text() for ax in fig.axes for t in ax.texts]
    assert any("undated: 2015 or 2016" in t for t in labels) and any("implied by “22.5%”" in t for t in labels)
    plt.close(fig)
    fig = plots.reconciliation_chart(rec)
    ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert "OFFICIAL" in ticks and any("vs official 2014" in t for t in ticks)
    assert any("not comparable" in t.get_text() for t in fig.axes[0].texts)
    assert "Kinds with no row in this build" in fig.texts[-1].get_text()
    plt.close(fig)


def test_a_wide_mirror_gap_is_flagged(tmp_path):
    rows = [(2010, "turnover", "AAA", "BBB", 7.8e9, "AAA"), (2010, "turnover", "AAA", "BBB", 16.5e9, "BBB")]
    o = official.read(series_file(tmp_path, rows))
    rec = reconcile(claims({"mention": "$12 billion", "value": 12e9, "measure": "trade_turnover", "year": 2010}),
                    NO_REFERENCE, SOURCES, official=o)
    row = rec.iloc[0]
    assert row["verdict"] == "consistent"  # inside the band, as the definition says ...
    assert "differ by 112%: a band this wide says one of them may be incomplete" in row["explanation"]  # ... flagged
