"""From extracted rows and seed metadata to the published tables."""
from __future__ import annotations

from .frames import frame

_FLOW = {"exports": "exports", "imports": "imports", "trade_turnover": "turnover"}


def _blank_to_none(v):
    return None if v is None or str(v).strip() == "" else v


def citation(src: dict, short: bool = False) -> str:
    """'Jane Doe, “Title”, Outlet 3:14, 2020-02-01' (short: 'Doe, Outlet 3:14, 2020-02-01')."""
    parts = []
    author = _blank_to_none(src.get("author"))
    if author:
        parts.append(author.split()[-1] if short else author)
    title = _blank_to_none(src.get("title"))
    if title and not short:
        parts.append(f"“{title}”")
    pub = _blank_to_none(src.get("publication"))
    if pub:
        vol, iss = _blank_to_none(src.get("volume")), _blank_to_none(src.get("issue"))
        parts.append(pub + (f" {vol}:{iss}" if vol and iss else ""))
    elif title and short:
        parts.append(f"“{title[:40]}{'…' if len(title) > 40 else ''}”")
    parts.append(_blank_to_none(src.get("published")) or "n.d.")
    return ", ".join(parts) + f" [{src['source_id']}]"


def sources_table(rows: list[dict]):
    out = []
    for r in rows:
        rec = {k: _blank_to_none(r.get(k)) for k in
               ("source_id", "file", "sha256", "n_chars", "lang", "title", "author", "publication", "section", "volume",
                "issue", "published", "published_precision", "published_basis", "published_note")}
        for k in ("volume", "issue"):
            rec[k] = int(rec[k]) if rec[k] is not None else None
        rec["citation"] = citation(r)
        out.append(rec)
    return frame("sources", out)


def claims_table(claims: list[dict], sources: list[dict]):
    short = {s["source_id"]: citation(s, short=True) for s in sources}
    for c in claims:
        c["citation"] = short[c["source_id"]]
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
