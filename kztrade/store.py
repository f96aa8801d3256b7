"""Writing tables: parquet with an explicit schema, CSV copies, datapackage.json - each file atomically, and a
folder of tables as a whole: written beside the old one and swapped in, so a reader sees one build or the other."""
from __future__ import annotations

import errno
import hashlib
import io
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

from .frames import arrow_schema
from .metadata.resources import RESOURCES, field


def atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary file beside path, then rename: a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; tables are for everyone to read
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def parquet_bytes(table: str, df) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    t = pa.Table.from_pandas(df, schema=arrow_schema(table), preserve_index=False)
    buf = io.BytesIO()
    # no timestamps or writer-dependent statistics, so a rebuild is byte-identical
    pq.write_table(t, buf, compression="zstd", write_statistics=False, store_schema=True)
    return buf.getvalue()


def csv_bytes(df) -> bytes:
    return df.to_csv(index=False, lineterminator="\n").encode("utf-8")


def table_files(table: str, df) -> dict[str, bytes]:
    return {f"{table}.parquet": parquet_bytes(table, df), f"{table}.csv": csv_bytes(df)}


def datapackage(files: dict[str, bytes], provenance: dict) -> bytes:
    """A Frictionless Data Package describing each table's CSV, with its parquet twin noted."""
    resources = []
    for name, res in RESOURCES.items():
        if f"{name}.csv" not in files:
            continue
        optional = set(res.get("optional", ()))
        fields = []
        for c in res["fields"]:
            f = field(name, c)
            con = dict(f["constraints"])
            if c in optional:
                con.pop("required", None)
            fields.append({"name": c, "type": f["type"], "description": f["description"],
                           **({"constraints": con} if con else {})})
        schema = {"fields": fields, "primaryKey": res["primary_key"], "missingValues": [""]}
        if res["foreign_keys"]:
            schema["foreignKeys"] = [{"fields": fk["fields"], "reference": fk["reference"]}
                                     for fk in res["foreign_keys"]]
        data = files[f"{name}.csv"]
        resources.append({
            "name": name, "path": f"{name}.csv", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "description": res["description"], "licenses": res["licenses"], "bytes": len(data),
            "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
            "kztrade:parquet": {"path": f"{name}.parquet",
                                "hash": "sha256:" + hashlib.sha256(files[f"{name}.parquet"]).hexdigest()},
            "schema": schema,
        })
    pkg = {
        "name": "kztrade", "title": "Quantitative claims about Russia-Kazakhstan trade, with citations",
        "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
                      "title": "Tables: Creative Commons Attribution 4.0; article texts remain their "
                               "publishers' and are quoted for citation"}],
        "resources": resources, "kztrade:provenance": provenance,
    }
    return (json.dumps(pkg, indent=1, ensure_ascii=False, sort_keys=False) + "\n").encode("utf-8")


def build_files() -> set[str]:
    """The names a folder of tables may hold: what kztrade build writes there, for any table it defines."""
    return {f"{t}.{ext}" for t in RESOURCES for ext in ("csv", "parquet")} | {"datapackage.json"}


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one system call (Linux renameat2 RENAME_EXCHANGE, macOS renamex_np RENAME_SWAP);
    False where the system or file system has none. Python's os module does not expose either."""
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if sys.platform.startswith("linux") and hasattr(libc, "renameat2"):
            at_fdcwd, rename_exchange = -100, 2
            r = libc.renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
        elif sys.platform == "darwin" and hasattr(libc, "renamex_np"):
            r = libc.renamex_np(os.fsencode(a), os.fsencode(b), 2)
        else:
            return False
    except OSError:  # no C library to load
        return False
    if r == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EXDEV):
        return False
    raise OSError(err, os.strerror(err), str(b))


