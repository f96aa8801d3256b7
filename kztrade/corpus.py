"""`kztrade extract` over many documents: stream them in, extract (in N processes), write as we go.

Inputs: text files, folders of .txt files, glob patterns, or a table of documents (.jsonl or .parquet
with columns id, text and optionally published). A bad document is reported and skipped; the run goes on.
Output is written batch by batch into a temporary file that is renamed at the end, so memory stays flat
and an interrupted run leaves no half-written table.
"""
from __future__ import annotations

import glob
import json
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .sources import InputError, decode, read_article

BATCH_ROWS = 5_000  # rows held before a write: small enough that memory stays flat


@dataclass
class Doc:
    doc_id: str
    path: str | None = None
    text: str | None = None
    published: str | None = None


def iter_documents(inputs: list[str], published: str | None = None) -> Iterator[Doc | InputError]:
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            for f in sorted(p.rglob("*.txt")):
                yield Doc(str(f.relative_to(p).with_suffix("")), path=str(f), published=published)
        elif p.suffix == ".jsonl" and p.is_file():
            yield from _jsonl(p, published)
        elif p.suffix == ".parquet" and p.exists():
            yield from _parquet(p, published)
        elif p.is_file():
            yield Doc(p.stem, path=str(p), published=published)
        elif any(ch in item for ch in "*?["):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                yield InputError(f"{item}: the pattern matches no file")
            for f in matches:
                if Path(f).is_file():
                    yield Doc(Path(f).stem, path=f, published=published)
        else:
            yield InputError(f"{item}: no such file or folder")


def _jsonl(p: Path, published):
    with p.open("rb") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(decode(line, f"{p}:{n}"))
                yield Doc(str(rec["id"]), text=rec["text"], published=rec.get("published") or published)
            except (InputError, ValueError, KeyError, TypeError) as e:
                yield InputError(f"{p}: line {n}: not a document ({{'id', 'text'}} expected): {e}")


def _parquet(p: Path, published):
    import pyarrow.parquet as pq

    pf = pq.ParquetFile(p)
    names = pf.schema_arrow.names
    if "id" not in names or "text" not in names:
        yield InputError(f"{p}: a document table needs columns id and text (has {', '.join(names)})")
        return
    cols = ["id", "text"] + (["published"] if "published" in names else [])
    for batch in pf.iter_batches(batch_size=1000, columns=cols):
        for rec in batch.to_pylist():
            yield Doc(str(rec["id"]), text=rec["text"], published=rec.get("published") or published)


def process(doc: Doc, keep_tokens: bool = True) -> tuple[str, list[dict], list[dict] | int, str | None]:
    """(doc_id, claims, tokens or the number of excluded tokens, error) - never raises for a bad document."""
    from .extract import extract, header_date

    try:
        text = read_article(doc.path) if doc.text is None else doc.text
        if not isinstance(text, str) or not text:
            raise InputError(f"{doc.doc_id}: empty document")
        published = doc.published or header_date(text)  # a front-matter 'date:' when none was given
        from .extract import publication_date

        publication_date(published)  # an unreadable date is this document's error, reported and skipped
        claims, tokens = extract(text, source_id=doc.doc_id, published=published)
        if not keep_tokens:  # spare the pickling of every token back from a worker
            return doc.doc_id, claims, sum(1 for t in tokens if t["fate"] == "excluded"), None
        return doc.doc_id, claims, tokens, None
    except InputError as e:
        return doc.doc_id, [], [], str(e)
    except ValueError as e:  # e.g. an unreadable published date
        return doc.doc_id, [], [], f"{doc.doc_id}: {e}"


def _replace_dir(tmp: str, target: Path) -> None:
    """Put a finished folder in place; an older one is removed only after the new one is there."""
    import shutil

    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.old."))
        os.replace(target, old / target.name)
    os.replace(tmp, target)
    if old is not None:
        shutil.rmtree(old)


def write_part(df, table: str, folder: Path, index: int) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from .frames import arrow_schema

    path = Path(folder) / f"part-{index:05d}.parquet"
    pq.write_table(pa.Table.from_pandas(df, schema=arrow_schema(table), preserve_index=False), path,
                   compression="zstd")
    return path


