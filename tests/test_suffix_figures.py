"""A decimal with letters glued on ("3.14s", "1.5-х") is read, never a crash: the year and decade rules
assumed whole numbers and called int() on it."""
from __future__ import annotations

from kztrade.extract import extract


def _tokens(text: str, lang: str) -> dict[str, tuple]:
    _, tokens = extract(text, "t", "2010-01-01", lang)
    return {t["token"]: (t["fate"], t["reason"]) for t in tokens}


def test_english_decimal_with_plural_s():
    got = _tokens("The index stood at 4.25s on the chart, and the 1990s saw growth.", "en")
    assert got["4.25s"] == ("excluded", "not_a_quantity")
    assert got["1990s"] == ("excluded", "year")


def test_russian_decimal_with_case_ending():
    got = _tokens("Рост в 1.5-х размерах, а в 1990-х годах и в 20.5-м пункте.", "ru")
    assert got["1990-х"] == ("excluded", "year")
    assert got["20.5-м"] == ("excluded", "ordinal")
    assert got["1.5-х"] == ("claim", None)  # "в 1,5-х размерах": a count in its case ending
