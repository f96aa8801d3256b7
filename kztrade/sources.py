"""Reading articles and the seeds/ metadata, with a clear error for every way input can be bad."""
from __future__ import annotations

import csv
import hashlib
import io
import re
import stat
from pathlib import Path

MAX_BYTES = 512 * 1024 * 1024  # one article larger than this is an archive, not an article


class InputError(ValueError):
    """An input kztrade cannot use; the message names the file and what is wrong with it."""


def _utf16(data: bytes) -> str | None:
    """'UTF-16LE'/'UTF-16BE' when the bytes read as text in that encoding (after a byte-order mark, or with
    the NUL bytes that any UTF-16 text of blanks or Latin letters has); None otherwise."""
    bom = {b"\xff\xfe": "UTF-16LE", b"\xfe\xff": "UTF-16BE"}.get(data[:2])
    if bom is None and b"\x00" not in data[:4096]:
        return None
    body = data[2:] if bom else data
    for enc in [bom] if bom else ["UTF-16LE", "UTF-16BE"]:
        head = body[:8192]
        try:
            text = head.decode(enc.lower())
        except UnicodeDecodeError:
            continue
        # alphabetic scripts and blanks, not the CJK or control characters that other bytes turn into
        if text and sum(c.isprintable() and ord(c) < 0x2000 or c in "\n\r\t" for c in text) >= 0.9 * len(text):
            return enc
    return None


def decode(data: bytes, name: str) -> str:
    if not data:
        raise InputError(f"{name}: empty file (0 bytes)")
    if (enc := _utf16(data)) is not None:
        raise InputError(f"{name}: {enc} text, not UTF-8; re-encode the file as UTF-8 "
                         f"(e.g. iconv -f {enc} -t UTF-8)")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(f"{name}: binary file, not text (NUL byte at byte offset {nul})")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        bad = data[e.start:e.end]
        raise InputError(f"{name}: not UTF-8 text: invalid byte {bad[:1].hex(' ')} at byte offset {e.start} "
                         f"({e.reason}); re-encode the file as UTF-8") from None


def read_article(path: str | Path) -> str:
    p = Path(path)
    try:
        st = p.stat()
        if not stat.S_ISREG(st.st_mode) and not stat.S_ISDIR(st.st_mode):
            raise InputError(f"{p}: not a regular file (a FIFO, socket or device); skipped (never read)")
        if st.st_size > MAX_BYTES:
            raise InputError(f"{p}: {st.st_size / 1e6:.0f} MB is larger than the {MAX_BYTES / 1e6:.0f} MB limit "
                             "for one article; split it into documents (a folder, .jsonl or .parquet)")
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{p}: no such file (was it moved or deleted?)") from None
    except IsADirectoryError:
        raise InputError(f"{p}: is a folder, not a text file") from None
    except PermissionError:
        raise InputError(f"{p}: permission denied") from None
    except OSError as e:
        raise InputError(f"{p}: cannot be read: {e.strerror or e}") from None
    return decode(data, str(p))


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# columns of seeds/sources.csv: the sources table's, less what the build computes
COMPUTED = ("n_chars", "lang", "citation")
_SOURCE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
_PRECISION = {4: "year", 7: "month", 10: "day"}


def metadata_columns() -> list[str]:
    from .metadata.resources import RESOURCES

    return [c for c in RESOURCES["sources"]["fields"] if c not in COMPUTED]


def _cell_problem(col: str, value: str) -> str | None:
    """What is wrong with one cell of sources.csv, from the sources table's field constraints."""
    from .metadata.resources import field

    f = field("sources", col)
    con = f["constraints"]
    if value == "":
        return "is empty but required" if con.get("required") else None
    if value != value.strip():
        return f"{value!r} has leading or trailing blanks"
    if col == "source_id" and not _SOURCE_ID.fullmatch(value):
        return f"{value!r} is not an id (letters, digits, '_', '.', '-')"
    if f["type"] == "integer":
        if not re.fullmatch(r"\d+", value):
            return f"{value!r} is not a whole number"
        if int(value) < con.get("minimum", 0):
            return f"{value} is below {con['minimum']}"
    if "enum" in con and value not in con["enum"]:
        return f"{value!r} is not one of {', '.join(con['enum'])}"
    if "pattern" in con and not re.search(con["pattern"], value):
        return f"{value!r} does not match {con['pattern']}"
    if col == "published":
        import datetime as dt

        try:
            dt.date.fromisoformat(value + "-01-01"[len(value) - 4:] if len(value) < 10 else value)
        except ValueError as e:
            return f"{value!r} is not a date ({e})"
    return None


