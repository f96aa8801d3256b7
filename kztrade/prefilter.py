"""Skip a regular-expression search that cannot match, by looking for the words every match must contain.

Python's re tries a case-insensitive alternation that begins with \\b ("\\b(?:accumulated|cumulative|...)")
at every position of the text it searches: no fast prefix scan applies to it. Most of the sentences that
the rules of meaning.py and periods.py search hold none of the pattern's words, so the time goes to proving
an absence. The literals one of which every match contains are read from the parsed pattern once; a
search in a window of a document is run only where one of them occurs there (str.find on the lower-cased
document), so the answer is the same as re's, only cheaper.

Exactness: a literal l matches a character c case-insensitively iff c.lower() == l.lower(), except for the
few characters re folds together beyond that (re._casefix: dotless i, long s, Greek and old Cyrillic
variants) and for 'İ', whose lower case is two characters. A document that holds any of those is searched
without the shortcut; a literal run stops at such a character in a pattern.
"""
from __future__ import annotations

import re
import string
from re import _constants as C
from re import _parser as P

try:  # Python 3.11+: the characters re folds together beyond str.lower
    from re._casefix import _EXTRA_CASES as _FOLDED
except ImportError:  # pragma: no cover - older Pythons keep them elsewhere
    _FOLDED = {}

_PLAIN = set(string.ascii_letters + string.digits) | {chr(c) for c in range(0x430, 0x450)}
_UNSAFE = {chr(c) for k, vs in _FOLDED.items() for c in (k, *vs)} - _PLAIN
_UNSAFE_RE = re.compile("[" + re.escape("".join(sorted(_UNSAFE | {"\u0130"}))) + "]") if _UNSAFE else None
_REPEATS = tuple(getattr(C, n) for n in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(C, n))


def _score(lits: frozenset[str]) -> tuple[int, int]:
    return min(map(len, lits)), -len(lits)  # longer literals are rarer; fewer of them are cheaper to look for


_SPACES = frozenset(c for c in map(chr, range(0x3001)) if c.isspace())  # what \s matches in str patterns
_SPACE_CATEGORIES = {getattr(C, n) for n in ("CATEGORY_SPACE", "CATEGORY_UNI_SPACE") if hasattr(C, n)}
_MAX_RUN = 64  # strings a run of literals and small classes may stand for ('.' then any space: 29)


def _class(av) -> frozenset[str] | None:
    """The characters (lower case) a small character class matches: '[’']', '\\s'; None for a large one."""
    out: set[str] = set()
    for op, arg in av:
        if op is C.LITERAL and chr(arg) not in _UNSAFE:
            out.add(chr(arg).lower())
        elif op is C.CATEGORY and arg in _SPACE_CATEGORIES:
            out |= _SPACES
        elif op is C.RANGE and arg[1] - arg[0] < 8 and not any(chr(c) in _UNSAFE for c in range(arg[0], arg[1] + 1)):
            out |= {chr(c).lower() for c in range(arg[0], arg[1] + 1)}
        else:
            return None  # NEGATE, a wide range, \\d, \\w: too many characters to spell out
    return frozenset(out)


def _required(items) -> frozenset[str] | None:
    """A set of lower-case strings one of which every match of the parsed sequence contains, or None."""
    best: frozenset[str] | None = None
    run: set[str] = {""}  # the strings the run of literals so far may be

    def consider(cand):
        nonlocal best
        if cand and all(cand) and (best is None or _score(cand) > _score(best)):
            best = cand

    for op, av in items:
        chars = (frozenset({chr(av).lower()}) if op is C.LITERAL and chr(av) not in _UNSAFE
                 else _class(av) if op is C.IN
                 else _strings([(op, av)]) if op is C.SUBPATTERN or op is C.BRANCH else None)
        if chars and len(run) * len(chars) <= _MAX_RUN:
            run = {r + c for r in run for c in chars}
            continue
        if op is C.AT:
            continue  # zero width: the literals on either side stay next to each other
        consider(frozenset(run))
        run = {""}
        if chars:  # a class too large to join the run may start the next one
            run = set(chars)
            continue
        if op is C.SUBPATTERN:
            consider(_required(av[-1].data))
        elif op is C.BRANCH:
            alts = [_required(p.data) for p in av[1]]
            if alts and all(alts):
                consider(frozenset().union(*alts))
        elif op in _REPEATS and av[0] >= 1:
            consider(_required(av[2].data))
        elif op is getattr(C, "ATOMIC_GROUP", None):
            consider(_required(av.data))
    consider(frozenset(run))
    return best


