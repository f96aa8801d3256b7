"""Building: reproducible, refuses changed or unlisted seeds, leaves nothing half-written."""
from __future__ import annotations

import shutil

import pytest

from kztrade import build, official
from kztrade.sources import InputError
from conftest import ROOT


def copy_project(tmp_path):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "data" / "raw" / "reference", tmp_path / "data" / "raw" / "reference")
    return tmp_path


def test_rebuild_matches_committed_data(tmp_path):
    root = copy_project(tmp_path)
    series = official.resolve(ROOT)  # the project's own series, as `make all` reads it
    build.run(root, package_data=False, official=series if series.is_file() else None)
    # the official checks live in the reconciliation and its provenance: without the series, compare the rest
    skip = () if series.is_file() else ("reconciliation.csv", "reconciliation.parquet", "datapackage.json")
    stale = []
    for f in sorted((ROOT / "data" / "processed").iterdir()):
        if f.name in skip:
            continue
        if (root / "data" / "processed" / f.name).read_bytes() != f.read_bytes():
            stale.append(f.name)
    for f in sorted((ROOT / "data" / "processed").iterdir()):
        if (ROOT / "kztrade" / "data" / f.name).read_bytes() != f.read_bytes():
            stale.append(f"kztrade/data/{f.name}")
    if (root / "data" / "raw" / "tokens.csv").read_bytes() != (ROOT / "data" / "raw" / "tokens.csv").read_bytes():
        stale.append("data/raw/tokens.csv")
    assert not stale, f"committed tables are stale: {stale}; refresh with `make all` and commit data/ and kztrade/data/"
    if skip:
        pytest.skip(official.missing_message(series))


def test_build_twice_is_byte_identical(tmp_path):
    a, b = copy_project(tmp_path / "a"), copy_project(tmp_path / "b")
    for d in (a, b):
        build.run(d, package_data=False)
    for f in (a / "data" / "processed").iterdir():
        assert f.read_bytes() == (b / "data" / "processed" / f.name).read_bytes(), f.name


def test_changed_seed_stops_the_build(tmp_path):
    root = copy_project(tmp_path)
    seed = next((root / "seeds").glob("000_*.txt"))
    seed.write_text(seed.read_text(encoding="utf-8").replace("$8 billion", "$9 billion"), encoding="utf-8")
    with pytest.raises(InputError, match=r"000_.*sha256 .* differs .* read-only"):
        build.run(root, package_data=False)
    assert not (root / "data" / "processed").exists()


def test_unlisted_and_missing_seeds(tmp_path):
    root = copy_project(tmp_path)
    (root / "seeds" / "999_extra.txt").write_text("Trade reached $1 billion.", encoding="utf-8")
    with pytest.raises(InputError, match="999_extra.txt not described in sources.csv"):
        build.run(root, package_data=False)
    (root / "seeds" / "999_extra.txt").unlink()
    next((root / "seeds").glob("004_*.txt")).unlink()
    with pytest.raises(InputError, match="lists 004_.*txt but .* has no such file"):
        build.run(root, package_data=False)
