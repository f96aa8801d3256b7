"""From extracted rows and seed metadata to the published tables."""
from __future__ import annotations

from .frames import frame

_FLOW = {"exports": "exports", "imports": "imports", "trade_turnover": "turnover"}


def _blank_to_none(v):
    return None if v is None or str(v).strip() == "" else v


def citation(src: dict) -> str:
    """The article's footnote form (kztrade.cite), shared by its sources row and every claim read from it."""
    from .citations import text

    return text(src)


def sources_table(rows: list[dict]):
    out = []
    for r in rows:
        rec = {k: _blank_to_none(r.get(k)) for k in
               ("source_id", "file", "sha256", "n_chars", "lang", "title", "author", "publication", "section", "volume",
                "issue", "published", "published_precision", "published_basis", "published_note", "url")}
        for k in ("volume", "issue"):
            rec[k] = int(rec[k]) if rec[k] is not None else None
        rec["citation"] = citation(r)
        out.append(rec)
    return frame("sources", out)


def claims_table(claims: list[dict], sources: list[dict]):
    cited = {s["source_id"]: citation(s) for s in sources}
    for c in claims:
        c["citation"] = cited[c["source_id"]]
    return frame("claims", claims)


def trade_table(claims):
    """Bilateral trade claims stated in US dollars; exporter/importer hold the pair for turnover."""
    rows = []
    for c in claims.itertuples(index=False):
        flow = _FLOW.get(c.measure)
        if flow is None or c.unit != "USD" or _na(c.economy) or _na(c.partner):
            continue
        exporter, importer = (c.partner, c.economy) if flow == "imports" else (c.economy, c.partner)
        rows.append({"year": None if _na(c.year) else int(c.year), "exporter": exporter, "importer": importer,
                     "flow": flow, "value_usd": float(c.value), "qualifier": c.qualifier, "claim_id": c.claim_id,
                     "source_id": c.source_id, "citation": c.citation})
    return frame("trade", rows)


def texts_table(texts: dict[str, str]):
    return frame("texts", [{"source_id": k, "text": v} for k, v in texts.items()])


def _na(v) -> bool:
    import pandas as pd

    return v is None or v is pd.NA or (isinstance(v, float) and v != v)
