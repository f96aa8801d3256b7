"""Local `--jobs 2` against `--engine dask --jobs 2` on generated corpora: wall time, MB/s, peak memory.

    python benchmarks/engines.py --sizes 10 100        (or run(sizes_mb=(10, 100, 1000)) -> markdown table)

Each corpus is the seed articles repeated to the size asked, each copy with a numbered title line so that no
two documents are the same file, written once as a folder of .txt files and once as one .jsonl; it lives in a
temporary folder that is deleted afterwards. Memory is the peak of the summed RSS of the whole process tree
(the kztrade command, its workers, and for Dask its scheduler, nannies and workers), sampled every 50 ms
with psutil, since ru_maxrss would see only one process. CPU seconds of the tree are reported beside wall time:
on a shared machine they move less with other people's load. "parent CPU" is the kztrade process's own CPU
time over the wall time (for Dask it includes the scheduler and the nannies, which run in it).
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KZTRADE = Path(sys.executable).parent / "kztrade"
PUBLISHED = "2013-11-27"
ENGINES = {"local --jobs 2": ["--jobs", "2"], "dask --jobs 2": ["--engine", "dask", "--jobs", "2"]}


def write_corpus(where: Path, mb: float) -> tuple[Path, Path, float]:
    """where/docs/ (one .txt per document) and where/docs.jsonl with the same documents; size in MB."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    docs, jsonl = where / "docs", where / "docs.jsonl"
    docs.mkdir(parents=True)
    total, i = 0, 0
    with jsonl.open("w", encoding="utf-8") as f:
        while total < mb * 1e6:
            text = f"Copy {i}\n\n" + texts[i % len(texts)]
            (docs / f"{i:07d}.txt").write_text(text, encoding="utf-8")
            f.write(json.dumps({"id": f"{i:07d}", "text": text, "published": PUBLISHED}, ensure_ascii=False) + "\n")
            total += len(text.encode())
            i += 1
    return docs, jsonl, total / 1e6


def measure(args: list[str], interval: float = 0.05) -> dict:
    """Run a command; wall seconds, the peak summed RSS (MB) of its process tree, and the CPU seconds of the
    command's own process (the parent, which should stay light: the workers do the reading and writing)."""
    import psutil

    err = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # a pipe would fill and stall a chatty run
    t = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=err)
    top = psutil.Process(proc.pid)
    peak = parent_cpu = 0
    cpu: dict[int, float] = {}  # CPU seconds of every process of the tree, as last seen
    while proc.poll() is None:
        try:
            tree = [top] + top.children(recursive=True)
        except psutil.NoSuchProcess:
            break
        rss = 0
        for p in tree:
            try:
                rss += p.memory_info().rss
                cpu[p.pid] = sum(p.cpu_times()[:2])
            except psutil.NoSuchProcess:
                pass
        peak = max(peak, rss)
        try:
            parent_cpu = sum(top.cpu_times()[:2])
        except psutil.NoSuchProcess:
            pass
        time.sleep(interval)
    proc.wait()
    wall = time.perf_counter() - t
    err.seek(0)
    err = err.read()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, args))} exited {proc.returncode}:\n{err}")
    return {"wall": wall, "peak_mb": peak / 1e6, "parent_cpu": parent_cpu / wall, "cpu": sum(cpu.values()),
            "summary": err.strip().splitlines()[-1]}


def bench(mb: float, engines: dict = ENGINES) -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory(prefix="kztrade-engines-") as tmp:
        tmp = Path(tmp)
        docs, jsonl, size = write_corpus(tmp / "corpus", mb)
        for form, src in (("folder", docs), ("jsonl", jsonl)):
            for name, flags in engines.items():
                out = tmp / "out"
                r = measure([str(KZTRADE), "extract", str(src), "-o", f"{out}/", "--published", PUBLISHED,
                             "--no-progress", *flags])
                shutil.rmtree(out)
                rows.append({"size_mb": size, "input": form, "engine": name, **r, "mb_s": size / r["wall"]})
                print(table(rows[-1:]).splitlines()[-1], file=sys.stderr, flush=True)  # a long run shows progress
    return rows


def table(rows: list[dict]) -> str:
    lines = ["| corpus | input | engine | wall (s) | MB/s | CPU of the tree (s) | peak RSS of the tree (MB) | "
             "parent CPU |", "|---:|---|---|---:|---:|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {r['size_mb']:.0f} MB | {r['input']} | `{r['engine']}` | {r['wall']:.1f} | "
                     f"{r['mb_s']:.2f} | {r['cpu']:.0f} | {r['peak_mb']:.0f} | {r['parent_cpu']:.0%} |")
    return "\n".join(lines)


def run(sizes_mb=(10, 100, 1000)) -> str:
    rows = []
    for mb in sizes_mb:
        rows += bench(mb)
    return table(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[10, 100, 1000], help="corpus sizes in MB")
    a = ap.parse_args()
    print(run(tuple(a.sizes)))


if __name__ == "__main__":
    main()
