"""The seed articles' claims, value by value: the figures the package exists for."""
from __future__ import annotations

import pytest

from conftest import one

EDM_2005_05 = "000_109688c0598e7337"
CACI_2005 = "001_830865ea79d8b8fc"
ANALYSIS_2015 = "002_9a5cc77a6e7e3026"
CACI_2013 = "003_276f74ebf33d273e"
EDM_2005_01 = "004_0cf69e1f5984bc52"


def test_trade_tripled_to_eight_billion(seed_claims):
    df = seed_claims[EDM_2005_05]
    level = one(df, "$8 billion")
    assert (level.value, level.unit, level.measure) == (8e9, "USD", "trade_turnover")
    assert {level.economy, level.partner} == {"KAZ", "RUS"}
    assert level.year == 2005 and level.period_basis == "publication_year"
    change = one(df, "tripled")
    assert (change.value, change.unit, change.measure) == (3, "ratio", "growth_factor")
    assert (change.year, change.base_year) == (2005, 2003)
    share = one(df, "70%")
    assert (share.value, share.measure, share.qualifier) == (70, "cross_border_share", "exact")


def test_twenty_three_point_eight_billion_is_approximate_turnover_in_2012(seed_claims):
    df = seed_claims[CACI_2013]
    level = one(df, "US$ 23.8 billion")
    assert level.value == pytest.approx(2.38e10)
    assert (level.unit, level.qualifier, level.measure, level.year) == ("USD", "approximately", "trade_turnover", 2012)
    assert level.period_basis == "stated"
    four = one(df, "fourfold")
    assert (four.value, four.year, four.base_year) == (4, 2012, 2002)
    over = one(df, "70 percent")
    assert (over.qualifier, over.measure, over.year) == ("more_than", "cross_border_share", 2012)
    jv = one(df, "5,000")
    assert (jv.value, jv.unit, jv.qualifier) == (5000, "count", "more_than")


def test_pound_and_dollar_are_two_claims_with_one_direction(seed_claims):
    df = seed_claims[ANALYSIS_2015]
    usd, gbp, kz = one(df, "$17.7bn"), one(df, "£11.7bn"), one(df, "$5.8bn")
    assert (usd.value, usd.unit, gbp.value, gbp.unit) == (1.77e10, "USD", 1.17e10, "GBP")
    for c in (usd, gbp):
        assert (c.measure, c.economy, c.partner, c.year) == ("exports", "RUS", "KAZ", 2013)
    assert (kz.measure, kz.economy, kz.partner, kz.year) == ("exports", "KAZ", "RUS", 2013)
    fdi = one(df, "$1.3bn")
    assert (fdi.measure, fdi.economy, fdi.partner, fdi.qualifier) == ("direct_investment", "RUS", "KAZ",
                                                                       "approximately")
    quarter = one(df, "a quarter")
    assert (quarter.value, quarter.unit) == (25, "percent")
    assert one(df, "75 years old").measure == "age"


def test_imports_and_migration_with_their_years(seed_claims):
    df = seed_claims[EDM_2005_01]
    imp = one(df, "$3.27 billion")
    assert (imp.value, imp.measure, imp.economy, imp.partner, imp.year) == (3.27e9, "imports", "KAZ", "RUS", 2003)
    m03, m04 = one(df, "28,668"), one(df, "32,228")
    assert (m03.value, m03.unit, m03.measure, m03.year) == (28668, "persons", "migration", 2003)
    # "In 2004 the figure rose to 32,228": the figure is the migrants of the sentence before
    assert (m04.value, m04.unit, m04.measure, m04.year) == (32228, "persons", "migration", 2004)
    assert 2003 not in df["value"].tolist()


def test_durations_counts_and_no_dates(seed_claims):
    df = seed_claims[CACI_2005]
    assert set(df["mention"]) >= {"two-day", "five years", "two months"}
    assert one(df, "five years").unit == "years"
    assert not df["mention"].str.contains("2005").any()
    edm = seed_claims[EDM_2005_05]
    assert one(edm, "150-kilometer").unit == "km"
    assert one(edm, "Seven").subject == "regions"
    assert not edm["mention"].isin(["17", "18", "20", "2", "100"]).any()