def _strings(items, limit: int = _MAX_RUN) -> frozenset[str] | None:
    """The strings (lower case) the parsed sequence matches, where it is made of characters, small classes and
    groups or alternations of them only ("H(?P<hn>[12])": h1, h2); None otherwise or where they are more than
    limit."""
    out = {""}
    for op, av in items:
        if op is C.AT:
            continue  # zero width
        if op is C.LITERAL:
            got = frozenset({chr(av).lower()}) if chr(av) not in _UNSAFE else None
        elif op is C.IN:
            got = _class(av)
        elif op is C.SUBPATTERN:
            got = _strings(av[-1].data, limit)
        elif op is C.BRANCH:
            alts = [_strings(p.data, limit) for p in av[1]]
            got = None if any(a is None for a in alts) else frozenset().union(*alts)
        else:
            return None
        if got is None or len(out) * len(got) > limit:
            return None
        out = {o + c for o in out for c in got}
    return frozenset(out)


def _firsts(items) -> tuple[frozenset[str], bool] | None:
    """(the characters, lower case, a match of the parsed sequence can begin with; whether it can match
    nothing at all), or None where they cannot be told."""
    acc: set[str] = set()
    for op, av in items:
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue  # zero width: the first character comes after
        if op is C.LITERAL:
            got = (frozenset({chr(av).lower()}) if chr(av) not in _UNSAFE else None), False
        elif op is C.IN:
            got = _class(av), False
        elif op is C.SUBPATTERN:
            got = _firsts(av[-1].data)
        elif op is C.BRANCH:
            alts = [_firsts(p.data) for p in av[1]]
            if not alts or any(a is None for a in alts):
                return None
            got = frozenset().union(*(a[0] for a in alts)), any(a[1] for a in alts)
        elif op in _REPEATS:
            body = _firsts(av[2].data)
            got = None if body is None else (body[0], body[1] or av[0] == 0)
        else:
            return None
        if got is None or got[0] is None:
            return None
        acc |= got[0]
        if not got[1]:
            return frozenset(acc), False
    return frozenset(acc), True


def first_chars(pattern: str, flags: int = 0) -> str | None:
    """The characters (lower case) every match of pattern begins with, for a case-insensitive lookahead
    '(?=[...])' that lets re reject a position at once; None where they cannot be told."""
    try:
        got = _firsts(P.parse(pattern, flags).data)
    except Exception:  # a construct the parser of this Python reads differently
        return None
    return None if got is None or got[1] else "".join(sorted(got[0]))


def led(pattern: str, flags: int = 0) -> str:
    """pattern behind a lookahead for the characters its matches begin with: re then rejects most positions
    with one character test instead of entering every alternative. Matches and groups are the same."""
    firsts = first_chars(pattern, flags)
    if not firsts:
        return pattern
    out = f"(?=(?i:[{re.escape(firsts)}]))(?:{pattern})"
    try:
        re.compile(out, flags)
    except re.error:  # e.g. global inline flags, which must stay first
        return pattern
    return out


# id(pattern) -> (pattern, its literals, a trie of them): keyed by id, as hashing a pattern hashes its code
_LITS: dict[int, tuple] = {}
# above this many literals one trie-shaped search of the window is cheaper than a str.find per literal
_MANY = 8


def _learn(rx: re.Pattern) -> tuple:
    from .grammar import _trie

    try:
        req = _required(P.parse(rx.pattern, rx.flags).data)
    except Exception:  # a construct the parser of this Python reads differently: no shortcut
        req = None
    # longest first: a document rarely holds the long ones, so a miss is found with fewer scans
    lits = tuple(sorted(req, key=len, reverse=True)) if req else None
    trie = re.compile(_trie(lits)) if lits and len(lits) > _MANY else None
    got = _LITS[id(rx)] = (rx, lits, trie)
    return got


