"""The build refuses broken metadata, and `kztrade validate` catches altered, missing or inconsistent tables
(issue 14)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS
from kztrade.sources import InputError, read_metadata

PROCESSED = ROOT / "data" / "processed"


def kz(*args, cwd=None):
    exe = os.path.join(os.path.dirname(sys.executable), "kztrade")
    return subprocess.run([exe, *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=600)


@pytest.fixture
def project(tmp_path):
    """A copy of the project's inputs: seeds/ and data/raw/reference/."""
    shutil.copytree(SEEDS, tmp_path / "seeds")
    shutil.copytree(ROOT / "data" / "raw" / "reference", tmp_path / "data" / "raw" / "reference")
    return tmp_path


def edit_meta(project: Path, fn) -> None:
    meta = project / "seeds" / "sources.csv"
    lines = meta.read_text(encoding="utf-8").splitlines(keepends=True)
    meta.write_text("".join(fn(lines)), encoding="utf-8")


def cut_row(lines):
    lines[2] = ",".join(lines[2].split(",")[:3]) + "\n"
    return lines


def bad_month(lines):
    head = lines[0].rstrip("\n").split(",")
    i = head.index("published")
    cells = lines[1].split(",")
    assert cells[i] == "2005-05"
    cells[i] = "2005-13"
    lines[1] = ",".join(cells)
    return lines


def renamed(lines):
    lines[0] = lines[0].replace(",published,", ",date,")
    return lines


@pytest.mark.parametrize("edit,message", [
    (cut_row, "sources.csv: row 3: 3 fields where the header has 14"),
    (bad_month, "sources.csv: row 2, column published: '2005-13' is not a date"),
    (renamed, "sources.csv: row 1 (the header): missing published; unknown 'date'"),
])
def test_broken_metadata_stops_the_build_naming_file_row_column_and_problem(project, edit, message):
    edit_meta(project, edit)
    with pytest.raises(InputError) as e:
        read_metadata(project / "seeds")
    assert message in str(e.value)
    r = kz("build", "--root", project)
    assert r.returncode == 2 and message in r.stderr and "Traceback" not in r.stderr
    assert not (project / "data" / "processed").exists()


def test_a_byte_order_mark_from_excel_is_read(project):
    meta = project / "seeds" / "sources.csv"
    meta.write_bytes(b"\xef\xbb\xbf" + meta.read_bytes())
    assert read_metadata(project / "seeds") == read_metadata(SEEDS)


def test_validate_checks_the_package_copy_and_data_processed():
    r = kz("validate", cwd=ROOT)
    assert r.returncode == 0, r.stderr
    assert "kztrade/data: claims" in r.stdout and "data/processed: claims" in r.stdout


@pytest.fixture
def tables_copy(tmp_path):
    out = tmp_path / "processed"
    shutil.copytree(PROCESSED, out)
    assert kz("validate", out).returncode == 0
    return out


def test_an_empty_folder_is_not_valid(tmp_path):
    r = kz("validate", tmp_path)
    assert r.returncode == 2 and "no datapackage.json" in r.stderr


def test_a_missing_table_is_named(tables_copy):
    (tables_copy / "trade.parquet").unlink()
    r = kz("validate", tables_copy)
    assert r.returncode == 2 and "trade.parquet: missing" in r.stderr


def test_an_undeclared_table_is_named(tables_copy):
    import json

    meta = tables_copy / "datapackage.json"
    pkg = json.loads(meta.read_text(encoding="utf-8"))
    pkg["resources"] = [r for r in pkg["resources"] if r["name"] != "tokens"]
    meta.write_text(json.dumps(pkg), encoding="utf-8")
    r = kz("validate", tables_copy)
    assert r.returncode == 2 and "table 'tokens' is not declared" in r.stderr


def test_a_changed_value_is_caught_by_the_hashes(tables_copy):
    csv = tables_copy / "claims.csv"
    data = bytearray(csv.read_bytes())
    i = data.index(b",5000000000.0,") if b",5000000000.0," in data else data.index(b".0,") - 1
    data[i + 1] = ord("9") if data[i + 1] != ord("9") else ord("8")  # one digit of a value
    csv.write_bytes(bytes(data))
    r = kz("validate", tables_copy)
    assert r.returncode == 2 and "claims.csv: sha256 differs from datapackage.json" in r.stderr


def test_a_flipped_bit_in_a_parquet_file_is_caught(tables_copy):
    pq = tables_copy / "trade.parquet"
    data = bytearray(pq.read_bytes())
    data[len(data) // 2] ^= 0x01
    pq.write_bytes(bytes(data))
    r = kz("validate", tables_copy)
    assert r.returncode == 2 and "trade.parquet: sha256 differs" in r.stderr


def _rewrite(folder: Path, tables: dict) -> None:
    """Write tables with a matching datapackage.json, as a build would (hashes agree; only the facts differ)."""
    import json

    from kztrade.store import datapackage, table_files, write_all

    files = {}
    for name, df in tables.items():
        files.update(table_files(name, df))
    prov = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))["kztrade:provenance"]
    files["datapackage.json"] = datapackage(files, prov)
    write_all([folder], files)


def test_trade_value_must_equal_its_claims_value(tables_copy):
    from kztrade.validate import TableValidationError, read_package, validate_package

    tables = read_package(tables_copy)
    tables["trade"].loc[0, "value_usd"] = tables["trade"].loc[0, "value_usd"] * 10
    _rewrite(tables_copy, tables)
    with pytest.raises(TableValidationError) as e:
        validate_package(tables_copy)
    assert "value_usd_equals_its_claims_value" in str(e.value)
    assert kz("validate", tables_copy).returncode == 2


def test_every_claim_token_names_a_claim_that_exists(tables_copy):
    from kztrade.validate import TableValidationError, read_package, validate_package

    tables = read_package(tables_copy)
    tok = tables["tokens"]
    i = tok.index[tok["fate"] == "claim"][0]
    tok.loc[i, "claim_id"] = tok.loc[i, "source_id"] + ":999999-1000000"
    _rewrite(tables_copy, tables)
    with pytest.raises(TableValidationError) as e:
        validate_package(tables_copy)
    assert "claim_id_of_a_claim_token_exists" in str(e.value)
