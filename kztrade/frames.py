"""Typed pandas frames and pyarrow schemas, generated from the field metadata."""
from __future__ import annotations

from .metadata.resources import RESOURCES, field

# Frictionless type -> (pandas nullable dtype, pyarrow type name)
_TYPES = {
    "string": ("string", "string"),
    "integer": ("Int64", "int64"),
    "number": ("Float64", "float64"),
    "boolean": ("boolean", "bool_"),
}


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
    """A DataFrame with exactly the table's columns, in order, with nullable dtypes."""
    import pandas as pd

    df = pd.DataFrame.from_records(list(rows), columns=columns(table))
    return df.astype(pandas_dtypes(table))
