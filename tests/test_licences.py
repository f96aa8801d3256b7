"""The articles are their publishers' copyright: texts and sources say so, and a wheel can leave the texts out."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT
from kztrade.metadata.resources import DATA_LICENSE, PUBLISHERS_LICENSE, RESOURCES


def test_each_table_names_its_licence():
    assert {t for t, r in RESOURCES.items() if r["licenses"] == [PUBLISHERS_LICENSE]} == {"texts", "sources"}
    assert all(r["licenses"] == [DATA_LICENSE] for t, r in RESOURCES.items() if t not in ("texts", "sources"))
    assert "Copyright remains with the publishers" in PUBLISHERS_LICENSE["title"]
    assert DATA_LICENSE["name"] == "CC-BY-4.0"


def test_datapackage_gives_each_resource_its_licence():
    pkg = json.loads((ROOT / "kztrade" / "data" / "datapackage.json").read_text(encoding="utf-8"))
    got = {r["name"]: r.get("licenses") for r in pkg["resources"]}
    assert got == {t: RESOURCES[t]["licenses"] for t in got}, (
        "store.datapackage() must write each resource's licences: \"licenses\": res[\"licenses\"]")


@pytest.mark.skipif(os.environ.get("KZTRADE_SKIP_WHEEL") == "1", reason="KZTRADE_SKIP_WHEEL=1")
def test_a_wheel_built_without_texts_says_so(tmp_path):
    env = {**os.environ, "KZTRADE_WITHOUT_TEXTS": "1"}
    r = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", str(ROOT),
                        "-w", str(tmp_path / "dist")], capture_output=True, text=True, env=env, cwd=tmp_path,
                       timeout=600)
    assert r.returncode == 0, r.stderr
    [wheel] = (tmp_path / "dist").glob("kztrade-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    data = {Path(n).name for n in names if n.startswith("kztrade/data/")}
    assert "texts.parquet" not in data and "texts.csv" not in data
    assert {"claims.parquet", "sources.parquet", "datapackage.json"} <= data
    pkg = json.loads(zipfile.ZipFile(wheel).read("kztrade/data/datapackage.json"))
    assert "texts" in pkg["kztrade:omitted"] and "texts" not in {r["name"] for r in pkg["resources"]}
    # installed, outside the repository: every other table loads and validates; texts says it was left out
    site = tmp_path / "site"
    r = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site), str(wheel)],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    probe = ("import kztrade\n"
             "assert 'texts' not in kztrade.tables() and 'claims' in kztrade.tables(), kztrade.tables()\n"
             "try:\n    kztrade.load('texts')\nexcept LookupError as e:\n    print(e)\n"
             "from kztrade.cli import main\nraise SystemExit(main(['validate']))\n")
    r = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path, timeout=600,
                       env={**os.environ, "PYTHONPATH": str(site)})
    assert r.returncode == 0, r.stderr
    assert "texts were left out of this installation" in r.stdout
    assert "publishers' copyright" in r.stdout
    assert f"valid: {site}" in r.stdout
