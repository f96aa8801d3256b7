"""A fresh clone's `make all` rewrites every committed output byte for byte: tables, the README's column
reference, notebooks (outputs kept, no timestamps), HTML reports and figures. So `git status` stays clean, and
a changed file in a contributor's diff is a changed result, never noise."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kztrade import official
from conftest import ROOT


def _git(*args, cwd) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout


def test_fresh_clone_make_all_leaves_git_status_clean(tmp_path):
    if shutil.which("git") is None or shutil.which("make") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git, make and the project as a git checkout")
    venv = Path(sys.prefix)
    if not (venv / "bin" / "kztrade").exists():
        pytest.skip(f"the tests run outside the project's venv ({venv}); make all would set one up")
    series = official.resolve(ROOT)  # `make all` in the checkout reads it beside the project
    if not series.is_file():
        pytest.skip(official.missing_message(series))
    clone = tmp_path / "clone"
    _git("clone", "--quiet", str(ROOT), str(clone), cwd=tmp_path)
    # the clone's own package (not the venv's editable one, which points at ROOT), in the main process and in
    # the notebook kernels alike; the venv is reused as it is (-o: never reinstalled)
    env = {**os.environ, "PYTHONPATH": str(clone), "PYTHONDONTWRITEBYTECODE": "1",
           "KZTRADE_OFFICIAL": str(series.resolve())}
    r = subprocess.run(["make", "-C", str(clone), "all", f"VENV={venv}", "-o", str(venv / ".installed")],
                       env=env, capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    # every step says what it does and how long it took
    for line in ("==> kztrade build", "==> reports", "running notebooks/01-claims.ipynb", "done in"):
        assert line in r.stdout, r.stdout
    assert "WARNING" not in r.stderr, r.stderr  # the notebook kernels start silently
    status = _git("status", "--porcelain", cwd=clone)
    assert status == "", (f"make all changed committed files (run `make all` and commit the outputs):\n{status}\n"
                          + _git("diff", "--stat", cwd=clone)[-3000:])


def test_a_figure_is_saved_as_the_same_bytes_every_time(tmp_path):
    """Two draws of one chart: equal PNG and SVG bytes (matplotlib's SVG ids are random unless salted)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from kztrade import plots

    saved = []
    for run in ("a", "b"):
        fig, ax = plt.subplots()
        ax.plot([2019, 2020, 2021], [1.5e9, 2.0e9, 1.8e9], marker="o")
        saved.append({p.name: p.read_bytes() for p in plots.save(fig, tmp_path / run, "chart")})
        plt.close(fig)
    assert sorted(saved[0]) == ["chart.png", "chart.svg"]
    assert saved[0] == saved[1]
    assert b"clip-path" in saved[0]["chart.svg"] and b"<dc:date>" not in saved[0]["chart.svg"]
