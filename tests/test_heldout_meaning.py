"""Meaning that a check on real articles the extractor had not seen got wrong: comparisons written out in
full, the qualifier of a converted amount, and outlooks stated by a task or a horizon still ahead.

Every sentence here is written for these tests.
"""
from __future__ import annotations

import kztrade

from conftest import one


def ex(text, published="2021-03-01", lang="auto"):
    return kztrade.extract_claims(text, source_id="h", published=published, lang=lang)


def _na(v):
    return None if v is None or v is __import__("pandas").NA else v


def meaning(df, mention, *cols):
    r = one(df, mention)
    return tuple(_na(r[c]) for c in cols)


# ------------------------------------------------------------------ a percentage compared with a period
def test_higher_than_in_the_previous_year_is_growth_on_the_year_before_the_figures():
    df = ex("Trade between Kazakhstan and Russia reached $19 billion in 2019, 6 percent higher than in the "
            "previous year.")
    assert meaning(df, "6 percent", "measure", "economy", "partner", "year", "base_year", "base_period") == (
        "growth_rate", "KAZ", "RUS", 2019, 2018, "2018-01/2018-12")


def test_up_on_the_previous_year_takes_the_year_before_the_figures_not_the_articles():
    df = ex("Exports to Russia rose to $5 billion in 2019, up 6 percent on the previous year.")
    assert meaning(df, "6 percent", "measure", "year", "base_year") == ("growth_rate", 2019, 2018)


def test_the_previous_year_as_the_figures_own_period_stays_relative_to_the_article():
    df = ex("In the previous year, exports to Russia were $5 billion.")
    assert meaning(df, "$5 billion", "year", "base_year") == (2020, None)


def test_compared_with_a_named_year_is_growth_on_that_year():
    df = ex("In 2020 trade between Kazakhstan and Russia reached $19 billion. The figure is 8% more compared "
            "with the pre-pandemic year 2019.")
    assert meaning(df, "8%", "measure", "year", "base_year", "base_period") == (
        "growth_rate", 2020, 2019, "2019-01/2019-12")


def test_russian_than_in_an_adjective_and_a_year_is_growth_on_that_year():
    df = ex("В 2020 году товарооборот Казахстана и России составил 19 млрд долларов, что на 8% больше, чем в "
            "допандемийном 2019 году.", lang="ru")
    assert meaning(df, "8%", "measure", "year", "base_year") == ("growth_rate", 2020, 2019)


# ------------------------------------------------------------------ an amount converted in brackets
def test_a_conversion_in_brackets_carries_the_qualifier_of_the_amount_it_converts():
    df = ex("Trade between Russia and Kazakhstan exceeded 900 billion rubles ($12 bln) in 2019.")
    assert meaning(df, "$12 bln", "qualifier", "measure") == ("more_than", "trade_turnover")
    df = ex("Trade between Russia and Kazakhstan reached almost 700 billion rubles ($9 bln) in 2019.")
    assert meaning(df, "$9 bln", "qualifier") == ("approximately",)
    df = ex("Товарооборот России и Казахстана в 2019 году превысил 900 млрд рублей (12 млрд долларов).", lang="ru")
    assert meaning(df, "12 млрд долларов", "qualifier", "measure") == ("more_than", "trade_turnover")


def test_a_bracketed_amount_in_the_same_currency_is_another_figure_not_a_conversion():
    df = ex("Exports to Kazakhstan exceeded $5 billion in 2019 ($4.5 billion in 2018).")
    assert meaning(df, "$4.5 billion", "qualifier", "year") == ("exact", 2018)


def test_a_bracketed_amount_with_its_own_qualifier_keeps_it():
    df = ex("Trade between Russia and Kazakhstan exceeded 900 billion rubles (about $12 bln) in 2019.")
    assert meaning(df, "$12 bln", "qualifier") == ("approximately",)


# ------------------------------------------------------------------ outlooks
def test_a_task_set_for_trade_is_a_target():
    df = ex("The two governments set the task of bringing trade between Russia and Kazakhstan to $30 billion.")
    assert meaning(df, "$30 billion", "outlook", "measure") == ("target", "trade_turnover")


def test_an_amount_reached_in_the_coming_years_is_a_forecast():
    df = ex("Trade between Russia and Kazakhstan reached $26 billion in 2022. At this pace trade can realistically "
            "reach $30 billion already in the next few years.", published="2023-06-01")
    assert meaning(df, "$26 billion", "outlook") == ("actual",)
    assert meaning(df, "$30 billion", "outlook") == ("forecast",)


