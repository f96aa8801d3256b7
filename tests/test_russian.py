"""Russian articles: the same extractor, read with the Russian lexicon (kztrade/lang/ru.py).

Every sentence here is written for these tests. Each test checks one kind of Russian print with the exact
rows it must give: (mention, value, unit, qualifier, measure, economy, partner, year).
"""
from __future__ import annotations

import pytest

from kztrade.extract import extract
from kztrade.lang import detect

COLS = ("mention", "value", "unit", "qualifier", "measure", "economy", "partner", "year")


def rows(text: str, published="2023-11-10", lang="ru") -> list[tuple]:
    claims, _ = extract(text, "t", published, lang)
    return [tuple(c[k] for k in COLS) for c in claims]


def excluded(text: str, published="2023-11-10") -> dict[str, str]:
    _, tokens = extract(text, "t", published, "ru")
    return {t["token"]: t["reason"] for t in tokens if t["fate"] == "excluded"}


def test_language_is_detected_by_script():
    assert detect("Товарооборот между Казахстаном и Россией вырос.") == "ru"
    assert detect("Trade between Kazakhstan and Russia grew.") == "en"
    claims, _ = extract("Товарооборот Казахстана и России в 2019 году составил $19 млрд.", "t", None, "auto")
    assert claims[0]["lang"] == "ru"


def test_turnover_with_currency_symbol_and_abbreviated_scale():
    assert rows("Товарооборот между Казахстаном и Россией в 2019 году составил $19,3 млрд.") == [
        ("$19,3 млрд", 19.3e9, "USD", "exact", "trade_turnover", "KAZ", "RUS", 2019)]


def test_full_scale_word_and_currency_word_in_the_genitive():
    assert rows("По итогам 2021 года взаимная торговля России и Казахстана достигла 24 миллиардов долларов.") == [
        ("24 миллиардов долларов", 24e9, "USD", "exact", "trade_turnover", "KAZ", "RUS", 2021)]


def test_qualifiers_before_a_figure():
    text = ("В 2018 году товарооборот составил около 17 млрд долларов, экспорт Казахстана в Россию — свыше "
            "5 млрд долларов, а импорт из России — не менее 11 млрд долларов.")
    assert rows(text) == [
        ("17 млрд долларов", 17e9, "USD", "approximately", "trade_turnover", "KAZ", "RUS", 2018),
        ("5 млрд долларов", 5e9, "USD", "more_than", "exports", "KAZ", "RUS", 2018),
        ("11 млрд долларов", 11e9, "USD", "at_least", "imports", "KAZ", "RUS", 2018)]


def test_tenge_trillions_decimal_comma_and_relative_year():
    assert rows("В прошлом году взаимная торговля Казахстана с Россией оценивалась примерно в 1,8 трлн тенге.") == [
        ("1,8 трлн тенге", 1.8e12, "KZT", "approximately", "trade_turnover", "KAZ", "RUS", 2022)]


def test_spaced_thousands_and_roubles():
    assert rows("Казахстан импортировал из России товаров на 1 234,5 млн рублей в 2020 году.") == [
        ("1 234,5 млн рублей", 1234.5e6, "RUB", "exact", "imports", "KAZ", "RUS", 2020)]


def test_multiples_in_digits_and_words():
    text = ("Экспорт Казахстана в Россию в 2022 году вырос в 1,5 раза, поставки казахстанского зерна в Россию — вдвое, "
            "а закупки российского металла сократились в 2 раза.")
    assert rows(text) == [
        ("1,5 раза", 1.5, "ratio", "exact", "growth_factor", "KAZ", "RUS", 2022),
        ("вдвое", 2.0, "ratio", "exact", "growth_factor", "KAZ", "RUS", 2022),
        ("2 раза", 0.5, "ratio", "exact", "growth_factor", "KAZ", "RUS", 2022)]


def test_percentage_change_and_share():
    text = ("За январь–сентябрь 2023 года товарооборот Казахстана и России увеличился на 6,4%. "
            "На приграничные регионы приходится свыше 70% взаимной торговли.")
    assert rows(text) == [
        ("6,4%", 6.4, "percent", "exact", "growth_rate", "KAZ", "RUS", 2023),
        ("70%", 70.0, "percent", "more_than", "cross_border_share", "KAZ", "RUS", 2023)]


def test_investment_with_the_investor_before_the_cue_and_in_the_genitive_after_it():
    text = ("Российские инвестиции в Казахстан в 2020 году составили 1,2 млрд долларов. "
            "Инвестиции Казахстана в Россию в том же году превысили 300 млн долларов.")
    assert rows(text) == [
        ("1,2 млрд долларов", 1.2e9, "USD", "exact", "direct_investment", "RUS", "KAZ", 2020),
        ("300 млн долларов", 300e6, "USD", "more_than", "direct_investment", "KAZ", "RUS", 2020)]


def test_number_words():
    assert rows("Двадцать с лишним миллиардов долларов — таков товарооборот Казахстана и России в 2017 году.") == [
        ("Двадцать с лишним миллиардов долларов", 20e9, "USD", "more_than", "trade_turnover", "KAZ", "RUS",
         2017)]
    assert rows("Экспорт Казахстана в Россию за год вырос почти в полтора раза.", "2016-03-01") == [
        ("полтора раза", 1.5, "ratio", "approximately", "growth_factor", "KAZ", "RUS", 2016)]


