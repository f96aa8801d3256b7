"""Citations of the articles: CSL-JSON records, BibTeX (pybtex) and footnote text (citeproc-py).

One CSL-JSON record per article is built from its row of the sources table (or of seeds/sources.csv) holding
only what the row holds: no author where the article names none, the date to its known precision. BibTeX and
the text form are rendered from that record by libraries, so the three never disagree; the text form is what
the build stores in ``sources.citation`` and ``claims.citation``.

    >>> kztrade.cite(source_id)                          # a source id, or a claim id
    >>> kztrade.cite(claim_id, style="bibtex")
    >>> kztrade.cite(claim_id, style="csl-json")          # a dict; json.dumps([...]) for a reference manager
    >>> kztrade.cite(source_id, style="path/to/any-style.csl")
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Mapping

STYLES = ("text", "bibtex", "csl-json")
_LANGID = {"en": "english", "ru": "russian"}


def _blank(v):
    """None for an empty or missing cell (None, pandas NA, NaN, blanks), else the value."""
    import pandas as pd

    if v is None or v is pd.NA or (isinstance(v, float) and v != v):
        return None
    return None if str(v).strip() == "" else v


def _persons(author: str) -> list:
    """pybtex Persons of an author cell: 'A and B' or 'A; B' name several people."""
    import re

    from pybtex.database import Person

    return [Person(name.strip()) for name in re.split(r";| and ", author) if name.strip()]


def _csl_name(person, printed: str) -> dict:
    family = " ".join(person.prelast_names + person.last_names)
    given = " ".join(person.first_names + person.middle_names)
    if not family or not given:  # one word (an agency, a pen name): keep it whole rather than guess its parts
        return {"literal": printed}
    name = {"family": family, "given": given}
    if person.lineage_names:
        name["suffix"] = " ".join(person.lineage_names)
    return name


def _date_parts(published) -> list[int] | None:
    """[2005], [2005, 5] or [2005, 5, 26]: as many parts as the date is known to."""
    if published is None:
        return None
    return [int(p) for p in str(published).split("-")]


def csl_item(src: Mapping) -> dict:
    """The CSL-JSON record of one article from its sources row (a dict, a pandas row or a seed metadata row)."""
    get = lambda k: _blank(src.get(k))  # noqa: E731
    item: dict = {"id": str(src["source_id"])}
    publication = get("publication")
    # an article in a named periodical is a magazine article: the row says no more, so nothing finer
    # (newspaper, blog) is claimed; without an outlet it is a plain article
    item["type"] = "article-magazine" if publication else "article"
    if (author := get("author")) is not None:
        item["author"] = [_csl_name(p, str(p)) for p in _persons(str(author))]
    for key, col in (("title", "title"), ("container-title", "publication"), ("section", "section"),
                     ("volume", "volume"), ("issue", "issue"), ("URL", "url"), ("language", "lang")):
        if (v := get(col)) is not None:
            item[key] = str(v)
    if (parts := _date_parts(get("published"))) is not None:
        item["issued"] = {"date-parts": [parts]}
    if get("published_basis") == "inferred" and get("published_note"):
        item["note"] = str(get("published_note"))  # how the date was inferred: a reader should know it was
    item["citation-label"] = item["id"]
    return item


@lru_cache(maxsize=8)
def _style(style: str):
    from citeproc import CitationStylesStyle

    if style == "text":
        with resources.as_file(resources.files("kztrade").joinpath("cite.csl")) as path:
            return CitationStylesStyle(str(path), validate=False)  # checked against the CSL schema in the tests
    return CitationStylesStyle(style, validate=True)


def render(item: dict, style: str = "text") -> str:
    """One CSL-JSON record as text in a CSL style: kztrade's footnote form ('text'), a .csl file or a style
    name citeproc-py knows."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    bib = CitationStylesBibliography(_style(style), CiteProcJSON([item]), formatter.plain)
    bib.register(Citation([CitationItem(item["id"])]))
    return str(bib.bibliography()[0])


def _bibtex_writer():
    from pybtex.database.output.bibtex import Writer

    class _Writer(Writer):
        def _encode(self, text):
            # latexcodec leaves '$' for math; in a title it is a dollar sign ('$8 billion')
            return super()._encode(text).replace("$", r"\$")

        def _write_field(self, stream, type, value):
            if type.lower() == "url":  # biblatex reads url verbatim: an escaped '_' would become part of it
                self.check_braces(value)
                stream.write(f",\n    {type} = {{{value}}}")
            else:
                super()._write_field(stream, type, value)

    return _Writer(encoding="UTF-8")


def bibtex(item: dict) -> str:
    """The record as a BibTeX entry keyed by source id (biblatex 'date' to its precision, year for BibTeX)."""
    from pybtex.database import BibliographyData, Entry, Person

    fields = {}
    for key, col in (("title", "title"), ("journal", "container-title"), ("volume", "volume"),
                     ("number", "issue"), ("note", "note"), ("url", "URL")):
        if col in item:
            fields[key] = item[col]
    if "issued" in item:
        parts = item["issued"]["date-parts"][0]
        fields["year"] = str(parts[0])
        if len(parts) > 1:
            fields["month"] = str(parts[1])
        fields["date"] = "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts))
    if item.get("language") in _LANGID:
        fields["langid"] = _LANGID[item["language"]]
    persons = {}
    if "author" in item:
        persons["author"] = [Person(string=a["literal"]) if "literal" in a else
                             Person(first=a["given"], last=a["family"], lineage=a.get("suffix", ""))
                             for a in item["author"]]
    kind = "article" if "container-title" in item else "misc"
    data = BibliographyData({item["id"]: Entry(kind, fields=fields, persons=persons)})
    return _bibtex_writer().to_string(data)


def text(src: Mapping) -> str:
    """The footnote form stored in sources.citation and claims.citation."""
    return render(csl_item(src), "text")


def _source_row(ident: str) -> dict:
    import kztrade

    sources = kztrade.load("sources")
    hit = sources[sources["source_id"] == ident]
    if hit.empty:
        claims = kztrade.load("claims")
        claim = claims[claims["claim_id"] == ident]
        if claim.empty:
            raise KeyError(f"{ident!r} is neither a source_id nor a claim_id of the tables kztrade ships")
        hit = sources[sources["source_id"] == claim["source_id"].iloc[0]]
    return hit.iloc[0].to_dict()


def cite(ident: str, style: str = "text"):
    """The citation of an article, by its source_id or the claim_id of any claim read from it.

    style: 'text' (the footnote form, equal to the row's ``citation`` column), 'bibtex' (an entry for
    BibTeX/biblatex), 'csl-json' (a CSL-JSON record, a dict: reference managers import a JSON list of
    them), or any CSL style: a .csl file's path, or a style name citeproc-py ships.
    """
    item = csl_item(_source_row(str(ident)))
    if style == "csl-json":
        return item
    if style == "bibtex":
        return bibtex(item)
    return render(item, style)
