"""Typed pandas frames and pyarrow schemas, generated from the field metadata."""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import chain
from operator import itemgetter

from .metadata.resources import RESOURCES, field

# Frictionless type -> (pandas nullable dtype, pyarrow type name)
_TYPES = {
    "string": ("string", "string"),
    "integer": ("Int64", "int64"),
    "number": ("Float64", "float64"),
    "boolean": ("boolean", "bool_"),
}
_NONE = type(None)
_SURROGATE = re.compile("[\ud800-\udfff]")


def columns(table: str) -> list[str]:
    return list(RESOURCES[table]["fields"])


def pandas_dtypes(table: str) -> dict[str, str]:
    return {c: _TYPES[field(table, c)["type"]][0] for c in columns(table)}


def arrow_schema(table: str):
    import pyarrow as pa

    res = RESOURCES[table]
    optional = set(res.get("optional", ()))
    fields = []
    for c in res["fields"]:
        f = field(table, c)
        required = f["constraints"].get("required", False) and c not in optional
        fields.append(pa.field(c, getattr(pa, _TYPES[f["type"]][1])(), nullable=not required,
                               metadata={"description": f["description"]}))
    return pa.schema(fields, metadata={"table": table, "description": res["description"]})


def frame(table: str, rows):
    """A DataFrame with exactly the table's columns, in order, with nullable dtypes.

    rows: dicts keyed by column (a missing key is a missing value; other keys are ignored).
    """
    rows = rows if isinstance(rows, list) else list(rows)
    try:
        return _direct(table, rows)
    except _Unusual:
        return _astyped(table, rows)


class _Unusual(Exception):
    """Rows the direct path does not take as they are; the general path converts them as pandas would."""


class _Plan:
    """What building a table's frame needs that does not depend on its rows, made once per table."""

    def __init__(self, table: str):
        import pandas as pd

        self.names = columns(table)
        self.kinds = [field(table, c)["type"] for c in self.names]
        self.strings = [i for i, k in enumerate(self.kinds) if k == "string"]
        self.others = [i for i, k in enumerate(self.kinds) if k != "string"]
        self.getter = itemgetter(*self.names) if len(self.names) > 1 else lambda r, c=self.names[0]: (r[c],)
        self.index = pd.Index(self.names)
        self.dtype = pd.StringDtype()
        empty = pd.array([], dtype=self.dtype)
        # the pandas constructors check and convert what these rows never need; where this pandas lacks the
        # shortcuts (they are private), the public constructors build the same arrays and frame
        wrap = getattr(empty, "_from_pyarrow_array", None)
        self.string_array = wrap or (lambda a: pd.arrays.ArrowStringArray(a, dtype=self.dtype))
        self.blocks = _block_frame()

    def frame(self, arrays: list, n: int):
        import pandas as pd

        # a copy of the cached Index: renaming the columns of one frame must not rename those of the next
        index = pd.RangeIndex(n)
        if self.blocks is not None:
            return self.blocks(arrays, self.index.copy(), index)
        return pd.DataFrame(dict(zip(self.names, arrays)), index=index, copy=False)


@lru_cache(maxsize=None)
def _block_frame():
    """A DataFrame from 1-D extension arrays laid straight into its blocks, one block each, as pandas lays them;
    None where this pandas has no such internals. pd.DataFrame(dict) checks, sanitises and groups each column
    first, about as long again as building the arrays of a short document."""
    import pandas as pd

    try:
        from pandas._libs.internals import BlockPlacement
        from pandas.core.internals.blocks import ExtensionBlock
        from pandas.core.internals.managers import BlockManager
    except ImportError:
        return None

    def build(arrays, columns, index):
        blocks = tuple(ExtensionBlock(a, placement=BlockPlacement(slice(i, i + 1)), ndim=2)
                       for i, a in enumerate(arrays))
        mgr = BlockManager(blocks, [columns, index], verify_integrity=False)
        return pd.DataFrame._from_mgr(mgr, axes=mgr.axes)

    sample = [pd.array(["a", None], dtype="string"), pd.array([1, None], dtype="Int64"),
              pd.array([0.5, None], dtype="Float64"), pd.array([True, None], dtype="boolean")]
    columns = pd.Index(["s", "i", "f", "b"])
    try:
        got = build(sample, columns, pd.RangeIndex(2))
        want = pd.DataFrame(dict(zip(columns, sample)), index=pd.RangeIndex(2), copy=False)
        same = got.equals(want) and list(got.dtypes) == list(want.dtypes) and got._mgr.nblocks == want._mgr.nblocks
    except Exception:  # noqa: BLE001 - any failure of private API means: use the public constructor
        return None
    return build if same else None


