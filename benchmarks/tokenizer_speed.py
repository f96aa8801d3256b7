"""CPU time of the tokenizer half of extraction: the candidate scan, Tokenizer.tokens(), and Sentences.

    .venv/bin/python benchmarks/tokenizer_speed.py [--repeat N] [--kb 200] [--profile]

For the seed articles x6, the Russian test articles x30, generated bulletins (--kb, English and Russian) and
20,000 figures on one line ("1 1 1 ...", "1.1.1...."), prints in milliseconds: the candidate scan
(kztrade.candidates.starts) beside the pattern it replaced (candidate_re().finditer) and the regex floor
(re.finditer(r"\\d[\\d,.]*")); Tokenizer(...).tokens() with microseconds per token; and tokens() plus
sentence splitting. CPU time (time.process_time), best of N: the machine is shared.
"""
from __future__ import annotations

import argparse
import pathlib
import re
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from bulletin import generate  # noqa: E402
from core_speed import corpus  # noqa: E402

from kztrade.candidates import starts  # noqa: E402
from kztrade.extract import chrome_start  # noqa: E402
from kztrade.lang import lexicon  # noqa: E402
from kztrade.sentences import Sentences  # noqa: E402
from kztrade.tokens import Tokenizer  # noqa: E402

_FLOOR = re.compile(r"\d[\d,.]*")


def tokens(texts: list[str], lang: str) -> int:
    return sum(len(list(Tokenizer(t, chrome_start(t), lang).tokens())) for t in texts)


def with_sentences(texts: list[str], lang: str) -> int:
    n = 0
    for text in texts:
        toks = list(Tokenizer(text, chrome_start(text), lang).tokens())
        Sentences(text, lang, [(t.q_start, t.q_end) for t in toks if t.reason is None])
        n += len(toks)
    return n


def _best(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--kb", type=float, default=200)
    ap.add_argument("--profile", action="store_true")
    a = ap.parse_args()
    sets = {"prose-en": (corpus("en"), "en"), "prose-ru": (corpus("ru"), "ru"),
            "bulletin-en": ([generate(a.kb, "en", 1)], "en"), "bulletin-ru": ([generate(a.kb, "ru", 1)], "ru"),
            "1 1 1 ...": ([" ".join(["1"] * 20000)], "en"), "1.1.1....": (["1." * 20000], "en")}
    if a.profile:
        import cProfile
        import pstats

        for texts, lang in sets.values():
            tokens(texts[:3], lang)
        pr = cProfile.Profile()
        pr.enable()
        for texts, lang in sets.values():
            with_sentences(texts, lang)
        pr.disable()
        pstats.Stats(pr).sort_stats("tottime").print_stats(30)
        return
    print(f"{'':12s} {'kB':>5s} {'scan':>6s} {'regex':>6s} {'floor':>6s} {'tokens()':>9s} {'µs/token':>9s} "
          f"{'+sentences':>11s}  (ms, CPU, best of {a.repeat})")
    for name, (texts, lang) in sets.items():
        tokens(texts[:3], lang)  # warm: lexicons compiled, caches filled
        size = sum(len(t.encode()) for t in texts)
        cand = lexicon(lang).candidate_re()
        scan = _best(lambda: [list(starts(t, lang)) for t in texts], a.repeat)
        regex = _best(lambda: [[m.start() for m in cand.finditer(t)] for t in texts], a.repeat)
        floor = _best(lambda: [[m.start() for m in _FLOOR.finditer(t)] for t in texts], a.repeat)
        n = tokens(texts, lang)
        tok = _best(lambda: tokens(texts, lang), a.repeat)
        both = _best(lambda: with_sentences(texts, lang), a.repeat)
        print(f"{name:12s} {size / 1e3:5.0f} {scan * 1e3:6.2f} {regex * 1e3:6.2f} {floor * 1e3:6.2f} "
              f"{tok * 1e3:9.1f} {tok * 1e6 / max(n, 1):9.2f} {both * 1e3:11.1f}  ({n} tokens)")


if __name__ == "__main__":
    main()
