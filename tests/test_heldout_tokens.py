"""Two tokenizer errors a held-out check on real articles found, in both languages: page references read as
counts, and the scale and unit printed once for a pair joined by "и"/"and" left off the first figure."""
from __future__ import annotations

import pytest

import kztrade
from kztrade.tokens import Tokenizer


def tokens(text: str, lang: str) -> dict[str, tuple]:
    """figure -> (value, unit, qualifier) of a quantity, ("excluded", reason) otherwise."""
    out = {}
    for t in Tokenizer(text, len(text), lang).tokens():
        if t.kind == "words":
            continue  # "billion" after a figure is read again as a word; the figure's reading is what counts
        out[t.text] = ("excluded", t.reason) if t.reason else (t.value, t.unit, t.qualifier)
    return out


@pytest.mark.parametrize("text, lang, figures", [
    ("Данные приводятся по обзору [Обзор рынка, 2019, с. 7–9].", "ru", ("7", "9")),
    ("См. (Петров, 2020, с. 14).", "ru", ("14",)),
    ("Там же, с.11.", "ru", ("11",)),
    ("Эти данные есть в сборнике (стр. 21–22).", "ru", ("21", "22")),
    ("Как указано в п. 2 – 3 соглашения.", "ru", ("2", "3")),
    ("(Jones 2017, p. 41)", "en", ("41",)),
    ("(Jones 2017, pp. 41-43)", "en", ("41", "43")),
    ("as the survey notes on page 9 of its annex", "en", ("9",)),
    ("see Table 2–3 of the annex", "en", ("2", "3")),
])
def test_page_references_are_document_numbers(text, lang, figures):
    got = tokens(text, lang)
    for f in figures:
        assert got[f] == ("excluded", "document_number"), (f, got)


@pytest.mark.parametrize("text, lang, figure, want", [
    # the preposition «с» without a dot stays a preposition: "from 4,2 to 4,9 billion", "from 8%"
    ("Импорт вырос с 4,2 до 4,9 млрд долларов.", "ru", "4,2", (4.2e9, "USD", "exact")),
    ("Доля увеличилась с 8% до 11%.", "ru", "8", (8.0, "percent", "exact")),
    ("Сотрудничество с 14 регионами расширилось.", "ru", "14", (14.0, "count", "exact")),
    # "p.a." is no page
    ("Output grew 6% p.a. over the decade.", "en", "6", (6.0, "percent", "exact")),
    ("a rise of 3 p.a. in real terms", "en", "3", (3.0, "count", "exact")),
    # a range that follows no document word is still a range
    ("Оборот составит 31–33 млрд долларов.", "ru", "33", (33e9, "USD", "at_most")),
    ("Trade may reach $7-8 billion.", "en", "8", (8e9, "USD", "at_most")),
    ("Trade may reach $7-8 billion.", "en", "7", (7e9, "USD", "at_least")),
])
def test_what_is_no_page_reference_is_unchanged(text, lang, figure, want):
    assert tokens(text, lang)[figure] == want


@pytest.mark.parametrize("text, lang, want", [
    ("Поставки в 2016 и 2017 годах составили соответственно 3,4 и 3,9 млрд долларов.", "ru",
     {"3,4": (3.4e9, "USD", "exact"), "3,9": (3.9e9, "USD", "exact"),
      "2016": ("excluded", "year"), "2017": ("excluded", "year")}),
    ("Рост составил 12 и 14 процентов.", "ru", {"12": (12.0, "percent", "exact"), "14": (14.0, "percent", "exact")}),
    ("На предприятиях заняты 7 и 9 тысяч человек.", "ru", {"7": (7e3, "persons", "exact")}),
    ("Imports were 2.7 and 3.1 billion dollars respectively.", "en",
     {"2.7": (2.7e9, "USD", "exact"), "3.1": (3.1e9, "USD", "exact")}),
    ("Imports were $2.7 and $3.1 billion.", "en", {"2.7": (2.7e9, "USD", "exact"), "3.1": (3.1e9, "USD", "exact")}),
    ("Their shares were 40 and 45 percent.", "en", {"40": (40.0, "percent", "exact"), "45": (45.0, "percent", "exact")}),
    # a range takes the unit of its second figure in English too, scale between them or not
    ("Output may reach 4-5 billion dollars.", "en", {"4": (4e9, "USD", "at_least"), "5": (5e9, "USD", "at_most")}),
])
def test_a_pair_joined_by_and_shares_its_scale_and_unit(text, lang, want):
    got = tokens(text, lang)
    assert {f: got[f] for f in want} == want


