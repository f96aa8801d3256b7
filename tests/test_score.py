"""The repository's own scorer (tests/score.py), and the score the README quotes for the Russian articles."""
from pathlib import Path

import pandas as pd

import score

ROOT = Path(__file__).resolve().parents[1]


def test_russian_test_articles_score_full_marks():
    r = score.score_folder(ROOT / "tests/data/ru/gold.csv", ROOT / "tests/data/ru")
    assert (r["recall_A"], r["recall_B"], r["precision"], r["semantics_A"]) == (1.0, 1.0, 1.0, 1.0)


def _claim(**kw):
    row = {"doc": "d", "char_start": 0, "char_end": 0, "value": 0.0, "unit": "USD", "mention": "", "measure": None,
           "year": None, "qualifier": None, "economy": None, "partner": None}
    return {**row, **kw}


def test_scorer_counts_a_wrong_value_and_a_wrong_economy():
    text = "Exports of Ruritania to Freedonia were $4 billion in 2001, and 12 ships sailed."
    gold = [{"doc": "d", "mention": "$4 billion", "tier": "A", "value": "4e9", "unit": "USD", "qualifier": "",
             "measure": "exports", "exporter": "AAA", "importer": "BBB", "years": "2001",
             "start": text.index("$4"), "end": text.index("$4") + 10, "hits": []},
            {"doc": "d", "mention": "12 ships", "tier": "B", "value": "12", "unit": "count", "qualifier": "",
             "measure": "", "exporter": "", "importer": "", "years": "",
             "start": text.index("12"), "end": text.index("12") + 8, "hits": []}]
    s = text.index("$4")
    claims = pd.DataFrame([
        _claim(char_start=s, char_end=s + 10, value=4e9, measure="exports", year=2001, economy="BBB", partner="AAA",
               mention="$4 billion"),
        _claim(char_start=text.index("12"), char_end=text.index("12") + 2, value=13.0, unit="count", mention="12"),
        _claim(char_start=text.index("2001"), char_end=text.index("2001") + 4, value=2001.0, unit="count",
               mention="2001"),
    ])
    r = score.score(claims, gold)
    assert r["recall_A"] == 1.0 and r["recall_B"] == 0.0
    assert r["precision"] == 1 / 3
    assert r["semantics_A"] == 0.0 and r["semantic_errors"][0][2] == ["economy/partner ('BBB', 'AAA')"]
