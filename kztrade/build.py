"""seeds/ -> data/raw (audit trail) and data/processed (validated tables), and the copy in the package."""
from __future__ import annotations

import hashlib
import sys
from importlib import metadata, resources
from pathlib import Path

from . import official as off
from . import sources as src
from .extract import extract
from .frames import frame
from .lang import detect as detect_lang
from .reconcile import TOLERANCES, reconcile
from .reference import REFERENCE_FILE, reference_table
from .store import atomic_write, csv_bytes, datapackage, table_files, write_all
from .tabulate import claims_table, sources_table, texts_table, trade_table
from .validate import validate_all

KEY_LIBRARIES = ("pandas", "pyarrow", "number-parser", "pycountry", "python-dateutil", "CurrencyConverter")


def code_digest() -> str:
    """sha256 over the package's code and vocabularies, so stale tables can be told from fresh ones."""
    h = hashlib.sha256()
    root = resources.files("kztrade")

    def walk(node, prefix=""):
        for child in sorted(node.iterdir(), key=lambda c: c.name):
            name = prefix + child.name
            if child.is_dir():
                if child.name not in ("data", "__pycache__"):
                    walk(child, name + "/")
            elif child.name.endswith((".py", ".csv")):
                h.update(name.encode() + b"\0" + child.read_bytes() + b"\0")

    walk(root)
    return h.hexdigest()


def provenance(seed_rows: list[dict], meta_bytes: bytes, reference_bytes: bytes, official=None) -> dict:
    inputs = hashlib.sha256(meta_bytes)
    for r in sorted(seed_rows, key=lambda r: r["file"]):
        inputs.update(f"{r['file']}:{r['sha256']}\n".encode())
    inputs.update(b"reference:" + hashlib.sha256(reference_bytes).hexdigest().encode())
    if official is not None:
        inputs.update(b"official:" + official.sha256.encode())
    return {
        "official_series": official.provenance() if official is not None else {"sha256": None,
                                                                                "note": "not found at build time"},
        "inputs_sha256": inputs.hexdigest(),
        "code_sha256": code_digest(),
        "libraries": {lib: metadata.version(lib) for lib in KEY_LIBRARIES},
        "refresh": "make all (or: kztrade build) and commit data/ and kztrade/data/",
    }


def build_tables(root: Path, official: str | Path | None = None) -> tuple[dict, object, dict]:
    """(tables, tokens audit frame, provenance) from root/seeds and root/data/raw, and the official series
    (official, else $KZTRADE_OFFICIAL, else ../shared/official_series/series.csv beside root); nothing is
    written. Without the official series everything else is built and one line says so."""
    series = off.load(official, root=Path(root))
    if series is None and official:
        raise src.InputError(f"{official}: official series not found")
    if series is None:
        print(off.missing_message(off.resolve(Path(root), official)), file=sys.stderr)
    seeds = Path(root) / "seeds"
    rows = src.read_metadata(seeds)
    all_claims: list[dict] = []
    all_tokens: list[dict] = []
    texts: dict[str, str] = {}
    for r in rows:
        text, _ = src.read_seed(seeds, r)
        claims, tokens = extract(text, source_id=r["source_id"], published=r["published"] or None)
        all_claims += claims
        all_tokens += tokens
        texts[r["source_id"]] = text
        r["n_chars"] = len(text)
        r["lang"] = detect_lang(text)
    sources = sources_table(rows)
    claims = claims_table(all_claims, rows)
    reference = reference_table(root)
    tables = {"sources": sources, "texts": texts_table(texts), "claims": claims, "trade": trade_table(claims),
              "tokens": frame("tokens", all_tokens), "reference": reference,
              "reconciliation": reconcile(claims, reference, sources, official=series)}
    validate_all(tables)
    prov = provenance(rows, (seeds / "sources.csv").read_bytes(), (Path(root) / REFERENCE_FILE).read_bytes(), series)
    prov["tolerances"] = TOLERANCES
    return tables, tables["tokens"], prov


def run(root: Path = Path("."), package_data: bool | None = None, official: str | Path | None = None) -> dict:
    """Build everything under root; returns the tables. Writes only after every table validated."""
    root = Path(root)
    tables, tokens, prov = build_tables(root, official)
    files: dict[str, bytes] = {}
    for name, df in tables.items():
        files.update(table_files(name, df))
    files["datapackage.json"] = datapackage(files, prov)
    outs = [root / "data" / "processed"]
    pkg = root / "kztrade" / "data"
    if package_data or (package_data is None and (root / "kztrade" / "__init__.py").exists()):
        outs.append(pkg)
    write_all(outs, files)
    atomic_write(root / "data" / "raw" / "tokens.csv", csv_bytes(tokens))
    return tables
