"""Golden outputs on number-dense text printed without sentence ends, where a sentence is a window around each
figure and the per-sentence shortcuts of the claim rules meet their edge cases: bulletins flattened into one
line, a bulletin whose sentence ends became commas, a run-on line of figures with periods attached, and
figures alone ("1 1 1 ...", "1.1.1.").

    .venv/bin/python tests/test_dense_golden.py --write   # after a change that is meant to change outputs

tests/golden.py covers the seeds, the Russian articles and bulletins as printed (one table row a line).
"""
from __future__ import annotations

import pathlib
import sys

import golden

ROOT = pathlib.Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests/data/golden/dense.jsonl.gz"


def corpus() -> list[tuple[str, str, str | None, str]]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bulletin import generate

    docs = []
    for lang in ("en", "ru"):
        docs.append((f"flat-{lang}", generate(8, lang, 7).replace("\n", " "), "2021-03-15", lang))
        docs.append((f"nodot-{lang}", generate(8, lang, 8).replace("\n", " ").replace(". ", ", "), "2018-03-15", lang))
    docs.append(("run-on", ("Exports reached $5 billion in 2012 and " * 150).strip(), None, "en"))
    docs.append(("run-on-mixed", " ".join(f"imports fell {i % 40}% in H{i % 2 + 1} {2000 + i % 20}, up from "
                                          f"${i % 9 + 1} billion a year earlier, and" for i in range(120)),
                 "2016-06-01", "en"))
    docs.append(("ones", "1 " * 1500, "2020-01-01", "en"))
    docs.append(("dots", "1.1." * 600, "2020-01-01", "en"))
    docs.append(("ones-ru", "1 " * 1000, "2020-01-01", "ru"))
    return docs


def test_extract_output_is_unchanged_on_number_dense_run_on_text():
    assert golden.differences(golden=GOLDEN, docs=corpus()) == []


if __name__ == "__main__" and "--write" in sys.argv:
    golden.write(GOLDEN, corpus())