class TableSink:
    """Appends row batches to OUT.parquet, OUT.csv or a folder of parquet parts (OUT/ or a name without
    suffix); the output appears only on close(), so an interrupted run leaves nothing half-written."""

    def __init__(self, path: Path, table: str):
        self.path, self.table = Path(path), table
        self.partitioned = self.path.suffix not in (".parquet", ".csv")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.partitioned:
            self.tmp = tempfile.mkdtemp(dir=self.path.parent, prefix=f".{self.path.name}.")
            self.parts = 0
        else:
            fd, self.tmp = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp")
            os.close(fd)
        self.rows: list[dict] = []
        self.writer = None
        self.wrote_header = False

    def add(self, rows: list[dict]) -> None:
        self.rows.extend(rows)
        if len(self.rows) >= BATCH_ROWS:
            self.flush()

    def flush(self) -> None:
        from .frames import arrow_schema, frame

        df = frame(self.table, self.rows)
        self.rows = []
        if self.partitioned:
            write_part(df, self.table, Path(self.tmp), self.parts)
            self.parts += 1
        elif self.path.suffix == ".csv":
            df.to_csv(self.tmp, mode="a", header=not self.wrote_header, index=False, lineterminator="\n")
            self.wrote_header = True
        else:
            import pyarrow as pa
            import pyarrow.parquet as pq

            t = pa.Table.from_pandas(df, schema=arrow_schema(self.table), preserve_index=False)
            if self.writer is None:
                # t.schema carries pandas metadata, so readers get the nullable dtypes back
                self.writer = pq.ParquetWriter(self.tmp, t.schema, compression="zstd")
            self.writer.write_table(t)

    def close(self) -> None:
        if self.rows or (self.writer is None and not self.wrote_header and not getattr(self, "parts", 0)):
            self.flush()
        if self.writer is not None:
            self.writer.close()
        if self.partitioned:
            _replace_dir(self.tmp, self.path)
        else:
            os.chmod(self.tmp, 0o644)
            os.replace(self.tmp, self.path)

    def abort(self) -> None:
        import shutil

        if self.writer is not None:
            self.writer.close()
        if self.partitioned:
            shutil.rmtree(self.tmp, ignore_errors=True)
        elif os.path.exists(self.tmp):
            os.unlink(self.tmp)


def run_extract(inputs: list[str], output: Path, published: str | None = None, tokens_out: str | None = None,
                jobs: int = 1, progress: bool | None = None, engine: str = "local", scheduler: str | None = None,
                partitions: int | None = None) -> int:
    from tqdm import tqdm

    if engine == "dask":
        from .distributed import run_dask

        return run_dask(inputs, Path(output), published=published, tokens_out=tokens_out, jobs=jobs,
                        scheduler=scheduler, partitions=partitions)

    if published is not None:
        from .extract import publication_date

        try:
            publication_date(published)
        except ValueError as e:
            print(f"kztrade extract: {e}", file=sys.stderr)
            return 2
    sinks = [TableSink(Path(output), "claims")]
    if tokens_out:
        sinks.append(TableSink(Path(tokens_out), "tokens"))
    n_docs = n_claims = n_excluded = 0
    errors: list[str] = []
    show = sys.stderr.isatty() if progress is None else progress
    bar = tqdm(unit="doc", disable=not show, file=sys.stderr, desc="extract")
    docs = []

    def good_docs():
        for d in iter_documents(inputs, published):
            if isinstance(d, InputError):
                errors.append(str(d))
                print(f"kztrade extract: skipped: {d}", file=sys.stderr)
            else:
                docs.append(1)
                yield d

    pool = None
    try:
        if jobs > 1:
            import multiprocessing as mp

            from functools import partial

            pool = mp.get_context("spawn").Pool(jobs)
            results = pool.imap(partial(process, keep_tokens=bool(tokens_out)), good_docs(), chunksize=16)
        else:
            results = map(process, good_docs())
        for doc_id, claims, tokens, err in results:
            bar.update(1)
            if err:
                errors.append(err)
                print(f"kztrade extract: skipped: {err}", file=sys.stderr)
                continue
            n_docs += 1
            n_claims += len(claims)
            n_excluded += tokens if isinstance(tokens, int) else sum(1 for t in tokens if t["fate"] == "excluded")
            sinks[0].add(claims)
            if tokens_out:
                sinks[1].add(tokens)
        for s in sinks:
            s.close()
    except BaseException:
        for s in sinks:
            s.abort()
        raise
    finally:
        bar.close()
        if pool is not None:
            pool.close()
            pool.join()
    print(f"kztrade extract: {n_docs} documents, {n_claims} claims, {n_excluded} excluded tokens, "
          f"{len(errors)} errors -> {output}", file=sys.stderr)
    if n_docs == 0 and errors:
        return 2
    return 1 if errors else 0
