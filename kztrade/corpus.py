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
import stat
import sys
import tempfile
import threading
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from typing import Iterator

from .outputs import MARKER, MARKER_TEXT, check, kind, sweep_stale, tmp_prefix
from .sources import InputError, decode, read_article

BATCH_ROWS = 5_000  # rows held before a write: small enough that memory stays flat


@dataclass
class Doc:
    doc_id: str
    path: str | None = None
    text: str | None = None
    published: str | None = None


TEXT_SUFFIX = ".txt"


class _Ids:
    """Keeps every document id distinct: a second file with the same stem is named by its path; the same file
    or the same table id twice is an error for the second, so no two claims ever share a claim_id."""

    def __init__(self):
        self.ids: dict[str, str] = {}
        self.files: set[str] = set()

    def file(self, path: Path, doc_id: str, published) -> Doc | InputError:
        real = os.path.realpath(path)
        if real in self.files:
            return InputError(f"{path}: listed more than once; read once")
        self.files.add(real)
        for candidate in (doc_id, Path(os.path.relpath(path)).with_suffix("").as_posix()):
            if candidate not in self.ids:
                self.ids[candidate] = str(path)
                return Doc(candidate, path=str(path), published=published)
        return InputError(f"{path}: its id {doc_id!r} is already taken by {self.ids[doc_id]}; rename one")

    def record(self, doc: Doc, where: str) -> Doc | InputError:
        if doc.doc_id in self.ids:
            return InputError(f"{where}: id {doc.doc_id!r} is already taken by {self.ids[doc.doc_id]}; "
                              "each document needs its own id")
        self.ids[doc.doc_id] = where
        return doc