def literals(rx: re.Pattern) -> tuple[str, ...] | None:
    """The literals one of which every match of rx contains (lower case), or None where none can be told."""
    return (_LITS.get(id(rx)) or _learn(rx))[1]


class Scan:
    """One document, lower-cased once, for asking whether a pattern can match in a window of it."""

    __slots__ = ("text", "_low")

    def __init__(self, text: str):
        self.text = text
        self._low: str | None | bool = False  # lower-cased on first need

    @property
    def low(self) -> str | None:
        """The text lower-cased, position for position; None where re's case folding would differ."""
        if self._low is False:
            text = self.text
            low = text.lower()
            exact = text.isascii() or (len(low) == len(text) and (_UNSAFE_RE is None or _UNSAFE_RE.search(text) is None))
            self._low = low if exact else None
        return self._low

    def may(self, rx: re.Pattern, pos: int, endpos: int) -> bool:
        """False only where no match of rx can lie within text[pos:endpos]."""
        low = self._low
        if low is False:
            low = self.low
        if low is None:
            return True
        _, lits, trie = _LITS.get(id(rx)) or _learn(rx)
        if lits is None:
            return True
        if trie is not None:
            return trie.search(low, pos, endpos) is not None
        for lit in lits:
            if low.find(lit, pos, endpos) >= 0:
                return True
        return False

    def search(self, rx: re.Pattern, pos: int, endpos: int) -> re.Match | None:
        return rx.search(self.text, pos, endpos) if self.may(rx, pos, endpos) else None

    def finditer(self, rx: re.Pattern, pos: int, endpos: int):
        return rx.finditer(self.text, pos, endpos) if self.may(rx, pos, endpos) else iter(())


# ---------------------------------------------------------------- alternatives by the kind of their first character

_DIGIT_CATS = {getattr(C, n) for n in ("CATEGORY_DIGIT", "CATEGORY_UNI_DIGIT") if hasattr(C, n)}
_NO_DIGIT_CATS = {getattr(C, n) for n in ("CATEGORY_NOT_DIGIT", "CATEGORY_UNI_NOT_DIGIT", "CATEGORY_NOT_WORD",
                                           "CATEGORY_UNI_NOT_WORD", "CATEGORY_LINEBREAK", "CATEGORY_UNI_LINEBREAK")
                  if hasattr(C, n)} | _SPACE_CATEGORIES


def _class_may(av, digit: bool) -> bool:
    for op, arg in av:
        if op is C.LITERAL:
            if chr(arg).isdecimal() == digit:
                return True
        elif op is C.RANGE:
            if any(chr(c).isdecimal() == digit for c in range(arg[0], arg[1] + 1)):
                return True
        elif op is C.CATEGORY:
            if arg in _DIGIT_CATS:
                if digit:
                    return True
            elif arg not in _NO_DIGIT_CATS or not digit:
                return True
        else:
            return True  # NEGATE and what else a class may hold: unsure
    return False


def _may_begin(items, digit: bool) -> tuple[bool, bool]:
    """(whether a match of the parsed sequence may begin with a decimal digit (digit=True) or with another
    character (digit=False); whether it may match nothing). Unsure is True."""
    for op, av in items:
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue  # zero width
        if op is C.LITERAL:
            # no character folds to a digit or from one: case-insensitive matching changes nothing here
            return chr(av).isdecimal() == digit, False
        if op is C.IN:
            return _class_may(av, digit), False
        if op is C.SUBPATTERN:
            got = _may_begin(av[-1].data, digit)
        elif op is C.BRANCH:
            alts = [_may_begin(p.data, digit) for p in av[1]]
            got = any(a[0] for a in alts), any(a[1] for a in alts)
        elif op in _REPEATS:
            body = _may_begin(av[2].data, digit)
            got = body[0], body[1] or av[0] == 0
        elif op is getattr(C, "ATOMIC_GROUP", None):
            got = _may_begin(av.data, digit)
        else:
            return True, True
        if got[0]:
            return True, got[1]
        if not got[1]:
            return False, False
    return False, True


