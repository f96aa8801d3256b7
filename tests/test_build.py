"""Building: reproducible, refuses changed or unlisted seeds, leaves nothing half-written."""
from __future__ import annotations

import shutil
from pathlib import Path

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


def previous_tables(root, official=None):
    """build_tables without extracting: the tables of the build already in root (these tests are about writing)."""
    import json

    from kztrade.validate import read_package

    folder = Path(root) / "data" / "processed"
    tables = read_package(folder)
    prov = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))["kztrade:provenance"]
    return tables, tables["tokens"], prov


# A build killed at a chosen point (os._exit: no cleanup, as with SIGKILL or a power cut). Its tables differ from
# the previous build's in every CSV (a blank line at the end), so a mix of the two builds would show.
KILL = r"""
import os, sys
from pathlib import Path
from kztrade import build, store

root, where = Path(sys.argv[1]), sys.argv[2]
sys.path.insert(0, sys.argv[3])
from test_build import previous_tables
build.build_tables = previous_tables
real_csv = store.csv_bytes
store.csv_bytes = lambda df: real_csv(df) + b"\n"
if where == "staging":  # after the first table was written into the new folder
    real_write, calls = store.atomic_write, []
    def write(path, data):
        calls.append(path)
        if len(calls) == 2:
            os._exit(9)
        real_write(path, data)
    store.atomic_write = write
elif where == "between":  # data/processed swapped in, the package copy not yet
    real_swap = store.swap_in
    def swap(staged, target):
        real_swap(staged, target)
        os._exit(9)
    store.swap_in = swap
elif where == "aside":  # no exchange call: the old folder renamed aside, the new one not yet in place
    store._exchange = lambda a, b: False
    real_rename = os.rename
    def rename(a, b):
        real_rename(a, b)
        if Path(b).name == "processed" and ".kztrade-tmp-" in str(b):
            os._exit(9)
    store.os.rename = rename
build.run(root, package_data=True)
os._exit(0)
"""


def _snapshot(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _killed_build(root, where):
    import subprocess
    import sys

    r = subprocess.run([sys.executable, "-c", KILL, str(root), where, str(Path(__file__).parent)],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 9, r.stderr


@pytest.fixture(scope="module")
def first_build(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("first"))
    build.run(root, package_data=True)
    return root


@pytest.fixture
def built(first_build, tmp_path, monkeypatch):
    """A copy of a finished build (package copy included); build.run here rewrites its tables without extracting."""
    root = tmp_path / "project"
    shutil.copytree(first_build, root)
    monkeypatch.setattr(build, "build_tables", lambda root, official=None: previous_tables(first_build))
    folders = (root / "data" / "processed", root / "kztrade" / "data")
    return root, folders, {f: _snapshot(f) for f in folders}


def _whole(folder):
    """The folder is one complete build: validate_package checks every file against datapackage.json's hashes."""
    from kztrade.validate import validate_package

    tables = validate_package(folder)
    assert len(tables["claims"]) > 0


def _leftovers(root):
    """Temporary folders beside the two folders of tables, as [(folder, name they stand for)]."""
    return sorted((d.name, p.name.split(".kztrade-tmp-")[0]) for d in (root / "data", root / "kztrade")
                  if d.is_dir() for p in d.iterdir() if ".kztrade-tmp-" in p.name)


def test_build_killed_while_writing_leaves_the_previous_build(built):
    root, folders, before = built
    _killed_build(root, "staging")
    for f in folders:
        assert _snapshot(f) == before[f], f"{f} changed although the build never finished"
        _whole(f)
    assert _leftovers(root) == [("data", ".processed")]  # the half-written new folder, apart
    build.run(root, package_data=True)  # the next build removes what the killed one left
    assert _leftovers(root) == []
    for f in folders:
        assert _snapshot(f) == before[f]


def test_build_killed_between_two_folders_leaves_each_whole(built):
    root, (processed, package), before = built
    _killed_build(root, "between")
    new = _snapshot(processed)
    assert set(new) == set(before[processed])
    assert all(new[n] == before[processed][n] + b"\n" for n in new if n.endswith(".csv")), "processed: a mix"
    assert _snapshot(package) == before[package]
    for f in (processed, package):
        _whole(f)
    assert _leftovers(root) == [("kztrade", ".data")]  # the package's new copy, staged and never swapped in
    build.run(root, package_data=True)
    assert _leftovers(root) == []


def test_build_killed_mid_swap_without_exchange_is_recovered(built):
    root, (processed, package), before = built
    _killed_build(root, "aside")
    assert not processed.exists()
    aside = next((root / "data").glob(".processed.kztrade-tmp-*/processed"))
    assert _snapshot(aside) == before[processed]  # the previous build, whole, under a temporary name
    build.run(root, package_data=True)
    assert _leftovers(root) == []
    for f in (processed, package):
        assert _snapshot(f) == before[f]
        _whole(f)


def test_build_never_replaces_a_folder_it_did_not_write(tmp_path):
    root = copy_project(tmp_path)
    mine = root / "data" / "processed" / "notes.txt"
    mine.parent.mkdir(parents=True)
    mine.write_text("my notes", encoding="utf-8")
    with pytest.raises(InputError, match=r"processed: holds notes.txt, which kztrade build did not write"):
        build.run(root, package_data=False)
    assert sorted(p.name for p in mine.parent.iterdir()) == ["notes.txt"]
    assert _leftovers(root) == []


def test_build_replaces_the_files_of_a_table_its_datapackage_declares(built):
    """A table dropped from kztrade: its files are the last build's own (datapackage.json names them), not a
    user's, so the next build replaces the folder without them."""
    import json

    root, (processed, _), before = built
    meta = json.loads((processed / "datapackage.json").read_text(encoding="utf-8"))
    meta["resources"].append({"name": "dropped", "path": "dropped.csv", "kztrade:parquet": {"path": "dropped.parquet"}})
    (processed / "datapackage.json").write_text(json.dumps(meta), encoding="utf-8")
    for name in ("dropped.csv", "dropped.parquet"):
        (processed / name).write_bytes(b"old")
    build.run(root, package_data=True)
    assert _snapshot(processed) == before[processed]
