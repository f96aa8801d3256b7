"""CPU time of sentence splitting alone: Sentences(text, lang, figures), as extract() builds it.

    .venv/bin/python benchmarks/sentence_speed.py [--repeat N] [--against REV]

For the seed articles x6, the Russian test articles x30 and generated bulletins (200 kB, English and Russian),
with each text's figures found first (they are the spans no boundary may cut) and left out of the timing.
--against REV also times kztrade/sentences.py and razdel_starts.py as they stood at git revision REV, interleaved with the current one
on the same inputs, and checks both give the same starts. CPU time (time.process_time), best of N.
"""
from __future__ import annotations

import argparse
import contextlib
import pathlib
import subprocess
import sys
import time
import types

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from bulletin import generate
from core_speed import corpus

from kztrade import sentences
from kztrade.extract import chrome_start
from kztrade.tokens import Tokenizer


def inputs(texts: list[str], lang: str) -> list[tuple[str, str, list]]:
    out = []
    for text in texts:
        toks = Tokenizer(text, chrome_start(text), lang).tokens()
        out.append((text, lang, [(t.q_start, t.q_end) for t in toks if t.reason is None]))
    return out


def at_revision(rev: str) -> types.ModuleType:
    """kztrade/sentences.py as it stood at rev, reading Russian sentence starts from kztrade/razdel_starts.py as it
    stood there too (swapped in while it runs: sentences imports it when first splitting Russian)."""
    module = _load(rev, "sentences")
    module.razdel = _load(rev, "razdel_starts")
    return module


def _load(rev: str, name: str) -> types.ModuleType:
    source = subprocess.run(["git", "show", f"{rev}:kztrade/{name}.py"], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout
    module = types.ModuleType(f"{name}_at_{rev}")
    module.__package__ = "kztrade"  # its relative imports resolve in the current package
    exec(compile(source, f"{rev}:kztrade/{name}.py", "exec"), module.__dict__)  # noqa: S102 - our own file
    return module


@contextlib.contextmanager
def own_razdel(module):
    razdel = getattr(module, "razdel", None)
    if razdel is None:
        yield
        return
    import kztrade.razdel_starts as now

    sys.modules["kztrade.razdel_starts"] = razdel
    try:
        yield
    finally:
        sys.modules["kztrade.razdel_starts"] = now


def seconds(module, calls) -> float:
    with own_razdel(module):
        t0 = time.process_time()
        for text, lang, figures in calls:
            module.Sentences(text, lang, figures)
        return time.process_time() - t0


def starts_of(module, calls) -> list:
    with own_razdel(module):
        return [module.Sentences(*c).starts for c in calls]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=9)
    ap.add_argument("--against", metavar="REV")
    a = ap.parse_args()
    modules = {"now": sentences}
    if a.against:
        modules[a.against] = at_revision(a.against)
    sets = {"prose-en": (corpus("en"), "en"), "prose-ru": (corpus("ru"), "ru"),
            "bulletin-en": ([generate(200, "en", 1)], "en"), "bulletin-ru": ([generate(200, "ru", 1)], "ru")}
    for name, (texts, lang) in sets.items():
        calls = inputs(texts, lang)
        starts = {k: starts_of(m, calls) for k, m in modules.items()}
        assert all(s == starts["now"] for s in starts.values()), f"{name}: the starts differ"
        best = dict.fromkeys(modules, float("inf"))
        for _ in range(a.repeat):
            for k, m in modules.items():
                best[k] = min(best[k], seconds(m, calls))
        size = sum(len(t.encode()) for t in texts)
        times = "  ".join(f"{k} {v * 1e3:6.2f} ms" for k, v in best.items())
        ratio = f"  x{best[a.against] / best['now']:.2f}" if a.against else ""
        print(f"{name:12s} {size / 1e3:4.0f} kB  {times}{ratio}")


if __name__ == "__main__":
    main()
