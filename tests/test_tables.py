"""The shipped tables: columns, dtypes, keys, links, and schema failures that say what is wrong."""
from __future__ import annotations

import pandas as pd
import pytest

import kztrade
from kztrade.frames import columns, pandas_dtypes
from kztrade.validate import TableValidationError, validate, validate_all


def test_tables_listed():
    assert set(kztrade.tables()) >= {"claims", "sources", "trade", "tokens", "texts"}


@pytest.mark.parametrize("table", ["claims", "sources", "trade", "tokens", "texts"])
def test_load_has_documented_columns_and_dtypes(table):
    df = kztrade.load(table)
    assert list(df.columns) == columns(table)
    assert {c: str(t) for c, t in df.dtypes.items()} == pandas_dtypes(table)


def test_every_table_validates_against_the_others():
    validate_all({t: kztrade.load(t) for t in kztrade.tables()})


def test_mentions_are_the_text_at_their_offsets():
    texts = dict(zip(*kztrade.load("texts")[["source_id", "text"]].T.values))
    for r in kztrade.load("claims").itertuples():
        assert texts[r.source_id][r.char_start:r.char_end] == r.mention
        assert r.mention in r.sentence


def test_sources_record_only_what_the_text_supports():
    s = kztrade.load("sources").set_index("source_id")
    edm = s.loc["000_109688c0598e7337"]
    assert pd.isna(edm["title"]) and pd.isna(edm["author"])
    assert (edm["publication"], edm["volume"], edm["issue"]) == ("Eurasia Daily Monitor", 2, 100)
    assert (edm["published"], edm["published_precision"], edm["published_basis"]) == ("2005-05", "month", "inferred")
    caci = s.loc["003_276f74ebf33d273e"]
    assert (caci["author"], caci["published"], caci["published_basis"]) == ("Georgiy Voloshin", "2013-11-27", "printed")
    assert s["n_chars"].tolist() == [len(t) for t in kztrade.load("texts")["text"]]


def test_trade_is_long_form_and_linked():
    trade = kztrade.load("trade")
    claims = kztrade.load("claims").set_index("claim_id")
    assert set(trade["claim_id"]) <= set(claims.index)
    got = {(r.year, r.exporter, r.importer, r.flow, r.value_usd) for r in trade.itertuples()}
    assert (2013, "RUS", "KAZ", "exports", 1.77e10) in got
    assert (2013, "KAZ", "RUS", "exports", 5.8e9) in got
    assert (2003, "RUS", "KAZ", "imports", 3.27e9) in got
    assert (2012, "KAZ", "RUS", "turnover", 2.38e10) in got
    assert (2005, "KAZ", "RUS", "turnover", 8e9) in got
    assert len(trade) == 5  # the pound figure stays in claims: trade is in US dollars as stated


def test_schema_failure_names_table_column_rows_and_check():
    claims = kztrade.load("claims")
    bad = claims.copy()
    bad.loc[[2, 5], "unit"] = "furlongs"
    bad.loc[7, "char_start"] = bad.loc[7, "char_start"] + 1
    with pytest.raises(TableValidationError) as e:
        validate("claims", bad, {"texts": kztrade.load("texts"), "sources": kztrade.load("sources")})
    msg = str(e.value)
    assert "table 'claims'" in msg
    assert "column 'unit'" in msg and "rows [2, 5]" in msg and "isin" in msg and "furlongs" in msg
    assert "mention_equals_text_at_offsets" in msg and "claim_id_from_offsets" in msg


def test_foreign_key_failure():
    trade = kztrade.load("trade")
    trade.loc[0, "claim_id"] = "nope:1-2"
    with pytest.raises(TableValidationError, match="claim_id_in_claims"):
        validate("trade", trade, {"claims": kztrade.load("claims")})


def test_readme_column_reference_is_current():
    from kztrade.docs import render
    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert render(readme) == readme, "README column reference is stale: run `python -m kztrade.docs README.md`"


def test_no_seed_fact_in_the_package():
    import re
    from conftest import ROOT

    facts = re.compile(r"23\.8|17\.7|11\.7|3\.27|28,?668|32,?228|Nazarbayev|Yekaterinburg|Kusznir|Voloshin|Yermukanov")
    for p in (ROOT / "kztrade").rglob("*.py"):
        assert not facts.search(p.read_text(encoding="utf-8")), p