def _declared(meta: Path) -> set[str]:
    """The files a folder's own datapackage.json names (a table since dropped from kztrade is still its own)."""
    try:
        pkg = json.loads(meta.read_text(encoding="utf-8"))
        return {p for r in pkg["resources"] for p in (r.get("path"), r.get("kztrade:parquet", {}).get("path"))
                if isinstance(p, str) and "/" not in p}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return set()


def check_replaceable(target: Path) -> None:
    """InputError unless target is absent or a folder holding only files kztrade build writes there: a folder
    with anything else in it was not made by kztrade (or holds someone's files since) and is never replaced."""
    from .sources import InputError

    if not os.path.lexists(target):
        return
    if not target.is_dir():
        raise InputError(f"{target}: exists and is not a folder; kztrade build writes its tables into a folder "
                         "there and will not replace it")
    ours = build_files() | _declared(target / "datapackage.json")
    foreign = sorted(p.name for p in target.iterdir() if p.name not in ours or not p.is_file() or p.is_symlink())
    if foreign:
        raise InputError(f"{target}: holds {', '.join(foreign[:5])}{' …' if len(foreign) > 5 else ''}, which "
                         "kztrade build did not write; it replaces this folder as a whole, so move those "
                         "elsewhere first")


def stage_folder(target: Path, files: dict[str, bytes]) -> Path:
    """Every file written into a new temporary folder beside target (named as kztrade's temporary files, so a
    later run removes one a killed run left); datapackage.json last. Returns the folder, not yet in place."""
    from .outputs import sweep_stale, tmp_prefix

    target.parent.mkdir(parents=True, exist_ok=True)
    _recover(target)
    sweep_stale(target.parent, target.name)
    tmp = Path(tempfile.mkdtemp(dir=target.parent, prefix=tmp_prefix(target)))
    try:
        os.chmod(tmp, 0o755)  # mkdtemp makes 0700; tables are for everyone to read
        for name in sorted(files, key=lambda n: n == "datapackage.json"):
            atomic_write(tmp / name, files[name])
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return tmp


def _recover(target: Path) -> None:
    """Put back an old build that a run killed in the middle of swap_in's two renames left aside."""
    from .outputs import TMP_TAG, _alive

    if os.path.lexists(target):
        return
    for aside in sorted(target.parent.glob(f".{target.name}{TMP_TAG}*/{target.name}")):
        pid = aside.parent.name[len(f".{target.name}{TMP_TAG}"):].split("-")[0]
        if pid.isdigit() and not _alive(int(pid)):
            os.rename(aside, target)
            return


def swap_in(staged: Path, target: Path) -> None:
    """Put a staged folder at target in one step; the old folder is removed only after. Where the system
    cannot exchange two folders, the old one is renamed aside first: for that instant target is missing, and
    the old build is whole under a temporary name, put back by the next build if this one is killed there."""
    from .outputs import tmp_prefix

    if not os.path.lexists(target):
        os.rename(staged, target)
        return
    if _exchange(staged, target):
        shutil.rmtree(staged)  # now the old build
        return
    old = Path(tempfile.mkdtemp(dir=target.parent, prefix=tmp_prefix(target)))
    os.rename(target, old / target.name)
    try:
        os.rename(staged, target)
    except BaseException:
        os.rename(old / target.name, target)
        os.rmdir(old)
        raise
    shutil.rmtree(old)


def write_all(out_dirs: list[Path], files: dict[str, bytes]) -> None:
    """Replace each folder with one holding exactly these files, so a reader sees the old tables or the new
    ones, never a mix. Every folder is checked and staged before the first is swapped in."""
    targets = [Path(os.path.realpath(d)) for d in out_dirs]
    for t in targets:
        check_replaceable(t)
    staged: list[Path] = []
    try:
        for t in targets:
            staged.append(stage_folder(t, files))
        for s, t in zip(staged, targets):
            swap_in(s, t)
    except BaseException:
        for s in staged:
            shutil.rmtree(s, ignore_errors=True)
        raise
