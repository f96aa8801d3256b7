"""The corpus paths give the same claims: one process, --jobs N, and Dask on a local cluster."""
from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest

from conftest import SEEDS
from test_cli import kz


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The seeds four times over in a folder, plus one bad document, and the same as .jsonl."""
    d = tmp_path_factory.mktemp("corpus")
    docs = d / "docs"
    docs.mkdir()
    records = []
    for i in range(4):
        for p in sorted(SEEDS.glob("*.txt")):
            shutil.copy(p, docs / f"{i}-{p.name}")
            records.append({"id": f"{i}-{p.stem}", "text": p.read_text(encoding="utf-8"), "published": "2013-11-27"})
    (docs / "zz-bad.txt").write_bytes(b"\xff\xfe not utf-8")
    with (d / "docs.jsonl").open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r) + "\n")
    return d


def claims_of(path) -> pd.DataFrame:
    df = pd.read_parquet(path)
    return df.sort_values("claim_id").reset_index(drop=True)


@pytest.fixture(scope="module")
def single(corpus):
    out = corpus / "single.parquet"
    r = kz("extract", str(corpus / "docs"), "-o", str(out), "--published", "2013-11-27")
    assert r.returncode == 1 and "zz-bad.txt: not UTF-8" in r.stderr and "20 documents" in r.stderr
    return claims_of(out)


def test_jobs_give_the_same_claims(corpus, single):
    out = corpus / "jobs"
    r = kz("extract", str(corpus / "docs"), "-o", str(out) + "/", "--published", "2013-11-27", "--jobs", "2")
    assert r.returncode == 1 and "1 errors" in r.stderr
    assert len(list(out.glob("part-*.parquet"))) >= 1
    pd.testing.assert_frame_equal(claims_of(out), single)


def test_jsonl_documents(corpus, single):
    out = corpus / "jsonl.parquet"
    assert kz("extract", str(corpus / "docs.jsonl"), "-o", str(out)).returncode == 0
    assert len(claims_of(out)) == len(single)


def test_dask_local_cluster_gives_the_same_claims(corpus, single):
    pytest.importorskip("dask.distributed")
    out = corpus / "dask"
    r = kz("extract", str(corpus / "docs"), "-o", str(out), "--published", "2013-11-27", "--engine", "dask",
           "--jobs", "2", "--partitions", "3")
    assert r.returncode == 1, r.stderr
    assert "3 partitions" in r.stderr and "zz-bad.txt" in r.stderr
    assert sorted(p.name for p in out.glob("*.parquet")) == ["part-00000.parquet", "part-00001.parquet",
                                                             "part-00002.parquet"]
    pd.testing.assert_frame_equal(claims_of(out), single)
