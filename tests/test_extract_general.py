"""Text the extractor has never seen: phrasing, units and directions the seeds do not use."""
from __future__ import annotations

import pandas as pd
import pytest

import kztrade
from conftest import one

TEXT = (
    "Trade turnover between Kazakhstan and Russia fell by 26 percent to $17.6 billion in 2015. "
    "Kazakhstan's exports to Russia amounted to $4.5 billion, while imports from Russia reached $13.1 billion. "
    "In the first nine months of 2014, bilateral trade decreased 10.5% year-on-year. "
    "The tenge fell to 185 tenge per dollar in February 2014. "
    "Russian investments in Kazakhstan's economy have exceeded $10 billion. "
    "Some 2.5 million ethnic Russians live in Kazakhstan. "
    "Kazakhstan produced 1.7 million barrels per day of oil in 2013 and exported 72 million tonnes. "
    "Inflation reached 8.5% last year. Trade doubled between 2010 and 2013. "
    "Last year trade volume reached 2.5 trillion tenge (US$16.3 billion). "
    "China sold goods worth $1.5-2 billion to Kazakhstan. "
    "Uzbekistan's imports from Russia rose 15% to USD 2.3 billion."
)


@pytest.fixture(scope="module")
def df():
    return kztrade.extract_claims(TEXT, source_id="t", published="2016-03-01")


def test_fall_is_negative_growth_and_level_is_turnover(df):
    fall = one(df, "26 percent")
    assert (fall.value, fall.measure) == (-26, "growth_rate")
    lvl = one(df, "$17.6 billion")
    assert (lvl.measure, lvl.economy, lvl.partner, lvl.year) == ("trade_turnover", "KAZ", "RUS", 2015)


def test_directions_of_exports_and_imports(df):
    ex, im = one(df, "$4.5 billion"), one(df, "$13.1 billion")
    assert (ex.measure, ex.economy, ex.partner) == ("exports", "KAZ", "RUS")
    assert (im.measure, im.economy, im.partner) == ("imports", "KAZ", "RUS")
    uz = one(df, "USD 2.3 billion")
    assert (uz.measure, uz.economy, uz.partner, uz.value) == ("imports", "UZB", "RUS", 2.3e9)


def test_units_rates_and_scales(df):
    assert one(df, "185 tenge per dollar").unit == "KZT_per_USD"
    assert one(df, "1.7 million barrels per day").value == 1.7e6
    assert one(df, "72 million tonnes").unit == "tonnes"
    ppl = one(df, "2.5 million")
    assert (ppl.value, ppl.unit, ppl.qualifier) == (2.5e6, "persons", "approximately")
    kzt, usd = one(df, "2.5 trillion tenge"), one(df, "US$16.3 billion")
    assert (kzt.unit, kzt.value, usd.value) == ("KZT", 2.5e12, 1.63e10)
    assert kzt.year == usd.year == 2015 and kzt.period_basis == "relative"


def test_range_shares_its_scale(df):
    assert sorted(df[df["sentence"].str.startswith("China sold")]["value"]) == [1.5e9, 2e9]


def test_periods_are_not_claims(df):
    assert "nine months" not in df["mention"].tolist()
    doubled = one(df, "doubled")
    assert (doubled.value, doubled.year, doubled.base_year) == (2, 2013, 2010)
    assert one(df, "8.5%").year == 2015


def test_no_publication_date_leaves_year_empty():
    df = kztrade.extract_claims("Exports reached $5 billion.")
    assert df["year"].isna().all() and df["period_basis"].tolist() == ["unknown"]


@pytest.mark.parametrize("text,value,unit", [
    ("They signed three hundred and five agreements.", 305, "count"),
    ("a twofold increase in trade", 2, "ratio"),
    ("nearly two-thirds of the grain", 200 / 3, "percent"),
    ("the loan of €3bn", 3e9, "EUR"),
    ("RUB 1.2 trillion of trade", 1.2e12, "RUB"),
    ("a 7,500-kilometre border", 7500, "km"),
])
def test_grammar(text, value, unit):
    df = kztrade.extract_claims(text)
    assert len(df) == 1
    assert df["value"].iloc[0] == pytest.approx(value) and df["unit"].iloc[0] == unit


SECOND = (
    "Trade fell to $17.1 billion in 2015 from $21.2 billion in 2014. "
    "Russian exports to Kazakhstan dropped by a third last year. "
    "Kazakhstan has received over $200 billion in foreign direct investment since independence. "
    "The Chinese company bought a 49 percent stake for $1.1 billion. "
    "The tenge was devalued by 19 percent in February 2014."
)


