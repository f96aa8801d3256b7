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
    if table == "trade" and "claims" in ctx:
        values = dict(zip(ctx["claims"]["claim_id"], ctx["claims"]["value"]))
        owners = dict(zip(ctx["claims"]["claim_id"], ctx["claims"]["source_id"]))
        checks.append(pa.Check(lambda df: df["value_usd"] == df["claim_id"].map(values).astype("Float64"),
                               name="value_usd_equals_its_claims_value", ignore_na=False))
        checks.append(pa.Check(lambda df: df["source_id"] == df["claim_id"].map(owners).astype("string"),
                               name="source_id_equals_its_claims", ignore_na=False))
    if table == "tokens" and "claims" in ctx:
        known = set(ctx["claims"]["claim_id"])

        def claim_exists(df):
            has = df["claim_id"].notna()
            return (has == (df["fate"] == "claim")) & (~has | df["claim_id"].isin(known))

        checks.append(pa.Check(claim_exists, name="claim_id_of_a_claim_token_exists", ignore_na=False))
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


class PackageError(ValueError):
    """A folder of tables is incomplete or altered; the message lists every problem found."""


def _sha256(path) -> str:
    import hashlib

    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return "sha256:" + h.hexdigest()


def read_package(folder) -> dict:
    """The tables of a folder written by `kztrade build` (data/processed or the package copy), after checking
    that datapackage.json declares every table, that every declared file is there, and that each file's sha256
    is the one recorded: a flipped bit that changes a value changes the hash. Raises PackageError."""
    import json
    from pathlib import Path

    import pyarrow.parquet as pq

    from .frames import arrow_schema

    folder = Path(folder)
    meta = folder / "datapackage.json"
    if not meta.is_file():
        raise PackageError(f"{folder}: no datapackage.json; not a folder of kztrade tables (run kztrade build)")
    try:
        pkg = json.loads(meta.read_text(encoding="utf-8"))
        declared = {r["name"]: r for r in pkg["resources"]}
        # a wheel built without the article texts (setup.py) says so, rather than declaring a missing file
        expected = [t for t in RESOURCES if t not in pkg.get("kztrade:omitted", {})]
    except (ValueError, KeyError, TypeError) as e:
        raise PackageError(f"{meta}: unreadable ({type(e).__name__}: {e})") from None
    problems = [f"{meta}: table {t!r} is not declared" for t in expected if t not in declared]
    problems += [f"{meta}: declares {t!r}, which kztrade does not define" for t in declared if t not in RESOURCES]
    for name, res in declared.items():
        if name not in RESOURCES:
            continue
        for rel, want in ((res.get("path"), res.get("hash")),
                          (res.get("kztrade:parquet", {}).get("path"), res.get("kztrade:parquet", {}).get("hash"))):
            if not rel:
                problems.append(f"{meta}: table {name!r} names no file")
                continue
            path = folder / rel
            if not path.is_file():
                problems.append(f"{path}: missing (declared in datapackage.json)")
            elif _sha256(path) != want:
                problems.append(f"{path}: sha256 differs from datapackage.json; the file was changed after the "
                                "build (rebuild with kztrade build)")
    if problems:
        raise PackageError(f"{folder}: " + "\n  ".join([f"{len(problems)} problems:", *problems]))
    mapping = None
    tables = {}
    for name in expected:
        t = pq.read_table(folder / declared[name]["kztrade:parquet"]["path"])
        if not t.schema.equals(arrow_schema(name), check_metadata=False):
            problems.append(f"{folder}/{name}.parquet: schema differs from the table's definition (stale build?)")
            continue
        if mapping is None:
            import pandas as pd

            mapping = {"string": pd.StringDtype(), "int64": pd.Int64Dtype(), "double": pd.Float64Dtype(),
                       "bool": pd.BooleanDtype()}
        tables[name] = t.to_pandas(types_mapper=lambda typ: mapping.get(str(typ)))
    if problems:
        raise PackageError(f"{folder}: " + "\n  ".join([f"{len(problems)} problems:", *problems]))
    return tables


def validate_package(folder) -> dict:
    """read_package, then every table against its schema and the others (TableValidationError)."""
    tables = read_package(folder)
    validate_all(tables)
    return tables
