"""kztrade: every quantitative claim about Russia-Kazakhstan trade in a set of articles, cited.

    >>> import kztrade
    >>> kztrade.tables()
    >>> claims = kztrade.load()            # the claims table
    >>> trade = kztrade.load("trade")      # bilateral trade claims in US dollars, long form
    >>> kztrade.extract_claims("Exports reached $5bn in 2013.", published="2014-01-01")

Importing kztrade imports nothing heavy: pandas and pyarrow load on first use, pandera only when
validating.
"""
from __future__ import annotations

from importlib import resources

__version__ = "0.1.0"
__all__ = ["load", "tables", "extract_claims", "__version__"]


def tables() -> list[str]:
    """Names of the tables kztrade ships."""
    from .metadata.resources import RESOURCES

    return [t for t in RESOURCES if resources.files("kztrade").joinpath(f"data/{t}.parquet").is_file()]


def load(table: str = "claims"):
    """One shipped table as a pandas DataFrame with nullable dtypes (string, Int64, Float64).

    Works offline: the tables are parquet files inside the installed package.
    """
    import pandas as pd
    import pyarrow.parquet as pq

    from .frames import arrow_schema

    names = tables()
    if table not in names:
        raise KeyError(f"no table {table!r}; kztrade ships {', '.join(names)}")
    with resources.as_file(resources.files("kztrade").joinpath(f"data/{table}.parquet")) as path:
        t = pq.read_table(path)
    want = arrow_schema(table)
    if not t.schema.equals(want, check_metadata=False):
        raise ValueError(f"packaged table {table!r} does not match its schema (stale build?): "
                         f"{t.schema} != {want}")
    mapping = {"string": pd.StringDtype(), "int64": pd.Int64Dtype(), "double": pd.Float64Dtype(),
               "bool": pd.BooleanDtype()}
    return t.to_pandas(types_mapper=lambda typ: mapping.get(str(typ)))


def extract_claims(text: str, *, source_id: str = "doc", published=None, lang: str = "auto"):
    """Claims of any English or Russian text, as a DataFrame with the claims table's columns.

    published: a date or ISO string; sets the year of claims whose sentence names none and anchors
    relative periods ("last year", "over the last two years").
    lang: 'en', 'ru', or 'auto' (decided per document by its script).
    """
    from .extract import extract_claims as _extract

    return _extract(text, source_id=source_id, published=published, lang=lang)
