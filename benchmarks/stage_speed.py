"""Where extract() spends its CPU time, stage by stage, on prose.

    .venv/bin/python benchmarks/stage_speed.py [--lang en|ru] [--repeat N]

Stages in the order extract() runs them: chrome (where page furniture starts), tokens (Tokenizer.tokens()),
sentences (Sentences), claims (claim_stage: meaning, economies, periods, the rows). Corpus: the seed articles
x6 (en) or the Russian test articles x30 (ru). CPU time (time.process_time), best of N per stage: the machine
is shared, and wall time there measures the neighbours.
"""
from __future__ import annotations

import argparse
import datetime as dt
import pathlib
import time

from kztrade.extract import chrome_start, claim_stage
from kztrade.sentences import Sentences
from kztrade.tokens import Tokenizer

ROOT = pathlib.Path(__file__).resolve().parent.parent


def corpus(lang: str) -> list[str]:
    folder, times = ("tests/data/ru", 30) if lang == "ru" else ("seeds", 6)
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / folder).glob("*.txt"))] * times


def one_pass(texts: list[str], lang: str, date: dt.date) -> dict[str, float]:
    spent = dict.fromkeys(("chrome", "tokens", "sentences", "claims"), 0.0)
    clock = time.process_time
    for i, text in enumerate(texts):
        t0 = clock()
        chrome = chrome_start(text)
        t1 = clock()
        tokenizer = Tokenizer(text, chrome, lang)
        toks, last = [], -1
        for t in tokenizer.tokens():  # as extract.read_stage keeps them
            if t.start < last:
                continue
            toks.append(t)
            if t.reason is None:
                last = t.q_end
        t2 = clock()
        figures = [(t.q_start, t.q_end) for t in toks if t.reason is None]
        sents = Sentences(text, lang, figures)
        t3 = clock()
        claim_stage(text, f"d{i}", date, lang, chrome, toks, figures, sents, tokenizer.scan)
        t4 = clock()
        for k, a, b in (("chrome", t0, t1), ("tokens", t1, t2), ("sentences", t2, t3), ("claims", t3, t4)):
            spent[k] += b - a
    return spent


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lang", default="en", choices=("en", "ru"))
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    texts = corpus(a.lang)
    date = dt.date(2010, 1, 1)
    one_pass(texts[:5], a.lang, date)  # warm: lexicons compiled
    best: dict[str, float] = {}
    for _ in range(a.repeat):
        for k, v in one_pass(texts, a.lang, date).items():
            best[k] = min(best.get(k, v), v)
    total = sum(best.values())
    n = sum(len(t.encode()) for t in texts)
    print("; ".join(f"{k} {v * 1000:.1f} ms" for k, v in best.items())
          + f"; total {total * 1000:.1f} ms for {n / 1e3:.0f} kB = {n / total / 1e6:.2f} MB/s")


if __name__ == "__main__":
    main()
