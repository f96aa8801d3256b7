"""The period model: what period a figure covers, what it is compared with, whether it is an outcome.

Every sentence here is written for these tests. Each test pins one kind of failure seen in real articles.
"""
from __future__ import annotations

import re

import pytest

import kztrade

from conftest import one

COLS = ["year", "period_start", "period_end", "period_kind", "period_basis", "base_year", "base_period", "outlook"]


def row(df, mention):
    r = one(df, mention)
    return tuple(None if (v is None or v is __import__("pandas").NA) else v for v in (r[c] for c in COLS))


def ex(text, published="2018-03-15"):
    return kztrade.extract_claims(text, source_id="p", published=published)


def test_a_half_year_is_not_a_year():
    df = ex("In the first half of 2017, trade between Kazakhstan and Russia grew 30% to $7.8 billion.")
    assert row(df, "$7.8 billion") == (2017, "2017-01", "2017-06", "half", "stated", None, None, "actual")


def test_months_of_the_current_year_against_the_publication_date():
    df = ex("In January-September, Kazakhstan's exports to Russia rose to $3.1 billion.", "2018-10-20")
    assert row(df, "$3.1 billion") == (2018, "2018-01", "2018-09", "months", "relative", None, None, "actual")
    df = ex("In the first nine months of this year, trade with Russia rose to $13 billion.", "2018-10-20")
    assert row(df, "$13 billion")[:4] == (2018, "2018-01", "2018-09", "months")


def test_a_quarter_and_a_month():
    df = ex("Exports to Russia reached $1.2 billion in the second quarter of 2016 and $0.5 billion in May 2016.")
    assert row(df, "$1.2 billion")[:4] == (2016, "2016-04", "2016-06", "quarter")
    assert row(df, "$0.5 billion")[:4] == (2016, "2016-05", "2016-05", "month")


def test_two_month_ranges_in_one_sentence_each_keep_their_own_kind():
    # the first range is a half: the second must not be read as one (it raised IndexError)
    df = ex("Exports reached $5 billion in January-June 2015 and $3 billion in July-September 2015.")
    assert row(df, "$5 billion")[:4] == (2015, "2015-01", "2015-06", "half")
    assert row(df, "$3 billion")[:4] == (2015, "2015-07", "2015-09", "quarter")


def test_a_month_without_a_year_is_the_last_one_before_publication():
    df = ex("Inflation slowed to 7.4 percent in December.", "2018-03-15")
    assert row(df, "7.4 percent")[:5] == (2017, "2017-12", "2017-12", "month", "relative")


def test_the_comparison_base_is_never_the_claims_own_period():
    df = ex("Trade turnover reached $17.5 billion in 2017, a 9 percent rise over 2016.")
    assert row(df, "9 percent") == (2017, "2017-01", "2017-12", "year", "stated", 2016, "2016-01/2016-12", "actual")
    df = ex("In the first half of 2020 mutual trade came to $8 billion, down 14% on the same period of 2019.",
            "2020-08-01")
    assert row(df, "14%") == (2020, "2020-01", "2020-06", "half", "stated", 2019, "2019-01/2019-06", "actual")
    assert one(df, "14%").value == -14


def test_a_level_compared_with_an_earlier_figure():
    df = ex("Trade reached $6 billion in 2010, up from $4 billion in 2009.")
    assert row(df, "$6 billion")[:1] + row(df, "$6 billion")[5:7] == (2010, 2009, "2009-01/2009-12")
    assert row(df, "$4 billion")[:4] == (2009, "2009-01", "2009-12", "year")
    # without a period of its own, the first level does not take the year of the one it is compared with
    df = ex("Trade reached $6 billion, up from $4 billion in 2009.", "2011-02-01")
    assert (one(df, "$6 billion").year, one(df, "$6 billion").period_basis) == (2011, "publication_year")


def test_a_year_earlier_counts_from_the_sentences_year():
    df = ex("Kazakh exports to Russia were $4.5 billion in 2017, against $3.9 billion a year earlier.")
    assert row(df, "$3.9 billion")[:4] == (2016, "2016-01", "2016-12", "year")


def test_a_span_opened_and_closed_by_two_figures():
    df = ex("Between 2005 and 2006, Russian investment in Kazakhstan grew from $15 million to $90 million.")
    assert (one(df, "$15 million").year, one(df, "$90 million").year) == (2005, 2006)
    # the figure that closes the span takes its end, not the last year printed before it
    df = ex("Between 2005 and 2008, as in 2003, Russian investment in Kazakhstan grew from $15 million to $90 million.")
    assert (one(df, "$15 million").year, one(df, "$90 million").year) == (2005, 2008)


