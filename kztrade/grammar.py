"""The grammar of quantities in English prose: number-like tokens, scales, currencies, units, qualifiers.

Cardinal and ordinal number words come from number_parser (its English vocabulary builds the token
pattern, and parse_number/parse_ordinal turn the words into values); ISO 4217 codes come from pycountry;
month and weekday names from the standard library's calendar. What no library covers (multiples such
as "tripled", fractions such as "a quarter", currency symbols, scale abbreviations such as "bn") is
spelled out here.
"""
from __future__ import annotations

import calendar
import re
from functools import lru_cache

# ---------------------------------------------------------------- number words (number_parser)


@lru_cache(maxsize=1)
def cardinal_words() -> dict[str, int]:
    from number_parser.data.en import info

    words: dict[str, int] = {}
    for key in ("UNIT_NUMBERS", "DIRECT_NUMBERS", "TENS", "HUNDREDS", "BIG_POWERS_OF_TEN"):
        words.update(info[key])
    words.pop("zero", None)  # "zero" in prose is rhetoric ("zero tolerance"), never a figure here
    words["dozen"] = 12  # number_parser has no "dozen"; "a dozen banks", "two dozen firms"
    for big in ("quadrillion", "quintillion", "sextillion"):
        words.pop(big, None)
    return words


BIG_WORDS = ("hundred", "thousand", "million", "billion", "trillion", "dozen")


def ordinal_word(word: str) -> str:
    """English ordinal of a cardinal word (one -> first, twenty -> twentieth)."""
    irregular = {"one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
                 "nine": "ninth", "twelve": "twelfth"}
    if word in irregular:
        return irregular[word]
    if word.endswith("y"):
        return word[:-1] + "ieth"
    return word + "th"


@lru_cache(maxsize=1)
def ordinal_words() -> dict[str, int]:
    return {ordinal_word(w): v for w, v in cardinal_words().items()}


@lru_cache(maxsize=4096)
def words_value(phrase: str) -> float | None:
    from number_parser import parse_number

    p = re.sub(r"^an?\s+", "one ", phrase.lower().strip())
    if (d := re.fullmatch(r"(.*?)[\s-]*dozen", p)):
        n = words_value(d.group(1)) if d.group(1) else 1.0
        return 12.0 * n if n is not None else None
    v = parse_number(re.sub(r"\s+", " ", p))
    return float(v) if v is not None else None


@lru_cache(maxsize=4096)
def ordinal_value(word: str) -> int | None:
    from number_parser import parse_ordinal

    return parse_ordinal(word.lower())


# ---------------------------------------------------------------- multiples and fractions

MULTIPLE_VERBS = {
    "doubled": 2, "doubling": 2, "tripled": 3, "tripling": 3, "trebled": 3, "quadrupled": 4,
    "quadrupling": 4, "quintupled": 5, "sextupled": 6, "halved": 0.5, "halving": 0.5,
    "double": 2, "triple": 3, "treble": 3, "quadruple": 4, "halve": 0.5, "twice": 2, "thrice": 3,
}
# base forms are multiples only after a modal ("aim to double", "will triple"); else adjectives
MULTIPLE_BASE = frozenset({"double", "triple", "treble", "quadruple", "halve"})
FRACTIONS = {  # percent of a whole per unit of the numerator
    "half": 50.0, "halves": 50.0, "third": 100 / 3, "thirds": 100 / 3, "quarter": 25.0, "quarters": 25.0,
    "fifth": 20.0, "fifths": 20.0, "tenth": 10.0, "tenths": 10.0,
}
VAGUE = ("tens", "hundreds", "thousands", "millions", "billions", "trillions", "dozens", "scores")

# ---------------------------------------------------------------- calendar (stdlib)

MONTHS = [m for m in calendar.month_name if m] + [m for m in calendar.month_abbr if m] + ["Sept"]
MONTH_RE = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"

# ---------------------------------------------------------------- currencies (pycountry for ISO 4217)

