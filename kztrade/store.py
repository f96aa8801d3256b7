"""Writing tables: parquet with an explicit schema, CSV copies, datapackage.json - each file atomically."""
from __future__ import annotations

import hashlib
import io
import json
import os
import tempfile
from pathlib import Path

from .frames import arrow_schema
from .metadata.resources import RESOURCES, field


def atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary file beside path, then rename: a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; tables are for everyone to read
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def parquet_bytes(table: str, df) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    t = pa.Table.from_pandas(df, schema=arrow_schema(table), preserve_index=False)
    buf = io.BytesIO()
    # no timestamps or writer-dependent statistics, so a rebuild is byte-identical
    pq.write_table(t, buf, compression="zstd", write_statistics=False, store_schema=True)
    return buf.getvalue()


def csv_bytes(df) -> bytes:
    return df.to_csv(index=False, lineterminator="\n").encode("utf-8")


def table_files(table: str, df) -> dict[str, bytes]:
    return {f"{table}.parquet": parquet_bytes(table, df), f"{table}.csv": csv_bytes(df)}


def datapackage(files: dict[str, bytes], provenance: dict) -> bytes:
    """A Frictionless Data Package describing each table's CSV, with its parquet twin noted."""
    resources = []
    for name, res in RESOURCES.items():
        if f"{name}.csv" not in files:
            continue
        optional = set(res.get("optional", ()))
        fields = []
        for c in res["fields"]:
            f = field(name, c)
            con = dict(f["constraints"])
            if c in optional:
                con.pop("required", None)
            fields.append({"name": c, "type": f["type"], "description": f["description"],
                           **({"constraints": con} if con else {})})
        schema = {"fields": fields, "primaryKey": res["primary_key"], "missingValues": [""]}
        if res["foreign_keys"]:
            schema["foreignKeys"] = [{"fields": fk["fields"], "reference": fk["reference"]}
                                     for fk in res["foreign_keys"]]
        data = files[f"{name}.csv"]
        resources.append({
            "name": name, "path": f"{name}.csv", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "description": res["description"], "bytes": len(data),
            "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
            "kztrade:parquet": {"path": f"{name}.parquet",
                                "hash": "sha256:" + hashlib.sha256(files[f"{name}.parquet"]).hexdigest()},
            "schema": schema,
        })
    pkg = {
        "name": "kztrade", "title": "Quantitative claims about Russia-Kazakhstan trade, with citations",
        "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
                      "title": "Tables: Creative Commons Attribution 4.0; article texts remain their "
                               "publishers' and are quoted for citation"}],
        "resources": resources, "kztrade:provenance": provenance,
    }
    return (json.dumps(pkg, indent=1, ensure_ascii=False, sort_keys=False) + "\n").encode("utf-8")


def write_all(out_dirs: list[Path], files: dict[str, bytes]) -> None:
    """Write every file into each folder; datapackage.json last, so its hashes describe what is there."""
    for d in out_dirs:
        for name in sorted(files, key=lambda n: n == "datapackage.json"):
            atomic_write(d / name, files[name])
