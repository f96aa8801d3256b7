"""Every pattern run over a whole text takes time in proportion to the text, whatever it holds (issue 14).

The footer pattern once took minutes on "Tags" and 200,000 blanks (two [ \\t]* around an optional ':' split the
blanks every way before failing), and the web-address check copied the text from its start for every token
of "1-1-1-..." with no blank to stop at.
"""
from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from kztrade import grammar as g
from kztrade.extract import CHROME_MIN_START, chrome_start, header_date
from kztrade.sentences import Sentences
from kztrade.tokens import Tokenizer

# runs of each character class the patterns treat apart: blanks, line breaks, digits and their separators,
# letters of both scripts and cases, punctuation, currency signs, web-address pieces, footer words
RUNS = [" ", "\t", "\n", "\n\n", "\u00a0", "1", "1-", "1,", "1.", "1 ", "1:", "1/", "a", "A", "a ", "A. ", "-", ".",
        ",", ":", "/", "%", "$", "$1", "\u0431", "\u0431 ", "'", "(", "www.", "a-", "a\n", "Tags ", "x\n\n"]
LEADS = ["", "Tags", "Related", "Visit also", "date: ", "$", "www.", "\n"]
PREFIX = "Exports reached $5 billion in 2012.\n" * 45  # past CHROME_MIN_START, where the footer is looked for


def _scan(text: str) -> None:
    candidates, full = g.candidate_re(), g.token_re()
    for m in candidates.finditer(text):
        full.match(text, m.start())


def _in_url_sweep(text: str) -> None:
    tk = Tokenizer(text, len(text))
    for pos in range(len(text) - 2000, len(text)):
        tk._in_url(pos)


PARTS = {"chrome_start": chrome_start, "header_date": header_date, "sentences": Sentences, "token scan": _scan,
         "_in_url": _in_url_sweep}


def _seconds(fn, text: str) -> float:
    t = time.perf_counter()
    fn(text)
    return time.perf_counter() - t


@settings(max_examples=40, deadline=None)
@given(run=st.sampled_from(RUNS), lead=st.sampled_from(LEADS), part=st.sampled_from(sorted(PARTS)))
def test_time_grows_in_proportion_to_a_long_run_of_any_character(run, lead, part):
    fn = PARTS[part]
    small = PREFIX + lead + run * (20_000 // len(run)) + "x"
    large = PREFIX + lead + run * (80_000 // len(run)) + "x"
    t_small, t_large = min(_seconds(fn, small) for _ in range(2)), _seconds(fn, large)
    # four times the text: about four times the time when linear, sixteen when quadratic
    assert t_large < 8 * t_small + 0.05, (part, lead + run, t_small, t_large)


def test_footer_word_then_two_hundred_thousand_blanks():
    text = "x" * CHROME_MIN_START + "\nTags" + " " * 200_000 + "x"
    t = time.perf_counter()
    assert chrome_start(text) == len(text)  # not a footer line: the line goes on after the blanks
    assert time.perf_counter() - t < 1.0
    footer = "x" * CHROME_MIN_START + "\nTags" + " " * 200_000 + ":\nlinks"
    assert chrome_start(footer) == CHROME_MIN_START + 1


def test_web_address_check_on_a_million_characters_without_a_blank():
    text = "1-" * 500_000
    tk = Tokenizer(text, len(text))
    t = time.perf_counter()
    assert not any(tk._in_url(pos) for pos in range(len(text) - 2000, len(text), 2))
    assert time.perf_counter() - t < 0.05
    url = "see https://example.org/" + "1-" * 100 + "7"
    assert Tokenizer(url, len(url))._in_url(len(url) - 1)
