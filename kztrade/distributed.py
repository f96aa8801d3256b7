"""`kztrade extract --engine dask`: the same extractor on a Dask cluster, writing partitioned parquet.

Each task extracts one partition of documents and writes its own part file into the output folder (a
shared file system, as dask's own to_parquet assumes); only small summaries travel back to the client.
Without --scheduler a local cluster of --jobs worker processes is started.
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from .corpus import Doc, _replace_dir, iter_documents, process, write_part
from .sources import InputError


def extract_partition(docs: list[Doc], index: int, claims_dir: str, tokens_dir: str | None) -> dict:
    from .frames import frame

    claims, tokens, errors = [], [], []
    n_docs = 0
    for d in docs:
        _, c, t, err = process(d)
        if err:
            errors.append(err)
            continue
        n_docs += 1
        claims += c
        tokens += t
    write_part(frame("claims", claims), "claims", Path(claims_dir), index)
    if tokens_dir:
        write_part(frame("tokens", tokens), "tokens", Path(tokens_dir), index)
    return {"docs": n_docs, "claims": len(claims), "excluded": sum(1 for t in tokens if t["fate"] == "excluded"),
            "errors": errors}


def run_dask(inputs: list[str], output: Path, published: str | None = None, tokens_out: str | None = None,
             jobs: int = 1, scheduler: str | None = None, partitions: int | None = None) -> int:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        print("kztrade extract: --engine dask needs dask[distributed]: pip install 'kztrade[dask]'", file=sys.stderr)
        return 2
    if output.suffix in (".parquet", ".csv"):
        output = output.with_suffix("")
        print(f"kztrade extract: --engine dask writes a folder of parquet parts: {output}/", file=sys.stderr)
    errors: list[str] = []
    docs = []
    for d in iter_documents(inputs, published):
        if isinstance(d, InputError):
            errors.append(str(d))
            print(f"kztrade extract: skipped: {d}", file=sys.stderr)
        else:
            docs.append(d)
    n_parts = max(1, min(len(docs), partitions or max(1, jobs) * 4))
    chunks = [docs[i::n_parts] for i in range(n_parts)] if docs else []
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp_claims = tempfile.mkdtemp(dir=output.parent, prefix=f".{output.name}.")
    tmp_tokens = tempfile.mkdtemp(dir=Path(tokens_out).parent, prefix=".tokens.") if tokens_out else None
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler)
        else:
            cluster = LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster)
        with client:
            futures = [client.submit(extract_partition, chunk, i, tmp_claims, tmp_tokens, pure=False)
                       for i, chunk in enumerate(chunks)]
            stats = client.gather(futures)
    except BaseException:
        shutil.rmtree(tmp_claims, ignore_errors=True)
        if tmp_tokens:
            shutil.rmtree(tmp_tokens, ignore_errors=True)
        raise
    finally:
        if cluster is not None:
            cluster.close()
    for st in stats:
        for err in st["errors"]:
            print(f"kztrade extract: skipped: {err}", file=sys.stderr)
        errors += st["errors"]
    _replace_dir(tmp_claims, output)
    if tokens_out:
        _replace_dir(tmp_tokens, Path(tokens_out))
    n_docs = sum(s["docs"] for s in stats)
    print(f"kztrade extract: {n_docs} documents, {sum(s['claims'] for s in stats)} claims, "
          f"{sum(s['excluded'] for s in stats)} excluded tokens, {len(errors)} errors -> {output}/ "
          f"({len(chunks)} partitions)", file=sys.stderr)
    if n_docs == 0 and errors:
        return 2
    return 1 if errors else 0
