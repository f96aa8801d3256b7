"""Would compiling the hot modules make the core faster? The same stage timing, pure Python against Cython.

    .venv/bin/python benchmarks/compiled_speed.py [--lang en|ru] [--rounds 3]

Copies kztrade/ twice into a temporary folder, compiles the modules that extract() spends its time in with
Cython in one copy (Cython and gcc in a throwaway venv there: nothing of the project's environment changes),
then runs benchmarks/stage_speed.py on each copy in turn, alternating, so both see the same machine state.
Cython is given the code as it is (pure Python mode, annotations not enforced): the question is what
compilation alone buys, before anyone rewrites the rules with C types.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOT = ("tokens", "periods", "meaning", "extract", "sentences", "grammar", "literalmask", "leads", "prefilter",
       "candidates", "windows", "casefree", "countries")


def stage_speed(copy: Path, lang: str) -> str:
    env = dict(os.environ, PYTHONPATH=str(copy))
    check = "import kztrade.tokens as t; print(t.__file__.rsplit('.', 1)[-1])"
    # cwd: `python -c` puts the working folder ahead of PYTHONPATH, and the project's own kztrade/ is there
    kind = subprocess.run([sys.executable, "-c", check], env=env, cwd=copy, capture_output=True, text=True,
                          check=True)
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "stage_speed.py"), "--lang", lang], env=env,
                         cwd=copy, capture_output=True, text=True, check=True)
    return f"{'compiled' if kind.stdout.strip() == 'so' else 'pure':8} {out.stdout.strip().splitlines()[-1]}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lang", default="en", choices=("en", "ru"))
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="kztrade-compiled-") as tmp:
        tmp = Path(tmp)
        pure, compiled = tmp / "pure", tmp / "compiled"
        ignore = shutil.ignore_patterns("__pycache__", "*.so", "*.c")
        for copy in (pure, compiled):
            shutil.copytree(ROOT / "kztrade", copy / "kztrade", ignore=ignore)
        print("==> a venv with Cython, then compiling", ", ".join(HOT), flush=True)
        venv.create(tmp / "venv", with_pip=True)
        bin_ = tmp / "venv" / "bin"
        subprocess.run([bin_ / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                        "cython", "setuptools"], check=True)
        subprocess.run([bin_ / "cythonize", "-i", "-3", "-q", "-X", "annotation_typing=False",
                        *(f"kztrade/{m}.py" for m in HOT)], cwd=compiled, check=True, capture_output=True)
        for _ in range(a.rounds):
            for copy in (compiled, pure):
                print(stage_speed(copy, a.lang), flush=True)


if __name__ == "__main__":
    main()
