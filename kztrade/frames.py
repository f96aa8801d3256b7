"""Typed pandas frames and pyarrow schemas, generated from the field metadata."""
from __future__ import annotations

import re
from functools import lru_cache

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


@lru_cache(maxsize=None)
def _kinds(table: str) -> tuple[tuple[str, str], ...]:
    return tuple((c, field(table, c)["type"]) for c in columns(table))


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

    string = pd.StringDtype()
    if string.storage != "pyarrow" or not set(map(type, rows)) <= {dict}:
        raise _Unusual
    n = len(rows)
    data = {}
    try:
        for c, kind in _kinds(table):
            vals = [r.get(c) for r in rows]
            types = set(map(type, vals))
            types.discard(_NONE)
            if kind == "string":
                if not types <= {str}:
                    raise _Unusual
                data[c] = pd.arrays.ArrowStringArray(pa.array(vals, type=pa.large_string()), dtype=string)
                continue
            missing = np.fromiter((v is None for v in vals), bool, n)
            if kind == "integer" and types <= {int}:
                data[c] = pd.arrays.IntegerArray(np.fromiter((0 if v is None else v for v in vals), np.int64, n),
                                                 missing)
            elif kind == "number" and types <= {float, int}:
                # NaN is missing, as astype('Float64') has it
                missing |= np.fromiter((v != v for v in vals), bool, n)
                data[c] = pd.arrays.FloatingArray(
                    np.fromiter((0.0 if v is None or v != v else v for v in vals), np.float64, n), missing)
            elif kind == "boolean" and types <= {bool}:
                data[c] = pd.arrays.BooleanArray(np.fromiter((v is True for v in vals), bool, n), missing)
            else:
                raise _Unusual
    except (OverflowError, UnicodeEncodeError, TypeError, ValueError):
        # out-of-range integers, lone surrogates, or an older pandas whose array constructors differ
        raise _Unusual from None
    return pd.DataFrame(data, index=pd.RangeIndex(n), copy=False)


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
