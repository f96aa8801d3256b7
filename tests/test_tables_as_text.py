"""Tables written as text: a label followed by figures is a row, and a row is a sentence of its own, also where
rows run on in one line. Every sentence here is written for this test."""
from __future__ import annotations

import pytest

from kztrade.extract import extract
from kztrade.sentences import Sentences

EN = ("Table 2. Exports of Kazakhstan by partner, 2019 (million US dollars): Russia 4 512,3 3 987,1 "
      "China 2 100,5 1 800,2 of which: CIS 950,4 870,2\nGermany 1,234.5 1,100.2\n"
      "Exports to Italy rose by 12% in 2019.\n")
RU = ("Таблица 2. Экспорт Казахстана по странам, 2019 год (млн долларов США): Россия 4 512,3 3 987,1 "
      "Китай 2 100,5 1 800,2 в том числе: СНГ 950,4 870,2\nГермания 1 234,5 1 100,2\n"
      "Экспорт в Италию вырос на 12% в 2019 году.\n")
ROWS = {"en": ["Russia 4 512,3 3 987,1", "China 2 100,5 1 800,2", "of which: CIS 950,4 870,2",
               "Germany 1,234.5 1,100.2"],
        "ru": ["Россия 4 512,3 3 987,1", "Китай 2 100,5 1 800,2", "в том числе: СНГ 950,4 870,2",
               "Германия 1 234,5 1 100,2"]}


def _sentence(text: str, lang: str, pos: int) -> str:
    s = Sentences(text, lang)
    return text[slice(*s.span(s.index(pos)))]


@pytest.mark.parametrize("lang,text", [("en", EN), ("ru", RU)])
def test_each_row_of_a_run_on_table_line_is_its_own_sentence(lang, text):
    for row in ROWS[lang]:
        at = text.index(row)
        for pos in (at, at + len(row) - 1):  # the label and the last figure
            assert _sentence(text, lang, pos) == row
    heading = text.index("(")
    assert _sentence(text, lang, heading).endswith(":")  # the heading stands apart from the first row


@pytest.mark.parametrize("lang,text", [("en", EN), ("ru", RU)])
def test_every_figure_of_a_table_is_a_claim_of_its_row_or_excluded_with_a_reason(lang, text):
    claims, tokens = extract(text, "t", "2020-01-01", lang)
    assert all(t["fate"] == "claim" or t["reason"] for t in tokens)
    by_row = {row: [c["mention"] for c in claims if c["sentence"] == row] for row in ROWS[lang]}
    if lang == "ru":  # a space groups thousands in Russian print
        assert by_row == {"Россия 4 512,3 3 987,1": ["4 512,3", "3 987,1"], "Китай 2 100,5 1 800,2": ["2 100,5", "1 800,2"],
                          "в том числе: СНГ 950,4 870,2": ["950,4", "870,2"],
                          "Германия 1 234,5 1 100,2": ["1 234,5", "1 100,2"]}
    else:  # English reads '4 512,3' as separate figures (token rules, unchanged); each stays in its row
        assert by_row["China 2 100,5 1 800,2"] == ["2", "100", "5", "1", "800", "2"]
        assert by_row["Germany 1,234.5 1,100.2"] == ["1,234.5", "1,100.2"]
    growth = next(c for c in claims if c["unit"] == "percent")
    assert growth["value"] == 12 and growth["sentence"].startswith(("Exports to Italy", "Экспорт в Италию"))


def test_prose_and_lone_rows_are_not_split():
    text = "In 2019 exports grew 5 6 times, to 4 512,3 million. Russia 4 512,3 3 987,1\nTotal 1 2 China\n"
    s = Sentences(text, "en")
    assert [x for i in range(len(s.starts)) if (x := text[slice(*s.span(i))])] == [
        "In 2019 exports grew 5 6 times, to 4 512,3 million.", "Russia 4 512,3 3 987,1", "Total 1 2 China"]
