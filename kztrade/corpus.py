"""`kztrade extract` over many documents: read in partitions, extract (in N processes), write as we go.

Inputs: text files, folders of .txt files, glob patterns, or a table of documents (.jsonl or .parquet
with columns id, text and optionally published). A bad document is reported and skipped; the run goes on.

The parent only lists the inputs and cuts them into partitions: lists of files, byte ranges of a .jsonl
(cut at line starts), runs of row groups of a .parquet. It never reads a document's text. Each partition is
read, extracted and written to its own part file by whoever runs it (the parent itself with --jobs 1, a
worker process, or a Dask worker in distributed.py), so memory stays flat however big the corpus, and the
parent stays light however many workers there are. A folder output keeps the parts as they are; a single
file output is the parts appended in order. Everything is written beside the output under temporary names
and put in place at the end, so an interrupted run leaves no half-written table.
"""
from __future__ import annotations

import glob
import itertools
import json
import os
import stat
import sys
import tempfile
import threading
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from .outputs import MARKER, MARKER_TEXT, check, kind, sweep_stale, tmp_prefix
from .sources import InputError, decode, read_article

BATCH_ROWS = 5_000  # rows held before a write: small enough that memory stays flat
PART_BYTES = 2_000_000  # input per partition: about a second of one core, and a few MB of rows in a worker
PARTS_PER_JOB = 4  # a small corpus is still cut so that every worker has work, and a slow part is not the tail


@dataclass
class Doc:
    doc_id: str
    path: str | None = None
    text: str | None = None
    published: str | None = None


TEXT_SUFFIX = ".txt"


@dataclass
class Table:
    """A document table among the inputs (.jsonl or .parquet); its rows are read by whoever runs a partition."""
    path: str
    fmt: str  # 'jsonl' or 'parquet'


@dataclass
class Part:
    """One partition of the input: a description small enough to send anywhere, never the texts.

    files: [(doc_id, path)]; jsonl: bytes [start, end) of path, whose first line is line `first`;
    parquet: row groups [start, end) of path, whose first row is row `first`."""
    fmt: str
    path: str | None = None
    files: list | None = None
    start: int = 0
    end: int = 0
    first: int = 0
    published: str | None = None


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
    if suffix in (".jsonl", ".parquet"):
        yield Table(str(p), suffix[1:])
    else:
        yield ids.file(p, doc_id or p.stem, published)


def iter_documents(inputs: list[str], published: str | None = None) -> Iterator[Doc | Table | InputError]:
    """The inputs listed: a Doc for each text file (named, never read), a Table for each document table."""
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


def _jsonl(p: Path, published, ids: _Ids, start: int = 0, end: int | None = None, first: int = 1):
    """The rows of a .jsonl whose lines begin in bytes [start, end); the line at start is line `first`."""
    try:
        f = p.open("rb")
    except OSError as e:
        yield InputError(f"{p}: cannot be read: {e.strerror}")
        return
    with f:
        f.seek(start)
        pos, n = start, first - 1
        while end is None or pos < end:
            line = f.readline()
            if not line:
                break
            pos += len(line)
            n += 1
            if not line.strip():
                continue
            try:
                rec = json.loads(decode(line, f"{p}:{n}"))
            except (InputError, ValueError) as e:
                yield InputError(f"{p}: line {n}: not a document ({{'id', 'text'}} expected): {e}")
                continue
            yield _record(rec, f"{p}: line {n}", published, ids)


def _open_parquet(p: Path):
    """(ParquetFile, columns to read) or the InputError that makes it no document table."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(p)
        names = pf.schema_arrow.names
    except (OSError, pa.ArrowException) as e:
        return None, InputError(f"{p}: not a readable parquet file ({type(e).__name__}: {e})")
    if "id" not in names or "text" not in names:
        return None, InputError(f"{p}: a document table needs columns id and text (has {', '.join(names)})")
    return pf, ["id", "text"] + (["published"] if "published" in names else [])


def _parquet(p: Path, published, ids: _Ids, groups: range | None = None, first: int = 0):
    """The rows of a .parquet (of its row groups `groups`, whose first row is row `first`)."""
    import pyarrow as pa

    pf, cols = _open_parquet(p)
    if pf is None:
        yield cols
        return
    row = first
    groups = range(pf.num_row_groups) if groups is None else groups
    try:
        for batch in pf.iter_batches(batch_size=1000, columns=cols, row_groups=list(groups)):
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


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:  # reported when the document is read
        return 0


def _line_starts(path: str, offsets: list[int]) -> Iterator[tuple[int, int]]:
    """For each byte offset (ascending), the first line start at or after it and that line's number. Reads
    the file once in blocks, counting newlines, so a worker's line numbers are those of the whole file."""
    k, lines, pos = 0, 0, 0
    with open(path, "rb") as f:
        while k < len(offsets) and (block := f.read(1 << 20)):
            while k < len(offsets) and offsets[k] - 1 < pos + len(block):
                j = block.find(b"\n", max(offsets[k] - 1 - pos, 0))
                if j < 0:
                    break
                yield pos + j + 1, lines + block.count(b"\n", 0, j + 1) + 1
                k += 1
            lines += block.count(b"\n")
            pos += len(block)