def test_forecasts_and_targets_are_not_outcomes():
    df = ex("Trade with Russia is expected to reach $30 billion by 2025.")
    assert row(df, "$30 billion")[:1] + row(df, "$30 billion")[-1:] == (2025, "forecast")
    df = ex("The two governments plan to double trade by 2030.")
    assert (one(df, "double").year, one(df, "double").outlook) == (2030, "target")
    df = ex("Mutual trade could triple in 15 years.", "2018-03-15")
    t = one(df, "triple")
    assert (t.year, t.base_year, t.outlook) == (2033, 2018, "forecast")


def test_the_previous_sentence_gives_the_period_it_continues():
    df = ex("In 2016 trade with Russia reached $17 billion. Of the total, Kazakh exports accounted for "
            "$4.5 billion.\nA new paragraph names $2 billion of loans.")
    assert row(df, "$4.5 billion")[:5] == (2016, "2016-01", "2016-12", "year", "previous_sentence")
    # a paragraph break ends the continuation
    assert one(df, "$2 billion").period_basis == "publication_year"


def test_a_deadline_is_not_continued_by_the_next_sentence():
    df = ex("The governments aim to double trade by 2025. About 2.5 million tourists visited last year.")
    assert one(df, "2.5 million").year == 2017


def test_a_year_that_names_a_thing_is_not_a_period():
    df = ex("The 2018 budget was drafted in 2016 and assumes oil at $55 per barrel.")
    assert one(df, "$55 per barrel").year == 2016


def test_an_event_whose_year_the_article_gives():
    df = ex("The common market opened in 2015.\nShipments to Russia came to $4 billion in the first year after "
            "the common market opened, officials say.", "2019-01-01")
    assert (one(df, "$4 billion").year, one(df, "$4 billion").period_basis) == (2015, "event")


def test_a_stock_accumulated_since_a_year():
    df = ex("Accumulated Russian direct investment in Kazakhstan since 2005 reached $12 billion.", "2018-03-15")
    assert row(df, "$12 billion")[:5] == (2018, "2005-01", "2018-03", "to_date", "publication_year")


def test_who_the_figure_is_from():
    df = ex("According to the Eurasian Economic Commission, trade between Russia and Kazakhstan rose to "
            "$19.1 billion last year. Kazakh customs data show imports from Russia of $11.9 billion in 2017. "
            "Russia's statistics agency said trade with Kazakhstan reached $18 billion in 2017. "
            "Exports were $5 billion.")
    assert one(df, "$19.1 billion").attributed_to == "the Eurasian Economic Commission"
    assert one(df, "$11.9 billion").attributed_to == "Kazakh customs"
    assert one(df, "$18 billion").attributed_to == "Russia's statistics agency"
    assert one(df, "$5 billion").attributed_to is __import__("pandas").NA


def test_economies_of_a_flow_whose_importer_is_the_articles_other_economy():
    df = ex("Russia and Kazakhstan signed a deal. Kazakh exports to Russia dropped to $4.5 billion while imports "
            "from Russia reached $10.5 billion.")
    e, i = one(df, "$4.5 billion"), one(df, "$10.5 billion")
    assert (e.measure, e.economy, e.partner) == ("exports", "KAZ", "RUS")
    assert (i.measure, i.economy, i.partner) == ("imports", "KAZ", "RUS")


def test_economy_is_never_its_own_partner():
    df = ex("Kazakhstan and Russia met. Trade with Russia fell by 22 per cent in 2015. "
            "Kazakhstan aims to double trade with Russia.")
    assert not (df["economy"].notna() & (df["economy"] == df["partner"])).any()
    assert (one(df, "22 per cent").economy, one(df, "22 per cent").partner) == ("KAZ", "RUS")


def test_a_deficit_is_a_negative_balance_not_turnover():
    df = ex("Kazakhstan ran a trade deficit of $6 billion with Russia in 2016.")
    d = one(df, "$6 billion")
    assert (d.measure, d.value, d.economy, d.partner) == ("trade_balance", -6e9, "KAZ", "RUS")


def test_coordinated_flows_share_their_partner_and_period():
    df = ex("Kazakhstan trades widely. Exports to Turkey rose to $2.1 billion and imports to $1.4 billion in 2017.")
    assert (one(df, "$2.1 billion").partner, one(df, "$2.1 billion").year) == ("TUR", 2017)
    assert (one(df, "$1.4 billion").measure, one(df, "$1.4 billion").partner) == ("imports", "TUR")


