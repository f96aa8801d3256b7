"""Score kztrade against a gold annotation of an article folder, so the README can quote what this repository
itself measures.

    .venv/bin/python tests/score.py --gold tests/data/ru/gold.csv --docs tests/data/ru

Gold format (one row a mention): doc, mention, occurrence, tier (A: trade claims, meaning checked; B: other
quantities; opt: neither rewarded nor penalised; neg: not a claim), value, unit, qualifier, measure, exporter,
importer, years ("|" separates accepted answers). A claim matches a mention when their spans overlap, the
units agree and the values are within 0.5 %; anything else it overlaps, or nothing, is a false positive.
For tier A the measure, year, economies and qualifier must agree too (for imports the economy is the
importer).
"""
from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

FLOWS = {"trade_turnover", "exports", "imports", "cross_border_share", "growth_factor", "direct_investment",
         "migration"}
EITHER_WAY = {"trade_turnover", "cross_border_share", "growth_factor"}


def _text(s) -> str:
    return "" if s is None or s != s or s is __import__("pandas").NA else str(s)


def body(text: str) -> str:
    """The article without its front matter ("title: …" lines, then a line "---"), as annotated."""
    head, sep, rest = text.partition("\n---\n")
    return rest if sep and head.startswith("title:") else text


def gold_spans(gold: Path, docs: Path) -> list[dict]:
    out = []
    with gold.open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            text = body((docs / r["doc"]).read_text(encoding="utf-8"))
            at = -1
            for _ in range(int(r["occurrence"] or 1)):
                at = text.find(r["mention"], at + 1)
            if at < 0:
                raise SystemExit(f"{gold}: {r['doc']}: mention {r['mention']!r} not in the text")
            out.append({**r, "start": at, "end": at + len(r["mention"]), "hits": []})
    return out


def meaning_errors(p: dict, g: dict) -> list[str]:
    errs = []
    m = g["measure"]
    if m in FLOWS and _text(p["measure"]) != m:
        errs.append(f"measure {_text(p['measure'])} != {m}")
    if g["years"] and _text(p["year"]).split(".")[0] not in g["years"].split("|"):
        errs.append(f"year {_text(p['year'])} not in {g['years']}")
    if g["qualifier"] and _text(p["qualifier"]) != g["qualifier"]:
        errs.append(f"qualifier {_text(p['qualifier'])} != {g['qualifier']}")
    if g["value"] and float(g["value"]) < 0 <= float(p["value"]):
        errs.append("a fall read as a rise")
    if m in FLOWS and g["exporter"] and g["importer"]:
        got = (_text(p["economy"]), _text(p["partner"]))
        if m in EITHER_WAY:
            if set(got) != set(g["exporter"].split("|")) | set(g["importer"].split("|")):
                errs.append(f"economies {got}")
        elif got != ((g["importer"], g["exporter"]) if m == "imports" else (g["exporter"], g["importer"])):
            errs.append(f"economy/partner {got}")
    return errs


def score(claims, spans: list[dict]) -> dict:
    """claims: a DataFrame with doc, char_start, char_end, value, unit and the meaning columns."""
    fp = []
    for p in claims.to_dict("records"):
        over = [g for g in spans if g["doc"] == p["doc"] and g["start"] < p["char_end"] and p["char_start"] < g["end"]]
        real = [g for g in over if g["tier"] in ("A", "B")]
        match = next((g for g in real if g["unit"] == _text(p["unit"])
                      and abs(abs(p["value"]) - abs(float(g["value"]))) <= 0.005 * abs(float(g["value"])) + 1e-9),
                     None)
        if match is not None:
            match["hits"].append(p)
        elif real or not any(g["tier"] == "opt" for g in over):
            fp.append((p["doc"], p["mention"]))
    tp = sum(len(g["hits"]) for g in spans)
    out = {"precision": tp / (tp + len(fp)) if tp + len(fp) else 0.0, "false_positives": fp}
    for tier in ("A", "B"):
        tiered = [g for g in spans if g["tier"] == tier]
        out[f"recall_{tier}"] = sum(1 for g in tiered if g["hits"]) / len(tiered) if tiered else 1.0
        out[f"missed_{tier}"] = [(g["doc"], g["mention"]) for g in tiered if not g["hits"]]
    judged = [(g, meaning_errors(g["hits"][0], g)) for g in spans if g["tier"] == "A" and g["hits"]]
    out["semantics_A"] = sum(1 for _, e in judged if not e) / len(judged) if judged else 0.0
    out["semantic_errors"] = [(g["doc"], g["mention"], e) for g, e in judged if e]
    return out


def score_folder(gold: Path, docs: Path, published: str | None = None) -> dict:
    import pandas as pd

    import kztrade
    from kztrade.extract import header_date

    frames = []
    for doc in sorted({r["doc"] for r in csv.DictReader(gold.open(encoding="utf-8"))}):
        text = (docs / doc).read_text(encoding="utf-8")
        df = kztrade.extract_claims(body(text), source_id=doc, published=header_date(text) or published)
        frames.append(df.assign(doc=doc))
    return score(pd.concat(frames, ignore_index=True), gold_spans(gold, docs))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", type=Path, required=True)
    ap.add_argument("--docs", type=Path, required=True)
    ap.add_argument("--published", help="publication date of articles without a date: header")
    a = ap.parse_args()
    print(json.dumps(score_folder(a.gold, a.docs, a.published), indent=1, ensure_ascii=False, default=str))
