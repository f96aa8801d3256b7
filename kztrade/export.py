"""`kztrade export`: the shipped tables for the tools economists use - CSV, parquet, Stata, Excel.

Every format writes one file per table, `dictionary.csv` (each column's dtype, R and Stata type, label and
description, from metadata/fields.py) and `README.txt` (what each table is and its licence). The folder is
written beside its target under a temporary name and swapped in whole, with the same rules as
`kztrade extract` (outputs.py): an existing folder is replaced only when kztrade's export wrote it and it holds
nothing else, or with --overwrite; never a file, the package's own data, or a folder holding the current one.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from importlib import resources
from pathlib import Path

from .sources import InputError

FORMATS = {"csv": ".csv", "parquet": ".parquet", "stata": ".dta", "excel": ".xlsx"}
EXCEL_FILE = "kztrade.xlsx"
EXTRA_FILES = ("dictionary.csv", "README.txt")
MARKER_TEXT = ("This folder was written by `kztrade export`. kztrade replaces it on a later export only while it "
               "holds nothing but the files an export writes and this marker.\n")
STATA_STR_MAX = 2045  # bytes in a Stata str#; longer strings must be strL
EXCEL_CELL_MAX = 32767  # characters in one Excel cell
_READR = {"string": "c", "Int64": "i", "Float64": "d", "boolean": "l"}


def _package_data() -> Path:
    with resources.as_file(resources.files("kztrade").joinpath("data")) as p:
        return Path(p)


def _export_names() -> set[str]:
    from .metadata.resources import RESOURCES

    names = {f"{t}{suffix}" for t in RESOURCES for suffix in FORMATS.values()}
    return names | {EXCEL_FILE, *EXTRA_FILES}


def is_export_folder(path: Path) -> bool:
    """A folder an earlier export wrote: its marker, and only files an export writes."""
    from .outputs import MARKER

    marker = path / MARKER
    if not marker.is_file() or marker.read_text(encoding="utf-8", errors="replace") != MARKER_TEXT:
        return False
    names = _export_names()
    return all(p.name == MARKER or (p.name in names and p.is_file() and not p.is_symlink()) for p in path.iterdir())


def dictionary(tables: list[str]):
    """One row per column of each table: dtype, R (readr) and Stata types, label and description."""
    import pandas as pd

    from .frames import pandas_dtypes
    from .metadata.resources import RESOURCES, field, label

    rows = []
    for t in tables:
        res, dtypes = RESOURCES[t], pandas_dtypes(t)
        optional = set(res.get("optional", ()))
        for c in res["fields"]:
            f = field(t, c)
            rows.append({"table": t, "column": c, "dtype": dtypes[c], "readr": _READR[dtypes[c]],
                         "stata": {"string": "str", "Int64": "long (double where a value is missing)",
                                   "Float64": "double", "boolean": "byte"}[dtypes[c]],
                         "required": bool(f["constraints"].get("required")) and c not in optional,
                         "label": label(t, c), "description": f["description"]})
    return pd.DataFrame(rows)


def readme_lines(tables: list[str], fmt: str) -> list[str]:
    """What the folder holds and under which licence, in plain lines (README.txt; the Excel README sheet)."""
    import kztrade

    from .metadata.resources import RESOURCES

    out = [f"kztrade {kztrade.__version__}: quantitative claims about Russia-Kazakhstan trade, with citations.",
           f"Exported as {fmt}. Columns, types and labels: dictionary.csv (in Excel: below).", "",
           "Tables and licences:"]
    for t in tables:
        lic = "; ".join(x["title"] + (f" ({x['path']})" if x.get("path") else "") for x in RESOURCES[t]["licenses"])
        out.append(f"  {t}: {RESOURCES[t]['description']} Licence: {lic}.")
    out += ["", "Cite the articles as in the citation column, or with kztrade.cite(claim_id, style='bibtex').",
            "An empty cell is a missing value. Offsets (char_start, char_end) count Python str characters of "
            "the article text.", ""]
    if fmt == "stata":
        out.append("Stata 14 or later (format 118, UTF-8). A missing string is empty (\"\"); an integer column "
                   "with missing values is stored as double. Text longer than 2045 bytes is strL.")
    if fmt == "excel":
        out.append(f"Excel: the texts sheet holds each article in pieces of at most {EXCEL_CELL_MAX} characters "
                   "(one row each, char_start giving where the piece begins); control characters Excel cannot "
                   "hold are shown as U+FFFD, one for one, so offsets still hold.")
    if fmt == "csv":
        out.append("CSV: UTF-8, comma-separated, header row; read with the dtypes of dictionary.csv and only "
                   "the empty string as missing (pandas: keep_default_na=False, na_values=['']).")
    return out


def _stata(df, table: str, path: Path) -> None:
    import pandas as pd

    from .metadata.resources import RESOURCES, label

    df = df.copy()
    strl = []
    for c in df.columns:
        if isinstance(df[c].dtype, pd.StringDtype):
            df[c] = df[c].fillna("").astype(object)
            if len(df) and df[c].map(lambda s: len(s.encode("utf-8"))).max() > STATA_STR_MAX:
                strl.append(c)
        elif isinstance(df[c].dtype, pd.Int64Dtype):
            df[c] = df[c].astype("float64") if df[c].isna().any() else df[c].astype("int64")
        elif isinstance(df[c].dtype, pd.Float64Dtype):
            df[c] = df[c].astype("float64")
        elif isinstance(df[c].dtype, pd.BooleanDtype):
            df[c] = df[c].astype("float64") if df[c].isna().any() else df[c].astype("int8")
    desc = RESOURCES[table]["description"]
    data_label = desc if len(desc) <= 80 else desc[:79].rsplit(" ", 1)[0] + "…"
    df.to_stata(path, write_index=False, version=118, convert_strl=strl, data_label=data_label,
                variable_labels={c: label(table, c) for c in df.columns})


def _excel_cell(v):
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("\ufffd", v) if isinstance(v, str) else v


def _excel_sheet(df, table: str):
    import pandas as pd

    if table == "texts":
        rows = [{"source_id": r.source_id, "char_start": i, "text": r.text[i:i + EXCEL_CELL_MAX]}
                for r in df.itertuples(index=False) for i in range(0, max(len(r.text), 1), EXCEL_CELL_MAX)]
        df = pd.DataFrame(rows, columns=["source_id", "char_start", "text"])
    for c in df.columns:
        if isinstance(df[c].dtype, pd.StringDtype):
            too_long = df[c].str.len() > EXCEL_CELL_MAX
            if too_long.any():
                raise InputError(f"{table}.{c}: row {int(too_long.idxmax()) + 1} holds "
                                 f"{int(df[c].str.len().max())} characters, more than an Excel cell takes "
                                 f"({EXCEL_CELL_MAX}); export as csv, parquet or stata instead")
            df[c] = df[c].astype(object).map(_excel_cell)
    return df


def _excel(frames: dict, path: Path, fmt: str) -> None:
    import pandas as pd

    tables = list(frames)
    with pd.ExcelWriter(path, engine="openpyxl") as xw:
        book = xw.book
        ws = book.create_sheet("README")
        for line in readme_lines(tables, fmt):
            ws.append([line])
        ws.append([])
        d = dictionary(tables)
        ws.append(list(d.columns))
        for row in d.itertuples(index=False):
            ws.append([_excel_cell(v) for v in row])
        for t, df in frames.items():
            _excel_sheet(df, t).to_excel(xw, sheet_name=t, index=False)
            xw.sheets[t].freeze_panes = "A2"


def _write(folder: Path, fmt: str, tables: list[str]) -> None:
    import kztrade

    data = _package_data()
    if fmt in ("csv", "parquet"):  # the shipped files are the tables with their documented dtypes, byte for byte
        for t in tables:
            shutil.copyfile(data / f"{t}.{fmt}", folder / f"{t}.{fmt}")
    elif fmt == "stata":
        for t in tables:
            _stata(kztrade.load(t), t, folder / f"{t}.dta")
    else:
        _excel({t: kztrade.load(t) for t in tables}, folder / EXCEL_FILE, fmt)
    dictionary(tables).to_csv(folder / "dictionary.csv", index=False, lineterminator="\n")
    (folder / "README.txt").write_text("\n".join(readme_lines(tables, fmt)) + "\n", encoding="utf-8")


def export(fmt: str, out: str, overwrite: bool = False) -> list[Path]:
    """Write every shipped table to the folder `out` in `fmt` (csv, parquet, stata or excel); returns the
    files written. Raises InputError where the folder may not be written."""
    import kztrade

    from .corpus import _replace_dir
    from .outputs import MARKER, check, kind, sweep_stale, tmp_prefix

    if fmt not in FORMATS:
        raise InputError(f"{fmt!r} is not a format kztrade exports; choose one of {', '.join(FORMATS)}")
    if fmt == "excel":
        try:
            import openpyxl  # noqa: F401
        except ImportError:
            raise InputError("Excel export needs openpyxl: pip install 'kztrade[export]'") from None
    try:
        out_kind = kind(out)
    except InputError:
        out_kind = "file"
    if out_kind != "folder":
        raise InputError(f"{out}: --out is a folder (a name without a suffix, or ending in /); each table "
                         "becomes a file in it")
    target = Path(out.rstrip("/" + os.sep) or out)
    # the package's own tables are the input: an export never lands in, on or around them
    mine = os.path.lexists(target) and target.is_dir() and not target.is_symlink() and is_export_folder(target)
    try:
        check([str(_package_data())], out, overwrite=overwrite or mine)
    except InputError as e:  # outputs.check names extract's flag
        raise InputError(str(e).replace("(-o)", "(--out)")) from None
    target.parent.mkdir(parents=True, exist_ok=True)
    sweep_stale(target.parent, target.name)
    tables = kztrade.tables()
    tmp = Path(tempfile.mkdtemp(dir=target.parent, prefix=tmp_prefix(target)))
    try:
        os.chmod(tmp, 0o755)  # mkdtemp makes 0700; an export is for everyone to read
        _write(tmp, fmt, tables)
        (tmp / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
        _replace_dir(str(tmp), target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return sorted(p for p in target.iterdir() if p.name != MARKER)
