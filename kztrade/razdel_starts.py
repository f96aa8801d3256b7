"""Where razdel's sentenize() starts each sentence, found without building its sentences.

razdel decides at each candidate end (. ? ! … ; quotes, closing brackets, smileys) whether to join or split, by
rules that each can only say "join". sentenize() runs every rule on a record per candidate, glues the pieces of
each sentence back together and finds each stripped sentence in the text again: some 5 % of the extraction
of a Russian article, over three times what this costs. Here the same rules, on razdel's own patterns and word
lists, are asked in the order that settles most candidates soonest (no blank after it, a small letter after
it), and a sentence start is the first non-blank character after a split. tests/test_sentence_starts.py holds
the two to the same answers.
"""
from __future__ import annotations

import re

from razdel.segmenters.punct import (
    CLOSE_BRACKETS,
    CLOSE_QUOTES,
    DASHES,
    ENDINGS,
    GENERIC_QUOTES,
    QUOTES,
    SMILES,
)
from razdel.segmenters.sentenize import (
    BULLET_BOUNDS,
    BULLET_SIZE,
    DELIMITER,
    DELIMITERS,
    PAIR_SOKR,
    SMILE_PREFIX,
    SPACE_SUFFIX,
    TOKEN,
    WORD,
    SentSplitter,
    is_bullet,
    is_lower_alpha,
    is_sokr,
)
from razdel.segmenters.sokr import (
    HEAD_PAIR_SOKRS,
    HEAD_SOKRS,
    INITIALS,
    PAIR_SOKRS,
    SOKRS,
)

_WINDOW = SentSplitter().window
_CANDIDATE = re.compile(DELIMITER)  # str patterns are Unicode: re.U as razdel has it changes nothing
# Without a smiley in the text razdel's candidates are its single delimiter characters; of those, only the
# ones followed by blanks and then, within its window, anything else can split (empty_side, no_space_prefix).
# The same scan looks out for the start of a smiley (group _SMILEY), after which the text is read as razdel reads
# it. A pattern that begins with one character class lets re skip to them instead of trying each position.
# Its lookahead also takes razdel's first token of the right side: the blanks (group 1) and the token (group 2),
# whole where razdel's window may cut it.
_TOKEN = r"([^\W\d]+|\d+|[^\w\s])"  # razdel's FIRST_TOKEN past its blanks, without its ^ (a string's start only)
_SPLITTABLE = re.compile(f"[{re.escape(DELIMITERS)}=:](?:(?<=[{re.escape(DELIMITERS)}])(?=(\\s{{1,{_WINDOW - 1}}})"
                         f"{_TOKEN})|(?<=(?={SMILES}).)())")
_SMILEY = 3  # the group of _SPLITTABLE that marks a smiley
_FIRST_TOKEN = re.compile(r"(\s*)" + _TOKEN)
_BLANK_AFTER = re.compile(r"\s*")
# a smiley begins with one of these (SMILES opens with a class of plain characters): only then can SMILE_PREFIX
# match a token. Should a razdel version open SMILES otherwise (a range, an escape), every token is tried.
_SMILE_CLASS = re.match(r"\[([^\]\\-]+)\]", SMILES)
_SMILE_FIRST = frozenset(_SMILE_CLASS.group(1)) if _SMILE_CLASS else None
# The words before a point that a rule for points may join on: past any other word, with no point in the
# window before it (a pair, "т.е."), and no lone capital (an initial) the rules for points all let it split.
_POINT_WORDS = HEAD_SOKRS | SOKRS | INITIALS | {pair[0] for pair in PAIR_SOKRS}


def sentence_starts(text: str) -> list[int]:
    """The start of every sentence razdel.sentenize(text) yields, in order."""
    found = _starts(text, _SPLITTABLE)
    return found if found is not None else _starts(text, _CANDIDATE)


