"""Every column of every kztrade table, defined once.

The pyarrow schemas, pandas dtypes, pandera schemas, datapackage.json and the README's column reference
are all generated from FIELDS and RESOURCES (resources.py), so they cannot drift apart.

A field's ``type`` is a Frictionless Table Schema type (string, integer, number, boolean, date).
``constraints`` use Frictionless names: required, enum, minimum, maximum.
"""
from __future__ import annotations

UNITS = (
    "USD", "GBP", "EUR", "RUB", "KZT", "CNY", "JPY", "CHF", "UAH", "BYN", "UZS", "KGS", "TRY", "INR",
    "percent", "percentage_points", "ratio", "count", "persons", "km", "km2", "hectares", "tonnes",
    "barrels", "barrels_per_day", "cubic_metres", "MW", "GW", "kWh", "years", "months", "weeks", "days",
    "hours", "KZT_per_USD", "RUB_per_USD", "KZT_per_RUB", "RUB_per_EUR", "USD_per_barrel",
)
CURRENCIES = tuple(u for u in UNITS if len(u) == 3 and u.isupper())

QUALIFIERS = ("exact", "approximately", "more_than", "less_than", "at_least", "at_most")

# What a number measures. The first block is what the package exists for; see README "Measures".
MEASURES = (
    "trade_turnover", "exports", "imports", "cross_border_share", "growth_factor", "growth_rate", "growth_amount",
    "direct_investment", "investment", "migration", "gdp", "budget", "loan", "debt", "reserves",
    "trade_balance", "price", "exchange_rate", "inflation", "interest_rate", "devaluation", "fx_intervention",
    "fiscal_balance", "production", "population", "monetary_amount",
    "share", "count", "distance", "area", "duration", "age", "energy", "quantity",
)
# How a claim's period was found, in the order periods.py tries them (README: Periods).
PERIOD_BASES = ("stated", "clause", "relative", "previous_sentence", "event", "publication_year", "unknown")
PERIOD_KINDS = ("year", "half", "quarter", "months", "month", "to_date", "unknown")
OUTLOOKS = ("actual", "forecast", "target")
UNIT_BASES = ("stated", "inferred")
LANGS = ("en", "ru")
# Groups of economies that articles treat as one party, beside ISO 3166-1 alpha-3 (README: Economies).
ECONOMY_GROUPS = {"EAEU": "Eurasian Economic Union (and its Customs Union predecessor)",
                  "EU": "European Union", "CIS": "Commonwealth of Independent States",
                  "WLD": "the world: total trade with all partners"}
TOKEN_KINDS = ("digits", "words", "multiple", "fraction", "ordinal", "vague", "numeric_date")
EXCLUSION_REASONS = (
    "calendar_date", "year", "ordinal", "document_number", "page_chrome", "vague_quantity",
    "pronoun", "not_a_quantity",
)
PRECISIONS = ("day", "month", "year")
DATE_BASES = ("printed", "inferred", "given")

# Reconciliation (README: Reconciliation).
CHECK_KINDS = ("official", "implied_level", "growth_path", "sum_of_flows", "bound", "shares", "currency",
               "repeats", "reference")
COMPARED_WITH = ("claims", "official_series", "agency_series", "official_statement", "press_background",
                 "ecb_rates")
READINGS = ("as_dated", "publication_year", "year_before", "either")
VERDICTS = ("consistent", "inconsistent", "indeterminate", "not_comparable")
SOURCE_KINDS = ("agency_series", "official_statement", "press_background")

_ISO3 = r"^(?:[A-Z]{3}|EAEU|EU)$"  # ISO 3166-1 alpha-3, or a group code of ECONOMY_GROUPS
_MONTH = r"^\d{4}-(?:0[1-9]|1[0-2])$"


def _f(type_, description, **constraints):
    return {"type": type_, "description": description, "constraints": constraints}


