"""Golden outputs of the extractor: every claim and token row for a fixed corpus, to prove a speed change
changes nothing.

    .venv/bin/python tests/golden.py --write   # after a change that is meant to change outputs
    .venv/bin/python tests/golden.py           # compare; prints the first differences

The corpus: the seed articles, the Russian test articles, and generated bulletins (benchmarks/bulletin.py,
English and Russian), which are number-dense on purpose.
"""
from __future__ import annotations

import gzip
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests/data/golden/extract.jsonl.gz"


def corpus() -> list[tuple[str, str, str | None, str]]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bulletin import generate

    docs = [(p.stem, p.read_text(encoding="utf-8"), None, "auto") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    docs += [(p.stem, p.read_text(encoding="utf-8"), "2023-06-01", "auto")
             for p in sorted((ROOT / "tests/data/ru").glob("*.txt"))]
    for lang in ("en", "ru"):
        for seed in (0, 1):
            docs.append((f"bulletin-{lang}-{seed}", generate(12, lang, seed), "2021-03-15", lang))
    return docs


def rows(docs=None) -> list[str]:
    from kztrade.extract import extract

    out = []
    for sid, text, published, lang in docs if docs is not None else corpus():
        claims, tokens = extract(text, sid, published, lang)
        out += [json.dumps(["claim", r], sort_keys=True, ensure_ascii=False, default=str) for r in claims]
        out += [json.dumps(["token", r], sort_keys=True, ensure_ascii=False, default=str) for r in tokens]
    return out


def differences(limit: int = 10, golden=GOLDEN, docs=None) -> list[str]:
    with gzip.open(golden, "rt", encoding="utf-8") as f:
        want = f.read().splitlines()
    got = rows(docs)
    diffs = [f"row {i}:\n  want {w}\n  got  {g}" for i, (w, g) in enumerate(zip(want, got)) if w != g]
    if len(want) != len(got):
        diffs.append(f"{len(want)} rows wanted, {len(got)} produced")
    return diffs[:limit]


def write(golden=GOLDEN, docs=None) -> None:
    data = "\n".join(rows(docs)) + "\n"
    with gzip.GzipFile(golden, "wb", mtime=0) as f:
        f.write(data.encode())
    print(f"wrote {golden} ({data.count(chr(10))} rows)")


if __name__ == "__main__":
    if "--write" in sys.argv:
        write()
    else:
        d = differences()
        print("\n".join(d) if d else "identical")
        sys.exit(1 if d else 0)
