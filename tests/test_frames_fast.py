"""frame()'s shortcuts (one pyarrow conversion for all text columns, masked arrays and blocks made without
pandas' checks) build the frame the public pandas constructors build, and the frames they build stay independent of each other."""
from __future__ import annotations

import pandas as pd
import pytest

from kztrade import frames
from kztrade.frames import _astyped, frame

ROWS = [
    {"claim_id": "t:0-4", "source_id": "t", "char_start": 0, "char_end": 4, "mention": "5 bn", "value": 5e9,
     "unit": "USD", "year": 2014, "base_year": None, "sentence": "Trade was 5 bn.", "lang": "en"},
    {"claim_id": "t:9-12", "source_id": "t", "char_start": 9, "char_end": 12, "mention": "12%", "value": None,
     "unit": None, "year": None, "base_year": 2013, "sentence": "Exports rose 12%.", "lang": "en"},
    {"claim_id": "t:20-23", "source_id": "t", "char_start": 20, "char_end": 23, "mention": "ёж€",
     "value": float("nan"), "year": 2015, "sentence": "", "lang": "ru", "extra": "ignored"},
]


def same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(a, b, check_exact=True)
    assert [repr(d) for d in a.dtypes] == [repr(d) for d in b.dtypes]
    assert a.columns.equals(b.columns) and a.columns.dtype == b.columns.dtype
    assert type(a.index) is type(b.index) and a._mgr.nblocks == b._mgr.nblocks


@pytest.mark.parametrize("rows", [ROWS, ROWS[:1], [], [{c: None for c in frames.columns("claims")}],
                                  [{**ROWS[0], "value": 7, "year": 2016}, {**ROWS[1], "value": -0.0, "base_year": 0}]])
def test_private_shortcuts_equal_public_constructors(rows, monkeypatch):
    fast = frame("claims", rows)
    assert isinstance(frames._plan("claims").pandas, frames._Private)  # the shortcuts are in use with the pinned pandas
    monkeypatch.setattr(frames._plan("claims"), "pandas", frames._Public())
    same(fast, frame("claims", rows))
    same(fast, _astyped("claims", rows))


def test_complete_rows_and_rows_missing_keys_agree():
    full = [{c: r.get(c) for c in frames.columns("claims")} for r in ROWS]
    same(frame("claims", full), frame("claims", ROWS))


def test_values_and_missing_values():
    df = frame("claims", ROWS)
    assert df["mention"].tolist() == ["5 bn", "12%", "ёж€"]
    assert df["unit"].tolist() == ["USD", pd.NA, pd.NA]
    assert df["value"].tolist() == [5e9, pd.NA, pd.NA]  # NaN is missing in Float64
    assert df["base_year"].tolist() == [pd.NA, 2013, pd.NA] and df["year"].tolist() == [2014, pd.NA, 2015]
    assert df["sentence"].tolist() == ["Trade was 5 bn.", "Exports rose 12%.", ""]


def test_frames_do_not_share_columns_or_values():
    a, b = frame("claims", ROWS), frame("claims", ROWS)
    a.columns.name = "renamed"
    a.loc[0, "mention"] = "changed"
    a.loc[0, "year"] = 1999
    assert b.columns.name is None and frame("claims", ROWS).columns.name is None
    assert b.loc[0, "mention"] == "5 bn" and b.loc[0, "year"] == 2014
    assert a["unit"].tolist() == ["USD", pd.NA, pd.NA]  # the text columns beside the changed one are intact


def test_empty_frames_stay_empty_when_another_grows():
    a = frame("claims", [])
    a.loc[0] = {c: None for c in a.columns} | {"mention": "7 bn", "char_start": 3}
    b = frame("claims", [])
    assert len(b) == 0 and a.loc[0, "mention"] == "7 bn" and a.loc[0, "char_start"] == 3
    same(b, _astyped("claims", []))