def test_total_trade_is_with_the_world_and_groups_are_economies():
    df = ex("Kazakhstan's total foreign trade reached $77.6 billion in 2017.")
    assert (one(df, "$77.6 billion").economy, one(df, "$77.6 billion").partner) == ("KAZ", "WLD")
    df = ex("Kazakhstan's trade with the EAEU reached $19 billion in 2017.")
    assert {one(df, "$19 billion").economy, one(df, "$19 billion").partner} == {"KAZ", "EAEU"}


def test_measures_beyond_trade():
    df = ex("Kazakhstan spent $12 billion of reserves defending the tenge in 2014. The central bank cut its base "
            "rate to 9.25 percent. The fiscal deficit reached 3.5% of GDP in 2016. The tenge weakened to 340 per "
            "dollar. Kazakhstani capital in Russian firms amounts to $3 billion.")
    assert one(df, "$12 billion").measure == "fx_intervention"
    assert one(df, "9.25 percent").measure == "interest_rate"
    assert (one(df, "3.5%").measure, one(df, "3.5%").value) == ("fiscal_balance", -3.5)
    assert (one(df, "340").unit, one(df, "340").measure) == ("KZT_per_USD", "exchange_rate")
    c = one(df, "$3 billion")
    assert (c.measure, c.economy, c.partner) == ("direct_investment", "KAZ", "RUS")


def test_goods_shipped_across_the_border_are_a_flow_in_tonnes():
    df = ex("Kazakhstan shipped 1.5 million tonnes of wheat to Russia last year.")
    w = one(df, "1.5 million tonnes")
    assert (w.measure, w.unit, w.economy, w.partner, w.year) == ("exports", "tonnes", "KAZ", "RUS", 2017)


def test_a_bare_scaled_figure_takes_the_articles_currency_and_says_so():
    df = ex("Trade with Russia was $9 billion in 2016. Trade this year may reach 10 billion.")
    b = one(df, "10 billion")
    assert (b.unit, b.unit_basis, b.measure, b.outlook) == ("USD", "inferred", "trade_turnover", "forecast")
    assert one(df, "$9 billion").unit_basis == "stated"
    # with no currency stated for the measure, no guess: a count
    df = ex("Trade this year may reach 10 billion.")
    assert (one(df, "10 billion").unit, one(df, "10 billion").measure) == ("count", "count")


def test_period_columns_are_consistent_on_every_seed_claim(seed_claims):
    for df in seed_claims.values():
        dated = df[df["year"].notna()]
        assert (dated["period_end"].str[:4].astype(int) == dated["year"]).all()
        assert (dated["period_start"].isna() | (dated["period_start"] <= dated["period_end"])).all()
        based = df[df["base_year"].notna() & df["year"].notna()]
        assert (based["base_year"] < based["year"]).all()


def test_each_lexicon_name_is_defined_once():
    """Two sections of a language module must not give one name two meanings (the later silently wins)."""
    from importlib import resources

    for lang in ("en", "ru"):
        src = resources.files("kztrade").joinpath(f"lang/{lang}.py").read_text(encoding="utf-8")
        names = re.findall(r"^([A-Za-z_]\w*)\s*(?::[^=\n]+)?=(?!=)", src, re.M)
        dup = sorted({n for n in names if names.count(n) > 1})
        assert dup == [], f"{lang}.py defines {dup} more than once"


@pytest.mark.parametrize("table", ["claims"])
def test_the_new_columns_are_in_every_output(table, tmp_path):
    cols = kztrade.load(table).columns.tolist()
    for c in ("period_start", "period_end", "period_kind", "base_period", "outlook", "attributed_to", "unit_basis",
              "lang"):
        assert c in cols
    assert ex("Exports were $1 billion in 2016.").columns.tolist() == cols


def test_pandera_rejects_an_economy_that_is_its_own_partner():
    from kztrade.validate import TableValidationError, validate_all

    tables = {t: kztrade.load(t) for t in kztrade.tables()}
    claims = tables["claims"].copy()
    claims.loc[0, ["economy", "partner"]] = ["KAZ", "KAZ"]
    tables["claims"] = claims
    with pytest.raises(TableValidationError, match="economy_differs_from_partner"):
        validate_all(tables)