@lru_cache(maxsize=None)
def _plan(table: str) -> _Plan | None:
    import pandas as pd

    return _Plan(table) if pd.StringDtype().storage == "pyarrow" else None


def _direct(table: str, rows: list):
    """Each column built once as its final nullable array, for rows of plain Python values.

    A DataFrame then astype() per column cost about twice the extraction of a 6 kB article, most of it fixed
    per-column overhead that a single document pays in full. Anything but str/int/float/bool/None (numpy
    scalars, NaN in a text column, a lone surrogate, a non-dict row) goes to _astyped, so the result never
    depends on the path taken.
    """
    import numpy as np
    import pandas as pd
    import pyarrow as pa

    plan = _plan(table)
    if plan is None or not set(map(type, rows)) <= {dict}:
        raise _Unusual
    n = len(rows)
    try:
        # rows from extract() carry every column: one C-level transpose instead of a r.get() per cell
        cells = list(zip(*map(plan.getter, rows))) if n else [()] * len(plan.kinds)
    except KeyError:
        cells = [tuple(r.get(c) for r in rows) for c in plan.names]
    flat = list(chain.from_iterable([cells[i] for i in plan.strings]))
    if not set(map(type, flat)) <= {str, _NONE}:
        raise _Unusual
    arrays: list = [None] * len(plan.kinds)
    try:
        # one pyarrow conversion for every text column, each column a zero-copy slice of it
        whole = pa.chunked_array([pa.array(flat, type=pa.large_string())])
        for k, i in enumerate(plan.strings):
            arrays[i] = plan.string_array(whole.slice(k * n, n))
        for i in plan.others:
            vals = cells[i]
            kind = plan.kinds[i]
            types = set(map(type, vals))
            types.discard(_NONE)
            missing = np.fromiter((v is None for v in vals), bool, n)
            if kind == "integer" and types <= {int}:
                arrays[i] = pd.arrays.IntegerArray(
                    np.fromiter((0 if v is None else v for v in vals), np.int64, n), missing)
            elif kind == "number" and types <= {float, int}:
                # NaN is missing, as astype('Float64') has it
                missing |= np.fromiter((v != v for v in vals), bool, n)
                arrays[i] = pd.arrays.FloatingArray(
                    np.fromiter((0.0 if v is None or v != v else v for v in vals), np.float64, n), missing)
            elif kind == "boolean" and types <= {bool}:
                arrays[i] = pd.arrays.BooleanArray(np.fromiter((v is True for v in vals), bool, n), missing)
            else:
                raise _Unusual
    except (OverflowError, UnicodeEncodeError, TypeError, ValueError):
        # out-of-range integers, lone surrogates, or an older pandas whose array constructors differ
        raise _Unusual from None
    return plan.frame(arrays, n)


def _astyped(table: str, rows: list):
    import pandas as pd

    try:
        df = pd.DataFrame.from_records(rows, columns=columns(table))
    except UnicodeEncodeError:
        # a lone surrogate (JSON "\ud800") cannot be stored as UTF-8; U+FFFD takes its place one for one,
        # so every offset still holds
        rows = [{k: _SURROGATE.sub("\ufffd", v) if isinstance(v, str) else v for k, v in r.items()} for r in rows]
        df = pd.DataFrame.from_records(rows, columns=columns(table))
    return df.astype(pandas_dtypes(table))
