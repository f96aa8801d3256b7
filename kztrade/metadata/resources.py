"""The tables kztrade ships: their columns (named in fields.py), keys and descriptions."""
from __future__ import annotations

RESOURCES: dict[str, dict] = {
    "claims": {
        "description": "One row per quantitative claim in an article, with the exact quote, its offsets "
                       "and what it measures.",
        "fields": ["claim_id", "source_id", "char_start", "char_end", "mention", "sentence", "value",
                   "unit", "qualifier", "measure", "subject", "economy", "partner", "year", "base_year",
                   "period_basis", "citation"],
        "primary_key": ["claim_id"],
        "unique": [["source_id", "char_start", "char_end"]],
        "foreign_keys": [{"fields": ["source_id"], "reference": {"resource": "sources", "fields": ["source_id"]}}],
    },
    "sources": {
        "description": "One row per article: bibliographic record from seeds/sources.csv, checksum and length.",
        "fields": ["source_id", "file", "sha256", "n_chars", "title", "author", "publication", "section",
                   "volume", "issue", "published", "published_precision", "published_basis",
                   "published_note", "citation"],
        "primary_key": ["source_id"],
        "unique": [["file"], ["sha256"]],
        "foreign_keys": [],
    },
    "texts": {
        "description": "The full text of each article, so every claim can be checked against its offsets.",
        "fields": ["source_id", "text"],
        "primary_key": ["source_id"],
        "unique": [],
        "foreign_keys": [{"fields": ["source_id"], "reference": {"resource": "sources", "fields": ["source_id"]}}],
    },
    "trade": {
        "description": "Bilateral trade claims stated in US dollars, in long form: one row per claim.",
        "fields": ["year", "exporter", "importer", "flow", "value_usd", "qualifier", "claim_id",
                   "source_id", "citation"],
        "primary_key": ["claim_id"],
        "unique": [],
        "foreign_keys": [{"fields": ["claim_id"], "reference": {"resource": "claims", "fields": ["claim_id"]}}],
    },
    "tokens": {
        "description": "Audit trail: every number-like token of every article and its fate - the claim it "
                       "became, or why it was excluded.",
        "fields": ["token_id", "source_id", "char_start", "char_end", "token", "kind", "fate", "claim_id",
                   "reason", "detail"],
        "optional": ["claim_id"],  # an excluded token became no claim
        "primary_key": ["token_id"],
        "unique": [],
        "foreign_keys": [{"fields": ["source_id"], "reference": {"resource": "sources", "fields": ["source_id"]}}],
    },
}

# Extraction output (kztrade extract / extract_claims) has the claims columns.
CLAIM_COLUMNS = RESOURCES["claims"]["fields"]
TOKEN_COLUMNS = RESOURCES["tokens"]["fields"]
