"""Throughput of the internal extraction against the bare regex floor, in CPU time.

    .venv/bin/python benchmarks/core_speed.py [--repeat N] [--lang en|ru]

Prints "core X MB/s; floor Y MB/s; ratio Z%": `kztrade.extract.extract()` on the seed articles x6 (or the
Russian test articles x30 with --lang ru) against `re.finditer(r"\\d[\\d,.]*")` over the same texts.
CPU time (time.process_time), best of N, the two interleaved: the machine is shared, and wall time there
measures the neighbours.
"""
from __future__ import annotations

import argparse
import glob
import pathlib
import re
import time

from kztrade.extract import extract

ROOT = pathlib.Path(__file__).resolve().parent.parent


def corpus(lang: str) -> list[str]:
    if lang == "ru":
        return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests/data/ru").glob("*.txt"))] * 30
    return [open(f, encoding="utf-8").read() for f in sorted(glob.glob(str(ROOT / "seeds/*.txt")))] * 6


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--lang", default="en", choices=("en", "ru"))
    a = ap.parse_args()
    texts = corpus(a.lang)
    n = sum(len(t.encode()) for t in texts)
    for i, t in enumerate(texts[:5]):
        extract(t, f"w{i}", "2010-01-01", a.lang)  # warm: lexicons compiled, caches filled
    floor_rx = re.compile(r"\d[\d,.]*")
    best = fl = float("inf")
    for _ in range(a.repeat):
        t0 = time.process_time()
        for i, t in enumerate(texts):
            extract(t, f"d{i}", "2010-01-01", a.lang)
        best = min(best, time.process_time() - t0)
        t0 = time.process_time()
        for t in texts:
            list(floor_rx.finditer(t))
        fl = min(fl, time.process_time() - t0)
    print(f"core {n / best / 1e6:.2f} MB/s (cpu {best * 1000:.0f} ms, {n / 1e3:.0f} kB); "
          f"floor {n / fl / 1e6:.1f} MB/s; ratio {fl / best * 100:.1f}%")


if __name__ == "__main__":
    main()