@pytest.fixture(scope="module")
def df2():
    return kztrade.extract_claims(SECOND, source_id="t2", published="2016-02-10")


def test_a_figure_binds_to_the_year_right_after_it(df2):
    assert one(df2, "$17.1 billion").year == 2015
    assert one(df2, "$21.2 billion").year == 2014


def test_a_fraction_of_change_is_a_negative_growth_rate(df2):
    third = one(df2, "a third")
    assert third.value == pytest.approx(-100 / 3) and third.measure == "growth_rate"
    assert (third.economy, third.partner, third.year, third.period_basis) == ("RUS", "KAZ", 2015, "relative")
    assert one(df2, "19 percent").value == -19


def test_a_host_that_received_investment_is_not_the_investor(df2):
    fdi = one(df2, "$200 billion")
    assert (fdi.measure, fdi.qualifier, fdi.partner) == ("direct_investment", "more_than", "KAZ")
    assert pd.isna(fdi.economy)
    assert one(df2, "$1.1 billion").measure == "monetary_amount"  # "bought" is not a country's imports


def test_each_clause_names_its_own_pair_and_ranges_share_units():
    df = kztrade.extract_claims(
        "Kazakhstan's trade with China reached $22.4 billion in 2013, while Russia's trade with Kazakhstan "
        "stood at $17.5 billion. Inflation is expected at 3 to 4 percent.", published="2014-06-01")
    china, russia = one(df, "$22.4 billion"), one(df, "$17.5 billion")
    assert (china.economy, china.partner) == ("CHN", "KAZ")
    assert (russia.economy, russia.partner) == ("KAZ", "RUS")
    assert one(df, "3").unit == "percent" and one(df, "4 percent").unit == "percent"


def test_unreadable_publication_date_warns_and_leaves_years_unknown():
    with pytest.warns(UserWarning, match="not a date"):
        df = kztrade.extract_claims("Exports reached $5 billion.", published="sometime")
    assert df["year"].isna().all() and df["value"].tolist() == [5e9]


def test_levels_after_from_and_to_are_not_changes_and_people_who_left_migrated():
    df = kztrade.extract_claims(
        "Russia's share of Kazakhstan's imports fell from 38.6% in 2012 to 34.5% in 2014. "
        "In the 1990s, nearly 2 million people left Kazakhstan. Kazakhstan has a population of 17 million.",
        published="2015-09-01")
    a, b = one(df, "38.6%"), one(df, "34.5%")
    assert (a.value, a.measure, a.year, b.value, b.year) == (38.6, "share", 2012, 34.5, 2014)
    left = one(df, "2 million")
    assert (left.unit, left.measure, left.qualifier) == ("persons", "migration", "approximately")
    pop = one(df, "17 million")
    assert (pop.unit, pop.measure) == ("persons", "population")


def test_relative_year_right_after_a_figure_and_comparisons_with_a_year_earlier():
    df = kztrade.extract_claims(
        "Trade turnover dropped to $17.1 billion last year from $23.9 billion in 2014, a 28 percent decline. "
        "In 2015, 35,000 Kazakhstanis moved to Russia, 20 percent more than a year earlier.",
        published="2016-03-10")
    last, earlier = one(df, "$17.1 billion"), one(df, "$23.9 billion")
    assert (last.year, last.period_basis, earlier.year) == (2015, "relative", 2014)
    assert one(df, "28 percent").value == -28
    more = one(df, "20 percent")
    assert (more.value, more.measure, more.year) == (20, "growth_rate", 2015)
    moved = one(df, "35,000")
    assert (moved.unit, moved.measure, moved.economy) == ("persons", "migration", "RUS")


def test_british_style_and_a_qualified_fraction_of_change():
    df = kztrade.extract_claims(
        "Russia’s exports to Kazakhstan fell by nearly a fifth in 2015, to $10.5bn (£7.1bn). "
        "Kazakhstan is home to some 3.6 million ethnic Russians, around 21 per cent of its people.",
        published="2016-02-01")
    fifth = one(df, "a fifth")
    assert (fifth.value, fifth.qualifier, fifth.measure, fifth.year) == (-20, "approximately", "growth_rate", 2015)
    usd, gbp = one(df, "$10.5bn"), one(df, "£7.1bn")
    assert (usd.economy, usd.partner, gbp.unit, gbp.measure) == ("RUS", "KAZ", "GBP", "exports")
    assert one(df, "21 per cent").unit == "percent"