@pytest.mark.parametrize("text, lang, want", [
    ("Товарооборот в 2014 и 2015 годах сокращался.", "ru", {"2014": ("excluded", "year"), "2015": ("excluded", "year")}),
    ("Trade shrank in 2014 and 2015.", "en", {"2014": ("excluded", "year"), "2015": ("excluded", "year")}),
    # a year after "и" is no second figure of a pair
    ("Новых проектов было 6 и 2015 год стал рекордным.", "ru", {"6": (6.0, "count", "exact"),
                                                                "2015": ("excluded", "year")}),
    ("Talks were held on 5 and 6 May.", "en", {"5": ("excluded", "calendar_date")}),
    # a figure with its own unit keeps it
    ("Рост составил 7% и 2 млрд долларов.", "ru", {"7": (7.0, "percent", "exact")}),
    ("Growth of 7% and 2 billion dollars.", "en", {"7": (7.0, "percent", "exact")}),
])
def test_what_is_no_pair_is_unchanged(text, lang, want):
    got = tokens(text, lang)
    assert {f: got[f] for f in want} == want


@pytest.mark.parametrize("text, lang, want", [
    ("Доли составляли соответственно 2,5–2,9%.", "ru", {"2,5": (2.5, "percent", "exact"), "2,9": (2.9, "percent", "exact")}),
    ("Доли составляли 2,5–2,9% соответственно.", "ru", {"2,5": (2.5, "percent", "exact"), "2,9": (2.9, "percent", "exact")}),
    ("The shares rose by 2.5-2.9% respectively.", "en", {"2.5": (2.5, "percent", "exact"), "2.9": (2.9, "percent", "exact")}),
    ("Sales were, respectively, $4-5 billion.", "en", {"4": (4e9, "USD", "exact"), "5": (5e9, "USD", "exact")}),
    # without the word, a dash pair is a range
    ("Доли составляли 2,5–2,9%.", "ru", {"2,5": (2.5, "percent", "at_least"), "2,9": (2.9, "percent", "at_most")}),
    ("The shares rose by 2.5-2.9%, while costs rose 3% and 4% respectively.", "en",
     {"2.5": (2.5, "percent", "at_least"), "2.9": (2.9, "percent", "at_most")}),
])
def test_a_dash_pair_with_respectively_is_two_values(text, lang, want):
    got = tokens(text, lang)
    assert {f: got[f] for f in want} == want


def test_between_two_figures_is_a_range_but_two_figures_joined_by_and_are_two_values():
    df = kztrade.extract_claims("Trade between Russia and Kazakhstan was between 5 and 6 billion dollars in 2022.",
                                source_id="b", published="2023-06-01")
    got = {m: (v, q) for m, v, q in zip(df["mention"], df["value"], df["qualifier"])}
    assert got == {"5": (5e9, "at_least"), "6 billion dollars": (6e9, "at_most")}
    df = kztrade.extract_claims("Trade between Russia and Kazakhstan was between $5.5 billion and $6 billion in 2022.",
                                source_id="b", published="2023-06-01")
    assert df["qualifier"].tolist() == ["at_least", "at_most"]
    df = kztrade.extract_claims("Товарооборот в 2022 году составил между 25 млрд и 27 млрд долларов.",
                                source_id="b", published="2023-06-01", lang="ru")
    assert df["qualifier"].tolist() == ["at_least", "at_most"]
    assert df["value"].tolist() == [25e9, 27e9]
