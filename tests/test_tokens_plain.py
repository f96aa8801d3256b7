"""Tokenizer._plain and _plain_word, the one-step answers for a figure with nothing around it, give what classify()
gives."""
from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from kztrade.tokens import Tokenizer

FIGURES = ["1", "7", "12", "31", "13", "05", "2015", "1999", "1800", "2101", "400", "1,234", "1,234.5", "4.500",
           "1.250.000", "1 234 567", "4 512,3", "6,2", "3.14", "1990s", "5th", "3-х", "12:30", "10.05.2016", "9" * 25]
WORDS = ["billion", "bn", "mln", "million", "k", "%", "percent", "per cent", "tenge", "dollars", "US$", "$", "£", "USD",
         "Rub", "people", "workers", "Russians", "times", "more than", "about", "up to", "or more", "page", "No.",
         "Table", "#", "№", "Q", "H", "http://x.kz/", "www.", "Read", "views", "century", "years old", "aged",
         "population of", "May", "Sept.", "of 2015", "months", "km", "approx.", "млрд", "тыс.", "долларов", "года",
         "квартал", "человек", "раза", "около", "до", "от", "и более", "с лишним", "просмотров", "марта", "ст.",
         "Читайте также:", "Russia", "Казахстан", "agreements", "one", "два", "twenty", "a hundred", "three",
         "two-way", "or two", "and a half", "пять", "тысяч", "двадцать", "или три", "с половиной"]
SEPARATORS = [" ", " ", " ", "\n", "\n\n", "\t", "\u00a0", "", ", ", ". ", "-", " – ", "/", "(", ")", "[", "]", ":"]


def rows(text: str, lang: str, plain: bool) -> list:
    tk = Tokenizer(text, len(text) - 5, lang)
    if not plain:
        tk._plain = tk._plain_word = lambda s, e, raw: None
    return [{f.name: getattr(t, f.name) for f in dataclasses.fields(t) if f.name != "lex"} for t in tk.tokens()]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(FIGURES + WORDS), st.sampled_from(SEPARATORS)), max_size=30),
       st.sampled_from(["en", "ru"]))
def test_plain_answers_as_classify_does(parts, lang):
    text = "".join(a + b for a, b in parts)
    want = rows(text, lang, plain=False)
    assert rows(text, lang, plain=True) == want, text


def test_the_cells_of_a_table_row_are_counts():
    toks = list(Tokenizer("Mineral products 4,512.3 3,987.1 113\n", 100).tokens())
    assert [(t.text, t.value, t.unit, t.reason) for t in toks] == [
        ("4,512.3", 4512.3, "count", None), ("3,987.1", 3987.1, "count", None), ("113", 113.0, "count", None)]
    assert toks[0].subject is None and toks[0].after == " 3,987.1 113\n" and toks[2].context == "eral products 4,512.3 3,987.1 "