def by_first_digit(rx: re.Pattern) -> tuple[re.Pattern, re.Pattern]:
    """(rx for a position holding a decimal digit, rx for any other position): a pattern that is one
    alternation, keeping only the alternatives that can begin there. re tries the alternatives of a
    match in order, so dropping those that cannot match at a position changes no match there; the groups
    keep their numbers and names. rx itself twice where the pattern cannot be split."""
    try:
        from re import _compiler

        out = []
        for digit in (True, False):
            p = P.parse(rx.pattern, rx.flags)
            if len(p.data) != 1 or p.data[0][0] is not C.BRANCH:
                return rx, rx
            alts = [a for a in p.data[0][1][1] if _may_begin(a.data, digit)[0]]
            if not alts:
                out.append(rx)  # nothing can match there; rx answers so too
                continue
            p.data[0] = (C.BRANCH, (None, alts))
            out.append(_compiler.compile(p, rx.flags))
        return out[0], out[1]
    except Exception:  # a Python whose re internals differ: the whole pattern everywhere
        return rx, rx


# ---------------------------------------------------------------- the character a match must have at its edge

def _tester(items: list, flags: int) -> re.Pattern | None:
    """One pattern matching a single character that any of the parsed character items (LITERAL, IN) matches,
    each under its own case-insensitivity."""
    from re import _compiler

    parts = []
    for ic in (False, True):
        sub = [P.SubPattern(P.State(), [it]) for it, i in items if i == ic]
        if sub:
            parts.append((sub, (flags | re.I) if ic else (flags & ~re.I)))
    if not parts:
        return None
    rxs = [_compiler.compile(P.SubPattern(P.State(), [(C.BRANCH, (None, sub))]), fl) for sub, fl in parts]
    if len(rxs) == 1:
        return rxs[0]
    a, b = rxs

    class Either:  # two testers, one with re.I
        @staticmethod
        def fullmatch(c):
            return a.fullmatch(c) or b.fullmatch(c)

    return Either


def _spacey(item, ic: bool, flags: int) -> bool:
    """Whether the character item can match a white-space character."""
    t = _tester([(item, ic)], flags)
    return any(t.fullmatch(c) for c in _SPACES)


def _edge(items, ic: bool, flags: int, backward: bool):
    """(the character items one of which matches the first (backward: last) non-space character of any match
    of the parsed sequence, as (item, ignorecase) pairs; whether a match may hold no such character at all),
    or None where that cannot be told."""
    acc: list = []
    for op, av in (reversed(items) if backward else items):
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue  # zero width
        if op is C.LITERAL:
            if chr(av).isspace():
                continue  # no character folds to or from white space
            acc.append(((op, av), ic))
            return acc, False
        if op is C.IN:
            acc.append(((op, av), ic))
            if _spacey((op, av), ic, flags):
                continue
            return acc, False
        if op is C.SUBPATTERN:
            add, rem = av[1], av[2]
            if (add | rem) & ~(re.I | re.U):
                return None  # a scoped multi-line or verbose flag: not worth reading
            got = _edge(av[-1].data, (ic or bool(add & re.I)) and not rem & re.I, flags, backward)
        elif op is C.BRANCH:
            alts = [_edge(p.data, ic, flags, backward) for p in av[1]]
            if any(a is None for a in alts):
                return None
            got = [x for a in alts for x in a[0]], any(a[1] for a in alts)
        elif op in _REPEATS:
            body = _edge(av[2].data, ic, flags, backward)
            got = None if body is None else (body[0], body[1] or av[0] == 0)
        elif op is getattr(C, "ATOMIC_GROUP", None):
            got = _edge(av.data, ic, flags, backward)
        else:
            return None  # ANY, NOT_LITERAL, group references...: anything
        if got is None:
            return None
        acc += got[0]
        if not got[1]:
            return acc, False
    return acc, True


