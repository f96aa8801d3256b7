"""Figures as real English articles print them: mixed scales, continental separators, suffixes, rates with the
currency first, ranges, multiples, qualifiers from verbs, vague counts. Every sentence is written for these tests."""
from __future__ import annotations

import pytest

import kztrade
from conftest import one
from kztrade.extract import extract_tokens


def ex(text):
    return kztrade.extract_claims(text, source_id="n", published="2018-03-15")


@pytest.mark.parametrize("text, mention, value, unit", [
    ("Sales to Russia came to 4 bln 600 mln U.S. dollars.", "4 bln 600 mln U.S. dollars", 4.6e9, "USD"),
    ("The pipeline is 2.300 kilometres long.", "2.300 kilometres", 2300, "km"),
    ("The estate covers 2.750.000 hectares.", "2.750.000 hectares", 2_750_000, "hectares"),
    ("The city has 2 345 678 residents.", "2 345 678", 2_345_678, "persons"),
    ("Exports to Russia came to 7,4 billion dollars.", "7,4 billion dollars", 7.4e9, "USD"),
    ("The post had 9.1K visitors.", "9.1K", 9100, "persons"),
    ("The channel has 25K subscribers.", "25K", 25_000, "count"),
    ("Exports to Russia reached $6.1b.", "$6.1b", 6.1e9, "USD"),
    ("Trade was KZT 2.4 trln.", "KZT 2.4 trln", 2.4e12, "KZT"),
    ("Trade was 0.9 trln tenge.", "0.9 trln tenge", 0.9e12, "KZT"),
    ("The rate was 6.3 tenge per rouble.", "6.3 tenge per rouble", 6.3, "KZT_per_RUB"),
])
def test_number_formats(text, mention, value, unit):
    c = one(ex(text), mention)
    assert c.value == pytest.approx(value) and c.unit == unit


def test_an_ambiguous_dot_is_read_as_thousands_and_the_reading_recorded():
    toks = extract_tokens("The road is 3.400 kilometres long; the share is 3.450 percent.")
    t = toks.set_index("token")
    assert "read as 3,400" in t.loc["3.400", "detail"]
    assert one(ex("The share is 3.450 percent."), "3.450 percent").value == pytest.approx(3.45)


def test_ranges_with_the_currency_first_and_the_rate_printed_once():
    df = ex("The rouble traded at Rub 31-33 per USD1 and the tenge at KZT 330-345/$.")
    lo, hi = one(df, "Rub 31"), one(df, "33 per USD1")
    assert (lo.value, lo.unit, lo.qualifier) == (31, "RUB_per_USD", "at_least")
    assert (hi.value, hi.unit, hi.qualifier) == (33, "RUB_per_USD", "at_most")
    assert (one(df, "KZT 330").unit, one(df, "345/$").unit) == ("KZT_per_USD", "KZT_per_USD")
    assert "1" not in df["mention"].tolist()  # the 1 of USD1 belongs to the unit


def test_the_bounds_of_a_range_are_a_floor_and_a_ceiling():
    df = ex("Exports to Russia were worth $2.5-3 billion.")
    assert (one(df, "$2.5").value, one(df, "$2.5").qualifier) == (2.5e9, "at_least")
    assert (one(df, "3 billion").value, one(df, "3 billion").qualifier) == (3e9, "at_most")


@pytest.mark.parametrize("text, mention, value, qualifier", [
    ("Trade with Russia grew two-and-a-half times.", "two-and-a-half times", 2.5, "exact"),
    ("Trade with Russia grew 1.8 times.", "1.8 times", 1.8, "exact"),
    ("Trade with Russia is nearly triple what it was.", "triple", 3, "approximately"),
    ("Exports to Russia were twice the level of imports.", "twice", 2, "exact"),
])
def test_multiples(text, mention, value, qualifier):
    c = one(ex(text), mention)
    assert (c.value, c.unit, c.measure, c.qualifier) == (value, "ratio", "growth_factor", qualifier)


def test_adjectives_and_frequencies_are_not_multiples():
    toks = extract_tokens("They met twice to avoid double taxation.").set_index("token")
    assert toks.loc["twice", "reason"] == "not_a_quantity" and toks.loc["double", "reason"] == "not_a_quantity"


@pytest.mark.parametrize("text, qualifier", [
    ("Trade with Russia climbed past $21 billion.", "more_than"),
    ("Trade with Russia topped $21 billion.", "more_than"),
    ("Investment was in excess of $2 billion.", "more_than"),
    ("Investment was upwards of $2 billion.", "more_than"),
    ("Trade was just shy of $21 billion.", "less_than"),
    ("Trade was just under $21 billion.", "less_than"),
])
def test_qualifiers_from_verbs_and_phrases(text, qualifier):
    df = ex(text)
    assert len(df) == 1 and df["qualifier"].iloc[0] == qualifier


def test_a_dozen_is_twelve_and_one_or_two_is_vague():
    df = ex("A dozen banks opened and one or two firms left.")
    assert one(df, "A dozen").value == 12
    toks = extract_tokens("A dozen banks opened and one or two firms left.").set_index("token")
    assert toks.loc["one", "reason"] == "vague_quantity" and toks.loc["two", "reason"] == "vague_quantity"


def test_idioms_are_not_quantities():
    df = ex("At one point it was one of the largest; first and foremost, in one way or another, it mattered.")
    assert df.empty
