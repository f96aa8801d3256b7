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


class _Public:
    """Typed arrays and frames from pandas' public constructors."""

    def __init__(self):
        import pandas as pd

        self.pd = pd
        self.dtype = pd.StringDtype()
        self.integer, self.floating = pd.arrays.IntegerArray, pd.arrays.FloatingArray
        self.boolean = pd.arrays.BooleanArray

    def string(self, chunked):
        return self.pd.arrays.ArrowStringArray(chunked, dtype=self.dtype)

    def frame(self, labels, arrays: list, n: int):
        pd = self.pd
        return pd.DataFrame(dict(zip(labels, arrays)), index=pd.RangeIndex(n), columns=pd.Index(labels), copy=False)


class _Private(_Public):
    """The same arrays and frames with the checks and conversions of the public constructors skipped: rows of
    plain values never need them, and for the dozen rows of one document they are most of the cost, paid per
    column. Private pandas API, so used only where a sample shows it builds what _Public builds (_pandas)."""

    def __init__(self):
        super().__init__()
        from pandas._libs.internals import BlockPlacement
        from pandas.core.internals.blocks import ExtensionBlock
        from pandas.core.internals.managers import BlockManager

        pd = self.pd
        self.integer = pd.arrays.IntegerArray._simple_new
        self.floating = pd.arrays.FloatingArray._simple_new
        self.boolean = pd.arrays.BooleanArray._simple_new
        self.string_type = pd.arrays.ArrowStringArray
        self.block, self.manager = ExtensionBlock, BlockManager
        self.placement = BlockPlacement

    @lru_cache(maxsize=None)  # noqa: B019 - one _Private for the process (_pandas)
    def places(self, k: int) -> tuple:
        """The place of each of k columns' blocks in a frame, made once: every frame of a table lays them alike."""
        return tuple(self.placement(slice(i, i + 1)) for i in range(k))

    def string(self, chunked):
        a = self.string_type.__new__(self.string_type)
        a._pa_array, a._dtype, a._cache = chunked, self.dtype, {}
        return a

    def frame(self, labels, arrays: list, n: int):
        pd, places, block = self.pd, self.places(len(arrays)), self.block
        # one block per column, as pandas lays out extension arrays
        blocks = tuple([block(a, places[i], 2) for i, a in enumerate(arrays)])
        # a new Index on the shared labels: renaming the columns of one frame must not rename those of the next
        axes = [pd.Index._simple_new(labels._values), pd.RangeIndex._simple_new(range(n))]
        return pd.DataFrame._from_mgr(self.manager(blocks, axes, verify_integrity=False), axes)


@lru_cache(maxsize=None)
def _pandas() -> _Public:
    """_Private where this pandas has its internals and builds with them what the public constructors build."""
    import numpy as np
    import pyarrow as pa

    public = _Public()
    try:
        private = _Private()
        pd = public.pd
        strings = pa.chunked_array([pa.array(["a", None], type=pa.large_string())])
        ints, floats, bools = np.array([1, 0], np.int64), np.array([0.5, 0.0]), np.array([True, False])
        mask = np.array([False, True])
        labels = pd.Index(["s", "i", "f", "b"])

        def sample(p):
            return p.frame(labels, [p.string(strings), p.integer(ints, mask.copy()), p.floating(floats, mask.copy()),
                                    p.boolean(bools, mask.copy())], 2)

        got, want = sample(private), sample(public)
        pd.testing.assert_frame_equal(got, want, check_exact=True)
        same = list(got.dtypes) == list(want.dtypes) and got.columns.dtype == want.columns.dtype \
            and got._mgr.nblocks == want._mgr.nblocks
    except Exception:  # noqa: BLE001 - any failure of private API means: use the public constructors
        return public
    return private if same else public


class _Plan:
    """What building a table's frame needs that does not depend on its rows, made once per table."""

    def __init__(self, table: str):
        import pandas as pd
        import pyarrow as pa

        self.names = columns(table)
        self.kinds = [field(table, c)["type"] for c in self.names]
        self.strings = [i for i, k in enumerate(self.kinds) if k == "string"]
        self.others = [(i, k) for i, k in enumerate(self.kinds) if k != "string"]
        self.getter = itemgetter(*self.names) if len(self.names) > 1 else lambda r, c=self.names[0]: (r[c],)
        self.labels = pd.Index(self.names)
        self.pandas = _pandas()
        self.empty = pa.chunked_array([pa.array([], type=pa.large_string())]).slice(0, 0)


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
    make = plan.pandas
    arrays: list = [None] * len(plan.kinds)
    try:
        # one pyarrow conversion for every text column, each column a zero-copy slice of it; a document without
        # claims shares one empty column (pyarrow arrays are immutable: writing to a frame replaces its array)
        whole = pa.chunked_array([pa.array(flat, type=pa.large_string())]) if n else plan.empty
        for k, i in enumerate(plan.strings):
            arrays[i] = make.string(whole.slice(k * n, n) if n else whole)
        for i, kind in plan.others:
            arrays[i] = _typed(kind, cells[i], n, make)
    except (OverflowError, UnicodeEncodeError, TypeError, ValueError):
        # out-of-range integers, lone surrogates, or an older pandas whose array constructors differ
        raise _Unusual from None
    return make.frame(plan.labels, arrays, n)


def _typed(kind: str, vals: tuple, n: int, make: _Public):
    """A column of numbers or booleans as its masked array; most columns have no missing value, converted in C."""
    import numpy as np

    types = set(map(type, vals))
    if _NONE not in types:
        if kind == "integer" and types <= {int}:
            return make.integer(np.array(vals, np.int64), np.zeros(n, bool))
        if kind == "number" and types <= {float, int}:
            data = np.array(vals, np.float64)
            missing = np.isnan(data)  # NaN is missing, as astype('Float64') has it
            data[missing] = 0.0
            return make.floating(data, missing)
    types.discard(_NONE)
    missing = np.fromiter((v is None for v in vals), bool, n)
    if kind == "integer" and types <= {int}:
        return make.integer(np.fromiter((0 if v is None else v for v in vals), np.int64, n), missing)
    if kind == "number" and types <= {float, int}:
        missing |= np.fromiter((v != v for v in vals), bool, n)
        return make.floating(np.fromiter((0.0 if v is None or v != v else v for v in vals), np.float64, n), missing)
    if kind == "boolean" and types <= {bool}:
        return make.boolean(np.fromiter((v is True for v in vals), bool, n), missing)
    raise _Unusual


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
