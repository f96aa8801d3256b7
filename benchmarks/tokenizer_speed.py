"""CPU time of the tokenizer half of extraction: Tokenizer.tokens() and Sentences, apart from claim resolution.

    .venv/bin/python benchmarks/tokenizer_speed.py [--repeat N] [--profile]

Prints, for the seed articles x6, the Russian test articles x30 and generated bulletins (200 kB, English and
Russian): MB/s of tokenizing plus sentence splitting, and microseconds per token. CPU time
(time.process_time), best of N: the machine is shared.
"""
from __future__ import annotations

import argparse
import pathlib
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from bulletin import generate  # noqa: E402
from core_speed import corpus  # noqa: E402

from kztrade.extract import chrome_start  # noqa: E402
from kztrade.sentences import Sentences  # noqa: E402
from kztrade.tokens import Tokenizer  # noqa: E402


def run(texts: list[str], lang: str) -> int:
    n = 0
    for text in texts:
        toks = list(Tokenizer(text, chrome_start(text), lang).tokens())
        Sentences(text, lang, [(t.q_start, t.q_end) for t in toks if t.reason is None])
        n += len(toks)
    return n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--kb", type=float, default=200)
    ap.add_argument("--profile", action="store_true")
    a = ap.parse_args()
    sets = {"prose-en": (corpus("en"), "en"), "prose-ru": (corpus("ru"), "ru"),
            "bulletin-en": ([generate(a.kb, "en")], "en"), "bulletin-ru": ([generate(a.kb, "ru")], "ru")}
    if a.profile:
        import cProfile
        import pstats

        for texts, lang in sets.values():
            run(texts[:3], lang)
        pr = cProfile.Profile()
        pr.enable()
        for texts, lang in sets.values():
            run(texts, lang)
        pr.disable()
        pstats.Stats(pr).sort_stats("tottime").print_stats(30)
        return
    for name, (texts, lang) in sets.items():
        run(texts[:3], lang)  # warm: lexicons compiled
        size = sum(len(t.encode()) for t in texts)
        best, n = float("inf"), 0
        for _ in range(a.repeat):
            t0 = time.process_time()
            n = run(texts, lang)
            best = min(best, time.process_time() - t0)
        print(f"{name:12s} {size / best / 1e6:6.2f} MB/s  {best * 1e6 / max(n, 1):7.1f} µs/token  "
              f"({n} tokens, {size / 1e3:.0f} kB, cpu {best * 1000:.0f} ms)")


if __name__ == "__main__":
    main()