def test_it_points_back_to_the_measure_named_before():
    df = ex("Kazakhstan and Russia are neighbours. Their trade turnover keeps growing. In 2016 it reached "
            "$15 billion, and it will amount to $17 billion by the end of this year.", "2017-09-01")
    a, b = one(df, "$15 billion"), one(df, "$17 billion")
    assert (a.measure, a.economy, a.partner, a.year, a.outlook) == ("trade_turnover", "KAZ", "RUS", 2016, "actual")
    assert (b.measure, b.year, b.outlook) == ("trade_turnover", 2017, "forecast")


def test_an_amount_in_brackets_is_the_same_figure_in_another_currency():
    df = ex("Trade between Kazakhstan and Russia topped 900 billion roubles ($11 billion) in January-June.",
            "2022-08-01")
    usd = one(df, "$11 billion")
    assert (usd.measure, usd.economy, usd.partner, usd.period_kind, usd.period_end) == (
        "trade_turnover", "KAZ", "RUS", "half", "2022-06")


def test_a_level_exceeded_by_a_percentage_is_a_change():
    df = ex("Kazakhstan and Russia: trade between the two exceeds last year's level by 25 %.", "2009-05-01")
    g = one(df, "25 %")
    assert (g.measure, g.value, g.year, g.base_year) == ("growth_rate", 25, 2009, 2008)


def test_from_one_month_to_another_is_a_period_not_a_bound():
    df = ex("This year, from January to May, exports to Russia came to $2 billion.", "2019-07-01")
    assert row(df, "$2 billion")[:4] == (2019, "2019-01", "2019-05", "months")


def test_inter_regional_cooperation_is_cross_border_trade():
    df = ex("Kazakhstan and Russia say inter-regional cooperation gives some 60 % of their trade turnover.")
    assert one(df, "60 %").measure == "cross_border_share"


def test_a_comparison_after_the_figures_clause_and_a_bracketed_year():
    df = ex("Trade between Kazakhstan and Russia rose by 9% compared to the same period of 2021 and reached "
            "600 billion Russian roubles in January-March [of 2022], or 3 trillion tenges.", "2022-06-01")
    g = one(df, "9%")
    assert (g.base_year, g.base_period) == (2021, "2021-01/2021-03")
    assert row(df, "600 billion Russian roubles")[:4] == (2022, "2022-01", "2022-03", "quarter")
    assert (one(df, "3 trillion tenges").unit, one(df, "3 trillion tenges").measure) == ("KZT", "trade_turnover")


def test_report_numbers_printed_with_a_degree_sign_are_document_numbers():
    from kztrade.extract import extract_tokens

    toks = extract_tokens("See the Policy Report N°17 and Briefing Nº 9 on customs.")
    assert toks["reason"].tolist() == ["document_number", "document_number"]


def test_n_months_of_a_year_is_a_period_and_our_estimates_name_nobody():
    from kztrade.extract import extract_tokens

    text = ("On the results of 10 months of this year, trade with Russia amounted to $19 billion. Russian investment "
            "in Kazakhstan, according to our estimates, exceeded $14 billion.")
    df = ex(text, "2021-12-01")
    assert row(df, "$19 billion")[:4] == (2021, "2021-01", "2021-10", "months")
    assert "10 months" not in df["mention"].tolist()
    assert extract_tokens(text).set_index("token").loc["10", "reason"] == "calendar_date"
    assert one(df, "$14 billion").attributed_to is __import__("pandas").NA


def test_an_elliptical_flow_names_its_own_pair():
    df = ex("Accumulated Russian investment in Kazakhstan amounts to $11 bln, and Kazakhstani in Russia about $3 bln.")
    assert (one(df, "$11 bln").economy, one(df, "$11 bln").partner) == ("RUS", "KAZ")
    assert (one(df, "$3 bln").economy, one(df, "$3 bln").partner) == ("KAZ", "RUS")


def test_a_flow_continues_the_economies_named_just_before():
    df = ex("Russian direct investment in Kazakhstan has reached $21 billion. Annual inflows doubled last year to "
            "$2 billion.")
    assert (one(df, "$2 billion").measure, one(df, "$2 billion").economy) == ("direct_investment", "RUS")


def test_outward_fdi_and_capacity():
    df = ex("Kazakhstan's OFDI reached US$ 2.1 billion in 2009. The new plant has a production capacity of "
            "400,000 tons per year and exports to Russia.")
    assert (one(df, "US$ 2.1 billion").measure, one(df, "US$ 2.1 billion").economy) == ("direct_investment", "KAZ")
    assert one(df, "400,000 tons").measure == "production"
    # "project" is a noun, not a forecast
    assert ex("Investment in the project exceeded $5 billion in 2017.")["outlook"].tolist() == ["actual"]
