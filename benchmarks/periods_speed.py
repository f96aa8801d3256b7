"""CPU time spent in period resolution (kztrade.periods), per corpus and per figure.

    .venv/bin/python benchmarks/periods_speed.py [--repeat N] [--only NAME]

For each corpus, `kztrade.extract.extract()` is timed as it is and with `Periods.resolve` replaced by a stub
that returns fixed columns; the difference is what period resolution costs (building Periods stays in both,
and is small). Nothing after resolve in the extractor reads its columns, so the stub changes no other work.
CPU time (time.process_time), best of N, the two runs interleaved: the machine is shared.

Corpora: the seed articles x6, the Russian test articles x30, 200 kB generated bulletins (English, Russian),
and 20,000 figures on one line ("1 1 1 ...", "1.1.1. ...").
"""
from __future__ import annotations

import argparse
import pathlib
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from bulletin import generate  # noqa: E402

from kztrade import periods as periods_module  # noqa: E402
from kztrade.extract import extract  # noqa: E402

_STUB = {"year": None, "period_start": None, "period_end": None, "period_kind": "unknown",
         "period_basis": "unknown", "base_year": None, "base_period": None, "outlook": "actual"}


def corpora() -> list[tuple[str, list[str], str]]:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))] * 6
    ru = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests/data/ru").glob("*.txt"))] * 30
    return [
        ("seeds x6", seeds, "en"),
        ("ru articles x30", ru, "ru"),
        ("bulletin 200 kB en", [generate(200, "en", 1)], "en"),
        ("bulletin 200 kB ru", [generate(200, "ru", 1)], "ru"),
        ("'1 1 1' x20000", [" ".join(["1"] * 20000)], "en"),
        ("'1.1.' x20000", ["1." * 20000], "en"),
    ]


def _run(texts: list[str], lang: str) -> tuple[float, int]:
    t0 = time.process_time()
    n = 0
    for i, t in enumerate(texts):
        n += len(extract(t, f"d{i}", "2010-01-01", lang)[0])
    return time.process_time() - t0, n


def measure(texts: list[str], lang: str, repeat: int) -> tuple[float, float, int]:
    """(best CPU seconds of extract, best with period resolution stubbed, claims)."""
    real = periods_module.Periods.resolve
    full = stub = float("inf")
    claims = 0
    for _ in range(repeat):
        cpu, claims = _run(texts, lang)
        full = min(full, cpu)
        periods_module.Periods.resolve = lambda self, *a, **k: dict(_STUB)
        try:
            stub = min(stub, _run(texts, lang)[0])
        finally:
            periods_module.Periods.resolve = real
    return full, stub, claims


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--only", help="run only the corpora whose name contains this")
    a = ap.parse_args()
    for name, texts, lang in corpora():
        if a.only and a.only not in name:
            continue
        extract(texts[0], "warm", "2010-01-01", lang)  # lexicons compiled
        full, stub, claims = measure(texts, lang, a.repeat)
        per = max(full - stub, 0.0)
        print(f"{name:22s} extract {full * 1000:7.1f} ms, periods {per * 1000:7.1f} ms "
              f"({per / full * 100:4.1f}%), {claims} claims, periods {per / max(claims, 1) * 1e6:5.1f} us/figure, "
              f"extract {full / max(claims, 1) * 1e6:5.1f} us/figure")


if __name__ == "__main__":
    main()
