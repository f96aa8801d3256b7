"""The tables kztrade ships: their columns (named in fields.py), keys and descriptions."""
from __future__ import annotations

# The tables kztrade derives are CC-BY; the articles (and the bibliographic records naming them) are their
# publishers' work, shipped only so that every citation can be checked - so they carry their own statement.
DATA_LICENSE = {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
                "title": "Creative Commons Attribution 4.0 International"}
PUBLISHERS_LICENSE = {"name": "other-closed",  # the Open Definition id for "not open"
                      "title": "Copyright remains with the publishers of the articles; included only for "
                               "verification of the citations, not licensed for redistribution"}
PUBLISHER_RESOURCES = ("texts", "sources")

RESOURCES: dict[str, dict] = {
    "claims": {
        "description": "One row per quantitative claim in an article, with the exact quote, its offsets "
                       "and what it measures.",
        "fields": ["claim_id", "source_id", "char_start", "char_end", "mention", "sentence", "value",
                   "unit", "unit_basis", "qualifier", "measure", "subject", "economy", "partner", "year",
                   "period_start", "period_end", "period_kind", "base_year", "base_period", "period_basis",
                   "outlook", "attributed_to", "lang", "citation"],
        "primary_key": ["claim_id"],
        "unique": [["source_id", "char_start", "char_end"]],
        "foreign_keys": [{"fields": ["source_id"], "reference": {"resource": "sources", "fields": ["source_id"]}}],
    },
    "sources": {
        "description": "One row per article: bibliographic record from seeds/sources.csv, checksum and length.",
        "fields": ["source_id", "file", "sha256", "n_chars", "lang", "title", "author", "publication", "section",
                   "volume", "issue", "published", "published_precision", "published_basis",
                   "published_note", "url", "citation"],
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
    "reference": {
        "description": "Russia-Kazakhstan turnover and investment figures that officials stated, each with its "
                       "source (data/raw/reference). A separate series: never merged into claims.",
        "fields": ["ref_id", "year", "indicator", "economy", "partner", "value_usd", "qualifier", "basis",
                   "stated_by", "source_kind", "source_title", "source_url"],
        "primary_key": ["ref_id"],
        "unique": [],
        "foreign_keys": [],
    },
    "reconciliation": {
        "description": "One row per check of claims against each other, against both partners' official "
                       "statistics, against the ECB exchange rates and against the reference figures, with a "
                       "verdict and an explanation.",
        "fields": ["check_id", "kind", "label", "claim_ids", "reference_ids", "compared_with", "reporter", "year",
                   "reading", "expected", "expected_low", "expected_high", "observed", "observed_low",
                   "observed_high", "unit", "rel_diff", "tolerance", "verdict", "explanation"],
        # these column names mean something else here than in claims and tokens
        "field_keys": {"kind": "check_kind", "unit": "check_unit", "label": "check_label"},
        "primary_key": ["check_id"],
        "unique": [],
        "foreign_keys": [],
    },
}


for _name, _res in RESOURCES.items():
    _res["licenses"] = [PUBLISHERS_LICENSE if _name in PUBLISHER_RESOURCES else DATA_LICENSE]


def field(table: str, column: str) -> dict:
    """The definition of one column of one table (FIELDS, unless the table names its own)."""
    from .fields import FIELDS

    return FIELDS[RESOURCES[table].get("field_keys", {}).get(column, column)]


def label(table: str, column: str) -> str:
    """The column's variable label (at most 80 characters, as Stata allows)."""
    from .fields import label as _label

    return _label(RESOURCES[table].get("field_keys", {}).get(column, column))


# Extraction output (kztrade extract / extract_claims) has the claims columns.
CLAIM_COLUMNS = RESOURCES["claims"]["fields"]
TOKEN_COLUMNS = RESOURCES["tokens"]["fields"]
