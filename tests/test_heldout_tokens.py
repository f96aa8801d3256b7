"""Two tokenizer errors a held-out check on real articles found, in both languages: page references read as
counts, and the scale and unit printed once for a pair joined by "и"/"and" left off the first figure."""
from __future__ import annotations

import pytest

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
