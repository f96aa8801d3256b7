"""`import kztrade` stays light; load() works from any folder."""
from __future__ import annotations

import subprocess
import sys


def test_import_is_light():
    code = "import sys, kztrade; print(sorted(m for m in ('pandera','matplotlib','pandas','pyarrow','jupyter') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_load_from_elsewhere(tmp_path):
    code = "import kztrade; print(kztrade.load().shape[1], len(kztrade.load('trade')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path)
    assert out.stdout.split() == ["25", "5"]
