"""reports/: every figure as PNG and SVG, the official summary as CSV, and each notebook executed in place and
exported to HTML.

    python -m kztrade.reports [ROOT]
"""
from __future__ import annotations

import sys
from pathlib import Path


def figures(out: Path) -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    import kztrade

    from . import official, plots
    from .reconcile import levels_frame

    claims = kztrade.load("claims")
    levels, reference = levels_frame(claims), kztrade.load("reference")
    charts = [
        ("claims-overview", lambda: plots.claims_overview(claims, kztrade.load("sources"))),
        ("trade-timeline", lambda: plots.trade_timeline(levels, reference)),
        ("reconciliation", lambda: plots.reconciliation_chart(kztrade.load("reconciliation"), claims)),
    ]
    series = official.load()
    if series is None:
        print(official.missing_message(official.resolve()), file=sys.stderr)
    else:
        charts += [("official-timeline", lambda: plots.official_timeline(levels, series, reference)),
                   ("mirror-statistics", lambda: plots.mirror_chart(series, levels))]
    made = []
    for name, draw in charts:
        fig = draw()
        made += plots.save(fig, out, name)
        plt.close(fig)
    return made


def notebooks(folder: Path, out: Path) -> list[Path]:
    import nbformat
    from nbclient import NotebookClient
    from nbconvert import HTMLExporter

    made = []
    for nb_path in sorted(folder.glob("[0-9][0-9]-*.ipynb")):
        nb = nbformat.read(nb_path, as_version=4)
        NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(folder)}}).execute()
        nbformat.write(nb, nb_path)
        html, _ = HTMLExporter().from_notebook_node(nb)
        target = out / nb_path.with_suffix(".html").name
        target.write_text(html, encoding="utf-8")
        made += [nb_path, target]
    return made


def summary(out: Path) -> list[Path]:
    """reports/official-summary.csv: per year and series, the claims, each reporter's figure (US$), the official
    range and the claims outside it - the table to quote (needs the official series)."""
    import kztrade

    from . import official
    from .reconcile import official_summary
    from .store import atomic_write, csv_bytes

    series = official.load()
    if series is None:
        return []
    table = official_summary(kztrade.load("reconciliation"), kztrade.load("claims"), series)
    atomic_write(out / "official-summary.csv", csv_bytes(table))
    return [out / "official-summary.csv"]


def run(root: Path = Path(".")) -> None:
    root = Path(root)
    out = root / "reports"
    (out / "figures").mkdir(parents=True, exist_ok=True)
    for p in figures(out / "figures") + summary(out) + notebooks(root / "notebooks", out):
        print(f"wrote {p}")


if __name__ == "__main__":
    run(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("."))