def _regular(path: Path) -> InputError | None:
    """A FIFO, socket or device among the inputs would block or never end: it is named and never opened."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return None  # reported when read
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    what = "a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"
    return InputError(f"{path}: {what}, not a regular file; skipped (never read)")


def _one_file(p: Path, ids: _Ids, published, doc_id: str | None = None):
    if (err := _regular(p)) is not None:
        yield err
        return
    suffix = p.suffix.lower()
    if suffix == ".jsonl":
        yield from _jsonl(p, published, ids)
    elif suffix == ".parquet":
        yield from _parquet(p, published, ids)
    else:
        yield ids.file(p, doc_id or p.stem, published)


def iter_documents(inputs: list[str], published: str | None = None) -> Iterator[Doc | InputError]:
    ids = _Ids()
    for item in inputs:
        p = Path(item)
        if (err := _regular(p)) is not None:
            yield err
        elif p.is_dir():
            found = False
            for f in sorted(p.rglob("*")):
                if f.suffix.lower() != TEXT_SUFFIX or f.is_dir():
                    continue
                found = True
                if (err := _regular(f)) is not None:
                    yield err
                else:
                    yield ids.file(f, f.relative_to(p).with_suffix("").as_posix(), published)
            if not found:
                yield InputError(f"{item}: a folder with no .txt files")
        elif p.is_file():
            yield from _one_file(p, ids, published)
        elif any(ch in item for ch in "*?["):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                yield InputError(f"{item}: the pattern matches no file")
            for f in matches:
                if not Path(f).is_dir():
                    yield from _one_file(Path(f), ids, published)
        else:
            yield InputError(f"{item}: no such file or folder")


def _record(rec, where: str, published, ids: _Ids) -> Doc | InputError:
    """One row of a document table, checked: a bad row is this row's error, never the table's."""
    if not isinstance(rec, dict):
        return InputError(f"{where}: not a document ({{'id', 'text'}} expected)")
    doc_id, text = rec.get("id"), rec.get("text")
    if doc_id is None or isinstance(doc_id, (dict, list)) or str(doc_id) == "":
        return InputError(f"{where}: no id")
    if not isinstance(text, str):
        return InputError(f"{where}: id {doc_id!r}: text is {'missing' if text is None else type(text).__name__}"
                          ", not a string")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as e:
        return InputError(f"{where}: id {doc_id!r}: text holds a lone surrogate ({text[e.start]!r}) at character "
                          f"offset {e.start}, which is not Unicode text")
    pub = rec.get("published")
    return ids.record(Doc(str(doc_id), text=text, published=pub if pub not in (None, "") else published), where)


def _jsonl(p: Path, published, ids: _Ids):
    try:
        f = p.open("rb")
    except OSError as e:
        yield InputError(f"{p}: cannot be read: {e.strerror}")
        return
    with f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(decode(line, f"{p}:{n}"))
            except (InputError, ValueError) as e:
                yield InputError(f"{p}: line {n}: not a document ({{'id', 'text'}} expected): {e}")
                continue
            yield _record(rec, f"{p}: line {n}", published, ids)


def _parquet(p: Path, published, ids: _Ids):
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(p)
        names = pf.schema_arrow.names
    except (OSError, pa.ArrowException) as e:
        yield InputError(f"{p}: not a readable parquet file ({type(e).__name__}: {e})")
        return
    if "id" not in names or "text" not in names:
        yield InputError(f"{p}: a document table needs columns id and text (has {', '.join(names)})")
        return
    cols = ["id", "text"] + (["published"] if "published" in names else [])
    row = 0
    try:
        for batch in pf.iter_batches(batch_size=1000, columns=cols):
            for rec in batch.to_pylist():
                yield _record(rec, f"{p}: row {row}", published, ids)
                row += 1
    except (OSError, pa.ArrowException) as e:
        yield InputError(f"{p}: unreadable after row {row} ({type(e).__name__}: {e}); the rows before were read")


@lru_cache(maxsize=None)
def _takes_lang() -> bool:
    import inspect

    from .extract import extract

    return "lang" in inspect.signature(extract).parameters


def _lang_kw(lang: str | None) -> dict:
    """lang= for extract() when it takes one (it gains the argument in the same release as --lang)."""
    return {"lang": lang} if lang and _takes_lang() else {}


def process(doc: Doc, keep_tokens: bool = True, lang: str | None = None
            ) -> tuple[str, list[dict], list[dict] | int, str | None]:
    """(doc_id, claims, tokens or the number of excluded tokens, error) - never raises for a bad document."""
    from .extract import extract, header_date, publication_date

    try:
        text = read_article(doc.path) if doc.text is None else doc.text
        if not isinstance(text, str) or not text:
            raise InputError(f"{doc.doc_id}: empty document")
        published = doc.published
        if published is None or published == "":
            published = header_date(text)  # a front-matter 'date:' when none was given
        publication_date(published)  # an unreadable date is this document's error, reported and skipped
        claims, tokens = extract(text, source_id=doc.doc_id, published=published, **_lang_kw(lang))
        if not keep_tokens:  # spare the pickling of every token back from a worker
            return doc.doc_id, claims, sum(1 for t in tokens if t["fate"] == "excluded"), None
        return doc.doc_id, claims, tokens, None
    except InputError as e:
        return doc.doc_id, [], [], str(e)
    except ValueError as e:  # e.g. an unreadable published date
        return doc.doc_id, [], [], f"{doc.doc_id}: {e}"
    except Exception as e:  # a kztrade bug on one document must not cost the batch; named so it is reported
        return doc.doc_id, [], [], f"{doc.doc_id}: internal error ({type(e).__name__}: {e}); please report it"


def _replace_dir(tmp: str, target: Path) -> None:
    """Put a finished folder in place; an older one is removed only after the new one is there."""
    import shutil

    old = None
    if os.path.lexists(target):
        old = Path(tempfile.mkdtemp(dir=target.parent, prefix=tmp_prefix(target)))
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


def make_tmp_folder(target: Path) -> str:
    """A temporary output folder beside target, already marked as kztrade's (outputs.MARKER)."""
    tmp = tempfile.mkdtemp(dir=target.parent, prefix=tmp_prefix(target))
    (Path(tmp) / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    return tmp


class TableSink:
    """Appends row batches to OUT.parquet, OUT.csv or a folder of parquet parts (OUT/ or a name without
    suffix); the output appears only on commit(), so an interrupted run leaves nothing half-written."""

    def __init__(self, path: Path, table: str):
        self.path, self.table = Path(str(path).rstrip("/" + os.sep) or path), table
        self.kind = kind(str(path))
        self.partitioned = self.kind == "folder"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.parts = 0
        if self.partitioned:
            self.tmp = make_tmp_folder(self.path)
        else:
            fd, self.tmp = tempfile.mkstemp(dir=self.path.parent, prefix=tmp_prefix(self.path), suffix=".tmp")
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
        elif self.kind == "csv":
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

    def finish(self) -> None:
        """Write what is left; the output is complete in its temporary place (a full disk fails here)."""
        if self.rows or (self.writer is None and not self.wrote_header and not self.parts):
            self.flush()
        if self.writer is not None:
            self.writer.close()
            self.writer = None

    def commit(self) -> None:
        if self.partitioned:
            _replace_dir(self.tmp, self.path)
        else:
            os.chmod(self.tmp, 0o644)
            os.replace(self.tmp, self.path)

    def close(self) -> None:
        self.finish()
        self.commit()

    def abort(self) -> None:
        import shutil

        if self.writer is not None:
            try:
                self.writer.close()
            except Exception:  # the file is removed next; a full disk may fail its footer
                pass
            self.writer = None
        if self.partitioned:
            shutil.rmtree(self.tmp, ignore_errors=True)
        elif os.path.exists(self.tmp):
            os.unlink(self.tmp)


def commit_all(sinks: list[TableSink]) -> None:
    """All outputs or none: every sink is finished before any is put in place, and if a later one cannot be
    put in place the earlier ones are taken back out (never claims without the tokens asked for)."""
    for s in sinks:
        s.finish()
    done = []
    try:
        for s in sinks:
            s.commit()
            done.append(s)
    except BaseException:
        import shutil

        for s in done:
            if s.partitioned:
                shutil.rmtree(s.path, ignore_errors=True)
            else:
                s.path.unlink(missing_ok=True)
        raise


class Interrupted(BaseException):
    """SIGTERM or SIGHUP, raised in the main thread so the run cleans up as after Ctrl-C."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _raise_interrupted(signum, frame):
    raise Interrupted(signum)


def _worker_init() -> None:
    import signal

    # a terminal's Ctrl-C, a SIGTERM or SIGHUP to the process group reaches every worker: only the parent acts
    # on them (it removes its temporary files, then kills the workers)
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, signal.SIG_IGN)


def _process_chunk(docs: list[Doc], keep_tokens: bool, lang: str | None) -> list:
    return [process(d, keep_tokens=keep_tokens, lang=lang) for d in docs]


def _worker_loop(conn) -> None:
    _worker_init()
    try:
        while (task := conn.recv()) is not None:
            conn.send(_process_chunk(*task))
    except (EOFError, BrokenPipeError):  # the parent is gone (killed): nobody to answer
        pass


class _Workers:
    """Documents through N processes in order, each process with its own pipe and at most two chunks in flight
    (memory stays flat however long the input). No queue locks or helper threads: kill() stops every worker
    at once, whatever they were doing, and nothing is left to wait for (mp.Pool and ProcessPoolExecutor can
    hang when a worker dies holding a queue lock or a feeder thread is blocked on a full pipe)."""

    CHUNK = 16

    def __init__(self, jobs: int):
        import multiprocessing as mp

        ctx = mp.get_context("spawn")
        self.conns, self.procs = [], []
        for _ in range(jobs):
            parent, child = ctx.Pipe()
            proc = ctx.Process(target=_worker_loop, args=(child,), daemon=True)
            proc.start()
            child.close()
            self.conns.append(parent)
            self.procs.append(proc)

    def map(self, docs, keep_tokens: bool, lang: str | None):
        import itertools

        it = iter(docs)
        jobs = len(self.conns)
        sent = received = 0

        def send() -> None:
            nonlocal sent
            chunk = list(itertools.islice(it, self.CHUNK))
            if chunk:
                self.conns[sent % jobs].send((chunk, keep_tokens, lang))
                sent += 1

        for _ in range(2 * jobs):
            send()
        while received < sent:
            k = received % jobs  # chunks go round the workers, so each answers in turn
            try:
                results = self.conns[k].recv()
            except EOFError:
                raise RuntimeError(f"worker process {self.procs[k].pid} died (exit code {self.procs[k].exitcode})"
                                   ) from None
            received += 1
            send()
            yield from results

    def close(self) -> None:
        for conn in self.conns:
            conn.send(None)
        for proc in self.procs:
            proc.join()
        for conn in self.conns:
            conn.close()

    def kill(self) -> None:
        for proc in self.procs:
            proc.kill()
        for proc in self.procs:
            proc.join(timeout=1)
        for conn in self.conns:
            conn.close()


def prepare(inputs: list[str], output, tokens_out, overwrite: bool, folder_only: bool = False) -> None:
    """Refuse unsafe outputs (InputError) and sweep the temporary files of an earlier killed run."""
    check(inputs, str(output), str(tokens_out) if tokens_out else None, overwrite, folder_only=folder_only)
    for out in (output, tokens_out):
        if out:
            p = Path(os.path.abspath(out))
            sweep_stale(p.parent, p.name)


def run_extract(inputs: list[str], output: Path, published: str | None = None, tokens_out: str | None = None,
                jobs: int = 1, progress: bool | None = None, engine: str = "local", scheduler: str | None = None,
                partitions: int | None = None, overwrite: bool = False, lang: str | None = None) -> int:
    import itertools
    import signal

    from tqdm import tqdm

    if jobs < 1:
        raise InputError(f"--jobs {jobs}: give at least 1")
    if published is not None:
        from .extract import publication_date

        try:
            publication_date(published)
        except ValueError as e:
            raise InputError(str(e)) from None
    prepare(inputs, output, tokens_out, overwrite, folder_only=engine == "dask")
    if engine == "dask":
        from .distributed import run_dask

        return run_dask(inputs, Path(output), published=published, tokens_out=tokens_out, jobs=jobs,
                        scheduler=scheduler, partitions=partitions, lang=lang)

    n_docs = n_claims = n_excluded = 0
    errors: list[str] = []
    show = sys.stderr.isatty() if progress is None else progress

    def good_docs():
        for d in iter_documents(inputs, published):
            if isinstance(d, InputError):
                errors.append(str(d))
                print(f"kztrade extract: skipped: {d}", file=sys.stderr)
            else:
                yield d

    old_handlers = {}
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGTERM, signal.SIGHUP):
            old_handlers[sig] = signal.signal(sig, _raise_interrupted)
    sinks: list[TableSink] = []
    pool = None
    bar = None
    try:
        sinks.append(TableSink(Path(output), "claims"))
        if tokens_out:
            sinks.append(TableSink(Path(tokens_out), "tokens"))
        bar = tqdm(unit="doc", disable=not show, file=sys.stderr, desc="extract")
        docs = good_docs()
        head = list(itertools.islice(docs, jobs))  # never more processes than documents
        jobs = max(1, min(jobs, len(head)))
        stream = itertools.chain(head, docs)
        if jobs > 1:
            pool = _Workers(jobs)
            results = pool.map(stream, keep_tokens=bool(tokens_out), lang=lang)
        else:
            results = map(partial(process, keep_tokens=bool(tokens_out), lang=lang), stream)
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
        if pool is not None:
            pool.close()
            pool = None
        if n_docs == 0:  # nothing read: an earlier output stays as it was
            for s in sinks:
                s.abort()
            if not errors:
                errors.append("no documents")
            print(f"kztrade extract: no document could be read ({len(errors)} errors); nothing written",
                  file=sys.stderr)
            return 2
        commit_all(sinks)
    except BaseException as exc:
        if pool is not None:
            pool.kill()
        for s in sinks:
            s.abort()
        if isinstance(exc, (KeyboardInterrupt, Interrupted)):
            if bar is not None:
                bar.close()
            signum = exc.signum if isinstance(exc, Interrupted) else signal.SIGINT
            print(f"kztrade extract: interrupted ({signal.Signals(signum).name}); nothing written",
                  file=sys.stderr)
            return 128 + signum
        raise
    finally:
        if bar is not None:
            bar.close()
        for sig, h in old_handlers.items():
            signal.signal(sig, h)
    print(f"kztrade extract: {n_docs} documents, {n_claims} claims, {n_excluded} excluded tokens, "
          f"{len(errors)} errors -> {output}", file=sys.stderr)
    return 1 if errors else 0
