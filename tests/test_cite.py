"""kztrade.cite: one record per article, as footnote text, BibTeX and valid CSL-JSON, agreeing with the tables."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import kztrade
from kztrade.citations import bibtex, csl_item, render

# a record written for the tests (no seed): every field filled, and characters LaTeX treats specially
MADE_UP = {"source_id": "made-up_1", "title": "Trade up 50% to $5bn & more_than expected", "author": "Jane Q. Doe",
           "publication": "The Weekly Ledger", "section": "Markets", "volume": 3, "issue": 14,
           "published": "2020-02", "published_precision": "month", "published_basis": "printed",
           "url": "https://example.org/a_b%20c", "lang": "en"}


def _schema_words(name: str) -> set[str]:
    import citeproc

    rnc = Path(citeproc.__file__).parent / "data" / "schema" / "schemas" / "styles" / name
    return set(re.findall(r'"([^"]+)"', rnc.read_text(encoding="utf-8")))


def test_citation_columns_agree_with_cite():
    claims, sources = kztrade.load("claims"), kztrade.load("sources")
    by_source = dict(zip(sources["source_id"], sources["citation"]))
    for sid, text in by_source.items():
        assert kztrade.cite(sid) == text
    for claim_id, sid, text in zip(claims["claim_id"], claims["source_id"], claims["citation"]):
        assert text == by_source[sid]
        assert kztrade.cite(claim_id) == text
    trade = kztrade.load("trade")
    assert (trade["citation"] == trade["source_id"].map(by_source)).all()


def test_seed_citations_hold_what_the_articles_print_and_nothing_more():
    assert kztrade.cite("001_830865ea79d8b8fc") == \
        "Marat Yermukanov, CACI Analyst, 2005-01-26 [001_830865ea79d8b8fc]"
    assert kztrade.cite("000_109688c0598e7337") == "Eurasia Daily Monitor 2:100, 2005-05 [000_109688c0598e7337]"
    edm = kztrade.cite("000_109688c0598e7337", style="csl-json")
    assert "author" not in edm and "title" not in edm  # the issue prints neither
    assert edm["issued"] == {"date-parts": [[2005, 5]]}  # known to the month, so no day
    assert edm["type"] == "article-magazine" and (edm["volume"], edm["issue"]) == ("2", "100")
    assert edm["note"].startswith("No date printed.")  # an inferred date says so
    kusznir = kztrade.cite("002_9a5cc77a6e7e3026", style="csl-json")
    assert kusznir["author"] == [{"family": "Kusznir", "given": "Julia"}]
    assert kusznir["type"] == "article" and "container-title" not in kusznir  # outlet not printed
    assert "URL" not in kusznir  # no seed prints its address
    caci = kztrade.cite("003_276f74ebf33d273e", style="csl-json")
    assert caci["issued"] == {"date-parts": [[2013, 11, 27]]} and "note" not in caci  # printed date


def test_csl_json_is_valid_csl_and_renders():
    types, variables = _schema_words("csl-types.rnc"), _schema_words("csl-variables.rnc")
    sources = kztrade.load("sources")
    items = [kztrade.cite(sid, style="csl-json") for sid in sources["source_id"]] + [csl_item(MADE_UP)]
    for item in items:
        assert item["type"] in types
        assert set(item) - {"id", "type"} <= variables, set(item) - variables
        for name in item.get("author", []):
            assert set(name) <= {"family", "given", "suffix", "literal"} and name
        parts = item["issued"]["date-parts"]
        assert len(parts) == 1 and all(isinstance(p, int) for p in parts[0])
    for item, (_, row) in zip(items, sources.iterrows()):
        assert len(item["issued"]["date-parts"][0]) == {"year": 1, "month": 2, "day": 3}[row["published_precision"]]
    json.loads(json.dumps(items))  # what a reference manager imports: a JSON list of items
    assert render(csl_item(MADE_UP)) == \
        "Jane Q. Doe, “Trade up 50% to $5bn & more_than expected”, The Weekly Ledger 3:14, 2020-02 [made-up_1]"
    # any CSL style renders the same record (citeproc-py's bundled Harvard style)
    assert render(csl_item(MADE_UP), "harvard-cite-them-right").startswith("Doe, J.Q. (2020)")


def test_kztrade_style_is_valid_csl():
    from importlib import resources

    from citeproc import CitationStylesStyle

    with resources.as_file(resources.files("kztrade").joinpath("cite.csl")) as path:
        CitationStylesStyle(str(path), validate=True)  # raises on a style the CSL schema rejects


def test_bibtex_parses_back_with_latex_specials_escaped():
    from pybtex.database import parse_string

    text = bibtex(csl_item(MADE_UP))
    assert text.startswith("@article{made-up_1,")
    assert r"50\% to \$5bn \& more\_than" in text
    assert "url = {https://example.org/a_b%20c}" in text  # verbatim, as biblatex reads it
    entry = parse_string(text, "bibtex").entries["made-up_1"]
    assert entry.fields["journal"] == "The Weekly Ledger"
    assert (entry.fields["year"], entry.fields["month"], entry.fields["date"]) == ("2020", "2", "2020-02")
    assert (entry.fields["volume"], entry.fields["number"]) == ("3", "14")
    [author] = entry.persons["author"]
    assert (author.last_names, author.first_names, author.middle_names) == (["Doe"], ["Jane"], ["Q."])
    seed = parse_string(kztrade.cite("002_9a5cc77a6e7e3026", style="bibtex"), "bibtex")
    [(key, e)] = seed.entries.items()
    assert key == "002_9a5cc77a6e7e3026" and e.type == "misc" and e.fields["date"] == "2015-01"


def test_unknown_author_and_date_are_left_out_not_invented():
    item = csl_item({"source_id": "bare", "title": "A note", "published": None, "author": ""})
    assert set(item) == {"id", "type", "title", "citation-label"}
    assert render(item) == "“A note”, n.d. [bare]"
    entry = bibtex(item)
    assert "author" not in entry and "year" not in entry
    one_word = csl_item({"source_id": "agency", "author": "Interfax"})
    assert one_word["author"] == [{"literal": "Interfax"}]


def test_unknown_id_is_a_clear_error():
    with pytest.raises(KeyError, match="neither a source_id nor a claim_id"):
        kztrade.cite("no-such-article")
