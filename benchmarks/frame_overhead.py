"""What the typed DataFrame costs beside the extraction: python benchmarks/frame_overhead.py

On the seed articles x6, one core, best of 7 in CPU time (wall time on a shared machine measures the
neighbours): extract() alone, then the claims rows of each document turned into the typed frame by frame() and
by the general astype path it replaced (kztrade.frames._astyped, still the path for unusual values), per
document and for the whole batch at once; last, what a user pays per document, kztrade.extract_claims(text)
against extract() on the same texts (the frame built after an extraction, with colder caches than above), and
the frames alone, each timed right after its extraction.

On the 2 shared cores where it was written: frame() 0.36 ms a document before, 0.12 ms after the direct path;
with the private shortcuts (kztrade.frames._Private) 0.06 ms (0.2-0.4 ms right after an extraction, as a user's
call pays it, against 0.4 ms before them); the astype path about 3.5 ms.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import kztrade  # noqa: E402
from kztrade.extract import extract  # noqa: E402
from kztrade.frames import _astyped, frame  # noqa: E402


def best(fn, runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        t0 = time.process_time()
        fn()
        times.append(time.process_time() - t0)
    return min(times)


def main() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))] * 6
    mb = sum(len(t.encode()) for t in texts) / 1e6
    extract(texts[0], "warm", "2013-11-27")
    rows = [extract(t, f"d{i}", "2013-11-27")[0] for i, t in enumerate(texts)]
    flat = [r for doc in rows for r in doc]
    frame("claims", rows[0]), _astyped("claims", rows[0])
    ext = best(lambda: [extract(t, f"d{i}", "2013-11-27") for i, t in enumerate(texts)])
    print(f"{len(texts)} documents, {mb:.3f} MB, {len(flat)} claims")
    print(f"extract()                         {ext * 1e3:8.1f} ms   {mb / ext:6.2f} MB/s")
    for name, fn in (("frame()", frame), ("astype path (before)", _astyped)):
        per = best(lambda: [fn("claims", r) for r in rows])
        once = best(lambda: fn("claims", flat))
        print(f"{name:22} per document {per * 1e3:8.1f} ms = {per / ext:5.0%} of extract(); "
              f"whole batch once {once * 1e3:6.1f} ms = {once / ext:5.0%}")
    # interleaved, so both see the same neighbours
    ext = user = after = float("inf")
    for _ in range(7):
        ext = min(ext, best(lambda: [extract(t, f"d{i}", "2013-11-27") for i, t in enumerate(texts)], 1))
        user = min(user, best(lambda: [kztrade.extract_claims(t, source_id=f"d{i}", published="2013-11-27")
                                       for i, t in enumerate(texts)], 1))
        after = min(after, framed_after_extract(texts))
    print(f"extract_claims() per document     {user * 1e3:8.1f} ms   {mb / user:6.2f} MB/s; "
          f"{(user - ext) / len(texts) * 1e3:.3f} ms a document over extract()")
    # the difference of two totals above carries the noise of both; this times only the frames, each built right
    # after its extraction as a user's call builds it, with the caches the extraction left
    print(f"frame() right after each extract() {after * 1e3:7.1f} ms = {after / ext:5.0%} of extract(); "
          f"{after / len(texts) * 1e3:.3f} ms a document")


def framed_after_extract(texts: list[str]) -> float:
    spent = 0.0
    for i, t in enumerate(texts):
        claims = extract(t, f"d{i}", "2013-11-27")[0]
        t0 = time.process_time()
        frame("claims", claims)
        spent += time.process_time() - t0
    return spent


if __name__ == "__main__":
    main()
