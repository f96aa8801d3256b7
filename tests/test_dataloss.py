"""`kztrade extract` never destroys a user's files (issue 14): every test puts real files around the output
path and checks that each survives byte for byte."""
from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from conftest import SEEDS

GOOD = "Exports reached $5 billion in 2012."


def kz(*args, cwd=None):
    exe = os.path.join(os.path.dirname(sys.executable), "kztrade")
    return subprocess.run([exe, *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=600)


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under root (hidden ones too) with its bytes."""
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def home(tmp_path):
    """A user's folder: notes, an article folder, an unrelated data folder, a README without suffix."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "notes.md").write_text("keep me\n", encoding="utf-8")
    (docs / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "mydata").mkdir()
    (tmp_path / "mydata" / "results.xlsx").write_bytes(b"PK\x03\x04 user spreadsheet")
    (tmp_path / "README").write_text("my readme\n", encoding="utf-8")
    (tmp_path / "in.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "notes.csv").write_text("name,amount\nrent,1200\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("args,message", [
    (["docs", "-o", "docs"], "the output (-o) is the input"),
    (["docs", "-o", "."], "contains the input"),
    (["docs", "-o", "mydata"], "was not written by kztrade"),
    (["docs", "-o", "README"], "exists and is not a folder"),
    (["in.txt", "-o", "in.txt"], "cannot write '.txt' files"),
    (["docs", "-o", "docs/claims.csv"], "lies inside the input"),
    (["docs", "-o", "notes.csv"], "not a table kztrade wrote"),
    (["--engine", "dask", "docs", "-o", "docs.parquet"], "--engine dask writes a folder"),
    (["docs", "-o", "out.csv", "--tokens", "out.csv"], "the same place as -o"),
    (["docs", "-o", "out", "--tokens", "out/tokens.csv"], "the same place as -o"),
])
def test_an_output_that_would_destroy_user_files_is_refused(home, args, message):
    before = snapshot(home)
    r = kz("extract", *args, cwd=home)
    assert r.returncode == 2, r.stderr
    assert message in r.stderr
    assert "Traceback" not in r.stderr
    assert snapshot(home) == before


def test_the_current_folder_given_as_an_absolute_path_is_refused(home):
    before = snapshot(home)
    r = kz("extract", sorted(SEEDS.glob("*.txt"))[0], "-o", home, "--overwrite", cwd=home)
    assert r.returncode == 2 and "current folder" in r.stderr
    assert snapshot(home) == before


@pytest.mark.parametrize("name", ["out.xlsx", "out.json", "out.csv.gz", "out.txt"])
def test_an_unknown_suffix_is_refused_with_the_supported_ones(home, name):
    before = snapshot(home)
    r = kz("extract", "docs", "-o", name, cwd=home)
    assert r.returncode == 2
    assert "OUT.parquet, OUT.csv, or a folder of parquet parts" in r.stderr
    assert snapshot(home) == before and not (home / name).exists()


def test_an_upper_case_suffix_is_the_format_it_names(home):
    r = kz("extract", "docs", "-o", "OUT.PARQUET", cwd=home)
    assert r.returncode == 0, r.stderr
    assert (home / "OUT.PARQUET").is_file()  # one parquet file, not a folder of parts
    assert pd.read_parquet(home / "OUT.PARQUET")["mention"].tolist() == ["$5 billion"]


def test_overwrite_replaces_an_unrelated_folder_only_when_asked(home):
    r = kz("extract", "docs", "-o", "mydata", "--overwrite", cwd=home)
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in (home / "mydata").iterdir()) == [".kztrade-output", "part-00000.parquet"]
    assert (home / "docs" / "notes.md").read_text() == "keep me\n"


def test_a_folder_kztrade_wrote_is_replaced_but_not_once_a_user_file_is_in_it(home):
    assert kz("extract", "docs", "-o", "parts", cwd=home).returncode == 0
    assert kz("extract", "docs", "in.txt", "-o", "parts", cwd=home).returncode == 0  # ours: replaced
    assert len(pd.read_parquet(home / "parts")) == 2
    (home / "parts" / "my-analysis.py").write_text("print('mine')\n", encoding="utf-8")
    before = snapshot(home)
    r = kz("extract", "docs", "-o", "parts", cwd=home)
    assert r.returncode == 2 and "was not written by kztrade" in r.stderr
    assert snapshot(home) == before


def test_a_table_kztrade_wrote_is_replaced_without_overwrite(home):
    assert kz("extract", "docs", "-o", "claims.csv", cwd=home).returncode == 0
    assert kz("extract", "docs", "in.txt", "-o", "claims.csv", cwd=home).returncode == 0
    assert len(pd.read_csv(home / "claims.csv")) == 2


def test_a_failed_run_leaves_the_previous_output_as_it_was(home):
    assert kz("extract", "in.txt", "-o", "keep.csv", cwd=home).returncode == 0
    before = snapshot(home)
    r = kz("extract", "typo.txt", "-o", "keep.csv", cwd=home)
    assert r.returncode == 2 and "nothing written" in r.stderr
    assert snapshot(home) == before


def test_a_failed_run_to_a_new_path_writes_nothing(home):
    before = snapshot(home)
    r = kz("extract", "typo.txt", "-o", "new.parquet", "--tokens", "new-tokens.csv", cwd=home)
    assert r.returncode == 2
    assert snapshot(home) == before


def _run_cli(*args) -> int:
    from kztrade.cli import main

    return main(["extract", *map(str, args), "--no-progress"])


@pytest.mark.parametrize("err", [errno.ENOSPC, errno.EROFS])
def test_a_full_or_read_only_disk_is_one_line_and_leaves_everything_as_it_was(home, monkeypatch, capsys, err):
    assert _run_cli(home / "in.txt", "-o", home / "claims.parquet", "--tokens", home / "tokens.csv") == 0
    before = snapshot(home)
    import pyarrow.parquet as pq

    def full(self, *a, **k):
        raise OSError(err, os.strerror(err), str(home / "claims.parquet"))

    monkeypatch.setattr(pq.ParquetWriter, "write_table", full)
    capsys.readouterr()
    assert _run_cli(home / "docs", "-o", home / "claims.parquet", "--tokens", home / "tokens.csv") == 2
    err_text = capsys.readouterr().err
    assert os.strerror(err) in err_text and "Traceback" not in err_text
    assert len(err_text.strip().splitlines()) == 1
    assert snapshot(home) == before  # no temp file either


def test_claims_never_appear_without_the_tokens_asked_for(home, monkeypatch, capsys):
    real = os.replace

    def refuse_tokens(src, dst, *a, **k):
        if str(dst).endswith("tokens.csv"):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(dst))
        return real(src, dst, *a, **k)

    monkeypatch.setattr(os, "replace", refuse_tokens)
    before = snapshot(home)
    assert _run_cli(home / "in.txt", "-o", home / "claims.parquet", "--tokens", home / "tokens.csv") == 2
    assert snapshot(home) == before


