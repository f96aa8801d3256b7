"""One process, --jobs 2 and Dask give the same rows in the same order, from folders, .jsonl and .parquet; the
parent only describes partitions (it never reads a text); an input that names no document writes nothing."""
from __future__ import annotations

import json
import pickle
import shutil

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import SEEDS
from test_cli import kz

PUBLISHED = "2013-11-27"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The seeds three times over as a folder, a .jsonl and a .parquet of small row groups. The .jsonl also
    holds a blank line, a line that is no JSON and an id given twice, far apart (in different partitions)."""
    d = tmp_path_factory.mktemp("engines")
    (d / "docs").mkdir()
    records = []
    for i in range(3):
        for p in sorted(SEEDS.glob("*.txt")):
            text = p.read_text(encoding="utf-8")
            (d / "docs" / f"{i}-{p.name}").write_text(text, encoding="utf-8")
            records.append({"id": f"{i}-{p.stem}", "text": text, "published": PUBLISHED})
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    lines[3:3] = ["", "{not json"]
    lines.append(lines[0])  # the id of the first document again: an error, as when one process reads all
    (d / "docs.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    pq.write_table(pa.Table.from_pylist(records), d / "docs.parquet", row_group_size=4)
    return d


def in_order(folder) -> pd.DataFrame:
    """A folder of parts read part after part (the order the rows were written in)."""
    parts = sorted(folder.glob("part-*.parquet"))
    return pd.concat([pd.read_parquet(p) for p in parts], ignore_index=True)


def skipped(stderr: str) -> list[str]:
    return sorted(line for line in stderr.splitlines() if "skipped:" in line)


@pytest.mark.parametrize("source", ["docs", "docs.jsonl", "docs.parquet"])
def test_every_engine_gives_the_same_rows_in_the_same_order(corpus, tmp_path, source):
    src = str(corpus / source)
    one = kz("extract", src, "-o", str(tmp_path / "one.csv"), "--published", PUBLISHED,
             "--tokens", str(tmp_path / "one-tokens.parquet"))
    two = kz("extract", src, "-o", str(tmp_path / "two.csv"), "--published", PUBLISHED, "--jobs", "2",
             "--tokens", str(tmp_path / "two-tokens.parquet"))
    assert one.returncode == two.returncode == (1 if source == "docs.jsonl" else 0), one.stderr + two.stderr
    assert "15 documents" in one.stderr and "15 documents" in two.stderr
    assert skipped(one.stderr) == skipped(two.stderr)
    assert (tmp_path / "one.csv").read_bytes() == (tmp_path / "two.csv").read_bytes()
    assert (tmp_path / "one-tokens.parquet").read_bytes() == (tmp_path / "two-tokens.parquet").read_bytes()
    claims = pd.read_csv(tmp_path / "one.csv")
    assert len(claims) > 100 and claims["source_id"].nunique() == 15

    single = kz("extract", src, "-o", str(tmp_path / "one.parquet"), "--published", PUBLISHED)
    local = kz("extract", src, "-o", str(tmp_path / "local"), "--published", PUBLISHED, "--jobs", "2")
    assert single.returncode == local.returncode == one.returncode
    expected = pd.read_parquet(tmp_path / "one.parquet")
    # a small corpus: 4 partitions a job (a .parquet is cut between row groups: it has 4)
    assert len(list((tmp_path / "local").glob("part-*.parquet"))) == (4 if source == "docs.parquet" else 8)
    pd.testing.assert_frame_equal(in_order(tmp_path / "local"), expected)

    pytest.importorskip("dask.distributed")
    dask = kz("extract", src, "-o", str(tmp_path / "dask"), "--published", PUBLISHED, "--engine", "dask",
              "--jobs", "2", "--partitions", "5", "--tokens", str(tmp_path / "dask-tokens"))
    assert dask.returncode == one.returncode, dask.stderr
    assert skipped(dask.stderr) == skipped(one.stderr)
    assert "15 documents" in dask.stderr
    pd.testing.assert_frame_equal(in_order(tmp_path / "dask"), expected)
    pd.testing.assert_frame_equal(in_order(tmp_path / "dask-tokens"),
                                  pd.read_parquet(tmp_path / "one-tokens.parquet"))


def test_an_id_given_twice_is_one_error_whichever_partition_holds_it(corpus, tmp_path):
    r = kz("extract", str(corpus / "docs.jsonl"), "-o", str(tmp_path / "o.csv"), "--jobs", "2")
    first = json.loads((corpus / "docs.jsonl").read_text(encoding="utf-8").splitlines()[0])["id"]
    assert r.returncode == 1
    src = corpus / "docs.jsonl"
    taken = f"kztrade extract: skipped: {src}: line 18: id {first!r} is already taken by {src}: line 1; each " \
            "document needs its own id"
    not_json = f"kztrade extract: skipped: {src}: line 5: not a document ({{'id', 'text'}} expected): Expecting " \
               "property name enclosed in double quotes: line 1 column 2 (char 1)"
    assert skipped(r.stderr) == [taken, not_json]
    per_doc = pd.read_csv(tmp_path / "o.csv").groupby("source_id").size()
    assert per_doc[first] == per_doc["1" + first[1:]]  # its claims once (the same text under another id), not twice


def test_a_file_named_like_an_earlier_table_row_is_named_by_its_path(corpus, tmp_path):
    """As in one process: the table row keeps the id; the file with the same name takes its path as id."""
    shutil.copytree(corpus / "docs", tmp_path / "docs")
    r = kz("extract", str(corpus / "docs.parquet"), "docs", "-o", "o.csv", "--jobs", "2", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    ids = pd.read_csv(tmp_path / "o.csv")["source_id"].unique().tolist()
    assert len(ids) == 30 and "0-000_109688c0598e7337" in ids and "docs/0-000_109688c0598e7337" in ids


# ---------------------------------------------------------------- the parent never reads a text

def test_partitions_are_descriptions_that_cover_a_jsonl_line_by_line(tmp_path, monkeypatch):
    from kztrade import corpus

    monkeypatch.setattr(corpus, "PART_BYTES", 10_000)
    text = "Exports reached $5 billion in 2012. " * 30  # about 1 kB a document
    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for i in range(2000):
            f.write(json.dumps({"id": str(i), "text": text}) + "\n")
    size = path.stat().st_size
    parts = list(corpus.plan([str(path)], jobs=2))
    assert all(isinstance(p, corpus.Part) and p.fmt == "jsonl" for p in parts)
    assert len(parts) == pytest.approx(size / 10_000, abs=1)
    assert [p.start for p in parts[1:]] == [p.end for p in parts[:-1]] and parts[0].start == 0
    assert parts[-1].end == size
    data = path.read_bytes()
    for p in parts:
        assert data[p.start - 1:p.start] in (b"", b"\n")  # each starts at a line start
        assert p.first == data.count(b"\n", 0, p.start) + 1  # and knows its line number
        assert p.end - p.start <= 10_000 + len(data.splitlines()[0]) + 1
    assert len(pickle.dumps(parts)) < size / 50  # descriptions, not texts
    rows = [d.doc_id for p in parts for d in corpus._read_part(p, corpus._Ids())]
    assert rows == [str(i) for i in range(2000)]  # every row read once, in order


def test_a_bigger_corpus_means_more_partitions_not_bigger_ones(tmp_path):
    from kztrade import corpus

    def plan(n):
        folder = tmp_path / f"docs{n}"
        folder.mkdir()
        for i in range(n):
            (folder / f"{i:05d}.txt").write_text("x" * 100_000, encoding="utf-8")
        return list(corpus.plan([str(folder)], jobs=2))

    small, big = plan(8), plan(200)  # 0.8 MB and 20 MB
    assert len(small) == 8  # a small corpus is cut so that each of 2 jobs has 4 partitions
    assert len(big) == 10 and max(len(p.files) for p in big) == 20  # 2 MB partitions, however many there are


def test_the_parent_reads_no_document_with_jobs_or_dask(corpus, tmp_path, monkeypatch):
    """Workers are processes of their own: what the parent cannot do, they still do."""
    from kztrade import corpus as corpus_mod

    def refuse(*a, **k):
        raise AssertionError("the parent read a document")

    for name in ("_jsonl", "_parquet", "_record", "process", "read_article"):
        monkeypatch.setattr(corpus_mod, name, refuse)
    (tmp_path / "other").mkdir()
    for p in (corpus / "docs").iterdir():
        shutil.copy(p, tmp_path / "other" / f"x{p.name}")
    engines = [{"jobs": 2}]
    try:
        import dask.distributed  # noqa: F401

        engines.append({"jobs": 2, "engine": "dask"})
    except ImportError:
        pass
    for i, kw in enumerate(engines):
        out = tmp_path / f"out{i}"
        code = corpus_mod.run_extract([str(corpus / "docs.parquet"), str(tmp_path / "other")], out,
                                      progress=False, **kw)
        assert code == 0
        assert len(in_order(out)["source_id"].unique()) == 30


def test_tokens_are_kept_only_when_asked_for(corpus, tmp_path, monkeypatch):
    from kztrade import corpus as corpus_mod

    part = next(p for p in corpus_mod.plan([str(corpus / "docs")]) if isinstance(p, corpus_mod.Part))
    seen = []
    real = corpus_mod.process

    def spy(doc, keep_tokens=True, lang=None):
        seen.append(keep_tokens)
        return real(doc, keep_tokens=keep_tokens, lang=lang)

    monkeypatch.setattr(corpus_mod, "process", spy)
    r = corpus_mod.run_part(part, 0, [(str(tmp_path), "parquet")])
    assert seen and not any(seen) and r["docs"] == len(seen)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["part-00000.parquet"]
    assert r["excluded"] > 0 and len(r["sizes"]) == 1


# ---------------------------------------------------------------- nothing to read

@pytest.mark.parametrize("engine", [[], ["--jobs", "2"], ["--engine", "dask", "--jobs", "2"]])
@pytest.mark.parametrize("inputs,message", [(["empty"], "empty: a folder with no .txt files"),
                                            (["nothing-*.txt"], "nothing-*.txt: the pattern matches no file"),
                                            (["empty", "nothing-*.txt"], "the pattern matches no file")])
def test_an_input_that_names_no_document_is_an_error_and_writes_nothing(tmp_path, engine, inputs, message):
    if "dask" in engine:
        pytest.importorskip("dask.distributed")
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.md").write_text("not a .txt\n", encoding="utf-8")
    outs = ["out"] if "dask" in engine else ["out.csv", "out.parquet", "out"]
    for out in outs:
        r = kz("extract", *inputs, "-o", out, *engine, cwd=tmp_path)
        assert r.returncode == 2, r.stderr
        assert message in r.stderr and "no document could be read" in r.stderr and "nothing written" in r.stderr
        assert sorted(p.name for p in tmp_path.iterdir()) == ["empty"]  # no output, no temporary file