def _sized(item) -> tuple:
    """(item, bytes of input, row groups as (rows, bytes) for a parquet table); an unusable table is its error."""
    if isinstance(item, Doc):
        return item, _size(item.path), None
    if isinstance(item, Table):
        if item.fmt == "jsonl":
            try:
                return item, os.stat(item.path).st_size, None
            except OSError as e:
                return InputError(f"{item.path}: cannot be read: {e.strerror}"), 0, None
        pf, cols = _open_parquet(Path(item.path))
        if pf is None:
            return cols, 0, None
        md = pf.metadata
        groups = [(md.row_group(g).num_rows, md.row_group(g).total_byte_size) for g in range(md.num_row_groups)]
        return item, sum(b for _, b in groups), groups
    return item, 0, None


def plan(inputs: list[str], published: str | None = None, jobs: int = 1, partitions: int | None = None
         ) -> Iterator[Part | InputError]:
    """The inputs cut into partitions of about PART_BYTES of input each, in input order. A small corpus is cut
    finer, so that each of the jobs has PARTS_PER_JOB partitions; `partitions` asks for that many of equal
    size (the whole listing is then looked at first). Only a bounded look-ahead of the listing is held."""
    listing = map(_sized, iter_documents(inputs, published))
    ahead, total = [], 0
    whole = True
    for entry in listing:
        ahead.append(entry)
        total += entry[1]
        if partitions is None and total >= PART_BYTES * jobs * PARTS_PER_JOB:
            whole = False
            break
    step = PART_BYTES
    if partitions is not None:
        step = max(1, -(-total // partitions))
    elif whole:
        step = max(1, -(-total // (jobs * PARTS_PER_JOB)))
    pos = 0  # bytes of input before the current item: a partition starts at each multiple of step
    files: list[tuple[str, str]] = []
    cut = -1
    for item, size, groups in itertools.chain(ahead, listing):
        if isinstance(item, Doc):
            if files and pos // step != cut:
                yield Part("files", files=files, published=published)
                files = []
            cut = pos // step
            files.append((item.doc_id, item.path))
            pos += size
            continue
        if files:
            yield Part("files", files=files, published=published)
            files = []
        if isinstance(item, InputError):
            yield item
        elif item.fmt == "jsonl":
            if size:  # each part is sent as soon as its end is found: the workers start before the scan ends
                cuts = [k * step - pos for k in range(pos // step + 1, -(-(pos + size) // step))]
                start, first = 0, 1
                for end, line in itertools.chain(_line_starts(item.path, cuts), [(size, 0)]):
                    if start < end <= size:  # a line longer than a step holds more than one cut
                        yield Part("jsonl", item.path, start=start, end=end, first=first, published=published)
                        start, first = end, line
        else:
            g0 = row = row0 = 0
            for g, (rows, nbytes) in enumerate(groups):
                if g > g0 and pos // step != cut:
                    yield Part("parquet", item.path, start=g0, end=g, first=row0, published=published)
                    g0, row0 = g, row
                cut = pos // step
                pos += nbytes
                row += rows
            if groups:
                yield Part("parquet", item.path, start=g0, end=len(groups), first=row0, published=published)
            continue
        pos += size
    if files:
        yield Part("files", files=files, published=published)


def _read_part(part: Part, ids: _Ids) -> Iterator[Doc | InputError]:
    if part.fmt == "files":
        for doc_id, path in part.files:
            if doc_id in ids.ids:
                yield InputError(f"{path}: its id {doc_id!r} is already taken by {ids.ids[doc_id]}; rename one")
            else:
                yield Doc(doc_id, path=path, published=part.published)
    elif part.fmt == "jsonl":
        yield from _jsonl(Path(part.path), part.published, ids, part.start, part.end, part.first)
    else:
        yield from _parquet(Path(part.path), part.published, ids, range(part.start, part.end), part.first)


def part_path(folder: str, fmt: str, index: int) -> Path:
    return Path(folder) / f"part-{index:05d}.{fmt}"


def run_part(part: Part, index: int, outs: list[tuple[str, str]], lang: str | None = None,
             taken: dict[str, str] | None = None) -> dict:
    """Read, extract and write one partition: its claims into outs[0] and, when given, its tokens into outs[1],
    each a (folder, 'parquet' or 'csv') that gets part-{index:05d}.<fmt>. Only counts, errors and the ids of
    table rows come back (the caller checks those against earlier partitions; `taken` maps the ids it found
    taken to where, and those rows are then errors). Never raises for a bad document."""
    ids = _Ids()
    ids.ids.update(taken or {})
    keep_tokens = len(outs) > 1
    sinks = [TableSink(part_path(folder, fmt, index), table) for (folder, fmt), table in zip(outs, ("claims", "tokens"))]
    n_excluded = 0
    errors: list[str] = []
    sizes: list[list[int]] = [[] for _ in outs]  # rows of each document, per table
    try:
        for d in _read_part(part, ids):
            if isinstance(d, InputError):
                errors.append(str(d))
                continue
            _, claims, tokens, err = process(d, keep_tokens=keep_tokens, lang=lang)
            if err:
                errors.append(err)
                continue
            n_excluded += tokens if isinstance(tokens, int) else sum(1 for t in tokens if t["fate"] == "excluded")
            for sink, rows, n in zip(sinks, (claims, tokens), sizes):
                sink.add(rows)
                n.append(len(rows))
        for s in sinks:
            s.close()
    except BaseException:
        for s in sinks:
            s.abort()
        raise
    recorded = [] if part.fmt == "files" else [(k, w) for k, w in ids.ids.items() if k not in (taken or ())]
    return {"docs": len(sizes[0]), "claims": sum(sizes[0]), "excluded": n_excluded, "errors": errors,
            "ids": recorded, "sizes": sizes}


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


def make_tmp_folder(target: Path) -> str:
    """A temporary output folder beside target, already marked as kztrade's (outputs.MARKER)."""
    tmp = tempfile.mkdtemp(dir=target.parent, prefix=tmp_prefix(target))
    (Path(tmp) / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    return tmp


class TableSink:
    """Appends row batches to one .parquet or .csv file (a part file of a partition); the file appears only on
    commit(), so an interrupted run leaves nothing half-written."""

    def __init__(self, path: Path, table: str):
        self.path, self.table = Path(path), table
        self.kind = kind(str(path))
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
        if self.kind == "csv":
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
        if self.rows or (self.writer is None and not self.wrote_header):
            self.flush()
        if self.writer is not None:
            self.writer.close()
            self.writer = None

    def commit(self) -> None:
        os.chmod(self.tmp, 0o644)
        os.replace(self.tmp, self.path)

    def close(self) -> None:
        self.finish()
        self.commit()

    def abort(self) -> None:
        _discard(self)


class Output:
    """Where the runners of partitions write their part files, and how the parts become OUT: a folder output
    is its parts (written straight into its temporary folder); OUT.parquet or OUT.csv is its parts appended in
    order by take() as they arrive, each deleted once taken. Nothing appears at OUT before commit()."""

    def __init__(self, path: Path, table: str):
        self.path, self.table = Path(str(path).rstrip("/" + os.sep) or path), table
        self.kind = kind(str(path))
        self.partitioned = self.kind == "folder"
        self.fmt = "csv" if self.kind == "csv" else "parquet"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.tmp = None
        self.writer = None
        self.taken = 0
        self.held: list = []  # arrow slices not yet written: row groups are cut where one process cuts them
        self.held_rows = 0
        self.wrote = False
        self.empty = None  # the schema's empty table, for an output without rows
        self.parts = make_tmp_folder(self.path)
        if not self.partitioned:
            fd, self.tmp = tempfile.mkstemp(dir=self.path.parent, prefix=tmp_prefix(self.path), suffix=".tmp")
            os.close(fd)

    @property
    def spec(self) -> tuple[str, str]:
        return self.parts, self.fmt

    def take(self, index: int, sizes: list[int]) -> None:
        """Append part `index`, whose documents have `sizes` rows each."""
        if self.partitioned:
            return
        import shutil

        part = part_path(self.parts, self.fmt, index)
        if self.fmt == "csv":
            with part.open("rb") as f, open(self.tmp, "ab") as out:
                if self.taken:
                    f.readline()  # each part has the header; the output has it once
                shutil.copyfileobj(f, out, 1 << 20)
        else:
            import pyarrow.parquet as pq

            t = pq.read_table(part)
            if self.writer is None:
                self.writer = pq.ParquetWriter(self.tmp, t.schema, compression="zstd")
                self.empty = t.slice(0, 0)
            start = end = 0
            for n in sizes:  # a row group closes after the document that brings it to BATCH_ROWS, as TableSink's
                end += n
                if self.held_rows + end - start >= BATCH_ROWS:
                    self.held.append(t.slice(start, end - start))
                    self._write()
                    start = end
            self.held.append(t.slice(start))
            self.held_rows += t.num_rows - start
        self.taken += 1
        part.unlink()

    def _write(self) -> None:
        import pyarrow as pa

        self.writer.write_table(pa.concat_tables(self.held).combine_chunks())
        self.held, self.held_rows = [], 0
        self.wrote = True

    def finish(self) -> None:
        """The output is complete in its temporary place (a full disk fails here)."""
        if self.writer is not None:
            if self.held_rows or not self.wrote:
                self.held = self.held or [self.empty]
                self._write()
            self.writer.close()
            self.writer = None

    def commit(self) -> None:
        import shutil

        if self.partitioned:
            _replace_dir(self.parts, self.path)
        else:
            os.chmod(self.tmp, 0o644)
            os.replace(self.tmp, self.path)
            shutil.rmtree(self.parts, ignore_errors=True)

    def abort(self) -> None:
        import shutil

        _discard(self)
        shutil.rmtree(self.parts, ignore_errors=True)


def _discard(sink) -> None:
    """Remove a sink's temporary file, closing its parquet writer first."""
    if sink.writer is not None:
        try:
            sink.writer.close()
        except Exception:  # the file is removed next; a full disk may fail its footer
            pass
        sink.writer = None
    if sink.tmp and os.path.exists(sink.tmp):
        os.unlink(sink.tmp)


def commit_all(sinks: list[Output]) -> None:
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


def _worker_loop(conn) -> None:
    _worker_init()
    try:
        while (task := conn.recv()) is not None:
            try:
                answer = run_part(*task)
            except Exception as e:  # e.g. a full disk: raised in the parent, which reports it and cleans up
                answer = e
            conn.send(answer)
    except (EOFError, BrokenPipeError):  # the parent is gone (killed): nobody to answer
        pass


class _Workers:
    """Partitions through N processes in order, each process with its own pipe and at most two partitions in
    flight. Only descriptions of partitions go out and only counts come back: the workers read the documents
    and write the part files themselves. No queue locks or helper threads: kill() stops every worker at once,
    whatever they were doing, and nothing is left to wait for (mp.Pool and ProcessPoolExecutor can hang when a
    worker dies holding a queue lock or a feeder thread is blocked on a full pipe)."""

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

    def map(self, parts, outs: list[tuple[str, str]], lang: str | None):
        """(index, part) pairs in, (index, part, run_part's answer) out, in the same order."""
        from collections import deque

        it = iter(parts)
        jobs = len(self.conns)
        flight: deque = deque()
        sent = received = 0

        def send() -> None:
            nonlocal sent
            if (item := next(it, None)) is not None:
                index, part = item
                self.conns[sent % jobs].send((part, index, outs, lang))
                flight.append(item)
                sent += 1

        for _ in range(2 * jobs):
            send()
        while flight:
            k = received % jobs  # partitions go round the workers, so each answers in turn
            try:
                result = self.conns[k].recv()
            except EOFError:
                raise RuntimeError(f"worker process {self.procs[k].pid} died (exit code {self.procs[k].exitcode})"
                                   ) from None
            received += 1
            if isinstance(result, Exception):
                raise result
            index, part = flight.popleft()
            send()
            yield index, part, result

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


class _Ledger:
    """The ids of the partitions taken so far, in input order. A table row whose id an earlier partition took
    is that row's error, as when one process reads everything: its partition is run again (here, rarely)
    with those ids marked taken."""

    def __init__(self, outs: list[tuple[str, str]], lang: str | None):
        self.seen: dict[str, str] = {}
        self.outs, self.lang = outs, lang

    def settle(self, index: int, part: Part, result: dict) -> dict:
        if part.fmt != "files":
            clash = {k: self.seen[k] for k, _ in result["ids"] if k in self.seen}
            if clash:
                result = run_part(part, index, self.outs, self.lang, taken=clash)
            ids = result["ids"]
        elif any(k in self.seen for k, _ in part.files):
            ids, errors = self._rename(part.files)
            result = run_part(replace(part, files=ids), index, self.outs, self.lang)
            result["errors"] = errors + result["errors"]
        else:
            ids = part.files
        for k, w in ids:
            self.seen.setdefault(k, w)
        return result

    def _rename(self, files: list[tuple[str, str]]) -> tuple[list, list[str]]:
        """A file whose id a table row took is named by its path, as _Ids.file names the second of two files."""
        mine = {k for k, _ in files}
        kept, errors = [], []
        for doc_id, path in files:
            if doc_id in self.seen:
                alt = Path(os.path.relpath(path)).with_suffix("").as_posix()
                if alt in self.seen or alt in mine:
                    errors.append(f"{path}: its id {doc_id!r} is already taken by {self.seen[doc_id]}; rename one")
                    continue
                doc_id = alt
            kept.append((doc_id, path))
        return kept, errors


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
        from .distributed import dask_map, missing

        if missing():
            print("kztrade extract: --engine dask needs dask[distributed]: pip install 'kztrade[dask]'",
                  file=sys.stderr)
            return 2

    n_docs = n_claims = n_excluded = n_parts = 0
    errors: list[str] = []
    show = sys.stderr.isatty() if progress is None else progress

    def good_parts():
        for p in plan(inputs, published, jobs, partitions if engine == "dask" else None):
            if isinstance(p, InputError):
                errors.append(str(p))
                print(f"kztrade extract: skipped: {p}", file=sys.stderr)
            else:
                yield p

    old_handlers = {}
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGTERM, signal.SIGHUP):
            old_handlers[sig] = signal.signal(sig, _raise_interrupted)
    outs: list[Output] = []
    pool = results = bar = None
    try:
        outs.append(Output(Path(output), "claims"))
        if tokens_out:
            outs.append(Output(Path(tokens_out), "tokens"))
        specs = [o.spec for o in outs]
        ledger = _Ledger(specs, lang)
        bar = tqdm(unit="doc", disable=not show, file=sys.stderr, desc="extract")
        parts = good_parts()
        head = list(itertools.islice(parts, jobs))  # never more processes than partitions
        jobs = max(1, min(jobs, len(head)))
        stream = enumerate(itertools.chain(head, parts))
        if engine == "dask":
            results = dask_map(stream, specs, lang, jobs, scheduler)
        elif jobs > 1:
            pool = _Workers(jobs)
            results = pool.map(stream, specs, lang)
        else:
            results = ((i, p, run_part(p, i, specs, lang)) for i, p in stream)
        for index, part, r in results:
            r = ledger.settle(index, part, r)
            bar.update(r["docs"] + len(r["errors"]))
            for err in r["errors"]:
                errors.append(err)
                print(f"kztrade extract: skipped: {err}", file=sys.stderr)
            n_docs += r["docs"]
            n_claims += r["claims"]
            n_excluded += r["excluded"]
            n_parts += 1
            for o, sizes in zip(outs, r["sizes"]):
                o.take(index, sizes)
        if pool is not None:
            pool.close()
            pool = None
        if n_docs == 0:  # nothing read: an earlier output stays as it was
            for s in outs:
                s.abort()
            if not errors:
                errors.append("no documents")
            print(f"kztrade extract: no document could be read ({len(errors)} errors); nothing written",
                  file=sys.stderr)
            return 2
        commit_all(outs)
    except BaseException as exc:
        if pool is not None:
            pool.kill()
        if results is not None and hasattr(results, "close"):
            results.close()  # a Dask cluster of our own is shut down
        for s in outs:
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
    where = f"{output}/ ({n_parts} partitions)" if engine == "dask" else output
    print(f"kztrade extract: {n_docs} documents, {n_claims} claims, {n_excluded} excluded tokens, "
          f"{len(errors)} errors -> {where}", file=sys.stderr)
    return 1 if errors else 0
