"""The reconciliation: checks derived by rule, right verdicts, independent of row order."""
from __future__ import annotations

import pandas as pd
import pytest

import kztrade
from kztrade.reconcile import reconcile


@pytest.fixture(scope="module")
def rec():
    return kztrade.load("reconciliation")


def find(rec, kind, *mentions_in_explanation):
    rows = rec[(rec["kind"] == kind)]
    for m in mentions_in_explanation:
        rows = rows[rows["explanation"].str.contains(m, regex=False)]
    assert len(rows) >= 1, f"no {kind} check mentioning {mentions_in_explanation}"
    return rows


def test_imports_alone_exceed_the_implied_2003_turnover(rec):
    row = find(rec, "implied_level", "tripled", "$3.27 billion").iloc[0]
    assert row["year"] == 2003 and row["verdict"] == "inconsistent"
    assert row["expected"] == pytest.approx(8e9 / 3) and row["observed"] == pytest.approx(3.27e9)
    assert "cannot exceed the total" in row["explanation"]


def test_fourfold_path_against_claims_in_between(rec):
    rows = find(rec, "growth_path", "fourfold")
    by_year = rows.set_index("year")
    assert by_year.loc[2005, "verdict"] == "consistent"          # $8bn in 2005 sits near the steady path
    assert by_year.loc[2005, "expected"] == pytest.approx(2.38e10 / 4 * 4 ** 0.3)
    assert by_year.loc[2003, "verdict"] == "inconsistent"        # the tripling implies far less in 2003


def test_flows_both_ways_match_turnover_of_adjacent_year(rec):
    row = find(rec, "sum_of_flows", "plus").iloc[0]
    assert row["observed"] == pytest.approx(1.77e10 + 5.8e9) and row["expected"] == pytest.approx(2.38e10)
    assert row["verdict"] == "consistent" and "adjacent year" in row["explanation"]


def test_pound_conversion_used_the_publication_rate(rec):
    rows = rec[rec["kind"] == "currency"]
    assert len(rows) == 2 and set(rows["unit"]) == {"GBP_per_USD"}
    assert rows["observed"].iloc[0] == pytest.approx(11.7 / 17.7)
    assert sorted(rows["verdict"]) == ["consistent", "inconsistent"]
    assert rows["explanation"].str.contains("converted at the rate in January 2015").all()


def test_shares_and_reference(rec):
    assert find(rec, "shares", "70%", "70 percent")["verdict"].tolist() == ["consistent"]
    ref = rec[rec["kind"] == "reference"]
    assert set(ref["reference_ids"]) == {"ref-2003-turnover-1", "ref-2005-turnover-1", "ref-2005-turnover-2",
                                         "ref-2012-turnover-1"}
    assert ref.set_index("reference_ids").loc["ref-2012-turnover-1", "verdict"] == "consistent"
    assert ref.set_index("reference_ids").loc["ref-2003-turnover-1", "verdict"] == "inconsistent"


def test_reference_is_its_own_series():
    ref = kztrade.load("reference")
    assert len(ref) == 23 and ref["source_url"].notna().all()
    claims = kztrade.load("claims")
    assert not claims["claim_id"].str.startswith("ref-").any()


def test_verdicts_do_not_depend_on_row_order(rec):
    claims, ref, src = kztrade.load("claims"), kztrade.load("reference"), kztrade.load("sources")
    shuffled = reconcile(claims.sample(frac=1, random_state=7), ref.sample(frac=1, random_state=3), src)
    pd.testing.assert_frame_equal(shuffled, rec)


def test_new_articles_bring_new_checks():
    claims = kztrade.extract_claims(
        "Trade between Russia and Kazakhstan doubled over the last five years to $20 billion in 2012. "
        "In 2007 trade turnover between the two was $16.5 billion.", source_id="x", published="2013-05-01")
    sources = pd.DataFrame({"source_id": ["x"], "published": ["2013-05"]})
    rec = reconcile(claims, kztrade.load("reference"), sources)
    implied = rec[rec["kind"] == "implied_level"].iloc[0]
    assert implied["year"] == 2007 and implied["expected"] == pytest.approx(1e10)
    assert implied["verdict"] == "inconsistent"
    ref = rec[(rec["kind"] == "reference") & (rec["year"] == 2007)]
    assert len(ref) == 2  # the stated $16.5bn and the implied $10bn, each against the 2007 reference figure


def test_figures_are_written_as_png_and_svg(tmp_path):
    from kztrade.reports import figures

    made = figures(tmp_path)
    assert sorted(p.name for p in made) == sorted(f"{n}.{e}" for n in ("claims-overview", "trade-timeline",
                                                                       "reconciliation") for e in ("png", "svg"))
    for p in made:
        head = p.read_bytes()[:8]
        assert head.startswith(b"\x89PNG") if p.suffix == ".png" else b"<?xml" in head
