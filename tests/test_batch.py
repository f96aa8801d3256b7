"""extract_claims() on one text and on a batch; frame() builds the same typed table as the astype path."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import kztrade
from kztrade.extract import extract
from kztrade.frames import _astyped, frame, pandas_dtypes

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))

TEXTS = {
    "a": "Kazakhstan's exports to Russia fell 12% to $4.5 billion last year. Imports from Russia reached "
         "about $9 billion in 2015, and trade turnover was over $13 billion.",
    "b": "Bilateral trade tripled over the last two years to reach $8 billion. Some 70% of it crosses the "
         "border by rail.",
    "c": "The report has no figures at all.",
    "d": "Товарооборот России и Казахстана в 2019 году вырос на 8% и превысил 20 млрд долларов.",
}
PUBLISHED = {"a": "2016-03-01", "b": "2005-06-10", "c": None, "d": "2020-02-01"}


def assert_same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(a, b, check_exact=True)
    assert [repr(d) for d in a.dtypes] == [repr(d) for d in b.dtypes]
    assert a.columns.equals(b.columns) and a.columns.dtype == b.columns.dtype
    assert a.index.equals(b.index) and type(a.index) is type(b.index)


def one_by_one(published=PUBLISHED, lang="auto") -> pd.DataFrame:
    parts = [kztrade.extract_claims(t, source_id=k, published=published[k], lang=lang) for k, t in TEXTS.items()]
    return pd.concat(parts, ignore_index=True)


# -- frame(): the direct path equals the astype path ------------------------------------------------------

@pytest.mark.parametrize("table,k", [("claims", 0), ("tokens", 1)])
def test_frame_equals_astype_path_on_extractions(table, k):
    docs = [(k_, t, PUBLISHED[k_]) for k_, t in TEXTS.items()]
    docs += [(p.stem, p.read_text(encoding="utf-8"), "2013-11-27") for p in SEEDS]
    everything = []
    for sid, text, pub in docs:
        rows = extract(text, sid, pub)[k]
        everything += rows
        assert_same(frame(table, rows), _astyped(table, rows))
    assert_same(frame(table, everything), _astyped(table, everything))
    assert len(everything) > 50


def test_frame_dtypes_are_the_documented_ones():
    df = frame("claims", extract(TEXTS["a"], "a", "2016-03-01")[0])
    assert {c: str(d) for c, d in df.dtypes.items()} == pandas_dtypes("claims")
    assert df.dtypes["mention"] == pd.StringDtype() and df.dtypes["mention"].storage == "pyarrow"


def test_frame_empty_and_missing_keys():
    assert_same(frame("claims", []), _astyped("claims", []))
    assert len(frame("claims", iter([]))) == 0
    rows = [{"claim_id": "x:0-1", "value": 1.5}, {"claim_id": "x:2-3", "year": 2014, "extra": "ignored"}]
    df = frame("claims", rows)
    assert_same(df, _astyped("claims", rows))
    assert df["value"].tolist() == [1.5, pd.NA] and df["year"].tolist() == [pd.NA, 2014]
    assert df["mention"].isna().all()


@pytest.mark.parametrize("row", [
    {"claim_id": "x", "value": float("nan"), "year": 2013},       # NaN is missing in Float64
    {"claim_id": "x", "value": 3, "year": np.int64(2013)},         # numpy scalar: astype path
    {"claim_id": "x", "year": 2013.0},                             # whole float in an integer column
    {"claim_id": 5, "source_id": "s"},                             # non-str in a text column
    {"claim_id": "x", "mention": "a\ud800b"},                      # lone surrogate -> U+FFFD
])
def test_frame_unusual_values_match_astype_path(row):
    assert_same(frame("claims", [row, {"claim_id": "y", "value": 2.0}]),
                _astyped("claims", [row, {"claim_id": "y", "value": 2.0}]))


def test_frame_unusual_values_real_results():
    df = frame("claims", [{"claim_id": 5, "value": float("nan"), "mention": "a\ud800b", "year": 2013.0}])
    assert df.loc[0, "claim_id"] == "5" and df.loc[0, "value"] is pd.NA
    assert df.loc[0, "mention"] == "a\ufffdb" and df.loc[0, "year"] == 2013


def test_frame_other_tables_booleans():
    # every shipped table through both paths: reference and reconciliation carry other types
    from kztrade.frames import columns
    for path in sorted((Path(kztrade.__file__).parent / "data").glob("*.parquet")):
        table = path.stem
        df = pd.read_parquet(path)
        rows = [{c: (None if pd.isna(v) else v.item() if hasattr(v, "item") else v) for c, v in r.items()}
                for r in df.to_dict("records")]
        assert_same(frame(table, rows), _astyped(table, rows))
        assert list(frame(table, rows).columns) == columns(table)


# -- batch extract_claims() ----------------------------------------------------------------------------------

def test_single_text_values():
    df = kztrade.extract_claims(TEXTS["a"], source_id="a", published="2016-03-01")
    first = df.iloc[0]
    assert first.claim_id == "a:36-39" and first.mention == "12%" and first.value == -12.0 and first.year == 2015
    assert df.loc[df.mention == "$4.5 billion", "value"].tolist() == [4.5e9]


def test_mapping_equals_one_by_one():
    # one published date for the whole mapping: compare with the same date per document
    same = {k: "2016-03-01" for k in TEXTS}
    assert_same(kztrade.extract_claims(TEXTS, published="2016-03-01"), one_by_one(same))


def test_dataframe_with_published_equals_one_by_one():
    docs = pd.DataFrame({"source_id": list(TEXTS), "text": list(TEXTS.values()),
                         "published": [PUBLISHED[k] for k in TEXTS]})
    batch = kztrade.extract_claims(docs)
    assert_same(batch, one_by_one())
    assert batch.source_id.unique().tolist() == ["a", "b", "d"]  # c has no figures
    assert batch.loc[batch.source_id == "b", "base_year"].dropna().tolist() == [2003]


def test_dataframe_missing_dates_take_the_keyword():
    docs = pd.DataFrame({"id": ["a", "b"], "text": [TEXTS["a"], TEXTS["b"]], "published": [None, "2005-06-10"]})
    batch = kztrade.extract_claims(docs, published="2016-03-01")
    assert_same(batch, pd.concat([kztrade.extract_claims(TEXTS["a"], source_id="a", published="2016-03-01"),
                                  kztrade.extract_claims(TEXTS["b"], source_id="b", published="2005-06-10")],
                                 ignore_index=True))


def test_iterable_and_series_equal_one_by_one():
    texts = list(TEXTS.values())
    gen = kztrade.extract_claims((t for t in texts), source_id="n", published="2016-03-01")
    expected = pd.concat([kztrade.extract_claims(t, source_id=f"n-{i}", published="2016-03-01")
                          for i, t in enumerate(texts)], ignore_index=True)
    assert_same(gen, expected)
    assert gen.claim_id.iloc[0] == "n-0:36-39"
    series = pd.Series(texts, index=[f"n-{i}" for i in range(len(texts))])
    assert_same(kztrade.extract_claims(series, published="2016-03-01"), expected)


def test_lang_passes_through():
    for lang in ("en", "ru"):
        assert_same(kztrade.extract_claims(TEXTS, published="2016-03-01", lang=lang),
                    one_by_one({k: "2016-03-01" for k in TEXTS}, lang=lang))


def test_seed_batch_equals_one_by_one():
    texts = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS}
    batch = kztrade.extract_claims(texts, published="2013-11-27")
    assert_same(batch, pd.concat([kztrade.extract_claims(t, source_id=k, published="2013-11-27")
                                  for k, t in texts.items()], ignore_index=True))
    assert len(batch) > 20


def test_empty_batch_has_the_columns():
    df = kztrade.extract_claims([])
    assert len(df) == 0 and {c: str(d) for c, d in df.dtypes.items()} == pandas_dtypes("claims")


@pytest.mark.parametrize("batch,message", [
    (["fine text", None], "record 1 (source_id 'doc-1'): text is None"),
    ({"a": "fine", "b": float("nan")}, "source_id 'b'): text is NaN"),
    (pd.DataFrame({"source_id": ["a", "b"], "text": ["x", pd.NA]}, dtype="string"), "source_id 'b'): text is <NA>"),
    (["fine", b"bytes"], "text is bytes"),
    ({None: "text"}, "record 0: source_id is None"),
    (b"raw bytes", "not bytes"),
    (42, "not int"),
])
def test_bad_records_raise_naming_them(batch, message):
    with pytest.raises(TypeError, match=message.replace("(", r"\(").replace(")", r"\)")):
        kztrade.extract_claims(batch)


def test_repeated_ids_and_misplaced_source_id():
    with pytest.raises(ValueError, match="'a' appears twice"):
        kztrade.extract_claims(pd.DataFrame({"source_id": ["a", "a"], "text": ["x", "y"]}))
    with pytest.raises(ValueError, match="needs columns source_id and text"):
        kztrade.extract_claims(pd.DataFrame({"doc": ["a"], "text": ["x"]}))
    with pytest.raises(TypeError, match="carries its own source ids"):
        kztrade.extract_claims({"a": "x"}, source_id="mine")


def test_batch_equals_the_command(tmp_path):
    # `kztrade extract` (one process and --jobs 2) and the batch API give the same rows
    from test_cli import kz

    docs = tmp_path / "docs"
    docs.mkdir()
    for k, t in TEXTS.items():
        (docs / f"{k}.txt").write_text(t, encoding="utf-8")
    batch = kztrade.extract_claims(TEXTS, published="2016-03-01")
    for extra in ([], ["--jobs", "2"]):
        out = tmp_path / f"out{len(extra)}.parquet"
        r = kz("extract", str(docs), "-o", str(out), "--published", "2016-03-01", "--no-progress", *extra)
        assert r.returncode == 0, r.stderr
        cli = pd.read_parquet(out).sort_values("claim_id", ignore_index=True)
        assert_same(cli, batch.sort_values("claim_id", ignore_index=True))