FIELDS: dict[str, dict] = {
    # identity and provenance
    "claim_id": _f("string", "Stable identifier of a claim: '<source_id>:<char_start>-<char_end>'.",
                   required=True),
    "source_id": _f("string", "Identifier of the article (seeds/sources.csv).", required=True),
    "char_start": _f("integer", "Offset of the first character of the mention in the article text "
                     "decoded as UTF-8 (Python str index).", required=True, minimum=0),
    "char_end": _f("integer", "Offset one past the last character: text[char_start:char_end] == mention.",
                   required=True, minimum=1),
    "mention": _f("string", "The exact text of the quantity as printed.", required=True),
    "sentence": _f("string", "The sentence the mention stands in.", required=True),
    "citation": _f("string", "Citation of the article: author, title, outlet, date to its known precision, "
                   "[source_id]; equal to kztrade.cite(source_id) and the same for every row of one article.",
                   required=True),
    # the quantity
    "value": _f("number", "The value with its scale applied: '$8 billion' -> 8e9, '70%' -> 70, "
                "'tripled' -> 3, 'a quarter' -> 25. Negative for a stated fall.", required=True),
    "unit": _f("string", "Unit of value: ISO 4217 currency code, percent, ratio, count, persons, km, "
               "years, ...", required=True, enum=list(UNITS)),
    "qualifier": _f("string", "How exact the figure is, from words such as 'about', 'over', 'at least'.",
                    required=True, enum=list(QUALIFIERS)),
    "measure": _f("string", "What the number measures (README: Measures).", required=True,
                  enum=list(MEASURES)),
    "subject": _f("string", "What is counted or measured, as the text names it (e.g. 'regions')."),
    "economy": _f("string", "ISO 3166-1 alpha-3 of the reporting economy (or a group code: EAEU, EU, CIS, "
                  "WLD for the world): the exporter for exports, the importer for imports, the investor for "
                  "investment; for two-way measures the first of the pair in alphabetical order. Never equal "
                  "to partner.", pattern=_ISO3),
    "partner": _f("string", "ISO 3166-1 alpha-3 (or group code) of the partner economy.", pattern=_ISO3),
    "year": _f("integer", "Reference year: the year the claim's period ends in; for a change, its end year.",
               minimum=1800, maximum=2100),
    "period_start": _f("string", "First month of the period the figure covers (YYYY-MM): 'in the first half "
                       "of 2017' -> 2017-01.", pattern=_MONTH),
    "period_end": _f("string", "Last month of the period the figure covers (YYYY-MM): 'in the first half "
                     "of 2017' -> 2017-06.", pattern=_MONTH),
    "period_kind": _f("string", "year, half, quarter, months (e.g. January-September), month, to_date "
                      "(cumulative since a date: a stock such as accumulated investment) or unknown.",
                      required=True, enum=list(PERIOD_KINDS)),
    "base_year": _f("integer", "Year the comparison of a change is made with: 'tripled over the last two "
                    "years' (published 2005) -> 2003, 'up 9% over 2016' -> 2016. Never the claim's own "
                    "period.", minimum=1800, maximum=2100),
    "base_period": _f("string", "The comparison period as an ISO 8601 interval of months "
                      "('2019-01/2019-06' for 'the same period of 2019').",
                      pattern=r"^\d{4}-(?:0[1-9]|1[0-2])/\d{4}-(?:0[1-9]|1[0-2])$"),
    "period_basis": _f("string", "Where the period came from, in the order tried: stated with the figure, "
                       "the figure's clause, a relative expression against the publication date, the previous "
                       "sentence that this one continues, an event whose year the article gives, the "
                       "publication year because the text gives none, or unknown.", required=True,
                       enum=list(PERIOD_BASES)),
    "outlook": _f("string", "actual (an outcome), forecast ('is expected to reach') or target ('plan to "
                  "double trade by 2030'). Only actual figures are levels of their year.", required=True,
                  enum=list(OUTLOOKS)),
    "attributed_to": _f("string", "The body or person whose figure it is, as printed ('the Eurasian Economic "
                        "Commission', 'Kazakh customs'); empty where the text names none."),
    "unit_basis": _f("string", "stated: the unit is printed with the figure; inferred: a bare scaled figure "
                     "takes the currency the article uses for the same measure.", required=True,
                     enum=list(UNIT_BASES)),
    "lang": _f("string", "Language of the text the claim was read from (ISO 639-1: en, ru).", required=True,
               enum=list(LANGS)),
    # audit trail
    "token_id": _f("string", "Identifier of a number-like token: '<source_id>#<char_start>'.", required=True),
    "token": _f("string", "The number-like token as printed.", required=True),
    "kind": _f("string", "Kind of token: digits, number words, multiple, fraction, ordinal, vague "
               "quantity, numeric date.", required=True, enum=list(TOKEN_KINDS)),
    "fate": _f("string", "'claim' or 'excluded'.", required=True, enum=["claim", "excluded"]),
    "reason": _f("string", "Why an excluded token is not a claim.", enum=list(EXCLUSION_REASONS)),
    "detail": _f("string", "What the exclusion rule saw (e.g. 'date: May 17', 'year 2003'), or how an "
                 "ambiguous figure was read ('4.500' read as 4,500)."),
    # sources
    "file": _f("string", "File name of the article in seeds/.", required=True),
    "sha256": _f("string", "SHA-256 of the article file's bytes.", required=True,
                 pattern=r"^[0-9a-f]{64}$"),
    "n_chars": _f("integer", "Length of the article text in characters.", required=True, minimum=0),
    "title": _f("string", "Title as printed; empty where the article prints none."),
    "author": _f("string", "Author as printed; empty where the article names none."),
    "publication": _f("string", "Outlet as printed; empty where the article names none."),
    "section": _f("string", "Section as printed."),
    "volume": _f("integer", "Volume number as printed.", minimum=0),
    "issue": _f("integer", "Issue number as printed.", minimum=0),
    "published": _f("string", "Publication date, ISO 8601 to its known precision (2005-05 or 2005-01-26).",
                    pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$"),
    "published_precision": _f("string", "day, month or year.", enum=list(PRECISIONS)),
    "published_basis": _f("string", "printed in the text, inferred (published_note says from what) or "
                          "given by the caller.", enum=list(DATE_BASES)),
    "published_note": _f("string", "How the publication date was established."),
    "url": _f("string", "Web address of the article where its text prints one; empty otherwise (never "
              "guessed).", pattern=r"^https?://\S+$"),
    "text": _f("string", "The full article text, decoded as UTF-8.", required=True),
    # trade
    "exporter": _f("string", "ISO 3166-1 alpha-3 of the exporting economy.", required=True, pattern=_ISO3),
    "importer": _f("string", "ISO 3166-1 alpha-3 of the importing economy.", required=True, pattern=_ISO3),
    "flow": _f("string", "exports (one direction, exporter -> importer), imports (the importer's record) "
               "or turnover (two-way total; exporter/importer hold the pair alphabetically).",
               required=True, enum=["exports", "imports", "turnover"]),
    "value_usd": _f("number", "Value in US dollars as the article states it (no conversion).",
                    required=True, minimum=0),
    # reference
    "ref_id": _f("string", "Identifier of a reference figure: 'ref-<year>-<indicator>-<n>'.", required=True),
    "indicator": _f("string", "turnover (annual two-way trade) or fdi (direct investment; basis says stock or "
                    "annual inflow).", required=True, enum=["turnover", "fdi"]),
    "basis": _f("string", "What the figure is, as the reference file states it.", required=True),
    "stated_by": _f("string", "Who stated the figure, and when.", required=True),
    "source_title": _f("string", "Title of the outlet's report.", required=True),
    "source_url": _f("string", "Where the figure was reported.", required=True),
    "source_kind": _f("string", "What stands behind the figure: agency_series (a statistical or customs "
                      "agency's data), official_statement (an official's statement), press_background (an "
                      "outlet's figure with no source named).", required=True, enum=list(SOURCE_KINDS)),
    # reconciliation
    "check_id": _f("string", "Stable identifier of a check: '<kind>:<hash of its claim and reference ids>'.",
                   required=True),
    "check_kind": _f("string", "What is compared (README: Reconciliation).", required=True,
                     enum=list(CHECK_KINDS)),
    "check_label": _f("string", "The comparison in words, for tables and charts: the claim, its source and "
                      "what it is compared with.", required=True),
    "claim_ids": _f("string", "The claims compared, ' | '-separated (claims.claim_id).", required=True),
    "reference_ids": _f("string", "The reference figures compared, ' | '-separated (reference.ref_id)."),
    "compared_with": _f("string", "What stands behind the expected figure: other claims, the official series "
                        "(each reporter's statistics), a reference figure from an agency series, an official's "
                        "statement or a press background figure with no source, or the ECB's rates.",
                        required=True, enum=list(COMPARED_WITH)),
    "reporter": _f("string", "For official checks: whose statistics the expected figure is (ISO 3166-1 "
                   "alpha-3), the reporter the claim matches best.", pattern=_ISO3),
    "reading": _f("string", "How the year was read: as_dated (the text dates the figure); for a figure the text "
                  "does not date, publication_year or year_before (the reading tested, or the one that holds), "
                  "or either (both readings hold).", required=True, enum=list(READINGS)),
    "expected": _f("number", "What the other claims (or the official series, the reference, the ECB rate) "
                   "imply; for official checks the figure of the best-matching reporter."),
    "expected_low": _f("number", "Low end of the expected range: the qualifier's range ('about X' is X +/- 5 %), "
                       "the lower of the two reporters' figures (the mirror gap), or 0 for a bound."),
    "expected_high": _f("number", "High end of the expected range; empty where unbounded. For a bound, the "
                        "total a component cannot exceed."),
    "observed": _f("number", "What the claim under test says."),
    "observed_low": _f("number", "Low end of the claim's range ('about X' is X +/- 5 %, 'over X' starts at X)."),
    "observed_high": _f("number", "High end of the claim's range; empty where unbounded ('over X')."),
    "check_unit": _f("string", "Unit of expected and observed (USD, percent, ratio, GBP_per_USD, ...).",
                     required=True),
    "rel_diff": _f("number", "The gap between the observed and the expected range, over expected: 0 where "
                   "they overlap, (observed_low - expected_high) / expected above, (observed_high - "
                   "expected_low) / expected below; for exact figures (observed - expected) / expected. "
                   "Empty when nothing can be compared."),
    "tolerance": _f("number", "Relative difference within which the check counts as consistent.",
                    required=True, minimum=0),
    "verdict": _f("string", "consistent when abs(rel_diff) <= tolerance, inconsistent when greater; with rel_diff "
                  "empty: indeterminate (the data cannot settle it) or not_comparable (the figures measure "
                  "different things: a stock and a flow, a part-year and a year, a forecast and an outcome).",
                  required=True, enum=list(VERDICTS)),
    "explanation": _f("string", "One sentence a reader understands, citing the sources.", required=True),
}

# Variable labels (Stata allows 80 characters): a field whose description opens with a longer sentence
# gets a shorter label here; every other field's label is that first sentence.
LABEL_MAX = 80
LABELS = {
    "char_start": "Offset of the mention's first character in the article text (Python str index)",
    "citation": "Citation of the article (kztrade.cite): author, title, outlet, date [source_id]",
    "value": "Value with its scale applied ('$8 billion' -> 8e9, '70%' -> 70)",
    "unit": "Unit of value: ISO 4217 currency code, percent, ratio, count, ...",
    "economy": "Reporting economy, ISO 3166-1 alpha-3 or group code (exporter, importer, investor)",
    "period_start": "First month of the period the figure covers (YYYY-MM)",
    "period_end": "Last month of the period the figure covers (YYYY-MM)",
    "base_year": "Year a change is measured from",
    "base_period": "Comparison period as an ISO 8601 interval of months (YYYY-MM/YYYY-MM)",
    "period_basis": "Where the period came from (stated, clause, relative, ..., unknown)",
    "outlook": "actual (an outcome), forecast or target",
    "attributed_to": "Body or person whose figure it is, as printed",
    "unit_basis": "stated: unit printed with the figure; inferred: taken from the article",
    "kind": "Kind of token: digits, words, multiple, fraction, ordinal, vague, numeric date",
    "published_basis": "Date printed in the text, inferred (see published_note) or given by the caller",
    "url": "Web address of the article where its text prints one (never guessed)",
    "flow": "exports, imports (the importer's record) or turnover (two-way total)",
    "indicator": "turnover (annual two-way trade) or fdi (direct investment)",
    "source_kind": "What stands behind the figure: agency_series, official_statement, press_background",
    "check_label": "The comparison in words: the claim, its source and what it is compared with",
    "compared_with": "What stands behind the expected figure (claims, official series, ...)",
    "reporter": "For official checks: whose statistics the expected figure is (ISO alpha-3)",
    "reading": "How the year was read: as_dated, publication_year, year_before or either",
    "expected": "What the compared figures imply",
    "expected_low": "Low end of the expected range",
    "rel_diff": "Gap between observed and expected range, over expected (0 where they overlap)",
    "verdict": "consistent, inconsistent, indeterminate or not_comparable",
}


def label(key: str) -> str:
    """A field's label of at most LABEL_MAX characters: LABELS, else its description's first sentence."""
    import re

    text = LABELS.get(key) or re.split(r"(?<=[a-z0-9)'])\. ", FIELDS[key]["description"], maxsplit=1)[0]
    text = text.rstrip(".")
    if len(text) > LABEL_MAX:  # a description edited since: cut at a word rather than fail an export
        text = text[:LABEL_MAX - 1].rsplit(" ", 1)[0] + "…"
    return text
