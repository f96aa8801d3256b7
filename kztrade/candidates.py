"""Where a token may begin: the same positions as a language's candidate_re().finditer(), found faster.

candidate_re opens with the class of every character a candidate starts with, so Python's re stops at about
half the letters of a text to reject them one by one: the slowest step of tokenizing prose. Here every digit
run is found by a pattern that opens with a digit class (re skips to digits in C), and the number words by an
Aho-Corasick automaton (pyahocorasick) over the text as printed, which reports the few places a vocabulary
word occurs; a word is kept where it stands alone, as candidate_re requires. tests/test_candidates.py holds
the two to the same answer.

What candidate_re matches, read from the pattern (grammar.candidate_re, lang/ru.py): a run of decimal digits;
a word of the vocabulary, its first letter in either case and the rest in lower case, with no letter of the
language's alphabet on either side; in English, "a" or "an" (no letter before it) followed by white space and
one of the words that make "a" a number ("a hundred", "a third") ending at a word boundary.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lang import lexicon

# a class first: re's search skips to a digit in C (r"\d+" opens with a repeat, which re tries everywhere)
_DIGIT_RUN = re.compile(r"\d\d*")


@lru_cache(maxsize=1)
def _bmp_digit_run() -> re.Pattern:
    """_DIGIT_RUN for a text with no character beyond the Basic Multilingual Plane: its decimal digits (what \\d
    matches there) as a class of ranges, which re tests from a bitmap, twice as fast as the category \\d."""
    ranges: list[list[int]] = []
    for c in range(0x10000):
        if chr(c).isdecimal():
            if ranges and ranges[-1][1] == c - 1:
                ranges[-1][1] = c
            else:
                ranges.append([c, c])
    cls = "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in ranges)
    return re.compile(f"[{cls}][{cls}]*")


def _digit_runs(text: str) -> list[int]:
    # a character beyond the BMP takes two UTF-16 units: the class above knows none of those digits
    bmp = text.isascii() or len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text)
    return [m.start() for m in (_bmp_digit_run() if bmp else _DIGIT_RUN).finditer(text)]


@lru_cache(maxsize=None)
def _automaton(code: str):
    """(an automaton of the language's words, each as printed lower case or capitalised, to (length, whether
    'a' before it makes a candidate); the letters that join words)."""
    import ahocorasick  # here, not at the top: `import kztrade` stays light
    words, letters, after_a = lexicon(code).candidate_spec()
    auto = ahocorasick.Automaton()
    for w in words:
        auto.add_word(w, (len(w), w in after_a))
        cap = w[0].upper() + w[1:]
        if cap != w:
            auto.add_word(cap, (len(w), False))  # candidate_re's "a" rule reads its words in lower case only
    auto.make_automaton()
    return auto, letters


@lru_cache(maxsize=None)
def _lower_automaton(code: str):
    """_automaton's words in lower case alone, for the text lower-cased: half the first letters to tell apart at
    each character (the automaton's step): a quarter faster on English prose. None where a word is not written in
    lower case (or its capital does not lower-case back to it)."""
    import ahocorasick

    words, _, after_a = lexicon(code).candidate_spec()
    if any(w != w.lower() or w[0].upper().lower() != w[0] for w in words):
        return None
    auto = ahocorasick.Automaton()
    for w in words:
        auto.add_word(w, (len(w), w in after_a))
    auto.make_automaton()
    return auto


def _words(text: str, auto, letters, low: str | None = None) -> list[int]:
    """The starts of the number words that stand alone, and of the "a"/"an" before a word that takes one. With
    low (text lower-cased, position for position) the automaton of lower-case words reads low, and a word found
    counts where it is printed as _automaton lists it: in lower case or capitalised."""
    out = []
    n = len(text)
    for end, (size, after_a) in auto.iter(text if low is None else low):
        s = end - size + 1
        if low is not None and (printed := text[s:end + 1]) != low[s:end + 1]:
            if printed[1:] != low[s + 1:end + 1] or printed[0] != low[s].upper():
                continue  # shouted or mixed ("SEVEN", "sEven"), or a letter that only lower-cases to it
            after_a = False  # candidate_re's "a" rule reads its words in lower case only
        nxt = text[end + 1] if end + 1 < n else ""
        if (s == 0 or text[s - 1] not in letters) and nxt not in letters:
            out.append(s)
        if after_a and not (nxt.isalnum() or nxt == "_"):  # re's \b after the word: \w is alnum or '_'
            k = s
            while k > 0 and text[k - 1].isspace():
                k -= 1
            if k < s:
                j = k - 1
                if j >= 1 and text[j] == "n" and text[j - 1] in "aA" and (j == 1 or text[j - 2] not in letters):
                    out.append(j - 1)
                elif j >= 0 and text[j] in "aA" and (j == 0 or text[j - 1] not in letters):
                    out.append(j)
    return sorted(set(out))


def starts(text: str, code: str, low: str | None = None) -> list[int]:
    """The positions where a token of language `code` may begin, in order (candidate_re's match starts). low:
    the text lower-cased position for position (prefilter.Scan.low), if the caller has it, read for the words."""
    out = _digit_runs(text)
    lower = _lower_automaton(code) if low is not None else None
    words = _words(text, *_automaton(code)) if lower is None else _words(text, lower, _automaton(code)[1], low)
    if words:
        out += words
        out.sort()  # two sorted runs: the sort merges them
    return out
