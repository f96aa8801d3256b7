"""Where `kztrade extract` may write: it never removes or replaces anything it did not create.

A folder output carries a marker file; only a folder holding that marker and nothing but part files may be
replaced without --overwrite. A file output is replaced only when it is a table kztrade wrote (its header or
parquet schema is the claims or tokens table) or with --overwrite. An output that is, contains or lies
inside an input is refused even with --overwrite. Temporary files carry kztrade's name and the writer's
process id, so those left by a killed run can be recognised and swept without touching anyone else's.
"""
from __future__ import annotations

import glob
import os
import re
import shutil
from pathlib import Path

from .sources import InputError

FILE_SUFFIXES = (".parquet", ".csv")
MARKER = ".kztrade-output"
MARKER_TEXT = ("This folder was written by `kztrade extract`. kztrade replaces it on a later run only while it "
               "holds nothing but its part files and this marker.\n")
TMP_TAG = ".kztrade-tmp-"
_PART = re.compile(r"part-\d{5}\.parquet\Z")
_TMP = re.compile(r"\..+" + re.escape(TMP_TAG) + r"(\d+)-[^/]*\Z")
SUPPORTED = "OUT.parquet, OUT.csv, or a folder of parquet parts (OUT/ or a name without a suffix)"


def kind(path: str) -> str:
    """'parquet', 'csv' or 'folder' for an output path; InputError for a suffix kztrade cannot write."""
    if path.endswith(("/", os.sep)):
        return "folder"
    suffix = Path(path).suffix
    if suffix.lower() in FILE_SUFFIXES:
        return suffix.lower()[1:]
    if suffix == "":
        return "folder"
    raise InputError(f"{path}: kztrade cannot write {''.join(Path(path).suffixes)!r} files; "
                     f"the output is one of {SUPPORTED}")


def tmp_prefix(target: Path) -> str:
    return f".{target.name}{TMP_TAG}{os.getpid()}-"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep_stale(folder: Path, name: str) -> list[Path]:
    """Remove temporary files and folders kztrade left beside `name` in a run that was killed (SIGKILL)."""
    gone = []
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return gone
    for p in entries:
        m = _TMP.match(p.name)
        if m is None or not p.name.startswith(f".{name}{TMP_TAG}") or _alive(int(m.group(1))):
            continue
        if p.is_dir() and not p.is_symlink():
            shutil.rmtree(p, ignore_errors=True)
        else:
            p.unlink(missing_ok=True)
        gone.append(p)
    return gone


def _input_paths(inputs: list[str]) -> list[Path]:
    paths = []
    for item in inputs:
        if os.path.lexists(item):
            paths.append(Path(item))
        elif any(ch in item for ch in "*?["):
            paths += [Path(f) for f in glob.glob(item, recursive=True)]
    return [Path(os.path.realpath(p)) for p in paths]


def _inside(child: Path, parent: Path) -> bool:
    return child == parent or parent in child.parents


def is_kztrade_folder(path: Path) -> bool:
    if not (path / MARKER).is_file():
        return False
    return all(p.name == MARKER or (_PART.match(p.name) and p.is_file()) for p in path.iterdir())


def _is_kztrade_table(path: Path, fmt: str) -> bool:
    from .metadata.resources import RESOURCES

    headers = {tuple(RESOURCES[t]["fields"]) for t in ("claims", "tokens")}
    try:
        if fmt == "csv":
            with path.open("rb") as f:
                first = f.readline(1 << 16).decode("utf-8").rstrip("\r\n")
            return tuple(first.split(",")) in headers
        import pyarrow.parquet as pq

        return tuple(pq.read_schema(path).names) in headers
    except Exception:  # unreadable, not a table: certainly not one of ours
        return False


def check(inputs: list[str], output: str, tokens: str | None = None, overwrite: bool = False,
          folder_only: bool = False) -> None:
    """Refuse (InputError) any output that could destroy a file kztrade did not write."""
    srcs = _input_paths(inputs)
    outs = [("-o", output)] + ([("--tokens", tokens)] if tokens else [])
    real = {}
    for flag, out in outs:
        fmt = kind(out)
        if folder_only and fmt != "folder":
            raise InputError(f"{out}: --engine dask writes a folder of parquet parts; give a folder "
                             f"({Path(out).with_suffix('')}/)")
        p = Path(os.path.realpath(out))
        real[flag] = p
        for s in srcs:
            if _inside(s, p) or _inside(p, s):
                what = "is" if s == p else "contains" if _inside(s, p) else "lies inside"
                raise InputError(f"{out}: the output ({flag}) {what} the input {s}; write it elsewhere")
        cwd = Path(os.path.realpath(os.getcwd()))
        if _inside(cwd, p):
            raise InputError(f"{out}: the output ({flag}) would replace the current folder or one holding it")
        if not os.path.lexists(p):
            continue
        if fmt == "folder":
            if not p.is_dir():
                raise InputError(f"{out}: exists and is not a folder; a folder output never replaces a file "
                                 f"(the output is one of {SUPPORTED})")
            if not (overwrite or is_kztrade_folder(p)):
                raise InputError(f"{out}: the folder exists and was not written by kztrade (or holds other files "
                                 "since); choose a new folder, or pass --overwrite to replace it and everything in it")
        else:
            if p.is_dir():
                raise InputError(f"{out}: is a folder; kztrade will not replace a folder with a file")
            if not (overwrite or _is_kztrade_table(p, fmt)):
                raise InputError(f"{out}: exists and is not a table kztrade wrote; choose another name, or pass "
                                 "--overwrite to replace it")
    if tokens:
        a, b = real["-o"], real["--tokens"]
        if _inside(a, b) or _inside(b, a):
            raise InputError(f"--tokens {tokens}: the same place as -o {output} (or inside it); give two outputs")