CURRENCY_SYMBOLS = {"US$": "USD", "U.S.$": "USD", "$": "USD", "£": "GBP", "€": "EUR", "₽": "RUB",
                    "₸": "KZT", "¥": "CNY", "₴": "UAH",
                    # abbreviations business wires print before a figure: "Rub 28-29 per USD1", "Tg 185"
                    "Rub": "RUB", "Rbl": "RUB", "Rbs": "RUB", "Tg": "KZT"}
CURRENCY_WORDS = {
    "us dollars": "USD", "u.s. dollars": "USD", "dollars": "USD", "dollar": "USD", "euros": "EUR",
    "euro": "EUR", "pounds sterling": "GBP", "pounds": "GBP", "roubles": "RUB", "rubles": "RUB",
    "rouble": "RUB", "ruble": "RUB", "tenge": "KZT", "yuan": "CNY", "renminbi": "CNY", "hryvnias": "UAH",
    "som": "KGS", "soms": "UZS", "lira": "TRY", "rupees": "INR", "yen": "JPY",
    # the issuer's adjective before the currency: "2 trillion Russian roubles", "13 trillion tenges"
    "russian roubles": "RUB", "russian rubles": "RUB", "kazakh tenge": "KZT", "kazakhstani tenge": "KZT",
    "tenges": "KZT", "american dollars": "USD",
}


@lru_cache(maxsize=1)
def iso_currencies() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.currencies)


# ---------------------------------------------------------------- scales

SCALES = {
    "trillion": 1e12, "tn": 1e12, "trn": 1e12, "trln": 1e12, "billion": 1e9, "bln": 1e9, "bn": 1e9, "b": 1e9,
    "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6, "thousand": 1e3, "k": 1e3,
}

# ---------------------------------------------------------------- units after a figure

UNIT_WORDS = [  # (pattern, unit)
    (r"square\s+kilomet(?:er|re)s?|sq\.?\s*km|km2|km²", "km2"),
    (r"kilomet(?:er|re)s?|km", "km"),
    (r"hectares?|ha", "hectares"),
    (r"(?:metric\s+)?tonnes|(?:metric\s+)?tons?|tonne", "tonnes"),
    (r"barrels?\s+(?:per|a)\s+day|bpd|b/d", "barrels_per_day"),
    (r"barrels?", "barrels"),
    (r"bcm", "bcm"),
    (r"cubic\s+met(?:er|re)s?|cu\.?\s*m", "cubic_metres"),
    (r"megawatts?|MW", "MW"), (r"gigawatts?|GW", "GW"), (r"kWh|kilowatt[- ]hours?", "kWh"),
    (r"percentage\s+points?|p\.p\.", "percentage_points"),
    (r"decades?", "decades"), (r"years?", "years"), (r"months?", "months"), (r"weeks?", "weeks"),
    (r"days?", "days"), (r"hours?", "hours"),
]
UNIT_RE = re.compile(r"(?:\s+|-)(" + "|".join(f"(?:{p})" for p, _ in UNIT_WORDS) + r")\b", re.I)
UNIT_OF = [(re.compile(p + r"$", re.I), u) for p, u in UNIT_WORDS]

PEOPLE_NOUNS = {
    "people", "persons", "residents", "citizens", "migrants", "immigrants", "emigrants", "refugees",
    "workers", "employees", "students", "nationals", "inhabitants", "tourists", "visitors", "soldiers",
    "troops", "servicemen", "specialists", "repatriates", "returnees", "compatriots", "ethnic",
    "families", "pensioners", "labourers", "laborers", "deaths", "victims", "children",
}

# ---------------------------------------------------------------- qualifiers (words before a figure)

