"""The README's table and column reference, generated from the metadata (python -m kztrade.docs README.md)."""
from __future__ import annotations

import re
import sys
from pathlib import Path

from .frames import pandas_dtypes
from .metadata.fields import FIELDS, MEASURES
from .metadata.resources import RESOURCES, field

START, END = "<!-- columns:start -->", "<!-- columns:end -->"


def reference() -> str:
    out = []
    for name, res in RESOURCES.items():
        dtypes = pandas_dtypes(name)
        optional = set(res.get("optional", ()))
        out.append(f"### `{name}`\n\n{res['description']} Primary key: `{', '.join(res['primary_key'])}`.\n")
        out.append("| column | dtype | required | description |\n|---|---|---|---|")
        for c in res["fields"]:
            f = field(name, c)
            con = f["constraints"]
            desc = f["description"]
            if "enum" in con and c not in ("unit", "measure"):
                desc += " One of: " + ", ".join(f"`{v}`" for v in con["enum"]) + "."
            req = "yes" if con.get("required") and c not in optional else ""
            out.append(f"| `{c}` | {dtypes[c]} | {req} | {desc} |")
        out.append("")
    out.append("Units: " + ", ".join(f"`{u}`" for u in FIELDS["unit"]["constraints"]["enum"]) + ".\n")
    out.append("Measures: " + ", ".join(f"`{m}`" for m in MEASURES) + ".\n")
    return "\n".join(out)


def render(readme: str) -> str:
    block = f"{START}\n{reference()}\n{END}"
    return re.sub(re.escape(START) + r".*?" + re.escape(END), lambda _: block, readme, flags=re.S)


if __name__ == "__main__":
    from .store import atomic_write

    path = Path(sys.argv[1] if len(sys.argv) > 1 else "README.md")
    text = path.read_text(encoding="utf-8")
    if render(text) != text:  # an unchanged README keeps its time stamp, so make sees nothing new
        atomic_write(path, render(text).encode("utf-8"))
