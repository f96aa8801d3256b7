"""Reading articles and the seeds/ metadata, with a clear error for every way input can be bad."""
from __future__ import annotations

import csv
import hashlib
from pathlib import Path

MAX_BYTES = 512 * 1024 * 1024  # one article larger than this is an archive, not an article


class InputError(ValueError):
    """An input kztrade cannot use; the message names the file and what is wrong with it."""


def decode(data: bytes, name: str) -> str:
    if not data:
        raise InputError(f"{name}: empty file (0 bytes)")
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
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{p}: {size / 1e6:.0f} MB is larger than the {MAX_BYTES / 1e6:.0f} MB limit "
                             "for one article; split it into documents (a folder, .jsonl or .parquet)")
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{p}: no such file (was it moved or deleted?)") from None
    except IsADirectoryError:
        raise InputError(f"{p}: is a folder, not a text file") from None
    except PermissionError:
        raise InputError(f"{p}: permission denied") from None
    return decode(data, str(p))


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_metadata(seeds: Path) -> list[dict]:
    meta_path = seeds / "sources.csv"
    if not meta_path.exists():
        raise InputError(f"{meta_path}: seed metadata file not found")
    with meta_path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    listed = [r["file"] for r in rows]
    on_disk = sorted(p.name for p in seeds.glob("*.txt"))
    missing = sorted(set(listed) - set(on_disk))
    extra = sorted(set(on_disk) - set(listed))
    if missing:
        raise InputError(f"{meta_path}: lists {', '.join(missing)} but {seeds} has no such file")
    if extra:
        raise InputError(f"{seeds}: {', '.join(extra)} not described in {meta_path.name}; add a row for each "
                         "article (source_id, file, sha256, ...)")
    dupes = sorted({r["source_id"] for r in rows if [x["source_id"] for x in rows].count(r["source_id"]) > 1})
    if dupes:
        raise InputError(f"{meta_path}: source_id used twice: {', '.join(dupes)}")
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