def test_devaluation_and_a_range_of_exchange_rates():
    df = kztrade.extract_claims(
        "Kazakhstan’s central bank devalued the tenge by 19 percent in February 2014, from 155 to 185 tenge "
        "per dollar.", published="2015-04-01")
    dev = one(df, "19 percent")
    assert (dev.value, dev.measure, dev.year) == (-19, "devaluation", 2014)
    assert one(df, "155").unit == "KZT_per_USD" and one(df, "185 tenge per dollar").unit == "KZT_per_USD"


def test_migrants_and_investors_in_other_phrasings():
    df = kztrade.extract_claims(
        "The number of migrants from Kazakhstan to Russia reached 40,000 in 2015. "
        "Russia is the fifth-largest investor in Kazakhstan, with $10 billion. FDI from Russia reached $1 billion.",
        published="2016-01-01")
    mig = one(df, "40,000")
    assert (mig.unit, mig.measure, mig.economy, mig.partner, mig.year) == ("persons", "migration", "RUS", "KAZ", 2015)
    for m in ("$10 billion", "$1 billion"):
        c = one(df, m)
        assert (c.measure, c.economy, c.partner) == ("direct_investment", "RUS", "KAZ")


def test_modal_multiples_date_ranges_and_years_of_other_clauses():
    df = kztrade.extract_claims(
        "The two governments aim to double trade by 2010. They want to avoid double taxation. "
        "The forum will be held on September 5-6. About 2.5 million Kazakhs live abroad, and the government "
        "hopes to bring back 15,000 families by 2007.", published="2006-01-27")
    d = one(df, "double")
    assert (d.value, d.unit, d.year) == (2, "ratio", 2010)
    assert "6" not in df["mention"].tolist()
    assert one(df, "2.5 million").year == 2006 and one(df, "15,000").year == 2007


def test_a_year_earlier_than_the_sentences_year():
    df = kztrade.extract_claims(
        "According to Rosstat, 38,000 people moved from Kazakhstan to Russia in 2011, down from 41,000 a year "
        "earlier.", published="2012-05-01")
    now, then = one(df, "38,000"), one(df, "41,000")
    assert (now.measure, now.unit, now.year) == ("migration", "persons", 2011)
    assert (then.measure, then.unit, then.year) == ("migration", "persons", 2010)


def test_main_pair_counts_mentions_and_breaks_ties_by_the_first():
    from kztrade.countries import main_pair

    text = "Georgia and Armenia met. Armenia, then Georgia and Turkey. Turkey spoke last; Brazil did not."
    assert main_pair(text) == ("GEO", "ARM")  # Georgia, Armenia and Turkey twice each: Georgia first
    assert main_pair(text, end=text.index("then")) == ("ARM", "GEO")
    assert main_pair("No country here.") == ()


def test_a_name_beginning_in_lower_case_is_found_where_it_occurs():
    from kztrade.countries import find_countries

    # the scan leaves out the lower-case names only where none of them is printed
    assert find_countries("talks with the State of Palestine and with Eritrea") == [
        (11, 33, "PSE"), (43, 50, "ERI")]
    assert find_countries("the trade of Eritrea") == [(13, 20, "ERI")]
    text = "the State of Eritrea"
    assert find_countries(text, 0, len(text)) == [(0, 20, "ERI")]
    assert find_countries(text, 1, len(text)) == [(13, 20, "ERI")]


def test_attribution_is_read_only_where_its_words_are():
    text = ("Exports to Russia reached $3.1 billion, according to the customs committee. "
            "Imports fell to $1.2 billion. The Finance Ministry said trade rose 12% in 2019. "
            "Statistics from the central bank show reserves of $30 billion.")
    got = kztrade.extract_claims(text, source_id="a", published="2020-02-01")
    by_value = dict(zip(got["value"], got["attributed_to"]))
    assert by_value[3.1e9] == "the customs committee"
    assert pd.isna(by_value[1.2e9])
    assert by_value[12.0] == "The Finance Ministry"
    assert by_value[30e9] == "the central bank"


def test_the_claim_stage_reads_the_same_with_the_tokenizers_lower_cased_text():
    from kztrade.extract import claim_stage, publication_date, read_stage

    date = publication_date("2016-03-01")
    *read, scan = read_stage(TEXT, "en")
    assert scan is not None and scan.text is TEXT
    shared = claim_stage(TEXT, "t", date, "en", *read, scan)
    own = claim_stage(TEXT, "t", date, "en", *read_stage(TEXT, "en")[:4])
    assert shared == own and len(shared[0]) >= 10
