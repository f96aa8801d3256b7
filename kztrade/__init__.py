"""kztrade: every quantitative claim about Russia-Kazakhstan trade in a set of articles, cited.

    >>> import kztrade
    >>> kztrade.tables()
    >>> claims = kztrade.load()            # the claims table
    >>> trade = kztrade.load("trade")      # bilateral trade claims in US dollars, long form
    >>> kztrade.extract_claims("Exports reached $5bn in 2013.", published="2014-01-01")
    >>> kztrade.cite(claims.claim_id[0], style="bibtex")   # or "text", "csl-json"

Importing kztrade imports nothing heavy: pandas and pyarrow load on first use, pandera only when
validating.
"""
from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["load", "tables", "extract_claims", "cite", "__version__"]

# A wheel built with KZTRADE_WITHOUT_TEXTS=1 (setup.py) leaves out the articles, which remain their publishers'.
WITHOUT_TEXTS = "KZTRADE_WITHOUT_TEXTS"


def tables() -> list[str]:
    """Names of the tables kztrade ships."""
    # here, not at import: it is most of the time `import kztrade` would take
    from importlib import resources

    from .metadata.resources import RESOURCES

    return [t for t in RESOURCES if resources.files("kztrade").joinpath(f"data/{t}.parquet").is_file()]


def load(table: str = "claims"):
    """One shipped table as a pandas DataFrame with nullable dtypes (string, Int64, Float64).

    Works offline: the tables are parquet files inside the installed package.
    """
    from importlib import resources

    import pandas as pd
    import pyarrow.parquet as pq

    from .frames import arrow_schema

    names = tables()
    if table == "texts" and table not in names:
        raise LookupError("the article texts were left out of this installation of kztrade (a wheel built with "
                          f"{WITHOUT_TEXTS}=1: the articles remain their publishers' copyright); every other "
                          "table is here, and sources names each article for finding it")
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


def extract_claims(text, *, source_id: str | None = None, published=None, lang: str = "auto"):
    """Claims of any English or Russian text, or of many, as one DataFrame with the claims table's columns.

    text: one text (str), or a batch: an iterable of texts, a mapping {source_id: text} (or a pandas Series
    indexed by source id), or a DataFrame with columns source_id, text and optionally published. A batch
    returns the same rows, in the same order, as one call per document, converted to a DataFrame once.
    source_id: the id of a single text (default 'doc'); for an iterable of texts, the prefix of their ids
    ('doc-0', 'doc-1', ...). A mapping or DataFrame carries its own ids.
    published: a date or ISO string; sets the year of claims whose sentence names none and anchors
    relative periods ("last year", "over the last two years"). In a batch it applies to every document,
    except where a DataFrame's published column gives one.
    lang: 'en', 'ru', or 'auto' (decided per document by its script).

    A batch record that is not a document (text None, NaN, bytes, any non-str; a missing or repeated source
    id) raises TypeError or ValueError naming it: drop or decode such records first.
    """
    if isinstance(text, str):
        from .extract import extract_claims as _extract

        return _extract(text, source_id="doc" if source_id is None else source_id, published=published,
                        lang=lang)
    from .batch import extract_claims as _batch

    return _batch(text, source_id=source_id, published=published, lang=lang)


def cite(ident: str, style: str = "text"):
    """The citation of the article behind a claim_id or source_id: style 'text' (equal to the table's citation
    column), 'bibtex', 'csl-json' (a dict), or any CSL style (.csl path). See kztrade.citations."""
    from .citations import cite as _cite

    return _cite(ident, style)
