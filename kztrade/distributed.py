"""`kztrade extract --engine dask`: the same extractor on a Dask cluster, writing partitioned parquet.

Each task extracts one partition of documents and writes its own part file into the output folder (a
shared file system, as dask's own to_parquet assumes); only small summaries travel back to the client.
Without --scheduler a local cluster of --jobs worker processes is started.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

from .corpus import Doc, _replace_dir, iter_documents, make_tmp_folder, process, write_part
from .sources import InputError


def extract_partition(docs: list[Doc], index: int, claims_dir: str, tokens_dir: str | None,
                      lang: str | None = None) -> dict:
    from .frames import frame

    claims, tokens, errors = [], [], []
    n_docs = 0
    for d in docs:
        _, c, t, err = process(d, lang=lang)
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
             jobs: int = 1, scheduler: str | None = None, partitions: int | None = None,
             lang: str | None = None) -> int:
    """The caller (corpus.run_extract) has checked that output and tokens_out are safe folders to write."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        print("kztrade extract: --engine dask needs dask[distributed]: pip install 'kztrade[dask]'", file=sys.stderr)
        return 2
    output = Path(str(output).rstrip("/") or output)
    tokens_path = Path(str(tokens_out).rstrip("/") or tokens_out) if tokens_out else None
    errors: list[str] = []
    docs = []
    for d in iter_documents(inputs, published):
        if isinstance(d, InputError):
            errors.append(str(d))
            print(f"kztrade extract: skipped: {d}", file=sys.stderr)
        else:
            docs.append(d)
    if not docs:
        print(f"kztrade extract: no document could be read ({len(errors)} errors); nothing written", file=sys.stderr)
        return 2
    n_parts = max(1, min(len(docs), partitions or max(1, jobs) * 4))
    chunks = [docs[i::n_parts] for i in range(n_parts)]
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp_claims = make_tmp_folder(output)
    tmp_tokens = None
    cluster = None
    try:
        if tokens_path:
            tokens_path.parent.mkdir(parents=True, exist_ok=True)
            tmp_tokens = make_tmp_folder(tokens_path)
        if scheduler:
            client = Client(scheduler)
        else:
            cluster = LocalCluster(n_workers=max(1, min(jobs, len(docs))), threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster)
        with client:
            futures = [client.submit(extract_partition, chunk, i, tmp_claims, tmp_tokens, lang, pure=False)
                       for i, chunk in enumerate(chunks)]
            stats = client.gather(futures)
        n_docs = sum(s["docs"] for s in stats)
        for st in stats:
            for err in st["errors"]:
                print(f"kztrade extract: skipped: {err}", file=sys.stderr)
            errors += st["errors"]
        if n_docs == 0:
            raise _NothingRead()
        _replace_dir(tmp_claims, output)
        if tokens_path:
            try:
                _replace_dir(tmp_tokens, tokens_path)
            except BaseException:
                shutil.rmtree(output, ignore_errors=True)  # never claims without the tokens asked for
                raise
    except _NothingRead:
        shutil.rmtree(tmp_claims, ignore_errors=True)
        if tmp_tokens:
            shutil.rmtree(tmp_tokens, ignore_errors=True)
        print(f"kztrade extract: no document could be read ({len(errors)} errors); nothing written", file=sys.stderr)
        return 2
    except BaseException:
        shutil.rmtree(tmp_claims, ignore_errors=True)
        if tmp_tokens:
            shutil.rmtree(tmp_tokens, ignore_errors=True)
        raise
    finally:
        if cluster is not None:
            cluster.close()
    print(f"kztrade extract: {n_docs} documents, {sum(s['claims'] for s in stats)} claims, "
          f"{sum(s['excluded'] for s in stats)} excluded tokens, {len(errors)} errors -> {output}/ "
          f"({len(chunks)} partitions)", file=sys.stderr)
    return 1 if errors else 0


class _NothingRead(Exception):
    pass