QUALIFIERS = [
    (r"at\s+least|no\s+(?:less|fewer)\s+than|not\s+(?:less|fewer)\s+than|a\s+minimum\s+of|minimum\s+of",
     "at_least"),
    (r"at\s+most|no\s+more\s+than|not\s+more\s+than|up\s+to|a\s+maximum\s+of|maximum\s+of", "at_most"),
    (r"(?:climbed|rose|went|moved|jumped|crept|edged)\s+past|passed", "more_than"),
    (r"(?:just\s+|slightly\s+)?shy\s+of", "less_than"),
    (r"(?:well\s+|just\s+|slightly\s+)?(?:more\s+than|over|above|exceeding|in\s+excess\s+of|upwards\s+of|"
     r"surpassed|surpassing|exceeded|exceeds|topped|tops)", "more_than"),
    (r"(?:well\s+|just\s+|slightly\s+)?(?:less\s+than|fewer\s+than|under|below|short\s+of)", "less_than"),
    (r"about|around|some|approximately|approx\.|roughly|nearly|almost|close\s+to|an\s+estimated|"
     r"estimated|circa|c\.|approaching|~|more\s+or\s+less|or\s+so", "approximately"),
]
QUALIFIER_RE = re.compile(
    r"(?<![\w-])(" + "|".join(f"(?P<q{i}>{p})" for i, (p, _) in enumerate(QUALIFIERS)) + r")\s*$", re.I)
# the words a match of QUALIFIER_RE ends with (it ends the words before a figure, nothing after it but blanks):
# the tokenizer asks for a qualifier only where the last word before a figure ends with one of them
QUALIFIER_LAST = re.compile(r"(?:least|most|than|of|to|past|passed|over|above|exceeding|surpassed|surpassing|exceeded|"
                            r"exceeds|topped|tops|under|below|about|around|some|approximately|approx\.|roughly|nearly|"
                            r"almost|estimated|circa|c\.|approaching|~|less|so)$", re.I)
QUALIFIER_TAIL = re.compile(r"(?!)")  # no word may follow an English qualifier


def qualifier_of(match: re.Match) -> str:
    for i, (_, q) in enumerate(QUALIFIERS):
        if match.group(f"q{i}"):
            return q
    return "exact"


# Under re.I the regex engine folds every character it compares, which costs most of a qualifier search (over
# Cyrillic above all). Searching the lower-cased words with the pattern compiled case-sensitively finds the same
# matches at the same places wherever lower-casing keeps each character one character and no character in them
# matches a pattern letter under re.I other than its own lower case; the characters that do (dotted and dotless
# i, long s, the rounded Cyrillic letters of U+1C80, the Kelvin sign) send the words to the re.I pattern.
_FOLDS_APART = re.compile("[\u0130\u0131\u017f\u1c80-\u1c88\u212a]")


def lower_searcher(rx: re.Pattern):
    """rx.search(s) for a pattern whose letters are all lower case, without re.I's per-character folding."""
    if re.sub(r"\\.|\(\?P<\w+>", "", rx.pattern) != re.sub(r"\\.|\(\?P<\w+>", "", rx.pattern).lower():
        return rx.search  # a capital letter in the pattern: the lower-cased words could not match it
    first = _first_chars(rx)
    # a lookahead of the characters a match can begin with lets the engine pass over the other places at once
    # (the lookbehind a qualifier pattern begins with keeps it from finding them itself)
    plain = re.compile(("" if first is None else f"(?=[{first}])") + rx.pattern, rx.flags & ~re.I)
    search, odd = plain.search, _FOLDS_APART.search

    def searched(s: str) -> re.Match | None:
        if s.isascii():  # lower-cases character for character, none of the characters that fold apart
            return search(s.lower())
        low = s.lower()
        return rx.search(s) if len(low) != len(s) or odd(s) else search(low)

    return searched


