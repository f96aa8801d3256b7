"""One pandera schema per table, generated from the field metadata, plus the checks across tables.

pandera is imported here only, so `import kztrade` and `kztrade.load()` stay light.
"""
from __future__ import annotations

from .frames import pandas_dtypes
from .metadata.resources import RESOURCES, field


class TableValidationError(ValueError):
    """A table failed its schema; the message names the table, columns, rows and checks."""

    def __init__(self, table: str, failure_cases):
        self.table = table
        self.failure_cases = failure_cases
        lines = [f"table '{table}' failed validation ({len(failure_cases)} failure cases):"]
        for (column, check), grp in failure_cases.groupby(["column", "check"], dropna=False, sort=False):
            rows = [int(i) for i in grp["index"].dropna().tolist()][:20]
            cases = [repr(v)[:60] for v in grp["failure_case"].tolist()[:5]]
            col = column if isinstance(column, str) else "(table)"
            lines.append(f"  column '{col}', check {check}: rows {rows or 'n/a'}; failure cases {cases}")
        super().__init__("\n".join(lines))


def schema(table: str, context: dict | None = None):
    """The pandera DataFrameSchema of a table; context holds the other tables for cross-table checks."""
    import pandera.pandas as pa

    res = RESOURCES[table]
    optional = set(res.get("optional", ()))
    dtypes = pandas_dtypes(table)
    cols = {}
    for c in res["fields"]:
        con = field(table, c)["constraints"]
        checks = []
        if "enum" in con:
            checks.append(pa.Check.isin(con["enum"]))
        if "minimum" in con:
            checks.append(pa.Check.ge(con["minimum"]))
        if "maximum" in con:
            checks.append(pa.Check.le(con["maximum"]))
        if "pattern" in con:
            checks.append(pa.Check.str_matches(con["pattern"]))
        required = con.get("required", False) and c not in optional
        cols[c] = pa.Column(dtypes[c], checks=checks, nullable=not required,
                            unique=res["primary_key"] == [c], description=field(table, c)["description"])
    frame_checks = _cross_checks(table, context or {}, pa)
    unique = [u for u in res.get("unique", []) if len(u) > 1]
    return pa.DataFrameSchema(cols, checks=frame_checks, strict=True, ordered=True, name=table,
                              unique=unique[0] if unique else None, coerce=False)


def _cross_checks(table: str, ctx: dict, pa) -> list:
    checks = []
    if table == "claims":
        checks.append(pa.Check(lambda df: df["char_end"] > df["char_start"], name="char_end_after_char_start"))
        checks.append(pa.Check(lambda df: df["claim_id"] == df["source_id"] + ":" + df["char_start"].astype(str)
                               + "-" + df["char_end"].astype(str), name="claim_id_from_offsets"))
        # a pair of one economy says nothing; a comparison base lies before the claim's own period
        checks.append(pa.Check(lambda df: ~(df["economy"].notna() & (df["economy"] == df["partner"])).fillna(False),
                               name="economy_differs_from_partner"))
        checks.append(pa.Check(lambda df: (df["base_year"].isna() | df["year"].isna()
                                           | (df["base_year"] <= df["year"])).fillna(True),
                               name="base_year_not_after_year"))
    for fk in RESOURCES[table]["foreign_keys"]:
        ref = fk["reference"]
        if ref["resource"] in ctx:
            (col,), (ref_col,) = fk["fields"], ref["fields"]
            allowed = set(ctx[ref["resource"]][ref_col].dropna())
            checks.append(pa.Check(lambda df, col=col, allowed=allowed: df[col].isna() | df[col].isin(allowed),
                                   name=f"{col}_in_{ref['resource']}"))
    if table in ("claims", "tokens") and "texts" in ctx:
        texts = dict(zip(ctx["texts"]["source_id"], ctx["texts"]["text"]))
        quote = "mention" if table == "claims" else "token"

        def matches_text(df, quote=quote):
            import pandas as pd

            return pd.Series([texts.get(s, "")[a:b] == m for s, a, b, m in
                              zip(df["source_id"], df["char_start"], df["char_end"], df[quote])], index=df.index)

        checks.append(pa.Check(matches_text, name=f"{quote}_equals_text_at_offsets"))
    return checks


def validate(table: str, df, context: dict | None = None):
    """Validate one table lazily (every failure, not the first); raise TableValidationError."""
    import pandera.pandas as pa

    try:
        return schema(table, context).validate(df, lazy=True)
    except pa.errors.SchemaErrors as err:
        raise TableValidationError(table, err.failure_cases) from None


def validate_all(tables: dict) -> None:
    """Validate every table, each against the others (foreign keys, offsets into the texts)."""
    for name, df in tables.items():
        validate(name, df, tables)
