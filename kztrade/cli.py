"""The kztrade command: build, extract, validate, export, tables."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _build(a) -> int:
    from .build import run

    tables = run(Path(a.root), official=a.official)
    for name, df in tables.items():
        print(f"{name:8} {len(df):6d} rows")
    print(f"wrote {Path(a.root) / 'data' / 'processed'} and {Path(a.root) / 'data' / 'raw' / 'tokens.csv'}")
    return 0


def _validate(a) -> int:
    from importlib import resources

    from .validate import validate_all, validate_package

    folders = [Path(f) for f in a.folders]
    if not folders:  # the copy inside the package, and the project's data/processed where there is one
        with resources.as_file(resources.files("kztrade").joinpath("data")) as pkg:
            folders.append(Path(pkg))
        processed = Path(a.root or ".") / "data" / "processed"
        if processed.is_dir():
            folders.append(processed)
    for folder in folders:
        tables = validate_package(folder)
        print(f"valid: {folder}: " + ", ".join(f"{k} ({len(v)} rows)" for k, v in tables.items()))
    if a.root:
        from .build import build_tables

        tables, _, _ = build_tables(Path(a.root))
        validate_all(tables)
        print(f"valid: rebuilt from {Path(a.root) / 'seeds'}: "
              + ", ".join(f"{k} ({len(v)} rows)" for k, v in tables.items()))
    return 0


def _tables(a) -> int:
    import kztrade

    for t in kztrade.tables():
        print(t)
    return 0


def _extract(a) -> int:
    from .corpus import run_extract

    return run_extract(a.inputs, Path(a.output), published=a.published, tokens_out=a.tokens,
                       jobs=a.jobs, progress=a.progress, engine=a.engine, scheduler=a.scheduler,
                       partitions=a.partitions, overwrite=a.overwrite, lang=a.lang)


def _export(a) -> int:
    from .export import export

    files = export(a.format, a.out, overwrite=a.overwrite)
    print(f"wrote {a.out}: " + ", ".join(p.name for p in files))
    return 0


def _positive(s: str) -> int:
    try:
        n = int(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{s!r} is not a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"{n}: give at least 1")
    return n


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="kztrade", description=__doc__)
    sub = p.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build", help="seeds/ -> data/raw, data/processed (validated)")
    b.add_argument("--root", default=".", help="project folder holding seeds/ (default: .)")
    b.add_argument("--official", default=None, metavar="PATH",
                   help="official trade series in long form (default: $KZTRADE_OFFICIAL, else "
                        "../shared/official_series/series.csv beside ROOT); read, never copied")
    b.set_defaults(func=_build)
    e = sub.add_parser("extract", help="claims of any text files")
    e.add_argument("inputs", nargs="+", help="text files, folders of .txt files, glob patterns, or a table of "
                                              "documents: .jsonl or .parquet with id, text and optional published")
    e.add_argument("-o", "--output", required=True,
                   help="OUT.parquet, OUT.csv, or a folder (OUT/) of partitioned parquet; an existing output is "
                        "replaced only if kztrade wrote it")
    e.add_argument("--overwrite", action="store_true",
                   help="replace an existing -o/--tokens output that kztrade did not write (never an input)")
    e.add_argument("--lang", choices=["auto", "en", "ru"], default="auto",
                   help="language of the documents (default auto: decided per document by its script)")
    e.add_argument("--published", default=None, help="publication date for every input (ISO 8601)")
    e.add_argument("--tokens", default=None, help="also write the audit trail of every number-like token here")
    e.add_argument("--jobs", type=_positive, default=1,
                   help="worker processes (default 1; never more than there are documents)")
    e.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="progress bar (default: on when stderr is a terminal)")
    e.add_argument("--engine", choices=["local", "dask"], default="local",
                   help="local processes (default) or Dask (pip install kztrade[dask]); dask writes a folder")
    e.add_argument("--scheduler", default=None, help="with --engine dask: address of a scheduler to join "
                                                      "(default: a local cluster of --jobs workers)")
    e.add_argument("--partitions", type=int, default=None, help="with --engine dask: number of partitions")
    e.set_defaults(func=_extract)
    v = sub.add_parser("validate", help="check folders of tables: every file present and unchanged "
                                         "(sha256 against datapackage.json), every table against its schema "
                                         "and the others")
    v.add_argument("folders", nargs="*", help="folders of tables (default: the package copy and ./data/processed)")
    v.add_argument("--root", default=None, help="also rebuild from ROOT/seeds and validate the result, and check "
                                                "ROOT/data/processed")
    v.set_defaults(func=_validate)
    x = sub.add_parser("export", help="the shipped tables as CSV, parquet, Stata (.dta, 118) or Excel (.xlsx), "
                                      "with a data dictionary and the licences")
    x.add_argument("--format", required=True, choices=["csv", "parquet", "stata", "excel"])
    x.add_argument("--out", required=True, metavar="DIR",
                   help="folder to write; an existing one is replaced only if kztrade export wrote it")
    x.add_argument("--overwrite", action="store_true",
                   help="replace an existing folder that kztrade export did not write, and everything in it")
    x.set_defaults(func=_export)
    t = sub.add_parser("tables", help="list the shipped tables")
    t.set_defaults(func=_tables)
    a = p.parse_args(argv)
    from .sources import InputError
    from .validate import PackageError, TableValidationError

    try:
        return a.func(a)
    except (InputError, PackageError, TableValidationError) as err:
        print(f"kztrade {a.cmd}: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:  # the local engine handles its own; this is dask's or the build's
        print(f"kztrade {a.cmd}: interrupted", file=sys.stderr)
        return 130
    except OSError as err:  # a read-only or full disk: one line, and the writers have removed their temp files
        where = f": {err.filename}" if err.filename else ""
        done = "; nothing was written" if a.cmd == "extract" else ""  # extract removes its temporary files
        print(f"kztrade {a.cmd}: {err.strerror or err}{where}{done}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