def read_metadata(seeds: Path) -> list[dict]:
    """The rows of seeds/sources.csv, each checked: a defect stops the build naming file, row, column and
    problem (a short row would otherwise wipe that article's date and every claim's year)."""
    meta_path = seeds / "sources.csv"
    if not meta_path.exists():
        raise InputError(f"{meta_path}: seed metadata file not found")
    try:
        text = meta_path.read_bytes().decode("utf-8-sig")  # -sig: Excel's "CSV UTF-8" starts with a BOM
    except UnicodeDecodeError as e:
        raise InputError(f"{meta_path}: not UTF-8 text (invalid byte at byte offset {e.start}); save it as "
                         "CSV UTF-8") from None
    records = list(csv.reader(io.StringIO(text, newline="")))
    if not records:
        raise InputError(f"{meta_path}: empty; the first line names the columns {', '.join(metadata_columns())}")
    header, body = records[0], records[1:]
    want = metadata_columns()
    if header != want:
        missing = [c for c in want if c not in header]
        unknown = [c for c in header if c not in want]
        detail = "; ".join(x for x in (f"missing {', '.join(missing)}" if missing else "",
                                       f"unknown {', '.join(map(repr, unknown))}" if unknown else "",
                                       "columns out of order" if not (missing or unknown) else "") if x)
        raise InputError(f"{meta_path}: row 1 (the header): {detail}; the columns are {', '.join(want)}")
    problems, rows, numbers = [], [], []
    for n, rec in enumerate(body, 2):  # row numbers as a spreadsheet shows them (the header is row 1)
        if not rec or rec == [""]:
            continue
        if len(rec) != len(want):
            problems.append(f"row {n}: {len(rec)} fields where the header has {len(want)} "
                            f"(source_id {rec[0]!r}); quote any field holding a comma")
            continue
        row = dict(zip(want, rec))
        for col in want:
            if (p := _cell_problem(col, row[col])) is not None:
                problems.append(f"row {n}, column {col}: {p}")
        pub, prec = row["published"], row["published_precision"]
        if pub and prec and _PRECISION.get(len(pub)) != prec:
            problems.append(f"row {n}, column published_precision: {prec!r} but published {pub!r} is given "
                            f"to the {_PRECISION.get(len(pub), '?')}")
        rows.append(row)
        numbers.append(n)
    if problems:
        raise InputError(f"{meta_path}: " + ("\n  ".join([f"{len(problems)} problems:", *problems])
                                              if len(problems) > 1 else problems[0]))
    listed = [r["file"] for r in rows]
    on_disk = sorted(p.name for p in seeds.glob("*.txt"))
    missing = sorted(set(listed) - set(on_disk))
    extra = sorted(set(on_disk) - set(listed))
    if missing:
        raise InputError(f"{meta_path}: lists {', '.join(missing)} but {seeds} has no such file")
    if extra:
        raise InputError(f"{seeds}: {', '.join(extra)} not described in {meta_path.name}; add a row for each "
                         "article (source_id, file, sha256, ...)")
    for col in ("source_id", "file"):
        seen: dict[str, int] = {}
        for n, r in zip(numbers, rows):
            if r[col] in seen:
                raise InputError(f"{meta_path}: row {n}, column {col}: {r[col]!r} used twice (also row "
                                 f"{seen[r[col]]})")
            seen[r[col]] = n
    return rows


def read_seed(seeds: Path, row: dict) -> tuple[str, str]:
    """(text, sha256) of one seed, refusing a file that differs from its recorded checksum."""
    path = seeds / row["file"]
    data = path.read_bytes()
    digest = sha256(data)
    if digest != row["sha256"]:
        raise InputError(f"{path}: sha256 {digest} differs from {row['sha256']} recorded in sources.csv; "
                         "seeds are read-only copies of the articles - restore the file (git checkout seeds/)")
    return decode(data, str(path)), digest
