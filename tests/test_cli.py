"""The kztrade command on good and bad input."""
from __future__ import annotations

import os
import subprocess
import sys

import pandas as pd
import pytest

from conftest import ROOT, SEEDS


def kz(*args, cwd=None):
    exe = os.path.join(os.path.dirname(sys.executable), "kztrade")
    return subprocess.run([exe, *args], capture_output=True, text=True, cwd=cwd, timeout=600)


def test_extract_files_to_parquet_and_csv(tmp_path):
    out = tmp_path / "claims.parquet"
    r = kz("extract", str(SEEDS / "002_9a5cc77a6e7e3026.txt"), str(SEEDS / "004_0cf69e1f5984bc52.txt"),
           "-o", str(out), "--published", "2015-01-15")
    assert r.returncode == 0, r.stderr
    df = pd.read_parquet(out)
    assert {"$17.7bn", "$3.27 billion"} <= set(df["mention"])
    assert "2 documents" in r.stderr and "0 errors" in r.stderr
    csv = tmp_path / "c.csv"
    assert kz("extract", str(SEEDS), "-o", str(csv)).returncode == 0
    assert len(pd.read_csv(csv)) == len(pd.read_parquet(ROOT / "data" / "processed" / "claims.parquet"))


@pytest.mark.parametrize("content,message", [
    (b"", "empty file (0 bytes)"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file, not text (NUL byte at byte offset 8)"),
    ("Trade reached $5 billion in 2012 (caf\u00e9)".encode("latin-1"), "not UTF-8 text: invalid byte e9 at byte offset 37"),
])
def test_bad_input_is_named_and_skipped(tmp_path, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("Exports reached $5 billion in 2012.", encoding="utf-8")
    out = tmp_path / "out.csv"
    r = kz("extract", str(bad), str(good), "-o", str(out))
    assert r.returncode == 1
    assert message in r.stderr and str(bad) in r.stderr
    assert pd.read_csv(out)["mention"].tolist() == ["$5 billion"]


def test_only_bad_input_exits_2_and_writes_nothing(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    out = tmp_path / "out.parquet"
    r = kz("extract", str(bad), str(tmp_path / "missing.txt"), "-o", str(out))
    assert r.returncode == 2
    assert "no such file or folder" in r.stderr
    assert not any(p.name.startswith(".out") for p in tmp_path.iterdir())


def test_fifty_megabyte_article(tmp_path):
    para = (SEEDS / "004_0cf69e1f5984bc52.txt").read_text(encoding="utf-8") + "\n\n"
    big = tmp_path / "big.txt"
    n = 50_000_000 // len(para.encode()) + 1
    big.write_text(para * n, encoding="utf-8")
    out = tmp_path / "big.parquet"
    r = kz("extract", str(big), "-o", str(out), "--published", "2005-01-15")
    assert r.returncode == 0, r.stderr
    df = pd.read_parquet(out, columns=["mention", "year"])
    hits = df[df["mention"] == "$3.27 billion"]
    assert len(hits) == n and (hits["year"] == 2003).all()


def test_validate_and_tables_commands():
    r = kz("validate")
    assert r.returncode == 0 and "claims" in r.stdout, r.stderr
    assert "trade" in kz("tables").stdout.split()


def test_front_matter_date_sets_the_year(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("title: Trade\nurl: https://example.org/2015/01/trade-123\ndate: 2015-01-05\n---\n"
                 "Exports to Russia reached $5 billion last year.", encoding="utf-8")
    out = tmp_path / "a.csv"
    assert kz("extract", str(f), "-o", str(out)).returncode == 0
    df = pd.read_csv(out)
    assert df["mention"].tolist() == ["$5 billion"] and df["year"].tolist() == [2014]
