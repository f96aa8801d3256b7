"""Many documents through kztrade.extract_claims() at once: one typed conversion for the whole batch.

A batch is an iterable of texts, a mapping {source_id: text} (a pandas Series counts as one), or a DataFrame
with columns source_id (or id, as in `kztrade extract`'s document tables), text and optionally published.

A record that is not a document (text None, NaN, bytes or any non-str; a missing or repeated source_id) raises
TypeError or ValueError naming the record, before any claim is returned: a library call that silently dropped
an article would bias every count made from its output. `kztrade extract` is the tolerant path (it reports,
skips and carries on).
"""
from __future__ import annotations

import numbers
from collections.abc import Iterable, Iterator


def extract_claims(texts, *, source_id: str | None = None, published=None, lang: str = "auto"):
    from .extract import extract
    from .frames import frame

    claims: list[dict] = []
    seen: set[str] = set()
    for sid, text, date in documents(texts, source_id=source_id, published=published):
        if sid in seen:
            raise ValueError(f"source_id {sid!r} appears twice in the batch; claim ids would collide")
        seen.add(sid)
        claims += extract(text, source_id=sid, published=date, lang=lang)[0]
    return frame("claims", claims)


def documents(texts, *, source_id: str | None = None, published=None) -> Iterator[tuple[str, str, object]]:
    """(source_id, text, published) of each record of a batch, checked."""
    if isinstance(texts, (bytes, bytearray)):
        raise TypeError("extract_claims() takes text (str), not bytes: decode it first, e.g. data.decode('utf-8')")
    if texts is None or not isinstance(texts, Iterable):
        raise TypeError(f"extract_claims() takes a str, an iterable of str, a mapping {{source_id: text}} or a "
                        f"DataFrame with source_id and text columns, not {type(texts).__name__}")
    if hasattr(texts, "columns"):
        records = _frame_records(texts, published)
    elif callable(getattr(texts, "items", None)):
        records = ((k, v, published) for k, v in texts.items())
    else:
        prefix = "doc" if source_id is None else source_id
        records = ((f"{prefix}-{i}", t, published) for i, t in enumerate(texts))
        source_id = None
    if source_id is not None:
        raise TypeError("source_id= names the documents of an iterable of texts; a mapping or a DataFrame "
                        "carries its own source ids")
    for n, (sid, text, date) in enumerate(records):
        sid = _source_id(sid, n)
        if not isinstance(text, str):
            raise TypeError(f"record {n} (source_id {sid!r}): text is {_what(text)}, not str; drop or decode it "
                            "before extracting")
        yield sid, str(text), date  # str(): a numpy or other str subclass becomes plain text


def _frame_records(df, published):
    import pandas as pd

    key = "source_id" if "source_id" in df.columns else "id" if "id" in df.columns else None
    if key is None or "text" not in df.columns:
        raise ValueError("a DataFrame of documents needs columns source_id and text (optionally published); "
                         f"it has {', '.join(map(str, df.columns))}")
    if "published" not in df.columns:
        return ((s, t, published) for s, t in zip(df[key], df["text"]))
    # a row without a date takes the published= keyword, as a record without one does in `kztrade extract`
    return ((s, t, published if _isna(p, pd) else p) for s, t, p in zip(df[key], df["text"], df["published"]))


def _isna(value, pd) -> bool:
    return value is None or (pd.api.types.is_scalar(value) and bool(pd.isna(value)))


def _source_id(sid, n: int) -> str:
    if isinstance(sid, str) and sid:
        return sid
    if isinstance(sid, numbers.Integral) and not isinstance(sid, bool):
        return str(int(sid))
    raise TypeError(f"record {n}: source_id is {_what(sid)}; a source id is a non-empty str (or an integer)")


def _what(value) -> str:
    if value is None:
        return "None"
    if isinstance(value, float) and value != value:
        return "NaN (missing)"
    if type(value).__name__ == "NAType":
        return "<NA> (missing)"
    return f"{type(value).__name__} {value!r:.40}"
