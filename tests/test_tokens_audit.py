"""Nothing is lost silently: every number-like token is a claim or excluded with a reason."""
from __future__ import annotations

import re

import pytest

import kztrade
from kztrade.extract import extract
from conftest import SEEDS

ANY_NUMBER = re.compile(r"\d+|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|thousand|"
                        r"million|billion|tripled|doubled|fourfold|quarter|half|first|second|tenth)\b", re.I)


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_every_number_like_token_is_accounted_for(path):
    text = path.read_text(encoding="utf-8")
    claims, tokens = extract(text, path.stem, "2005-01-01")
    covered = [(c["char_start"], c["char_end"]) for c in claims] + [(t["char_start"], t["char_end"])
                                                                      for t in tokens]
    for m in ANY_NUMBER.finditer(text):
        assert any(a <= m.start() < b for a, b in covered), f"{m.group()!r} at {m.start()} is in no claim or token"
    for t in tokens:
        assert (t["fate"] == "claim") == (t["claim_id"] is not None)
        assert (t["fate"] == "excluded") == (t["reason"] is not None)
        assert text[t["char_start"]:t["char_end"]] == t["token"]


def reasons(text: str, published="2013-11-27") -> dict[str, str]:
    _, tokens = extract(text, "t", published)
    return {t["token"]: t["reason"] for t in tokens if t["fate"] == "excluded"}


def test_exclusion_reasons():
    r = reasons("Publication: Eurasia Daily Monitor Volume: 7 Issue: 212\n\nOn October 24 and 25, in 1998 and in "
                "May 2001, the third forum met (article 12). The 1990s ended. Alliance for the 21 Century. "
                "One of them left. Tens of thousands came.")
    assert r == {"7": "document_number", "212": "document_number", "24": "calendar_date", "25": "calendar_date",
                 "1998": "year", "2001": "calendar_date", "third": "ordinal", "12": "document_number",
                 "1990s": "year", "21": "ordinal", "One": "pronoun", "Tens of thousands": "vague_quantity"}


def test_page_chrome_counters_and_footer():
    body = "Exports reached $5 billion in 2012. " * 50
    text = ("Rate this item\n(3 votes)\n\n" + body + "\nRead 1234 times\n\nRelated articles\n\n"
            "Article A. Smith, Trade in 2016, Volume 4, Issue 2, 2017. It sold 300 copies.\n")
    r = reasons(text)
    assert r["3"] == "page_chrome" and r["1234"] == "page_chrome" and r["300"] == "page_chrome"
    claims = kztrade.extract_claims(text)
    assert set(claims["mention"]) == {"$5 billion"}


def test_tokens_table_links_each_claim():
    tokens = kztrade.load("tokens")
    claims = kztrade.load("claims")
    linked = tokens[tokens["fate"] == "claim"]
    assert set(linked["claim_id"]) == set(claims["claim_id"])
    assert tokens.loc[tokens["token"] == "9112", "reason"].tolist() == ["page_chrome"]


def test_times_of_day_and_footnote_markers_are_not_claims():
    r = reasons("The talks began at 10:30 local time.[1] Trade grew 5%.[12]")
    assert r == {"10": "calendar_date", "30": "calendar_date", "1": "document_number", "12": "document_number"}


def test_hyphenated_kinds_are_not_counts():
    r = reasons("Two-way trade grew under a three-pronged plan during a two-day visit.")
    assert r == {"Two": "not_a_quantity", "three": "not_a_quantity"}
