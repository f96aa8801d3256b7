"""kztrade export: each format opens in the tool it targets, with the documented types and labels, and never
replaces a folder kztrade did not write."""
from __future__ import annotations

import os
import subprocess
import sys

import pandas as pd
import pytest

import kztrade
from kztrade.frames import pandas_dtypes
from kztrade.metadata.resources import RESOURCES, label


def kz(*args, cwd=None):
    exe = os.path.join(os.path.dirname(sys.executable), "kztrade")
    return subprocess.run([exe, *args], capture_output=True, text=True, cwd=cwd, timeout=600)


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    from kztrade.export import export

    import warnings

    root = tmp_path_factory.mktemp("export")
    with warnings.catch_warnings():  # pandas warns when it renames a column Stata would refuse: none may be
        warnings.simplefilter("error")
        return {fmt: (root / fmt, export(fmt, str(root / fmt))) for fmt in ("csv", "parquet", "stata", "excel")}


def test_csv_reads_back_with_the_documented_dtypes(exported):
    folder, _ = exported["csv"]
    dictionary = pd.read_csv(folder / "dictionary.csv", keep_default_na=False)
    for t in kztrade.tables():
        dtypes = dict(zip(*dictionary[dictionary["table"] == t][["column", "dtype"]].T.values))
        assert dtypes == pandas_dtypes(t)
        df = pd.read_csv(folder / f"{t}.csv", dtype=dtypes, keep_default_na=False, na_values=[""])
        pd.testing.assert_frame_equal(df, kztrade.load(t), check_dtype=True)


def test_parquet_is_the_shipped_table(exported):
    folder, files = exported["parquet"]
    assert {p.name for p in files} == {f"{t}.parquet" for t in kztrade.tables()} | {"dictionary.csv", "README.txt"}
    for t in kztrade.tables():
        pd.testing.assert_frame_equal(pd.read_parquet(folder / f"{t}.parquet", dtype_backend="numpy_nullable")
                                      .astype(pandas_dtypes(t)), kztrade.load(t))


def test_stata_round_trip_with_variable_labels(exported):
    folder, _ = exported["stata"]
    for t in kztrade.tables():
        with pd.io.stata.StataReader(folder / f"{t}.dta") as reader:
            df = reader.read()
            labels = reader.variable_labels()
            assert reader.data_label.startswith(RESOURCES[t]["description"][:40])
        assert labels == {c: label(t, c) for c in RESOURCES[t]["fields"]}
        assert all(0 < len(v) <= 80 for v in labels.values())
        want = kztrade.load(t)
        assert list(df.columns) == list(want.columns) and len(df) == len(want)
        for c, dtype in pandas_dtypes(t).items():
            if dtype == "string":  # Stata has no missing string: empty
                assert df[c].tolist() == want[c].fillna("").tolist(), c
            else:
                assert df[c].astype("Float64").equals(want[c].astype("Float64")), c
    # the article texts are longer than a Stata str# (2045 bytes) and come back whole as strL
    texts = pd.read_stata(folder / "texts.dta")
    assert texts["text"].str.len().max() > 2045
    assert texts["text"].tolist() == kztrade.load("texts")["text"].tolist()
    claims = pd.read_stata(folder / "claims.dta")
    assert claims["char_start"].dtype.kind == "i"  # no missing value: stored as an integer


def test_excel_has_a_sheet_per_table_and_a_readme(exported):
    import openpyxl

    folder, files = exported["excel"]
    assert [p.name for p in files] == ["README.txt", "dictionary.csv", "kztrade.xlsx"]
    book = openpyxl.load_workbook(folder / "kztrade.xlsx", read_only=True)
    assert book.sheetnames == ["README", *kztrade.tables()]
    readme = [r[0] for r in book["README"].iter_rows(values_only=True)]
    assert any(line and line.strip().startswith("texts:") and "Copyright remains with the publishers" in line
               for line in readme)
    assert any(line and line.strip().startswith("claims:") and "Creative Commons Attribution 4.0" in line for line in readme)
    assert "claim_id" in [r[1] for r in book["README"].iter_rows(values_only=True)]  # the data dictionary
    claims = pd.read_excel(folder / "kztrade.xlsx", sheet_name="claims", engine="openpyxl")
    want = kztrade.load("claims")
    assert list(claims.columns) == list(want.columns)
    assert claims["claim_id"].tolist() == want["claim_id"].tolist()
    assert claims["value"].tolist() == want["value"].astype(float).tolist()
    texts = pd.read_excel(folder / "kztrade.xlsx", sheet_name="texts", engine="openpyxl")
    assert texts.groupby("source_id")["text"].agg("".join).to_dict() == \
        dict(zip(*kztrade.load("texts")[["source_id", "text"]].T.values))


def test_excel_keeps_offsets_where_a_control_character_cannot_be_stored(tmp_path):
    from kztrade.export import _excel_sheet

    texts = pd.DataFrame({"source_id": ["a"], "text": ["Trade\x0cgrew to $5 billion."]}, dtype="string")
    sheet = _excel_sheet(texts, "texts")
    assert sheet["text"].tolist() == ["Trade\ufffdgrew to $5 billion."]
    long = pd.DataFrame({"source_id": ["b"], "text": ["x" * 40000]}, dtype="string")
    assert _excel_sheet(long, "texts")["char_start"].tolist() == [0, 32767]


def test_export_never_replaces_a_folder_it_did_not_write(tmp_path):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("my own work", encoding="utf-8")
    r = kz("export", "--format", "csv", "--out", str(mine))
    assert r.returncode == 2 and "was not written by kztrade" in r.stderr
    assert [p.name for p in mine.iterdir()] == ["notes.txt"]
    # its own earlier export is replaced, in any format
    out = tmp_path / "out"
    assert kz("export", "--format", "csv", "--out", str(out)).returncode == 0
    r = kz("export", "--format", "stata", "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in out.iterdir() if p.suffix) == sorted(
        [f"{t}.dta" for t in kztrade.tables()] + ["README.txt", "dictionary.csv"])
    # ... but not once someone has put a file of theirs in it
    (out / "analysis.do").write_text("use claims", encoding="utf-8")
    assert kz("export", "--format", "csv", "--out", str(out)).returncode == 2
    assert (out / "analysis.do").exists() and (out / "claims.dta").exists()
    # a file, the current folder, or a file name are refused; leftovers of the run are gone
    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert kz("export", "--format", "csv", "--out", str(tmp_path / "file")).returncode == 2
    assert kz("export", "--format", "csv", "--out", ".", cwd=tmp_path).returncode == 2
    r = kz("export", "--format", "csv", "--out", str(tmp_path / "x.xlsx"))
    assert r.returncode == 2 and "--out is a folder" in r.stderr
    assert not [p for p in tmp_path.iterdir() if "kztrade-tmp" in p.name]


def test_export_never_writes_into_the_package_data(tmp_path):
    from importlib import resources

    with resources.as_file(resources.files("kztrade").joinpath("data")) as data:
        r = kz("export", "--format", "csv", "--out", str(data), "--overwrite")
    assert r.returncode == 2 and "is the input" in r.stderr