def test_migration_in_persons():
    assert rows("В 2021 году в Россию из Казахстана переехали порядка 10 тысяч человек.") == [
        ("10 тысяч", 10000.0, "persons", "approximately", "migration", "RUS", "KAZ", 2021)]


def test_a_level_reached_is_not_a_bound():
    # "до" after a change is the level reached; in a range it is its upper end, not "at most"
    got = rows("Импорт Казахстана из России в 2019 году сократился на 4%, до 13 млрд долларов (с 13,5 до 13 млрд).")
    assert got[1] == ("13 млрд долларов", 13e9, "USD", "exact", "imports", "KAZ", "RUS", 2019)
    assert all(r[3] != "at_most" for r in got)


def test_periods_dates_and_document_numbers_are_excluded_with_reasons():
    r = excluded("16.03.2007\nПросмотров: 1234\nСтатья 5, № 12. Во втором квартале 2022 г. и в 1 квартале, "
                 "9 сентября, за 9 месяцев 2023 года, в 1990-х годах и в 2006-м году. Один из них. "
                 "Тысячи людей. Время чтения: 3 мин\nЧитайте также: 25 соглашений подписано")
    assert r == {"16.03.2007": "calendar_date", "1234": "page_chrome", "5": "document_number",
                 "12": "document_number", "втором": "ordinal", "2022": "year", "1": "calendar_date",
                 "9": "calendar_date", "2023": "year", "1990-х": "year", "2006-м": "year", "Один": "pronoun",
                 "Тысячи": "vague_quantity", "3": "page_chrome", "25": "page_chrome"}


def test_counts_durations_and_tonnes():
    text = "В Казахстане работают более 23 тысяч предприятий с российским капиталом. Переговоры шли 5 лет."
    assert rows(text) == [
        ("23 тысяч", 23000.0, "count", "more_than", "count", None, None, 2023),
        ("5 лет", 5.0, "years", "exact", "duration", None, None, 2023)]
    assert rows("В 2014 году Казахстан собрал 17,2 млн т зерна.") == [
        ("17,2 млн т", 17.2e6, "tonnes", "exact", "production", None, None, 2014)]


def test_exchange_rate():
    assert rows("В 2021 году курс держался около 5,7 тенге за рубль.") == [
        ("5,7 тенге за рубль", 5.7, "KZT_per_RUB", "approximately", "exchange_rate", None, None, 2021)]


@pytest.mark.parametrize("word", ["России", "Россией", "РФ", "российского", "Российской"])
def test_country_names_in_every_case(word):
    from kztrade.countries import find_countries

    assert [iso for _, _, iso in find_countries(f"экспорт {word} и РК, казахстанских компаний", lang="ru")] == [
        "RUS", "KAZ", "KAZ"]


def test_the_lead_period_carries_through_one_sentence_paragraphs():
    text = ("Товарооборот Казахстана и России по итогам 2020 года составил 19,2 млрд долларов.\n\n"
            "Об этом сообщили в министерстве.\n\n"
            "Экспорт Казахстана в Россию составил 5 млрд долл. (-6,3%), импорт из России – 14,2 млрд долл.")
    assert rows(text, "2021-02-15") == [
        ("19,2 млрд долларов", 19.2e9, "USD", "exact", "trade_turnover", "KAZ", "RUS", 2020),
        ("5 млрд долл.", 5e9, "USD", "exact", "exports", "KAZ", "RUS", 2020),
        ("6,3%", -6.3, "percent", "exact", "growth_rate", "KAZ", "RUS", 2020),
        ("14,2 млрд долл.", 14.2e9, "USD", "exact", "imports", "KAZ", "RUS", 2020)]


def test_billions_without_a_currency_take_the_texts_currency():
    text = "В 2005 году товарооборот достиг $9 млрд. Тогда мы мечтали о 10 млрд товарооборота с Россией и Казахстаном."
    got = rows(text, "2006-01-10")
    assert got[1][:3] == ("10 млрд", 10e9, "USD")


def test_page_furniture_lines_are_excluded():
    r = excluded("18+\n14:25 | 3 мин. | 1 520 просмотров\nТоварооборот вырос.\nЧитайте также:\n"
                 "Инвестиции выросли на 17%\n© 2009–2024 Агентство. Тел.: +7 (727) 123-45-67")
    assert r == {"18": "page_chrome", "14": "calendar_date", "25": "calendar_date", "3": "page_chrome",
                 "1 520": "page_chrome", "17": "page_chrome", "2009": "page_chrome", "2024": "page_chrome",
                 "7": "page_chrome", "727": "page_chrome", "123": "page_chrome", "45": "page_chrome",
                 "67": "page_chrome"}


def test_results_of_n_months_are_a_period_of_months():
    import kztrade

    df = kztrade.extract_claims("По итогам 10 месяцев 2021 года товарооборот Казахстана и России составил $19 млрд.",
                                source_id="r", published="2021-12-20", lang="ru")
    r = df.iloc[0]
    assert (r.value, r.year, r.period_start, r.period_end, r.period_kind) == (19e9, 2021, "2021-01", "2021-10", "months")