def _first_chars(rx: re.Pattern) -> str | None:
    """A character class (its inside) holding every character a match of rx can begin with: the literals that
    can come first, and \\s where white space can. None where the pattern holds anything else there, or can
    match nothing at all."""
    try:
        from re import _constants as C, _parser as P  # noqa: N812
    except ImportError:  # an older or newer re: no lookahead
        return None
    white = {(C.CATEGORY, C.CATEGORY_SPACE)}, {(C.NEGATE, None), (C.CATEGORY, C.CATEGORY_NOT_SPACE), (C.LITERAL, 10)}

    def first(seq) -> tuple[set, bool] | None:  # (the characters, whether seq can match nothing)
        got: set = set()
        for op, av in seq:
            if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
                continue
            if op is C.LITERAL:
                return got | {re.escape(chr(av))}, False
            if op is C.IN:
                if all(o is C.LITERAL for o, _ in av):
                    return got | {re.escape(chr(a)) for _, a in av}, False
                if set(av) in white:
                    return got | {r"\s"}, False
                return None
            if op is C.SUBPATTERN:
                inner = [first(av[3])]
            elif op is C.BRANCH:
                inner = [first(b) for b in av[1]]
            elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
                inner = [first(av[2])]
                if inner[0] is not None and av[0] == 0:
                    inner[0] = (inner[0][0], True)
            else:
                return None
            if any(i is None for i in inner):
                return None
            got |= set().union(*(i[0] for i in inner))
            if not any(i[1] for i in inner):
                return got, False
        return got, True

    try:
        got = first(P.parse(rx.pattern, rx.flags & ~re.I).data)
    except Exception:  # a construct this Python's re parses differently: no lookahead
        return None
    return None if got is None or got[1] or not got[0] else "".join(sorted(got[0]))


_qualifier_search = lower_searcher(QUALIFIER_RE)


def qualifier_before(before: str) -> str | None:
    """The qualifier that the words just before a figure give ('some', 'more than', 'at least'), if any."""
    q = _qualifier_search(before[-22:])  # the longest qualifier phrase is 20 characters
    return qualifier_of(q) if q else None


# ---------------------------------------------------------------- the token pattern

