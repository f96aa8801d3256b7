"""Build hook beside pyproject.toml: KZTRADE_WITHOUT_TEXTS=1 builds kztrade without the article texts.

The articles are their publishers' copyright, shipped only so that every citation can be checked; whoever
redistributes kztrade can leave them out:

    KZTRADE_WITHOUT_TEXTS=1 python -m pip wheel --no-deps . -w dist/

The wheel then has every table but texts, and its datapackage.json records texts under "kztrade:omitted", so
`kztrade validate` passes and `kztrade.load("texts")` says the texts were left out.
"""
import json
import os
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ENV = "KZTRADE_WITHOUT_TEXTS"
OMITTED = ("texts",)


class BuildPy(build_py):
    def finalize_options(self):
        super().finalize_options()
        # copy every file afresh: a build/ left by an earlier build (with or without the texts) must not leak in
        self.force = True

    def run(self):
        super().run()
        if os.environ.get(ENV, "").strip() in ("", "0"):
            return
        data = Path(self.build_lib) / "kztrade" / "data"
        for name in OMITTED:
            for suffix in (".parquet", ".csv"):
                (data / f"{name}{suffix}").unlink(missing_ok=True)
        meta = data / "datapackage.json"
        if meta.is_file():
            pkg = json.loads(meta.read_text(encoding="utf-8"))
            pkg["resources"] = [r for r in pkg["resources"] if r["name"] not in OMITTED]
            pkg["kztrade:omitted"] = {name: f"left out of this build ({ENV}=1): the articles remain their "
                                            "publishers' copyright" for name in OMITTED}
            meta.write_text(json.dumps(pkg, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


setup(cmdclass={"build_py": BuildPy})
