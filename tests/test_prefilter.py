"""The prefilter skips only searches that cannot match: every lexicon pattern, searched through a Scan, finds
what re finds, in every window of real and hostile text."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kztrade import lang
from kztrade.meaning import words
from kztrade.periods import lexicon
from kztrade.prefilter import Scan, first_chars, literals

SAMPLES = [
    "Accumulated Russian investment in Kazakhstan since 2005 reached $13bn, while trade fell 5%.",
    "EXPECTED TO REACH $30BN BY 2030; plans to double exports.",
    "In the first half of 2017 turnover grew by 9% compared with the same period of 2016.",
    "Товарооборот за январь–сентябрь 2023 года вырос на 8%, тогда как экспорт сократился.",
    "По данным Комитета по статистике, накопленные инвестиции превысили 5 млрд долларов.",
    "Kazakh ıs ſome text with a dotless i and a long s: İstanbul, ẞ, Kelvin \u212a.",
]


def _patterns(code: str) -> list[re.Pattern]:
    out = []
    for obj in (lexicon(lang.lexicon(code)), words(code)):
        for v in vars(obj).values():
            items = v if isinstance(v, list) else list(v.values()) if isinstance(v, dict) else [v]
            for x in items:
                x = x[0] if isinstance(x, tuple) else x
                if isinstance(x, re.Pattern):
                    out.append(x)
    return out


PATTERNS = _patterns("en") + _patterns("ru")


def _same(text: str, pos: int, endpos: int) -> None:
    scan = Scan(text)
    for rx in PATTERNS:
        want = rx.search(text, pos, endpos)
        got = scan.search(rx, pos, endpos)
        assert (want and want.span()) == (got and got.span()), rx.pattern[:60]
        assert [m.span() for m in rx.finditer(text, pos, endpos)] == \
            [m.span() for m in scan.finditer(rx, pos, endpos)], rx.pattern[:60]


def test_the_literals_of_a_pattern_are_those_every_match_holds():
    assert set(literals(re.compile(r"\b(?:accumulated|in\s+total\s+since|stock\s+of)\b", re.I))) == \
        {"accumulated", "total", "stock"}
    assert literals(re.compile(r"\d+(?:\.\d+)?")) is None  # no literal: always searched
    assert set(literals(re.compile(r"(?:foo)?bar|baz"))) == {"bar", "baz"}
    # a group of characters or of plain alternatives continues the run around it
    assert set(literals(re.compile(r"\bH(?P<hn>[12])\b", re.I))) == {"h1", "h2"}
    assert set(literals(re.compile(r"in\s+(?:May|June)(?:st|nd)", re.I))) == {"mayst", "maynd", "junest", "junend"}
    assert set(literals(re.compile(r"x(?:ab|)y"))) == {"xaby", "xy"}


def test_every_window_of_the_samples():
    for text in SAMPLES:
        for pos in range(0, len(text), 7):
            for endpos in range(pos, len(text) + 1, 11):
                _same(text, pos, endpos)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(SAMPLES) | st.text(max_size=30), max_size=6).map(" ".join), st.data())
def test_random_text_and_windows(text, data):
    pos = data.draw(st.integers(0, len(text)))
    endpos = data.draw(st.integers(pos, len(text)))
    _same(text, pos, endpos)


def test_a_cue_pattern_led_by_its_first_letters_finds_what_the_plain_alternation_finds():
    assert first_chars(r"(?:foreign\s+)?direct\s+investment|FDI", re.I) == "df"
    assert first_chars(r"\d+|x", 0) is None  # \d: too many characters to spell out
    assert first_chars(r"(?:a)?", re.I) is None  # may match nothing
    for code in ("en", "ru"):
        w = words(code)
        plain = re.compile("|".join(f"(?P<c{i}>\\b(?:{p})\\b)" for i, (p, _) in enumerate(w.lex.CUES)), re.I)
        for text in SAMPLES + [" ".join(SAMPLES).upper()]:
            assert [(m.span(), m.groupdict()) for m in plain.finditer(text)] == \
                [(m.span(), m.groupdict()) for m in w.cue_re.finditer(text)]


LED = {"half": "HALF", "quarter": "QUARTER", "first_months": "FIRST_MONTHS", "month_range": "MONTH_RANGE",
       "month_single": "MONTH_SINGLE", "since_left": "SINCE_LEFT", "base_left": "BASE_LEFT",
       "same_period": "SAME_PERIOD", "span_years": "SPAN_YEARS", "since_year": "SINCE_YEAR",
       "between_years": "BETWEEN_YEARS", "to_date": "TO_DATE", "since_any": "SINCE_ANY", "target": "TARGET",
       "forecast": "FORECAST", "future_by": "FUTURE_BY", "future_left": "FUTURE_LEFT",
       "compared_left": "COMPARED_LEFT", "event": "EVENT", "period_break": "PERIOD_BREAK"}


def test_period_patterns_led_by_their_first_letters_match_as_written():
    for code in ("en", "ru"):
        lex = lang.lexicon(code)
        lx = lexicon(lex)
        pairs = [(re.compile(getattr(lex, name), re.I), getattr(lx, attr)) for attr, name in LED.items()]
        pairs += [(re.compile(p, re.I), rx) for (p, _), (rx, _) in zip(lex.RELATIVE, lx.relative)]
        for plain, led_rx in pairs:
            for text in SAMPLES + [" ".join(SAMPLES).upper(), "first half of 2017; H1 2018, Q3, since May 2005."]:
                for pos in range(0, len(text), 13):
                    assert [(m.span(), m.groupdict()) for m in plain.finditer(text, pos)] == \
                        [(m.span(), m.groupdict()) for m in led_rx.finditer(text, pos)], plain.pattern[:60]


def test_meaning_patterns_led_by_their_first_letters_match_as_written():
    for code in ("en", "ru"):
        lex, w = lang.lexicon(code), words(code)
        pairs = [(re.compile(getattr(lex, n), re.I), getattr(w, n.lower())) for n in (
            "NOT_CUE", "CLAUSE_BREAK", "RECEIVED", "CROSS_BORDER", "TRADE", "CHANGE_LEFT", "CHANGE_BY_LEFT",
            "DEFICIT", "MIGRANTS", "POPULATION", "INFLATION", "ANAPHORA", "FOREIGN_LEFT", "OBJECT_LEFT", "WORLD")]
        pairs += [(re.compile(lex.MIGRATION), w.migration)]
        pairs += [(re.compile(p), rx) for p, rx in zip(lex.ATTRIBUTION, w.attribution)]
        pairs += [(re.compile(p, re.I), rx) for (p, _), (rx, _) in zip(lex.PERCENT_MEASURES, w.percent_measures)]
        for plain, led_rx in pairs:
            for text in SAMPLES + [" ".join(SAMPLES).upper()]:
                for pos in range(0, len(text), 13):
                    assert [(m.span(), m.groupdict()) for m in plain.finditer(text, pos)] == \
                        [(m.span(), m.groupdict()) for m in led_rx.finditer(text, pos)], plain.pattern[:60]


def test_token_pattern_split_by_first_character_matches_as_the_whole():
    from kztrade.prefilter import by_first_digit

    texts = SAMPLES + ["12 000 tons, 3-fold, twenty-two, a million, 1.5bn, 4 512,3 and 07.05.2019; 5-ти стран, "
                       "двадцать два, вдвое, треть, 1990-х, 2-й, ٣ Arabic-Indic digit, ５ full-width five"]
    for code in ("en", "ru"):
        full = lang.lexicon(code).token_re()
        at_digit, at_other = by_first_digit(full)
        assert at_digit is not full and at_other is not full  # the split applies to the token patterns
        for text in texts:
            for i, ch in enumerate(text):
                want = full.match(text, i)
                got = (at_digit if ch.isdecimal() else at_other).match(text, i)
                assert (want and (want.span(), want.lastgroup, want.groupdict())) == \
                    (got and (got.span(), got.lastgroup, got.groupdict())), (code, text[i:i + 20])


def _windows() -> list[str]:
    """Left and right contexts of figures as the tokenizer cuts them, from text written for this test, with
    the white space and symbols the edge tests must see through."""
    texts = SAMPLES + [
        "Exports rose by 5 percent to US$ 4.2 billion, some 40 or more; 3 to 4 percent; KZT 440-450/$ in 2015-16.",
        "Population of about 18 million, aged 25; 15K views\n(12 votes)\nPage 7 of 312\n12:50+0300, [3] 1990s",
        "Kazakhstan 4 512,3 3 987,1 113,2\nTotal\u00a0\u00a012 000\u2009500\n\n\t 1.250.000 tonnes; 7 -\u2009 9 mln",
        "Товарооборот составил 4 512,3 млн долларов США, что на 12,5% больше; не менее 20 тыс. человек, "
        "с лишним 3 млрд руб., в 2,5 раза, до 1 520 просмотров | 3 мин. |\n1 квартал 2023 года, 16 марта",
        " \u3000\u2028 5 \x85 ~7 ,8 —9 №12 #3 n°4 $5 £6 €7 ₸8 (9) «10» 11-й 5-ти 2006-м 90-е",
    ]
    out = []
    for text in texts:
        for i, ch in enumerate(text):
            if ch.isdigit() or ch in " \u00a0\n":
                out += [text[max(0, i - 32):i], text[i:i + 48], text[max(0, i - 8):i], text[i:i + 6], text[i + 1:i + 20]]
    return out


def test_gated_lexicon_patterns_answer_as_the_patterns():
    from kztrade.tokens import _Gated, _rules

    windows = _windows()
    gated = 0
    for code in ("en", "ru"):
        for name, g in vars(_rules(code)).items():
            pairs = [(g, name)] if isinstance(g, _Gated) else \
                [(x, name) for x, *_ in g] if name == "QUALIFIERS_RIGHT" else []
            for g, name in pairs:
                rx = g.rx
                gated += g.match is not rx.match or g.search is not rx.search
                for s in windows:
                    for args in ((s,), (s, 1, len(s) - 1), (s, 0, len(s))):
                        want, got = rx.match(*args), g.match(*args)
                        assert (want and want.span()) == (got and got.span()), (code, name, args)
                        want, got = rx.search(*args), g.search(*args)
                        assert (want and want.span()) == (got and got.span()), (code, name, args)
    assert gated > 60  # most lexicon patterns can be asked by their edge character


def test_the_edge_of_a_pattern():
    from kztrade.prefilter import edge

    right = edge(re.compile(r"^[\s-]?(?:%|per\s?cent\b)", re.I))
    assert [c for c in "%pP5a-x" if right[c]] == ["%", "p", "P", "-"]  # the edge asked is never white space
    assert right[""] is False
    left = edge(re.compile(r"\b(?:aged|about)\s+$", re.I), backward=True)
    assert [c for c in "dDtx5" if left[c]] == ["d", "D", "t"]
    assert edge(re.compile(r"^\s*(?:or\s+so)?\s*$")) is None  # may match white space alone
    assert edge(re.compile(r"about\s+"), backward=True) is None  # not anchored at the end