def _starts(text: str, candidates: re.Pattern) -> list[int] | None:
    # the first sentence, stripped of its blanks, starts at the first other character, or at 0 in a blank text
    first = _BLANK_AFTER.match(text).end()
    firsts = [first if first < len(text) else 0]
    last = 0  # where the sentence being built began: razdel's buffer is text[last:start]
    n = len(text)
    # razdel's LAST_TOKEN.search(left): the run of one class (letters, digits, or one other mark) ending left past
    # its blanks, which in the reversed text is the first token, found by match() without trying every start
    back = text[::-1]
    splittable = candidates is _SPLITTABLE
    for m in candidates.finditer(text):
        start, stop = m.span()
        if splittable:
            if m.lastindex == _SMILEY:
                return None
            blanks, rt = m.end(1) - stop, m.group(2)
        else:
            if stop >= n or not text[stop].isspace():
                continue  # empty_side, no_space_prefix
            rm = _FIRST_TOKEN.match(text, stop, stop + _WINDOW)
            if rm is None:
                continue  # empty_side
            blanks, rt = rm.end(1) - stop, rm.group(2)
        rt = rt[:_WINDOW - blanks]  # razdel reads the right side in a window
        if rt.isalpha() and rt.islower():
            continue  # lower_right
        if rt not in GENERIC_QUOTES and (rt in DELIMITERS or (_SMILE_FIRST is None or rt in _SMILE_FIRST)
                                         and SMILE_PREFIX.match(text[stop:stop + _WINDOW])):
            continue  # delimiter_right
        lm = _FIRST_TOKEN.match(back, n - start, n - start + _WINDOW)
        if lm is None:
            continue  # empty_side
        left = text[max(0, start - _WINDOW):start]
        if _joins(m.group(), left, lm.group(2)[::-1], rt, text, last, start, stop):
            continue
        # a sentence is stripped of its blanks: it starts at the first token of the right side
        firsts.append(stop + blanks)
        last = stop
    return firsts


def _joins(delimiter: str, left: str, lt: str, rt: str, text: str, last: int, start: int, stop: int) -> bool:
    """The rules of razdel's sentenize past the first four, in its order: True where one of them joins.
    text[last:start] is razdel's buffer, the sentence so far: read only when short, as list_item reads it."""
    if delimiter == "." and ("." in left or lt.lower() in _POINT_WORDS or len(lt) == 1 and lt.isupper()):
        if _sokr_left(left, lt, rt):
            return True
        if (lt.lower(), rt.lower()) in PAIR_SOKRS:  # inside_pair_sokr
            return True
        if lt.isupper() and len(lt) == 1 or lt.lower() in INITIALS:  # initials_left
            return True
    if delimiter in BULLET_BOUNDS and start - last <= BULLET_SIZE \
            and all(is_bullet(t) for t in TOKEN.findall(text[last:start])):  # list_item
        return True
    # close_quote, close_bracket: a closing mark joins unless a sentence end stands before it
    if delimiter in QUOTES:
        if delimiter in CLOSE_QUOTES or delimiter in GENERIC_QUOTES and not SPACE_SUFFIX.search(left):
            if lt not in ENDINGS:
                return True
        elif delimiter in GENERIC_QUOTES:
            return True
    if delimiter in CLOSE_BRACKETS and lt not in ENDINGS:
        return True
    if rt in DASHES:  # dash_right
        rw = WORD.search(text, stop, stop + _WINDOW)
        if rw and is_lower_alpha(rw.group(1)):
            return True
    return False


def _sokr_left(left: str, lt: str, rt: str) -> bool:
    pm = PAIR_SOKR.search(left) if "." in left else None  # a pair ("т.е") has its point
    if pm:
        pair = pm.group(1).lower(), pm.group(2).lower()
        if pair in HEAD_PAIR_SOKRS:
            return True
        if pair in PAIR_SOKRS:
            return is_sokr(rt)
    low = lt.lower()
    return low in HEAD_SOKRS or low in SOKRS and is_sokr(rt)