# Scanning with the full pattern at every position is slow (Python's re tries each alternative at each
# character), and so is walking every word in Python. The vocabulary is compiled into a trie-shaped
# pattern instead, which the regex engine rejects at the first letter almost everywhere; the full pattern
# is then tried only where this one matched.
def _trie(words) -> str:
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node) -> str:
        alts = [re.escape(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and "" not in node else "(?:" + "|".join(alts) + ")"
        return body + ("?" if "" in node else "")

    return build(trie)


@lru_cache(maxsize=1)
def token_starts() -> frozenset[str]:
    words = set(cardinal_words()) | set(ordinal_words()) | set(MULTIPLE_VERBS) | set(FRACTIONS) | set(VAGUE)
    return frozenset(words | {w + "fold" for w in cardinal_words()})


@lru_cache(maxsize=1)
def candidate_spec() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """What candidate_re finds, for kztrade.candidates: (the words, each standing alone, with its first letter in
    either case; the letters that join a word to its neighbours; the words before which 'a' or 'an' begins one)."""
    import string

    return token_starts(), frozenset(string.ascii_letters), frozenset(BIG_WORDS + tuple(FRACTIONS))


@lru_cache(maxsize=1)
def candidate_re() -> re.Pattern:
    # first letter in either case, the rest as printed in lower case ("Seven", "seven"): case-insensitive
    # matching of the whole trie is slower, and capitalised words beyond the first letter do not occur
    by_first: dict[str, list[str]] = {}
    for w in token_starts():
        by_first.setdefault(w[0], []).append(w[1:])
    # The pattern opens with the class of every character a candidate starts with, so re skips to those
    # instead of trying the pattern at every position; the character taken picks its branch by looking back.
    alts = []
    for ch, rests in sorted(by_first.items()):
        sub = _trie([r for r in rests if r])
        optional = "" in rests
        alts.append(f"(?<=[{ch}{ch.upper()}])" + (f"(?:{sub})" + ("?" if optional else "") if sub else ""))
    after_a = "|".join(BIG_WORDS + tuple(FRACTIONS))
    first = "".join(sorted({c for ch in by_first for c in (ch, ch.upper())} | {"a", "A"}))
    return re.compile(rf"[\d{first}](?:(?<=\d)\d*|(?<![A-Za-z][\s\S])(?:(?:{'|'.join(alts)})(?![A-Za-z])"
                      rf"|(?<=[Aa])n?\s+(?=(?:{after_a})\b)))")


@lru_cache(maxsize=1)
def token_re() -> re.Pattern:
    card = sorted(cardinal_words(), key=len, reverse=True)
    word = r"(?:" + "|".join(card) + r")"
    big = r"(?:" + "|".join(BIG_WORDS) + r")"
    after_big = "|".join(f"(?<={b})" for b in BIG_WORDS)
    # never across a line: a heading's last number word is not the next line's first
    numwords = (rf"(?:an?[ \t\u00a0]+(?={big}\b))?{word}(?:(?:[ \t\u00a0]+|-){word}|(?:{after_big})[ \t\u00a0]+and[ \t\u00a0]+{word})*")
    ordinals = r"(?:" + "|".join(sorted(ordinal_words(), key=len, reverse=True)) + r")"
    frac_den = r"(?:" + "|".join(sorted(FRACTIONS, key=len, reverse=True)) + r")"
    multiples = r"(?:" + "|".join(MULTIPLE_VERBS) + r")"
    vague = r"(?:" + "|".join(VAGUE) + r")(?:\s+of\s+(?:thousands|millions|billions))?"
    # thousands grouped by dots or spaces ("1.250.000", "1 234 567": two groups or more, so never a decimal),
    # a decimal comma before a scale ("6,2 billion"), commas or thin spaces, then plain decimals
    scale = r"(?:trillion|trln|trn|tn|billion|bln|bn|million|mln|mn|%|per\s?cent)"
    digits = (r"\d{1,3}(?:\.\d{3}){2,}(?![\d.])|\d{1,3}(?: \d{3}){2,}(?![\d.,])|"
              rf"\d+,\d{{1,2}}(?!\d)(?=\s?{scale})|"
              r"\d{1,3}(?:[,\u00a0\u202f\u2009]\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?")
    return re.compile(
        r"(?P<numeric_date>(?<!\d)\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})(?![\d/])|(?<!\d)\d{4}-\d{2}-\d{2}(?!\d))"
        rf"|(?P<fold>(?i:(?<![\w-])(?:{word}|\d+(?:\.\d+)?)[\s-]?fold)(?!\w))"
        rf"|(?P<multiple>(?i:(?<![\w-]){multiples})(?!\w))"
        rf"|(?P<fraction>(?i:(?<![\w-])(?:a|one|two|three|four|five|nine)[\s-]+{frac_den}|(?<![\w-])half)(?![\w-]))"
        rf"|(?P<vague>(?i:(?<![\w-]){vague})(?!\w))"
        rf"|(?P<ordinal>(?i:(?<![\w-]){ordinals})(?!\w))"
        rf"|(?P<words>(?i:(?<![\w]){numwords})(?![\w]))"
        rf"|(?P<digits>(?<![\d])(?:{digits}))(?P<suffix>(?:st|nd|rd|th|s|'s|’s)\b)?"
    )

# ---------------------------------------------------------------- rates ("185 tenge per dollar", "$100 a barrel")

CURRENCIES_RATE_BASE = frozenset(CURRENCY_SYMBOLS.values()) | frozenset(CURRENCY_WORDS.values())


def _rate_units() -> frozenset[str]:
    from .metadata.fields import CURRENCIES, UNITS

    return frozenset(u for u in UNITS if "_per_" in u and u.split("_per_")[0] in CURRENCIES)


RATE_UNITS = _rate_units()


class RangeOpen:
    """The first bound of a range printed after a figure: a dash ("5-7%"), or a joiner that makes a range only
    after its opener ("between 5 and 7 billion", «от 30 до 40»): alone, "5 and 7 billion" are two values and
    «с 20 до 30» a path. joined: (joiner, opener) pairs, the opener searched in the `back` characters before the
    figure's end. edge_pattern: where a match can begin, the tokenizer's gate."""

    def __init__(self, dash: re.Pattern, joined: tuple, edge_pattern: re.Pattern, back: int):
        self.dash, self.joined, self.edge_pattern, self.back = dash, joined, edge_pattern, back

    def match(self, text: str, pos: int, endpos: int):
        m = self.dash.match(text, pos, endpos)
        if m is not None:
            return m
        for joiner, opener in self.joined:
            if (m := joiner.match(text, pos, endpos)) and opener.search(text, max(0, pos - self.back), pos):
                return m
        return None
