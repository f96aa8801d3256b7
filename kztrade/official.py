"""The official trade statistics of both partners, read at build time from a file the user points to.

The series is never copied into the project or the wheel: the build reads it from a path (``kztrade build
--official PATH``, else the environment variable KZTRADE_OFFICIAL, else ``../shared/official_series/series.csv``
beside the project), records its sha256 in datapackage.json and uses it only for the reconciliation.

Expected format (README: Official series), long, one row per reporter, flow and year:

    year, flow, exporter, importer, value_usd, reporter, source

``flow`` is seen from the reporter: ``exports`` (reporter = exporter), ``imports`` (reporter = importer) or
``turnover`` (the reporter's exports + imports; exporter/importer hold the pair). ``reporter`` is whose
statistics the number is, so each direction of trade appears twice - once in each partner's report (mirror
statistics). Other columns are ignored. Where several ``source`` values cover the same reporter, flow and year,
the source that reaches the latest year (the newest vintage) is used.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from .sources import InputError

ENV = "KZTRADE_OFFICIAL"
DEFAULT = Path("..") / "shared" / "official_series" / "series.csv"
COLUMNS = ("year", "flow", "exporter", "importer", "value_usd", "reporter", "source")
FLOWS = ("exports", "imports", "turnover")


class OfficialSeriesError(InputError):
    """The official series file exists but does not have the documented long format."""


@dataclass(frozen=True)
class Official:
    """The series as the reconciliation uses it, and where it came from."""

    frame: object          # pandas DataFrame: COLUMNS plus `series` (the key the claims use)
    path: Path
    sha256: str
    sources: tuple         # the source kept for each reporter, in reporter order

    def provenance(self) -> dict:
        # no absolute path: a rebuild elsewhere with the same file must write the same datapackage.json
        return {"file": self.path.name, "sha256": self.sha256, "rows": int(len(self.frame)),
                "years": [int(self.frame["year"].min()), int(self.frame["year"].max())],
                "reporters": sorted(self.frame["reporter"].unique().tolist()), "sources": sorted(set(self.sources))}


def resolve(root: Path | None = None, path: str | Path | None = None) -> Path:
    """The file to read: an explicit path, else $KZTRADE_OFFICIAL, else the default beside the project."""
    if path:
        return Path(path)
    if os.environ.get(ENV):
        return Path(os.environ[ENV])
    if root is None:
        root = project_root()
    return Path(root) / DEFAULT


def project_root() -> Path:
    """The project folder: the nearest folder holding seeds/ from the working directory up, else the folder
    above the package (an editable install)."""
    here = Path.cwd().resolve()
    for d in (here, *here.parents):
        if (d / "seeds").is_dir() and (d / "kztrade").is_dir():
            return d
    return Path(__file__).resolve().parents[1]


def missing_message(path: Path) -> str:
    """The one line the build prints, and the stale-data test skips with, when the series is absent."""
    return (f"official series not found at {path}: building without the `official` checks "
            f"(point --official PATH or ${ENV} at a file in the long format of README: Official series)")


def series_key(flow: str, exporter: str, importer: str) -> tuple:
    """The key the reconciliation groups levels by: two-way turnover of a pair, or one direction."""
    if flow == "turnover":
        return ("turnover",) + tuple(sorted((exporter, importer)))
    return ("flow", exporter, importer)


def read(path: str | Path) -> Official:
    """Read and check the series; raises FileNotFoundError if absent, OfficialSeriesError if malformed."""
    import pandas as pd

    path = Path(path)
    data = path.read_bytes()
    df = pd.read_csv(path, dtype={"flow": "string", "exporter": "string", "importer": "string",
                                  "reporter": "string", "source": "string"})
    missing = [c for c in COLUMNS if c not in df.columns]
    if missing:
        raise OfficialSeriesError(f"{path}: missing column(s) {', '.join(missing)}; expected {', '.join(COLUMNS)}")
    df = df[list(COLUMNS)].copy()
    problems = []
    bad_flow = ~df["flow"].isin(FLOWS)
    if bad_flow.any():
        problems.append(f"flow must be one of {', '.join(FLOWS)} ({_rows(bad_flow)})")
    year = pd.to_numeric(df["year"], errors="coerce")
    value = pd.to_numeric(df["value_usd"], errors="coerce")
    if year.isna().any() or (year % 1 != 0).any():
        problems.append(f"year must be a whole number ({_rows(year.isna() | (year % 1 != 0))})")
    if value.isna().any() or (value < 0).any():
        problems.append(f"value_usd must be a number >= 0 ({_rows(value.isna() | (value < 0))})")
    side = ((df["flow"] == "exports") & (df["reporter"] != df["exporter"])) | \
           ((df["flow"] == "imports") & (df["reporter"] != df["importer"]))
    if side.any():
        problems.append(f"an exports row is the exporter's report and an imports row the importer's "
                        f"({_rows(side)})")
    if problems:
        raise OfficialSeriesError(f"{path}: " + "; ".join(problems))
    df["year"] = year.astype("int64")
    df["value_usd"] = value.astype("float64")
    df["source"] = df["source"].fillna("")
    # newest vintage per reporter: the source whose data reach furthest, then the one with most rows
    reach = df.groupby(["reporter", "source"])["year"].agg(["max", "size"]).reset_index()
    reach = reach.sort_values(["reporter", "max", "size", "source"], ascending=[True, False, False, True])
    keep = reach.drop_duplicates("reporter")
    df = df.merge(keep[["reporter", "source"]], on=["reporter", "source"])
    df["series"] = [series_key(f, e, i) for f, e, i in zip(df["flow"], df["exporter"], df["importer"])]
    dup = df.duplicated(["series", "year", "reporter"], keep=False)
    if dup.any():
        raise OfficialSeriesError(f"{path}: more than one value for the same reporter, flow and year "
                                  f"({df.loc[dup, ['year', 'flow', 'reporter']].head(3).to_dict('records')})")
    df = df.sort_values(["year", "flow", "exporter", "importer", "reporter"]).reset_index(drop=True)
    return Official(df, path, hashlib.sha256(data).hexdigest(), tuple(keep["source"]))


def load(path: str | Path | None = None, root: Path | None = None) -> Official | None:
    """The series from path (or $KZTRADE_OFFICIAL, or the default beside the project); None if absent."""
    p = resolve(root, path)
    if not p.is_file():
        return None
    return read(p)


def lookup(official: Official | None) -> dict:
    """{(series, year): {reporter: value_usd}}: what each reporter's statistics give for a level."""
    out: dict = {}
    if official is None:
        return out
    f = official.frame
    for s, y, r, v in zip(f["series"], f["year"], f["reporter"], f["value_usd"]):
        out.setdefault((s, int(y)), {})[r] = float(v)
    return out


def _rows(mask) -> str:
    idx = [str(i + 2) for i in mask[mask].index[:5]]  # +2: the header is line 1 of the file
    return "lines " + ", ".join(idx) + (" ..." if mask.sum() > 5 else "")
