"""One bad record never costs the batch, and odd but legitimate input is read as the user meant (issue 14)."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import kztrade
from kztrade.corpus import run_extract
from kztrade.extract import extract_tokens, publication_date

GOOD = "Exports reached $5 billion in 2012."
OTHER = "Imports fell to $2 billion in 2013."


def kz(*args, cwd=None):
    exe = os.path.join(os.path.dirname(sys.executable), "kztrade")
    return subprocess.run([exe, *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=600)


def mentions(path) -> list[str]:
    df = pd.read_csv(path) if str(path).endswith(".csv") else pd.read_parquet(path)
    return sorted(df["mention"])


# ---------------------------------------------------------------- one record, not the batch

@pytest.mark.parametrize("bad,message", [
    ('{"id": "b", "text": null}', "line 2: id 'b': text is missing, not a string"),
    ('{"id": "b", "text": 7}', "line 2: id 'b': text is int, not a string"),
    ('{"id": "b", "text": "Trade was $1bn.\\ud800"}', "line 2: id 'b': text holds a lone surrogate ('\\ud800') "
                                                     "at character offset 15"),
    ('{"text": "Trade was $1bn."}', "line 2: no id"),
    ('["not", "a", "record"]', "line 2: not a document"),
])
def test_a_bad_jsonl_record_is_named_and_skipped(tmp_path, bad, message):
    src = tmp_path / "docs.jsonl"
    src.write_text("\n".join([json.dumps({"id": "a", "text": GOOD}), bad, json.dumps({"id": "c", "text": OTHER})]),
                   encoding="utf-8")
    r = kz("extract", src, "-o", tmp_path / "out.csv")
    assert r.returncode == 1, r.stderr
    assert message in r.stderr and "Traceback" not in r.stderr
    assert mentions(tmp_path / "out.csv") == ["$2 billion", "$5 billion"]


def test_a_null_text_in_a_parquet_table_is_named_and_skipped(tmp_path):
    src = tmp_path / "docs.parquet"
    pq.write_table(pa.table({"id": ["a", "b", "c"], "text": [GOOD, None, OTHER]}), src)
    r = kz("extract", src, "-o", tmp_path / "out.csv")
    assert r.returncode == 1, r.stderr
    assert f"{src}: row 1: id 'b': text is missing" in r.stderr
    assert mentions(tmp_path / "out.csv") == ["$2 billion", "$5 billion"]


@pytest.mark.parametrize("content", [b"", b"PAR1 truncated", b"not a parquet file at all"])
def test_a_corrupt_parquet_among_good_inputs_is_named_and_skipped(tmp_path, content):
    bad = tmp_path / "bad.parquet"
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    r = kz("extract", bad, good, "-o", tmp_path / "out.csv")
    assert r.returncode == 1, r.stderr
    assert f"{bad}: not a readable parquet file" in r.stderr and "Traceback" not in r.stderr
    assert mentions(tmp_path / "out.csv") == ["$5 billion"]


def test_a_parquet_cut_short_keeps_the_good_inputs(tmp_path):
    whole = tmp_path / "whole.parquet"
    pq.write_table(pa.table({"id": [f"d{i}" for i in range(50)], "text": [GOOD] * 50}), whole)
    cut = tmp_path / "cut.parquet"
    cut.write_bytes(whole.read_bytes()[: len(whole.read_bytes()) // 2])
    good = tmp_path / "good.txt"
    good.write_text(OTHER, encoding="utf-8")
    r = kz("extract", cut, good, "-o", tmp_path / "out.csv")
    assert r.returncode == 1 and f"{cut}: not a readable parquet file" in r.stderr
    assert mentions(tmp_path / "out.csv") == ["$2 billion"]


def test_extract_claims_on_a_lone_surrogate_returns_claims_at_the_offsets_of_the_str_given():
    text = "Trade\ud800 grew. Exports reached $5 billion in 2012.\udfff"
    df = kztrade.extract_claims(text)
    assert df["mention"].tolist() == ["$5 billion"]
    a, b = int(df["char_start"][0]), int(df["char_end"][0])
    assert text[a:b] == "$5 billion" and a == text.index("$5")


@pytest.mark.parametrize("digits", [400, 4_301, 10_000])
def test_a_number_of_thousands_of_digits_is_not_a_quantity_and_the_document_is_kept(digits):
    text = f"The code was {'7' * digits} and exports reached $5 billion in 2012."
    toks = extract_tokens(text)
    long = toks[toks["token"] == "7" * digits]
    assert long["reason"].tolist() == ["not_a_quantity"]
    assert kztrade.extract_claims(text)["mention"].tolist() == ["$5 billion"]


def test_a_number_of_thousands_of_digits_costs_no_document_in_a_batch(tmp_path):
    (tmp_path / "big.txt").write_text(f"Serial {'9' * 5000}. Trade reached $3 billion.", encoding="utf-8")
    r = kz("extract", tmp_path / "big.txt", "-o", tmp_path / "out" / "c.csv")
    assert r.returncode == 0, r.stderr
    assert mentions(tmp_path / "out" / "c.csv") == ["$3 billion"]


# ---------------------------------------------------------------- document ids

@pytest.fixture
def two_x(tmp_path):
    """a/x.txt and b/x.txt: two articles with one file name."""
    for d, text in (("a", GOOD), ("b", OTHER)):
        (tmp_path / d).mkdir()
        (tmp_path / d / "x.txt").write_text(text, encoding="utf-8")
    return tmp_path


def test_same_stems_in_two_folders_get_distinct_ids(two_x):
    r = kz("extract", "a/x.txt", "b/x.txt", "-o", "out.csv", cwd=two_x)
    assert r.returncode == 0, r.stderr
    df = pd.read_csv(two_x / "out.csv")
    assert sorted(df["source_id"]) == ["b/x", "x"]
    assert df["claim_id"].is_unique


def test_two_folders_with_the_same_file_names_get_distinct_ids(two_x):
    r = kz("extract", "a", "b", "-o", "out.csv", cwd=two_x)
    assert r.returncode == 0, r.stderr
    df = pd.read_csv(two_x / "out.csv")
    assert len(df) == 2 and df["claim_id"].is_unique


def test_the_same_file_listed_twice_is_read_once(tmp_path):
    (tmp_path / "x.txt").write_text(GOOD, encoding="utf-8")
    r = kz("extract", "x.txt", "./x.txt", "-o", "out.csv", cwd=tmp_path)
    assert r.returncode == 1 and "listed more than once" in r.stderr
    assert mentions(tmp_path / "out.csv") == ["$5 billion"]


def test_a_duplicate_jsonl_id_is_an_error_for_the_second_record(tmp_path):
    src = tmp_path / "docs.jsonl"
    src.write_text(json.dumps({"id": "a", "text": GOOD}) + "\n" + json.dumps({"id": "a", "text": OTHER}) + "\n",
                   encoding="utf-8")
    r = kz("extract", src, "-o", tmp_path / "out.csv")
    assert r.returncode == 1 and "line 2: id 'a' is already taken" in r.stderr
    df = pd.read_csv(tmp_path / "out.csv")
    assert df["claim_id"].is_unique and df["mention"].tolist() == ["$5 billion"]


def test_a_glob_reads_jsonl_and_parquet_as_tables(tmp_path):
    (tmp_path / "one.jsonl").write_text(json.dumps({"id": "j1", "text": GOOD}) + "\n", encoding="utf-8")
    pq.write_table(pa.table({"id": ["p1"], "text": [OTHER]}), tmp_path / "two.parquet")
    r = kz("extract", str(tmp_path / "*.jsonl"), str(tmp_path / "*.parquet"), "-o", tmp_path / "o" / "out.csv")
    assert r.returncode == 0, r.stderr
    df = pd.read_csv(tmp_path / "o" / "out.csv")
    assert sorted(df["source_id"]) == ["j1", "p1"]


# ---------------------------------------------------------------- odd files

def test_a_fifo_is_skipped_and_never_read(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(docs / "pipe.txt")  # opening it would block for ever
    r = kz("extract", docs, docs / "pipe.txt", "-o", tmp_path / "out.csv")
    assert r.returncode == 1, r.stderr
    assert r.stderr.count("a FIFO, not a regular file; skipped (never read)") == 2
    assert mentions(tmp_path / "out.csv") == ["$5 billion"]


def test_upper_case_txt_is_text(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "A.TXT").write_text(GOOD, encoding="utf-8")
    (docs / "b.Txt").write_text(OTHER, encoding="utf-8")
    r = kz("extract", docs, "-o", tmp_path / "out.csv")
    assert r.returncode == 0, r.stderr
    assert mentions(tmp_path / "out.csv") == ["$2 billion", "$5 billion"]


@pytest.mark.parametrize("encoding,name", [("utf-16", "UTF-16LE"), ("utf-16-le", "UTF-16LE"),
                                           ("utf-16-be", "UTF-16BE")])
def test_utf16_is_named_as_utf16(tmp_path, encoding, name):
    bad = tmp_path / "wide.txt"
    bad.write_bytes("Экспорт вырос до 5 млрд долларов. Exports reached $5 billion.".encode(encoding))
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    r = kz("extract", bad, good, "-o", tmp_path / "o" / "out.csv")
    assert r.returncode == 1
    assert f"{bad}: {name} text, not UTF-8" in r.stderr and "binary" not in r.stderr


def test_jobs_must_be_at_least_one(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    for n in ("0", "-2", "many"):
        r = kz("extract", tmp_path / "a.txt", "-o", tmp_path / "o" / "out.csv", "--jobs", n)
        assert r.returncode == 2 and "--jobs" in r.stderr and not (tmp_path / "o").exists()


def test_jobs_are_capped_at_the_number_of_documents(tmp_path, monkeypatch):
    import kztrade.corpus as corpus

    started = []
    real = corpus._Workers

    class Counting(real):
        def __init__(self, jobs):
            started.append(jobs)
            super().__init__(jobs)

    monkeypatch.setattr(corpus, "_Workers", Counting)
    for name, text in (("a", GOOD), ("b", OTHER)):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "o" / "out.csv"
    assert run_extract([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], out, jobs=16, progress=False) == 0
    assert started == [2]
    assert mentions(out) == ["$2 billion", "$5 billion"]
    assert run_extract([str(tmp_path / "a.txt")], out, jobs=16, progress=False) == 0
    assert started == [2]  # one document: no worker processes at all


# ---------------------------------------------------------------- dates

@pytest.mark.parametrize("value", ["May", "12", "10:30", "Monday", "2005-13", "2016-02-30"])
def test_a_published_value_without_a_year_or_impossible_is_refused(tmp_path, value):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    r = kz("extract", tmp_path / "a.txt", "-o", tmp_path / "o" / "out.csv", "--published", value)
    assert r.returncode == 2 and f"published={value!r}" in r.stderr
    assert not (tmp_path / "o").exists()
    with pytest.raises(ValueError):
        publication_date(value)


def test_missing_and_numeric_published_values_from_pandas():
    assert publication_date(pd.NA) is None and publication_date(pd.NaT) is None
    assert publication_date(float("nan")) is None
    assert publication_date(2016.0).isoformat() == "2016-01-01"
    col = pd.Series([2016, None], dtype="Int64")
    assert publication_date(col[0]).year == 2016 and publication_date(col[1]) is None
    text = "Exports reached $5 billion last year."
    assert kztrade.extract_claims(text, published=pd.NA)["year"].isna().all()
    assert kztrade.extract_claims(text, published=2016.0)["year"].tolist() == [2015]


# ---------------------------------------------------------------- language

@pytest.mark.parametrize("lang,want", [("auto", "ru"), ("ru", "ru"), ("en", "en")])
def test_lang_is_passed_to_the_extractor(tmp_path, lang, want):
    (tmp_path / "ru.txt").write_text("Товарооборот России и Казахстана в 2013 году составил 23 млрд долларов.",
                                     encoding="utf-8")
    out = tmp_path / "o" / "out.parquet"
    r = kz("extract", tmp_path / "ru.txt", "-o", out, "--lang", lang)
    assert r.returncode == 0, r.stderr
    assert pd.read_parquet(out)["lang"].tolist() == [want]


def test_an_unknown_lang_is_refused(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    r = kz("extract", tmp_path / "a.txt", "-o", tmp_path / "o.csv", "--lang", "de")
    assert r.returncode == 2 and "--lang" in r.stderr and not (tmp_path / "o.csv").exists()
