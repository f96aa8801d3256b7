from __future__ import annotations

import csv
import os
from pathlib import Path

# notebooks run in kernels started from here; they inherit a non-interactive backend
os.environ.setdefault("MPLBACKEND", "Agg")

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def seed_meta() -> dict[str, dict]:
    with (SEEDS / "sources.csv").open(encoding="utf-8") as f:
        return {r["source_id"]: r for r in csv.DictReader(f)}


@pytest.fixture(scope="session")
def seed_claims(seed_meta):
    """Claims of every seed, extracted afresh (not read from the shipped tables)."""
    import kztrade

    out = {}
    for sid, r in seed_meta.items():
        text = (SEEDS / r["file"]).read_text(encoding="utf-8")
        out[sid] = kztrade.extract_claims(text, source_id=sid, published=r["published"])
    return out


def one(df, mention: str):
    rows = df[df["mention"] == mention]
    assert len(rows) == 1, f"expected one claim {mention!r}, found {len(rows)}: {df['mention'].tolist()}"
    return rows.iloc[0]