def test_russian_realistic_and_the_nearest_years_make_a_forecast():
    df = ex("По итогам 2022 года товарооборот России и Казахстана составил 26 млрд долларов. При таких темпах "
            "вполне реально выйти на 30 млрд долларов уже в ближайшие годы.", published="2023-06-01", lang="ru")
    assert meaning(df, "26 млрд долларов", "outlook") == ("actual",)
    assert meaning(df, "30 млрд долларов", "outlook") == ("forecast",)
    df = ex("Товарооборот России и Казахстана может вырасти до 30 млрд долларов в ближайшие три года.",
            published="2023-06-01", lang="ru")
    assert meaning(df, "30 млрд долларов", "outlook") == ("forecast",)


# ------------------------------------------------------------------ a change in money is not a level
def test_a_change_in_money_is_a_growth_amount_not_a_level():
    df = ex("Trade between Kazakhstan and Russia grew by $2 billion in 2019.")
    assert meaning(df, "$2 billion", "measure", "value", "economy", "partner", "year") == (
        "growth_amount", 2e9, "KAZ", "RUS", 2019)
    df = ex("Kazakhstan's exports to Russia fell by almost $1.5 billion in 2019.")
    assert meaning(df, "$1.5 billion", "measure", "value", "qualifier") == ("growth_amount", -1.5e9, "approximately")


def test_rose_by_an_amount_to_a_level_gives_both():
    df = ex("Exports to Russia rose $1 billion to $6 billion in 2019.")
    assert meaning(df, "$1 billion", "measure") == ("growth_amount",)
    assert meaning(df, "$6 billion", "measure") == ("exports",)
    df = ex("Exports to Russia rose to $6 billion in 2019.")
    assert meaning(df, "$6 billion", "measure") == ("exports",)


def test_russian_change_in_money():
    df = ex("Товарооборот России и Казахстана в 2019 году вырос почти на 2 млрд долларов.", lang="ru")
    assert meaning(df, "2 млрд долларов", "measure", "qualifier", "economy", "partner") == (
        "growth_amount", "approximately", "KAZ", "RUS")
    df = ex("Прирост экспорта Казахстана в Россию составил 1 млрд долларов.", lang="ru")
    assert meaning(df, "1 млрд долларов", "measure") == ("growth_amount",)
    # "на" before an amount is not a change by itself: agreements worth $5bn
    df = ex("Подписаны соглашения на 5 млрд долларов.", lang="ru")
    assert meaning(df, "5 млрд долларов", "measure") == ("monetary_amount",)
    df = ex("Экспорт Казахстана в Россию вырос до 6 млрд долларов.", lang="ru")
    assert meaning(df, "6 млрд долларов", "measure") == ("exports",)


# ------------------------------------------------------------------ a region's trade is not its country's
def test_trade_of_a_region_named_as_a_party_is_not_the_articles_pair_of_countries():
    df = ex("Trade between Kazakhstan and Russia reached $20 billion in 2020. Trade between Tatarstan and "
            "Kazakhstan exceeded $500 million in 2020.")
    assert meaning(df, "$20 billion", "economy", "partner") == ("KAZ", "RUS")
    assert meaning(df, "$500 million", "economy", "partner") == ("KAZ", None)
    df = ex("Trade between Kazakhstan and Russia reached $20 billion in 2020. Trade between the Orenburg region "
            "and Kazakhstan reached $1 billion.")
    assert meaning(df, "$1 billion", "economy", "partner") == ("KAZ", None)


def test_capitals_and_months_are_not_regions():
    df = ex("Trade between Moscow and Astana reached $20 billion in 2020.")
    assert meaning(df, "$20 billion", "economy", "partner") == ("KAZ", "RUS")
    df = ex("Trade between Russia and Kazakhstan reached $20 billion between January and October.")
    assert meaning(df, "$20 billion", "economy", "partner") == ("KAZ", "RUS")
    df = ex("Trade between the Republic of Kazakhstan and Russia reached $20 billion in 2020.")
    assert meaning(df, "$20 billion", "economy", "partner") == ("KAZ", "RUS")


def test_russian_region_as_a_party():
    first = "Товарооборот Казахстана и России в 2022 году составил 26 млрд долларов. "
    df = ex(first + "Товарооборот Татарстана с Казахстаном в 2022 году превысил 1 млрд долларов.",
            published="2023-06-01", lang="ru")
    assert meaning(df, "26 млрд долларов", "economy", "partner") == ("KAZ", "RUS")
    assert meaning(df, "1 млрд долларов", "economy", "partner") == ("KAZ", None)
    # the region named in the sentence before, and "the republic" in the figure's
    df = ex(first + "Премьер отметил потенциал поставок в Якутию. За январь–ноябрь 2022 года товарооборот с "
            "республикой составил порядка 80 млн долларов.", published="2023-06-01", lang="ru")
    assert meaning(df, "80 млн долларов", "economy", "partner") == (None, None)
    df = ex(first + "Товарооборот с Республикой Казахстан в 2022 году составил 26,5 млрд долларов.",
            published="2023-06-01", lang="ru")
    assert meaning(df, "26,5 млрд долларов", "economy", "partner") == ("KAZ", "RUS")