def _ends_at_end(items) -> bool:
    """Whether every match of the parsed sequence ends at the end of the string searched ('$' or '\\Z')."""
    for op, av in reversed(items):
        if op in (C.ASSERT, C.ASSERT_NOT) or (op is C.AT and av not in (C.AT_END, C.AT_END_STRING)):
            continue  # zero width: the anchor may stand before a lookaround or a \\b
        if op is C.AT:
            return True
        if op is C.SUBPATTERN:
            return _ends_at_end(av[-1].data)
        if op is C.BRANCH:
            return all(_ends_at_end(p.data) for p in av[1])
        return False
    return False


class Edge(dict):
    """Characters -> whether a match of a pattern can have it as its first (or last) non-space character;
    '' (no such character) -> False. Filled on first sight of a character."""

    def __init__(self, tester):
        super().__init__({"": False})
        self.tester = tester

    def __missing__(self, c: str) -> bool:
        ok = self[c] = self.tester.fullmatch(c) is not None
        return ok


def edge(rx: re.Pattern, backward: bool = False) -> Edge | None:
    """For rx.match(s) (backward: rx.search(s) of a pattern whose every match ends at the end of s): an Edge
    that is False for c where no match can exist whose first (last) non-space character is c; the caller
    asks it with s.lstrip()[:1] (s.rstrip()[-1:]). None where it cannot be told, or where a match may hold
    no character but white space."""
    try:
        p = P.parse(rx.pattern, rx.flags)
        if backward and (rx.flags & re.M or not _ends_at_end(p.data)):
            return None
        got = _edge(p.data, bool(rx.flags & re.I), rx.flags, backward)
        if got is None or got[1] or not got[0]:
            return None
        return Edge(_tester(got[0], rx.flags))
    except Exception:  # a construct this Python's re parses differently: no gate
        return None


# ---------------------------------------------------------------- where a search can start

def _white_only(op, av) -> bool:
    """The item matches white space only (str.isspace, which is what \\s matches in a str pattern)."""
    if op is C.LITERAL:
        return chr(av).isspace()
    if op is C.CATEGORY:
        return av in _SPACE_CATEGORIES
    if op is C.IN:
        return all(_white_only(o, a) for o, a in av)
    return False


def _solid(items) -> int | None:
    """The most characters other than white space a match of the parsed sequence holds; None where unbounded."""
    total = 0
    for op, av in items:
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue
        if op in (C.LITERAL, C.IN, C.CATEGORY, C.ANY, C.NOT_LITERAL):
            total += 0 if _white_only(op, av) else 1
        elif op is C.SUBPATTERN:
            got = _solid(av[-1].data)
            if got is None:
                return None
            total += got
        elif op is C.BRANCH:
            alts = [_solid(p.data) for p in av[1]]
            if any(a is None for a in alts):
                return None
            total += max(alts, default=0)
        elif op in _REPEATS:
            body = _solid(av[2].data)
            if body is None or (body and av[1] == C.MAXREPEAT):
                return None
            total += body * av[1] if body else 0
        else:
            return None
    return total


def group_lead(rx: re.Pattern, group: str) -> tuple[frozenset[str], int] | None:
    """(the strings, lower case, one of which starts every match of the named group; the most characters other
    than white space a match of rx holds before the group), where the group stands in the pattern's top-level
    sequence (behind any lookahead that leads it). A match then starts no earlier than where, going back from
    the first of those strings in a window, that many such characters have been passed. None where not told."""
    try:
        items = list(P.parse(rx.pattern, rx.flags).data)
        index = rx.groupindex[group]
    except Exception:  # no such group, or a construct the parser of this Python reads differently
        return None
    while True:
        body = [(op, av) for op, av in items if op not in (C.AT, C.ASSERT, C.ASSERT_NOT)]
        if len(body) == 1 and body[0][0] is C.SUBPATTERN and body[0][1][0] != index:
            items = list(body[0][1][-1].data)
            continue
        break
    for j, (op, av) in enumerate(items):
        if op is C.SUBPATTERN and av[0] == index:
            width = _solid(items[:j])
            inner = [(o, a) for o, a in av[-1].data if o is not C.AT]
            starts = _strings(inner[:1], 4096) if inner else None
            if width is None or not starts or not all(starts):
                return None
            return starts, width
    return None
