"""Trust: interrupted builds leave nothing half-written, vanishing files are reported, the wheel works."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv

import pandas as pd
import pytest

from kztrade import build, store
from kztrade.corpus import Doc, run_extract
from conftest import ROOT, SEEDS
from test_build import copy_project


def test_interrupted_build_leaves_previous_tables_whole(tmp_path, monkeypatch):
    root = copy_project(tmp_path)
    build.run(root, package_data=False)
    before = {p.name: p.read_bytes() for p in (root / "data" / "processed").iterdir()}
    real_replace = os.replace
    calls = {"n": 0}

    def dying_replace(src, dst):
        calls["n"] += 1
        if calls["n"] == 3:  # the power goes out while the third table is being put in place
            raise KeyboardInterrupt
        return real_replace(src, dst)

    monkeypatch.setattr(store.os, "replace", dying_replace)
    seed = next((root / "seeds").glob("001_*.txt"))
    with pytest.raises(KeyboardInterrupt):
        build.run(root, package_data=False)
    after = {p.name: p.read_bytes() for p in (root / "data" / "processed").iterdir()}
    assert set(after) == set(before), "no temporary file may be left behind"
    for name, data in after.items():
        assert data == before[name]  # each file is the old one or a complete new one (here: identical inputs)
    assert seed.exists()


def test_a_file_that_vanishes_mid_run_is_reported_and_skipped(tmp_path, monkeypatch, capsys):
    keep, gone = tmp_path / "keep.txt", tmp_path / "gone.txt"
    keep.write_text("Exports reached $5 billion in 2012.", encoding="utf-8")
    gone.write_text("Imports reached $2 billion in 2012.", encoding="utf-8")

    def listing(inputs, published):
        listed = [Doc("gone", path=str(gone), published=published), Doc("keep", path=str(keep), published=published)]
        gone.unlink()  # deleted after the folder was listed, before the file is read
        yield from listed

    monkeypatch.setattr("kztrade.corpus.iter_documents", listing)
    out = tmp_path / "out.csv"
    code = run_extract([str(keep)], out, progress=False)  # the listing is replaced; out.csv lies beside it
    err = capsys.readouterr().err
    assert code == 1
    assert f"{gone}: no such file (was it moved or deleted?)" in err
    assert "1 documents, 1 claims" in err
    assert pd.read_csv(out)["mention"].tolist() == ["$5 billion"]


@pytest.mark.skipif(os.environ.get("KZTRADE_SKIP_WHEEL") == "1", reason="KZTRADE_SKIP_WHEEL=1")
def test_wheel_installs_and_works_outside_the_repository(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", str(dist),
                    str(ROOT)], check=True, capture_output=True, timeout=600)
    wheel = next(dist.glob("kztrade-*.whl"))
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    py = env_dir / "bin" / "python"
    # dependencies pinned as in the development environment, from pip's cache where it has them
    subprocess.run([str(py), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    "-c", str(ROOT / "requirements.lock"), str(wheel)], check=True, capture_output=True, timeout=1200)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = (
        "import kztrade\n"
        "from kztrade.frames import pandas_dtypes\n"
        "assert kztrade.__file__.startswith(%r), kztrade.__file__\n"
        "for t in kztrade.tables():\n"
        "    df = kztrade.load(t)\n"
        "    assert {c: str(d) for c, d in df.dtypes.items()} == pandas_dtypes(t), t\n"
        "    print(t, len(df))\n" % str(env_dir)
    )
    out = subprocess.run([str(py), "-c", code], capture_output=True, text=True, cwd=elsewhere, timeout=300)
    assert out.returncode == 0, out.stderr
    rows = dict(line.split() for line in out.stdout.splitlines())
    assert set(rows) == {"claims", "sources", "texts", "trade", "tokens", "reference", "reconciliation"}
    assert int(rows["claims"]) == len(pd.read_parquet(ROOT / "data" / "processed" / "claims.parquet"))
    shutil.copy(SEEDS / "004_0cf69e1f5984bc52.txt", elsewhere / "a.txt")
    r = subprocess.run([str(env_dir / "bin" / "kztrade"), "extract", "a.txt", "-o", "c.csv", "--published", "2005-01"],
                       capture_output=True, text=True, cwd=elsewhere, timeout=300)
    assert r.returncode == 0, r.stderr
    assert "$3.27 billion" in pd.read_csv(elsewhere / "c.csv")["mention"].tolist()