# ------------------------------------------------------------------ "a year earlier" and "the figure"
def test_growth_stated_of_the_figure_before_takes_its_year_and_economies():
    df = ex("In 2020 trade between Kazakhstan and Russia reached $19 billion. The figure is 8% more compared "
            "with the pre-pandemic year 2019.")
    assert meaning(df, "8%", "economy", "partner", "year") == ("KAZ", "RUS", 2020)
    df = ex("В 2018 году товарооборот Казахстана и России составил 19 млрд долларов. Это на 7,2% больше, чем "
            "годом ранее.", lang="ru")
    assert meaning(df, "7,2%", "measure", "economy", "partner", "year", "base_year") == (
        "growth_rate", "KAZ", "RUS", 2018, 2017)


def test_a_year_earlier_as_a_base_is_before_the_year_spoken_of_not_the_articles():
    df = ex("Trade between Kazakhstan and Russia reached $19 billion in 2018. This is 7 percent more than a year "
            "earlier.")
    assert meaning(df, "7 percent", "year", "base_year") == (2018, 2017)


def test_a_year_earlier_as_a_period_is_before_the_year_the_sentence_before_speaks_of():
    df = ex("Trade between Kazakhstan and Russia reached $19 billion in 2018. A year earlier, it was $17 billion.")
    assert meaning(df, "$17 billion", "year", "period_basis") == (2017, "previous_sentence")
    # with nothing before it, a year before the article's
    df = ex("A year earlier, trade between Kazakhstan and Russia was $17 billion.")
    assert meaning(df, "$17 billion", "year") == (2020,)


def test_a_change_after_a_semicolon_keeps_the_sentences_period_not_its_base():
    df = ex("Товарооборот с Россией за август–ноябрь 2019 года составил 5 млрд долларов, что на 14% больше, чем "
            "годом ранее; экспорт вырос в 2,5 раза.", lang="ru")
    assert meaning(df, "2,5 раза", "year", "period_start", "period_end") == (2019, "2019-08", "2019-11")


# ------------------------------------------------------------------ an elliptical flow naming its other party
def test_an_elliptical_flow_to_another_country_keeps_its_owner_and_takes_that_partner():
    df = ex("In 2019 Kazakhstan's exports to Russia were $5.1 billion, and to China $3.2 billion.")
    assert meaning(df, "$3.2 billion", "measure", "economy", "partner") == ("exports", "KAZ", "CHN")
    df = ex("In 2019 Kazakhstan's imports from Russia were $12 billion, and from China $4 billion.")
    assert meaning(df, "$4 billion", "measure", "economy", "partner") == ("imports", "KAZ", "CHN")


def test_russian_elliptical_flow_to_another_country():
    df = ex("В 2019 году экспорт Казахстана в Россию составил 5,1 млрд долларов, а в Китай – 3,2 млрд долларов.",
            lang="ru")
    assert meaning(df, "5,1 млрд долларов", "economy", "partner") == ("KAZ", "RUS")
    assert meaning(df, "3,2 млрд долларов", "measure", "economy", "partner") == ("exports", "KAZ", "CHN")
    df = ex("В 2019 году импорт Казахстана из России составил 12 млрд долларов, а из Китая – 4 млрд долларов.",
            lang="ru")
    assert meaning(df, "4 млрд долларов", "measure", "economy", "partner") == ("imports", "KAZ", "CHN")
    # the flow named anew keeps the pair
    df = ex("В 2019 году экспорт Казахстана в Россию составил 5,1 млрд долларов, а импорт – 12 млрд долларов.",
            lang="ru")
    assert meaning(df, "12 млрд долларов", "measure", "economy", "partner") == ("imports", "KAZ", "RUS")


# ------------------------------------------------------------------ "respectively" pairs figures with years
def test_respectively_gives_the_figures_of_a_list_the_years_of_a_list_in_order():
    df = ex("Kazakhstan's exports to Russia in 2012 and 2013 were $5.1 and $5.8 billion respectively.")
    assert meaning(df, "$5.1", "value", "year", "period_end") == (5.1e9, 2012, "2012-12")
    assert meaning(df, "$5.8 billion", "year") == (2013,)
    df = ex("Доля Казахстана во внешней торговле России в 2011 г. и в 2013 г. составляла соответственно 3,5–3,8%.",
            lang="ru")
    assert meaning(df, "3,5", "year", "qualifier") == (2011, "exact")
    assert meaning(df, "3,8%", "year", "qualifier") == (2013, "exact")


def test_respectively_without_a_list_of_years_changes_no_period():
    df = ex("Exports and imports in 2013 were $5 billion and $6 billion respectively.")
    assert meaning(df, "$5 billion", "year") == (2013,)
    assert meaning(df, "$6 billion", "year") == (2013,)
