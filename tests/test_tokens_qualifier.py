"""grammar.lower_searcher, which the qualifier before a figure is found with (and, in Russian, whether "до" is a
level), finds what the re.I pattern finds."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kztrade import grammar as g
from kztrade.lang import ru

PIECES = ["about", "ABOUT", "More than", "at least", "up to", "some", "over", "Under", "approx.", "c.", "~", "or so",
          "около", "Более", "не менее", "до", "свыше", "почти", "Вырос", "с", "от", "(", ",", "—", " ", "  ", "\n", "\t", "-", "(", "x", "5", "İ", "ı",
          "ſ", "\u212a", "\u1c80", "é"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12))
def test_lower_searcher_finds_what_the_pattern_finds(pieces):
    text = "".join(pieces)
    for rx in (g.QUALIFIER_RE, ru.QUALIFIER_RE, ru._DO_LEVEL):
        want, got = rx.search(text), g.lower_searcher(rx)(text)
        # the same place and the same groups taking part (their text may be the lower-cased one)
        assert (want and (want.span(), [x is None for x in want.groups()])) == (
            got and (got.span(), [x is None for x in got.groups()])), text


def test_qualifiers_before_a_figure():
    assert [g.qualifier_before(s) for s in ("rose to about ", "at least ", "ABOUT ", "the ")] == [
        "approximately", "at_least", "approximately", None]
