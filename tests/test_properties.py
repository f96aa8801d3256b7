"""Property-based tests: the extractor cannot be broken, and its bookkeeping always adds up."""
from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kztrade.extract import extract

# prose-like fragments mixed with hostile characters: NBSP, thin spaces, curly quotes, RTL marks and text,
# control characters, surrogate-free astral symbols, and figures of every shape
FRAGMENTS = st.sampled_from([
    "Trade reached $8 billion in 2012", "exports to Russia rose 15%", "tripled", "a quarter of",
    "some US$ 23 bn", "\u00a0", "\u202f", "\u2009", "“", "”", "’", "\u200f", "\u202e", "مرحبا ١٢٣", "\x00",
    "\x07", "\r\n", "\n\n", "\t", "May 17", "Volume: 2 Issue: 9", "(0 votes)", "Read 12 times", "21st",
    "1,000,000", "3.5", "-", "–", "fourfold", "twenty-five", "🙂", "Kazakhstan’s imports from Russia",
    "US$", "£", "€", "per cent", "bn", "million", "one", "One of", "in 2003 28,668 Russians", "2013-2014",
    "1/26/2005", "ten years ago", "Related articles\n", "x" * 300, "9" * 400,
])
TEXTS = st.one_of(
    st.lists(FRAGMENTS | st.text(max_size=20), max_size=40).map(" ".join),
    st.text(max_size=400),
)
# Russian print: decimal comma, spaced thousands, abbreviated scales, genitive months, glued endings, Cyrillic
RU_FRAGMENTS = st.sampled_from([
    "Товарооборот в 2006 году составил $13 млрд", "экспорт Казахстана в Россию вырос в 1,5 раза", "вдвое",
    "за январь–сентябрь 2023 года", "1,8 трлн тенге", "около 20 млрд долларов", "свыше 70%", "1 234,5",
    "1\u00a0234,5 млн рублей", "16.03.2007", "статья 5", "№ 12", "№12", "Просмотров: 1234\n", "во втором квартале",
    "в 1 квартале", "2006-м", "90-х", "5-летний", "10-процентный", "двадцать с лишним миллиардов", "полтора",
    "полутора миллиардов", "тысячи", "одна из", "половина экспорта", "на треть", "млрд.", "тыс.", "долл. США",
    "с 872 тыс. тонн до 1 232 тыс. тонн", "не менее", "до", "в 2 раза меньше", "12:50+0300", "Ту-154", "РФ", "РК",
    "россиянин", "казахстанско-российский", "9 сен", "ё", "Ё", "\u0301", "ҚазақстанҒ", "Ресей 35 есе", "г.", "гг.",
])
RU_TEXTS = st.one_of(
    st.lists(RU_FRAGMENTS | FRAGMENTS | st.text(alphabet=st.characters(min_codepoint=0x400, max_codepoint=0x4ff)
                                                 | st.sampled_from("0123456789 ,.-–%$\u00a0\n"), max_size=20),
             max_size=40).map(" ".join),
    st.text(alphabet=st.characters(min_codepoint=0x400, max_codepoint=0x4ff) | st.sampled_from("0123456789 ,.-"),
            max_size=400),
)
NUMBER_LIKE = re.compile(r"\d")


def check_bookkeeping(text: str, claims, tokens) -> None:
    for c in claims:
        assert text[c["char_start"]:c["char_end"]] == c["mention"]
        assert c["mention"] in c["sentence"]
        assert c["value"] == c["value"] and abs(c["value"]) < float("inf")
    ids = {c["claim_id"] for c in claims}
    for t in tokens:
        assert text[t["char_start"]:t["char_end"]] == t["token"]
        assert (t["fate"] == "claim" and t["claim_id"] in ids and t["reason"] is None) or \
               (t["fate"] == "excluded" and t["claim_id"] is None and t["reason"])
    # every digit is inside a claim's mention or a recorded token
    covered = bytearray(len(text))
    for a, b in [(c["char_start"], c["char_end"]) for c in claims] + [(t["char_start"], t["char_end"]) for t in tokens]:
        covered[a:b] = b"\x01" * (b - a)
    for m in NUMBER_LIKE.finditer(text):
        assert covered[m.start()], f"digit at {m.start()} lost: {text[max(0, m.start() - 20):m.start() + 20]!r}"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, st.sampled_from([None, "2013-11-27", "2005-05"]))
@example("9" * 400 + " billion dollars", None)
@example("\u202e$8\u00a0billion\u202c in 2012", "2013-01-01")
def test_any_text_is_handled_and_accounted_for(text, published):
    claims, tokens = extract(text, "p", published)
    check_bookkeeping(text, claims, tokens)


@settings(max_examples=150, deadline=None)
@given(TEXTS, st.text(alphabet=st.characters(blacklist_categories=("Lu", "Cs")), max_size=300))
def test_appending_unrelated_text_never_changes_earlier_claims(text, tail):
    before, _ = extract(text, "p", "2013-11-27")
    after, _ = extract(text + "\n\n" + tail, "p", "2013-11-27")
    assert after[:len(before)] == before


def test_very_long_line():
    text = ("Exports reached $5 billion in 2012 and " * 20000).strip()
    claims, tokens = extract(text, "p", None)
    assert len(claims) == 20000 and all(c["value"] == 5e9 for c in claims)
    check_bookkeeping(text, claims, tokens)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(RU_TEXTS, st.sampled_from([None, "2023-11-10"]), st.sampled_from(["ru", "auto"]))
@example("9" * 400 + " миллиардов долларов", None, "ru")
@example("\u202e$8\u00a0млрд\u202c в 2012 году", "2013-01-01", "ru")
def test_any_cyrillic_text_is_handled_and_accounted_for(text, published, lang):
    claims, tokens = extract(text, "p", published, lang)
    check_bookkeeping(text, claims, tokens)


@settings(max_examples=100, deadline=None)
@given(RU_TEXTS, st.text(alphabet=st.characters(blacklist_categories=("Lu", "Cs")), max_size=300))
def test_appending_unrelated_text_never_changes_earlier_russian_claims(text, tail):
    before, _ = extract(text, "p", "2023-11-10", "ru")
    after, _ = extract(text + "\n\n" + tail, "p", "2023-11-10", "ru")
    assert after[:len(before)] == before
