"""leads.starts: the strings every match of a pattern begins with, and a cue pattern led by them."""
from __future__ import annotations

import re

from kztrade.leads import starts
from kztrade.meaning import words


def test_the_strings_every_match_begins_with():
    got = starts(r"O?FDI|output|a(?:bc)*d|x{2,3}yz|(?:foo)?bar|[Tt]he\s+x", re.I)
    assert got == ["abc", "ad", "bar", "fdi", "foob", "ofdi", "outp", "the", "x"]
    assert starts(r"(?:left|right)\s+wing", re.I, most=2) == ["le", "ri"]


def test_nothing_where_a_match_may_begin_with_any_character():
    assert starts(r".abc") is None
    assert starts(r"a|") is None  # the empty match begins with nothing
    assert starts(r"\w+ing") is None


def test_each_string_is_a_start_of_the_matches_found():
    rx = r"(?:cross[\s-]border|(?:bilateral|mutual)\s+trade|exports?|GDP)\b"
    text = "Mutual trade and cross-border exports grew, and GDP; an export, CROSS BORDER."
    begins = starts(rx, re.I)
    found = [m.group().lower() for m in re.finditer(rx, text, re.I)]
    assert found == ["mutual trade", "cross-border", "exports", "gdp", "export", "cross border"]
    assert all(any(f.startswith(b) for b in begins) for f in found)


def test_the_led_cue_pattern_finds_what_each_cue_finds():
    for code, text in (("en", "Kazakhstan's exports and the trade turnover, its FDI and output: budget deficit."),
                       ("ru", "Экспорт и товарооборот выросли, инвестиции и ВВП тоже; торговый баланс.")):
        w = words(code)
        led = [(m.span(), w.measure_of(m)) for m in w.cue_re.finditer(text)]
        plain = re.compile(w.cue_re.pattern.split(")(?:", 1)[0].split("(?=")[0] + "(?:" + "|".join(
            f"(?P<c{i}>(?:{p})\\b)" for i, (p, _) in enumerate(w.cues)) + ")", re.I)
        assert led == [(m.span(), w.measure_of(m)) for m in plain.finditer(text)]
        assert len(led) >= 5


def test_cues_tried_at_their_first_letters_are_the_pattern_s_matches():
    # first letters that begin no cue ('exportable', 'current account' here), inside a longer word ('Reexports'),
    # cues back to back ('imports-exports'), capitals, and a window cut inside a cue ('expo')
    from kztrade.meaning import Context, Meaning

    for code, text in (
            ("en", "Reexports, exportable goods and EXPORTS; imports-exports rose while Trade Turnover and "
                   "investment inflows fell, the World Trade Organization's trade unions and the budget balance and "
                   "the current account deficit widened: expo"),
            ("ru", "Импортозамещение и ЭКСПОРТ, импорт-экспорт, товарооборот Казахстана; прямые инвестиции "
                   "и внешнеторговый оборот выросли, торговый баланс и дефицит бюджета сократились, торговые дома и "
                   "министерство торговли: экспо")):
        meaning = Meaning(Context(text, len(text), None, code), windows=False)
        w = meaning.w
        assert w.cue_lead is not None and meaning.scan.low is not None
        for s, e in ((0, len(text)), (3, len(text) - 2), (10, 60)):
            want = [(m.span(), w.measure_of(m)) for m in w.cue_re.finditer(text, s, e)]
            assert [(m.span(), w.measure_of(m)) for m in meaning._led(w.cue_re, w.cue_lead, s, e)] == want
            assert [m.span() for m in meaning._led(w.not_cue, w.not_cue_lead, s, e)] == \
                [m.span() for m in w.not_cue.finditer(text, s, e)]
        assert len([m for m in w.cue_re.finditer(text)]) >= 6


def test_a_failed_candidate_lets_the_next_one_start_inside_it():
    # the lead 'aa' at 1 fails ('aaa' is no match of 'aab'); the match begins one character on, inside it
    from kztrade.meaning import Context, Meaning

    text = "xaaab aab"
    meaning = Meaning(Context(text, len(text), None, "en"), windows=False)
    got = meaning._led(re.compile("aab"), re.compile("aa"), 0, len(text))
    assert [m.span() for m in got] == [(2, 5), (6, 9)]