def test_temp_files_of_a_killed_run_are_swept_and_only_those(home):
    dead = 2 ** 22 + 7  # above the default pid_max: no such process
    stale = [home / f".claims.csv.kztrade-tmp-{dead}-abc123.tmp", home / f".claims.csv.kztrade-tmp-{dead}-x"]
    stale[0].write_bytes(b"half a table")
    stale[1].mkdir()
    (stale[1] / "part-00000.parquet").write_bytes(b"PAR1")
    alive = home / f".claims.csv.kztrade-tmp-{os.getpid()}-live.tmp"  # a run still going
    alive.write_bytes(b"in progress")
    mine = [home / ".claims.csv.mine.tmp", home / ".other.csv.kztrade-tmp-1-x.tmp"]
    for p in mine:
        p.write_bytes(b"user")
    r = kz("extract", "in.txt", "-o", "claims.csv", cwd=home)
    assert r.returncode == 0, r.stderr
    assert not any(p.exists() for p in stale)
    assert alive.read_bytes() == b"in progress" and all(p.read_bytes() == b"user" for p in mine)


@pytest.mark.parametrize("sig,code", [(signal.SIGINT, 130), (signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_a_signal_to_the_process_group_stops_jobs_within_a_second(tmp_path, sig, code):
    docs = tmp_path / "docs"
    docs.mkdir()
    article = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    for i in range(1500):  # far more than 5 s of work for 4 processes
        (docs / f"d{i:03d}.txt").write_text(article, encoding="utf-8")
    (tmp_path / "claims.csv").write_text("previous output\n", encoding="utf-8")
    before = snapshot(tmp_path)
    exe = os.path.join(os.path.dirname(sys.executable), "kztrade")
    p = subprocess.Popen([exe, "extract", "docs", "-o", "out.parquet", "--tokens", "tokens.csv", "--jobs", "4"],
                         cwd=tmp_path, stderr=subprocess.PIPE, text=True, start_new_session=True)
    time.sleep(5)  # workers started and busy
    assert p.poll() is None
    t = time.monotonic()
    os.killpg(p.pid, sig)  # as a terminal sends Ctrl-C: to every process of the group
    try:
        rc = p.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        raise
    took = time.monotonic() - t
    err = p.stderr.read()
    assert rc == code, err
    assert took < 1.0, took
    assert "nothing written" in err and "Traceback" not in err
    time.sleep(0.5)
    alive = subprocess.run(["ps", "-o", "stat=", "-s", str(p.pid)], capture_output=True, text=True).stdout.split()
    assert [s for s in alive if not s.startswith("Z")] == []  # no process of the run is left
    assert snapshot(tmp_path) == before
