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


# The kernel draws inline whatever MPLBACKEND the caller has set (a test run sets Agg, which would leave every
# chart out of the notebooks and reports). Its sockets are encrypted with keys jupyter_client makes for it
# (CurveZMQ): over plain TCP ipykernel warns on every start.
KERNEL_ENV = {"MPLBACKEND": "module://matplotlib_inline.backend_inline"}
KERNEL_CONFIG = {"KernelManager": {"transport_encryption": "auto"}}


async def execute(nb, folder: Path):
    """Run a notebook in place: the same outputs and metadata on every run (no execution timestamps; no memory
    addresses in the plain-text fallback of an object such as a pandas Styler, shown as HTML)."""
    import os
    import re

    from nbclient import NotebookClient
    from traitlets.config import Config

    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    client = NotebookClient(nb, timeout=600, kernel_name="python3", record_timing=False,
                            config=Config(KERNEL_CONFIG), resources={"metadata": {"path": str(folder)}})
    await client.async_execute(env={**os.environ, **KERNEL_ENV})
    address = re.compile(r" at 0x[0-9a-f]+>")
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            plain = out.get("data", {}).get("text/plain")
            if isinstance(plain, str):
                out["data"]["text/plain"] = address.sub(">", plain)
    return nb


async def notebooks(folder: Path, out: Path, jobs: int | None = None) -> list[Path]:
    """Each notebook executed in place and exported to out/*.html; `jobs` kernels at a time (one per CPU)."""
    import asyncio
    import os
    import time

    import nbformat
    from nbconvert import HTMLExporter

    from .store import atomic_write

    gate = asyncio.Semaphore(jobs or os.cpu_count() or 1)

    async def one(nb_path: Path) -> list[Path]:
        async with gate:
            start = time.monotonic()
            print(f"running {nb_path} ...", flush=True)
            nb = await execute(nbformat.read(nb_path, as_version=4), folder)
        text = nbformat.writes(nb)
        atomic_write(nb_path, (text if text.endswith("\n") else text + "\n").encode("utf-8"))
        html, _ = HTMLExporter().from_notebook_node(nb)
        target = out / nb_path.with_suffix(".html").name
        atomic_write(target, html.encode("utf-8"))
        print(f"ran {nb_path} in {time.monotonic() - start:.1f} s", flush=True)
        return [nb_path, target]

    done = await asyncio.gather(*(one(p) for p in sorted(folder.glob("[0-9][0-9]-*.ipynb"))))
    return [p for pair in done for p in pair]


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
    """Figures first, in the main thread, then the notebooks side by side in their kernels.

    Drawing in a thread while nbclient starts the kernels raced two imports of IPython in one process (pyplot
    looks for IPython to install its display hook) and failed now and then with a partially initialised module.
    """
    import asyncio

    root = Path(root)
    out = root / "reports"
    print("drawing figures ...", flush=True)
    made = figures(out / "figures") + summary(out)
    made += asyncio.run(notebooks(root / "notebooks", out))
    for p in made:
        print(f"wrote {p}")


if __name__ == "__main__":
    run(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("."))
