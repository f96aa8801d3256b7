"""The outside reference: figures officials stated, copied verbatim into data/raw/reference/."""
from __future__ import annotations

import csv
import re
from pathlib import Path

from .frames import frame
from .sources import InputError

REFERENCE_FILE = Path("data") / "raw" / "reference" / "ru_kz_official_statements.csv"


# what the reference file's `stated_by` says stands behind a figure
_PRESS = re.compile(r"no (?:source|agency) named|press background", re.I)
_AGENCY = re.compile(r"customs|statistic|bureau|committee|\bIMF\b|comtrade|central bank|national bank", re.I)


def source_kind(stated_by: str) -> str:
    """agency_series, official_statement or press_background, from who the reference file says stated it."""
    if _PRESS.search(str(stated_by)):
        return "press_background"
    if _AGENCY.search(str(stated_by)):
        return "agency_series"
    return "official_statement"


def reference_table(root: Path):
    path = Path(root) / REFERENCE_FILE
    if not path.exists():
        raise InputError(f"{path}: reference file not found (copy it from shared/reference with its README)")
    rows = []
    seen: dict[tuple, int] = {}
    with path.open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            key = (r["year"], r["indicator"])
            seen[key] = seen.get(key, 0) + 1
            rows.append({
                "ref_id": f"ref-{r['year']}-{r['indicator']}-{seen[key]}", "year": int(r["year"]),
                "indicator": r["indicator"], "economy": r["economy"], "partner": r["partner"],
                "value_usd": float(r["value_usd"]), "qualifier": r["qualifier"], "basis": r["basis"],
                "stated_by": r["stated_by"], "source_kind": source_kind(r["stated_by"]),
                "source_title": r["source_title"], "source_url": r["source_url"],
            })
    return frame("reference", rows)
