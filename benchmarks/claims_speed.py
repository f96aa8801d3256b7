"""CPU time of the claim stage of extraction (what figures mean, their economies, periods and the rows) apart
from reading the text (tokens, sentences), on prose and on number-dense text.

    .venv/bin/python benchmarks/claims_speed.py [--repeat N] [--only NAME ...]

Corpora: the seed articles x6 and the Russian test articles x30 (prose), a 200 kB generated bulletin in
English and in Russian (benchmarks/bulletin.py, seed 1), a 100 kB one whose lines run on into one, clauses
run on into one line, and 20,000 figures on one line ("1 1 1 ...", "1.1.1."). Per corpus: CPU ms of extract() and of its claim stage (extract.claim_stage), and µs per figure.
CPU time (time.process_time), best of N: the machine is shared, and wall time there measures the neighbours.
"""
from __future__ import annotations

import argparse
import pathlib
import sys
import time

from kztrade.extract import claim_stage, extract, publication_date, read_stage

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from bulletin import generate

PUBLISHED = "2010-01-01"


def corpora() -> dict[str, list[tuple[str, str]]]:
    return {
        "seeds x6": [(p.read_text(encoding="utf-8"), "en") for p in sorted((ROOT / "seeds").glob("*.txt"))] * 6,
        "ru x30": [(p.read_text(encoding="utf-8"), "ru") for p in sorted((ROOT / "tests/data/ru").glob("*.txt"))] * 30,
        "bulletin en 200kB": [(generate(200, "en", 1), "en")],
        "bulletin ru 200kB": [(generate(200, "ru", 1), "ru")],
        "flat en 100kB": [(generate(100, "en", 1).replace("\n", " "), "en")],  # rows run on: windows, not lines
        # clauses run on without a sentence end: each figure's window holds dozens of cues and clause breaks
        "run-on 30kB": [(" ".join(f"exports rose {i % 9 + 1}% to ${i % 7 + 1}bn in {2000 + i % 20}, while imports "
                                  f"fell {i % 5 + 1}% to ${i % 3 + 1}bn;" for i in range(400)), "en")],
        "ones 20k": [(" ".join(["1"] * 20000), "en")],
        "dots 20k": [("1." * 20000, "en")],
    }


def timed(docs: list[tuple[str, str]], repeat: int) -> tuple[float, float, int]:
    """(best CPU s of extract(), best CPU s of the claim stage, figures)."""
    date = publication_date(PUBLISHED)
    whole = stage = float("inf")
    figures = 0
    for _ in range(repeat):
        t0 = time.process_time()
        for i, (text, lang) in enumerate(docs):
            extract(text, f"d{i}", PUBLISHED, lang)
        whole = min(whole, time.process_time() - t0)
        read = [read_stage(text, lang) for text, lang in docs]  # fresh tokens: the claim stage sets their units
        figures = sum(len(r[2]) for r in read)
        t0 = time.process_time()
        for i, ((text, lang), r) in enumerate(zip(docs, read)):
            claim_stage(text, f"d{i}", date, lang, *r)
        stage = min(stage, time.process_time() - t0)
    return whole, stage, figures


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--only", nargs="*", help="corpus names (prefixes) to run")
    a = ap.parse_args()
    for name, docs in corpora().items():
        if a.only and not any(name.startswith(o) for o in a.only):
            continue
        extract(docs[0][0][:20000], "warm", PUBLISHED, docs[0][1])  # lexicons compiled, caches filled
        whole, stage, n = timed(docs, a.repeat)
        kb = sum(len(t.encode()) for t, _ in docs) / 1e3
        print(f"{name:18} {kb:6.0f} kB {n:6d} figures: extract {whole * 1e3:7.1f} ms "
              f"({whole / n * 1e6:6.1f} µs/figure); claim stage {stage * 1e3:7.1f} ms "
              f"({stage / n * 1e6:6.1f} µs/figure)", flush=True)


if __name__ == "__main__":
    main()
