"""English: the words and print conventions the shared rules read (tokens.py, meaning.py, periods.py).

The number, ordinal, currency, scale, unit and qualifier vocabularies are built in grammar.py (from
number_parser, pycountry and the standard library's calendar); this module names them for the rules and adds
the patterns that read the words around a figure. Russian (ru.py) gives the same names its own patterns.
"""
from __future__ import annotations

import re

from .. import grammar as g

CODE = "en"

# ---------------------------------------------------------------- tokens: numbers as printed

token_re = g.token_re
candidate_re = g.candidate_re
candidate_spec = g.candidate_spec
words_value = g.words_value
qualifier_before = g.qualifier_before
QUALIFIER_WINDOW = 30  # characters before a figure that its qualifier and fall words are looked for in
QUALIFIER_LAST, QUALIFIER_TAIL = g.QUALIFIER_LAST, g.QUALIFIER_TAIL  # tokens: where a qualifier may end
SCALES = g.SCALES
CURRENCY_SYMBOLS = g.CURRENCY_SYMBOLS
CURRENCY_WORDS = g.CURRENCY_WORDS
UNIT_RE = g.UNIT_RE
UNIT_OF = g.UNIT_OF
MULTIPLE_VERBS = g.MULTIPLE_VERBS
MULTIPLE_BASE = g.MULTIPLE_BASE
FRACTIONS = g.FRACTIONS
MONTH_RE = g.MONTH_RE


def suffix_fate(raw: str, suffix: str) -> tuple[str, str, int | None] | None:
    """(reason, detail, year) of a figure with letters glued on: '21st', '1990s', 'B52s' (None: a quantity)."""
    if suffix.lower() in ("st", "nd", "rd", "th"):
        return "ordinal", raw + suffix, None
    if len(raw) == 4 and raw.isdigit():  # "3.14s" is four characters too
        return "year", f"decade {raw}{suffix}", int(raw)
    return "not_a_quantity", f"plural label {raw}{suffix}", None


YEAR_RIGHT = None  # words after a figure that make it a year whatever follows ("2006 году")


def number(raw: str) -> float:
    """'1,234.5' -> 1234.5: a comma or a space groups thousands, a point marks decimals; figures printed the
    continental way are read by their grouping: '1.250.000' (dots in two groups or more) and '6,2' (a comma
    before one or two digits, which token_re only admits before a scale word)."""
    if raw.count(".") > 1:
        return float(raw.replace(".", ""))
    if _COMMA_DECIMAL.fullmatch(raw):
        return float(raw.replace(",", "."))
    return float(_GROUPING.sub("", raw))


_COMMA_DECIMAL = re.compile(r"\d+,\d{1,2}")
_GROUPING = re.compile(r"[,\s\u00a0\u202f\u2009]")


# "4.500 kilometres": one dot before three digits ending in 0, no scale word after - read as a thousands
# separator (a decimal is rarely printed with a trailing zero in prose); the reading is recorded in `detail`
DOT_THOUSANDS = re.compile(r"[1-9]\d{0,2}\.\d\d0")


PLAIN_INT = re.compile(r"\d+")
_MONTHS = {m.lower() for m in g.MONTHS}


def is_month(word: str) -> bool:
    return word.rstrip(".").lower() in _MONTHS


def is_day(word: str) -> bool:
    return _DAY.fullmatch(word) is not None


_DAY = re.compile(r"\d{1,2}(?:st|nd|rd|th)?")


MONTH_BEFORE_DAY = True  # "May 17"
JOINERS = {"and", "&", "-", "–", "—", "to", "or"}
# Left context is read word by word from the end: a $-anchored alternation of month names or document
# words would be tried at every position of the window, the slowest step of classification.
DOCNUM_WORDS = {"vol", "volume", "issue", "no", "nr", "number", "art", "article", "section", "chapter",
                "paragraph", "para", "page", "p", "pp", "clause", "resolution", "decree", "law", "item", "part",
                "annex", "appendix", "table", "figure", "fig", "edition", "ed", "#", "№", "n°", "nº"}
DOCNUM_PAIR = "no"  # "Resolution No. 12"


def docnum_word(word: str) -> bool:
    return word in DOCNUM_WORDS


CHROME_RIGHT = re.compile(r"^\s*(?:votes?|views?|comments?|reads?|likes?|shares?|times)\s*\)?\s*$", re.I)
CHROME_LEFT = re.compile(r"(?:^|\n)\s*(?:\(|Read|Viewed|Views:?|Comments:?|Hits:?)\s*$", re.I)
chrome_line = None  # (text, pos) -> a line of page furniture ("Читайте также: ..."); English ends the article there
DAY_RIGHT = re.compile(rf"^(?:st|nd|rd|th)?\s*(?:-|–|and|to)?\s*(?:\d{{1,2}}\s+)?(?:of\s+)?(?:{g.MONTH_RE})(?![a-z])")
CENTURY_RIGHT = re.compile(r"^\s+[Cc]entur(?:y|ies)\b")
PERIOD_UNIT_RIGHT = None  # a figure that names a part of a year ("1 квартал"); English writes "Q1"
HALF_PERIOD_LEFT = re.compile(r"\b(?:first|second|1st|2nd|latter|former)[\s-]+$", re.I)
CURRENCY_LEFT = re.compile(r"(US\$|U\.S\.\s?\$|[$£€₽₸¥₴]|(?<![A-Za-z])(?:[A-Z]{3}|Rub|Rbl|Rbs|Tg))[^\S\n]?\Z")  # "£\n\n0": a symbol ends a line, the figure starts the next
RANGE_CURRENCY_LEFT = re.compile(r"(US\$|U\.S\.\s?\$|[$£€₽₸¥₴]|(?<![A-Za-z])(?:[A-Z]{3}|Rub|Rbl|Rbs|Tg))\s?\d[\d.,]*\s*"
                                 r"(?:-|–|—|to)\s*\$?$")
# "5.1 and 5.8 billion dollars" prints the scale and unit once for a pair as a range does; a year is no second figure
_PAIR = r"(?:-|–|—|to|(?<=\s)and\s(?!\s*[$£€]?(?:18|19|20)\d\d(?![\d.,]\d)))"
_RANGE_SCALE = r"(?:\s|-)?(trillion|trln|trn|tn|billion|bln|bn|million|mln|mn)\b"
RANGE_SCALE_RIGHT = re.compile(rf"^\s*{_PAIR}\s*[$£€]?\d[\d.,]*{_RANGE_SCALE}", re.I)
# the two bounds of a printed range ("$1.5-2 billion", "KZT 440-450"): the first is a floor, the second a ceiling;
# "from X to Y" is a path, not a range
# "5-7%", or "between 5 and 7 billion" ("5 and 7 billion" alone are two values)
RANGE_OPEN_RIGHT = g.RangeOpen(
    re.compile(r"\s*(?:-|–|—)\s*[$£€]?\d"),
    ((re.compile(r"\s+and\s+[$£€]?\d"),
      re.compile(r"\bbetween\s+(?:US)?[$£€]?[\d.,]*(?:\s*(?:trillion|billion|bln|bn|million|mln|mn))?$", re.I)),),
    re.compile(r"\s*(?:-|–|—)|\s+and\s"), back=30)
RANGE_CLOSE_LEFT = re.compile(r"\d\s*(?:-|–|—)\s*[$£€]?$|\bbetween\s+(?:US)?[$£€]?\d[\d.,]*"
                              r"(?:\s*(?:trillion|billion|bln|bn|million|mln|mn))?\s+and\s+[$£€]?$", re.I)
RESPECTIVELY = "respectively"  # after or before a dash pair: two values, not the bounds of a range
# a second, smaller scale that completes a figure: "3 bln 250 mln"
COMPOUND_SCALE_RIGHT = re.compile(r"^\s+(\d{1,3})\s?(million|mln|mn|thousand)\b", re.I)
PERIOD_RIGHT = re.compile(r"^\s+of\s+(?:(?:18|19|20)\d\d|this\s+year|last\s+year|the\s+(?:current\s+|previous\s+)?year)",
                          re.I)
PERIOD_LEFT = re.compile(r"\b(?:first|last|past|initial|final)\s+$", re.I)
LABEL_LEFT = re.compile(r"[A-Za-z]-?$|[A-Za-z]\d*[-/]$")
SCALE_RIGHT = re.compile(r"^(?:\s|-)?(trillion|trln|trn|tn|billion|bln|bn|million|mln|mn|thousand)\b", re.I)
GLUED_SCALE_RIGHT = re.compile(r"^(bn|mn|m|b|k|tn)\b", re.I)
GLUED_BARE_SCALE = re.compile(r"^(?:k|K|bn|tn)\b")  # "15K", "8.2K" need no currency; "5m" might be metres
PERCENT_RIGHT = re.compile(r"^[\s-]?(?:%|per\s?cent\b|pct\b)", re.I)
# "3 to 4 percent", "10-15 km", "5-6 billion dollars": one unit for both
RANGE_TAIL = re.compile(rf"^\s*{_PAIR}\s*\d[\d.,]*(?:{_RANGE_SCALE})?", re.I)
CURRENCY_WORD_RIGHT = re.compile(
    r"^\s+(?:of\s+)?(" + "|".join(re.escape(w) for w in sorted(g.CURRENCY_WORDS, key=len, reverse=True))
    + r")\b", re.I)


def currency_word(word: str) -> str:
    return g.CURRENCY_WORDS[word.lower()]


ISO_RIGHT = re.compile(r"^\s?([A-Z]{3})\b")
# "per dollar", "/$", "per USD1" (the 1 of USD1 is part of the unit, not a figure)
PER_RIGHT = re.compile(r"^\s*(?:per|a|to\s+the|against\s+the|/)\s*(?:US\s+)?(dollar|euro|rouble|ruble|barrel|USD|EUR|RUB|\$)"
                       r"(?:1(?!\d))?(?![A-Za-z])", re.I)
PER_UNIT = {"dollar": "USD", "usd": "USD", "$": "USD", "euro": "EUR", "eur": "EUR", "rouble": "RUB", "ruble": "RUB",
            "rub": "RUB", "barrel": "barrel"}


def per_unit(word: str) -> str:
    return PER_UNIT[word.lower()]


AGE_RIGHT = re.compile(r"^(?:\s+|-)years?[\s-]+old\b|^-year-old\b", re.I)
POPULATION_LEFT = re.compile(r"\bpopulation\s+(?:of\s+)?(?:about\s+|some\s+|nearly\s+|almost\s+|over\s+)?$", re.I)
AGE_LEFT = re.compile(r"\baged\s+$", re.I)
TIMES_RIGHT = re.compile(r"^\s+times\b", re.I)
COMPARATIVE = re.compile(r"\b(?:more|higher|larger|greater|bigger|less|lower|smaller|as\s+(?:much|many|high|"
                         r"large)|increase[sd]?|grew|grown|rose|risen|multipl\w+)\b", re.I)
MULTIPLE_FALL = None  # English multiples of a fall are words of their own ("halved")
# qualifiers printed after a figure: "40 or more", "a week or so"
QUALIFIERS_RIGHT = [(re.compile(r"^\s*(?:or\s+more|and\s+more|plus|\+)(?!\w)", re.I), "at_least"),
                    (re.compile(r"^\s*or\s+so\b", re.I), "approximately")]
FALL_LEFT = re.compile(r"\b(?:fell|fall(?:en|ing|s)?|lost|losing|devalued|depreciated|weakened|dropped|drop(?:s|ping)?|decreased|decreasing|declined|"
                       r"declining|down|shrank|shrunk|shrinking|contracted|plunged|plummeted|slumped|slid|"
                       r"tumbled|reduced|lower|decline|decrease|reduction|contraction|loss)"
                       r"\s+(?:(?!from\b|to\b)[\w.’']+\s+){0,3}$", re.I)
# hyphenated number words that name a kind, not a quantity: "two-way trade", "a three-pronged plan"
IDIOM_RIGHT = re.compile(r"-(?:way|sided|faced|pronged|tiered|tier|edged|dimensional|handed|speed|track)\b", re.I)
MODAL_LEFT = re.compile(r"\b(?:to|will|would|could|should|can|may|might|must)\s+$", re.I)
# a base-form multiple or "twice" compares when a qualifier stands before it or a comparison follows:
# "almost triple what it was", "twice the value of", "grew twice"; otherwise "double taxation", "met twice"
MULTIPLE_COMPARE_LEFT = re.compile(r"\b(?:almost|nearly|roughly|about|more\s+than|over|some|(?:grew|grown|rose|risen|"
                                   r"increased|expanded|jumped|climbed|fell|dropped|declined)(?:\s+by)?)\s+$", re.I)
MULTIPLE_COMPARE_RIGHT = re.compile(r"^\s+(?:what|that\s+of|those\s+of|the\s+(?:level|figure|volume|amount|value|size|"
                                    r"number)|as\s+(?:much|many|large|high|big|fast)|more|higher|larger|bigger|over)\b",
                                    re.I)
ADVERB_MULTIPLES = frozenset({"twice", "thrice"})
# "three-and-a-half times": half a unit more
AND_A_HALF_RIGHT = re.compile(r"^[\s-]+and[\s-]+a[\s-]+half\b", re.I)
# "one or two firms", "two or three times": a vague count, not a figure
VAGUE_OR_RIGHT = re.compile(r"^\s+or\s+(?:one|two|three|four|five|six|seven|eight|nine|ten)\b", re.I)
VAGUE_OR_LEFT = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine)\s+or\s+$", re.I)
FALL_RIGHT = re.compile(r"^\s*(?:decline|drop|fall|decrease|contraction|reduction|loss|(?:less|lower|fewer|down)\s+"
                        r"(?:than|on|from))\b", re.I)
SUBJECT_RIGHT = re.compile(r"^[\s-]+[\"“‘']?([A-Za-z][\w’'-]*)(?:\s+([A-Za-z][\w’'-]*))?(?:\s+([A-Za-z][\w’'-]*))?")
STOP = {"of", "the", "and", "or", "to", "in", "on", "at", "for", "with", "by", "from", "a", "an", "as",
        "is", "are", "was", "were", "be", "has", "have", "had", "that", "which", "who", "than", "per",
        "more", "less", "after", "before", "since", "into", "it", "its", "their", "his", "her"}
PRONOUN_WORDS = ("one",)  # a number word that is a pronoun unless a unit follows ("one of them")
VAGUE_ALONE = frozenset()  # scale words that alone are vague ("тысячи людей"); English has "thousands"


def people(word: str) -> bool:
    from ..countries import alias_table

    if word.lower() in g.PEOPLE_NOUNS:
        return True
    # demonym plurals ("Russians", "Kazakhs") name people
    return word.endswith("s") and word in alias_table() and word[0].isupper()


def subject(words: list[str]) -> str | None:
    """The counted noun: words up to the first plural ("cooperation agreements"), else the first word."""
    if not words or words[0].lower() in STOP:
        return None
    for i, w in enumerate(words):
        if w.lower() in STOP:
            break
        if w.endswith("s") and not w.endswith("ss"):
            return " ".join(words[:i + 1])
    return words[0]


def fraction_value(words: list[str]) -> tuple[float, float] | None:
    """(numerator, percent per unit) of 'a quarter', 'two thirds'."""
    per = g.FRACTIONS[words[-1]]
    numerator = 1.0 if len(words) == 1 or words[0] in ("a", "one") else g.words_value(words[0]) or 1.0
    return numerator, per


FRACTION_OF_RIGHT = re.compile(r"^\s+of\b")
FRACTION_BY_LEFT = re.compile(r"\bby\s+(?:[a-z]+\s+)?$")  # "dropped by (nearly) a third"
HALF_WORDS = ("half", "halves")

# ---------------------------------------------------------------- meaning (meaning.py, periods.py)


# ================================================================ meaning.py and periods.py: the words around
# a figure that say what it measures, between whom, for which period and on whose authority. Regular-expression
# sources (compiled by meaning.Words and periods.Lexicon); ru.py gives the same names their Russian words.
import calendar as _calendar  # noqa: E402

MONTH_NUMBERS = {m.lower(): i for i, m in enumerate(_calendar.month_name) if m}
MONTH_NUMBERS.update({m.lower(): i for i, m in enumerate(_calendar.month_abbr) if m})
MONTH_NUMBERS["sept"] = 9
MONTH = r"(?:" + "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True)) + r")\.?"

# ---------------------------------------------------------------- measures
# (pattern, measure), checked in the order given when two cues tie at one position
CUES = [
    (r"cross[\s-]border\s+trade|border\s+trade|frontier\s+trade", "trade_turnover"),
    (r"trade\s+(?:surplus|deficit|balance|gap)|(?:surplus|deficit)\s+(?:in|of)\s+(?:its\s+|their\s+)?trade|"
     r"balance\s+of\s+trade", "trade_balance"),
    (r"(?:trade|commodity|goods|merchandise)\s+turnover|turnover|trade\s+volume|volume\s+of\s+(?:mutual\s+|"
     r"bilateral\s+)?trade|(?:bilateral|mutual|total|two-way|overall)\s+trade|trade\s+between|trade\s+with|"
     r"traded|trade", "trade_turnover"),
    (r"export(?:s|ed|ing)?|shipments?|sales\s+to|supplies\s+to|supplied|shipped|sold\s+to", "exports"),
    (r"import(?:s|ed|ing)?|purchases\s+from|bought\s+from", "imports"),
    (r"(?:(?:foreign|outward|inward)\s+)?direct\s+investments?|O?FDI|investments?|invest(?:s|ed|ing)?|investors?|(?:capital\s+)?inflows?|capital(?=\s+(?:in|invested))|"
     r"(?:plant|factory|project)s?\s+(?:worth|valued\s+at|costing)", "direct_investment"),
    (r"GDP|gross\s+domestic\s+product|economy\s+grew", "gdp"),
    (r"(?:fiscal|budget)\s+(?:deficit|surplus|balance)", "fiscal_balance"),
    (r"budget", "budget"),
    (r"loans?|credits?|lent|lending", "loan"),
    (r"debts?", "debt"),
    (r"(?:spent|sold|burned|used)\s+(?:\S+\s+){0,3}?(?:of\s+)?(?:its\s+|the\s+)?(?:foreign[\s-]+(?:exchange|currency)\s+)?"
     r"reserves|interventions?|defending\s+the\s+(?:tenge|rouble|ruble|currency)", "fx_intervention"),
    (r"reserves", "reserves"),
    (r"production|output|(?:production\s+)?capacity|produced|produces|harvest(?:ed)?", "production"),
    (r"prices?|costs?|tariffs?", "price"),
    (r"exchange\s+rate", "exchange_rate"),
]
# a cue inside these names is not that measure: "trade unions", "the World Trade Organization"
NOT_CUE = r"trade\s+unions?|World\s+Trade\s+Organi[sz]ation|trade\s+(?:mission|representative|fair|route)s?"
# percentages that are not changes, by what the figure's clause is about (first match wins)
PERCENT_MEASURES = [
    (r"\b(?:inflation|consumer\s+prices)\b", "inflation"),
    (r"\b(?:interest|base|policy|refinancing|key|lending|deposit|mortgage)\s+rates?\b", "interest_rate"),
    (r"\b(?:fiscal|budget)\s+(?:deficit|surplus|balance)\b", "fiscal_balance"),
    (r"\bdevalu\w+|\bdepreciat\w+", "devaluation"),
]
CROSS_BORDER = (r"cross[\s-]border|border\s+(?:trade|regions|areas|ties|cooperation)|frontier\s+(?:trade|cooperation)|"
                r"inter-?regional")
TRADE = r"\btrade|turnover|export|import"
# a change stated before the figure ("rose by", "devalued the tenge by"); "fell from X to Y" gives levels
CHANGE_LEFT = (r"\b(?:grew|grown|growing|grow|rose|risen|rising|increased|increasing|up|jumped|"
               r"climbed|expanded|gained|added|surged|soared|fell|fallen|dropped|decreased|lost|"
               r"devalued|depreciated|weakened|appreciated|strengthened|"
               r"declined|down|shrank|shrunk|contracted|plunged|slumped|slid|tumbled|reduced|"
               r"growth|increase|rise|decline|drop|fall|decrease|reduction)"
               r"\s+(?:(?!from\b|to\b)[\w.$’']+\s+){0,3}$")
# "exceeded last year's level by 40%": a comparison stated before "by"
CHANGE_BY_LEFT = (r"\b(?:exceed\w*|surpass\w*|outstrip\w*|outpac\w*|higher|lower|more|less|up|down|increas\w*|"
                  r"decreas\w*|grow\w*|grew|rose|risen|fell|fallen|drop\w*|declin\w*)\b(?:\s+\S+){0,5}\s+by\s+$")
CHANGE_RIGHT = (r"^\s*(?:growth|increase|rise|decline|drop|fall|decrease|year[\s-]on[\s-]year|"
                r"y/y|yoy|annual\s+growth|gain|jump|surge|contraction|slump)\b")
# an amount of money that is the size of a change, not a level: "grew by $2 billion", "an increase of about
# $1bn", "exports rose $1bn to $6bn" ("rose to $6bn" is a level)
AMOUNT_CHANGE_LEFT = (r"\b(?:grew|grown|rose|risen|increased|jumped|climbed|expanded|gained|surged|soared|fell|fallen|"
                      r"dropped|decreased|declined|shrank|shrunk|contracted|plunged|slumped|slid|tumbled|"
                      r"growth|increase|rise|decline|drop|fall|decrease|reduction|gain|jump|contraction)\s+"
                      r"(?:by\s+|of\s+)?(?:(?:almost|nearly|about|around|roughly|some|over|more\s+than|less\s+than|"
                      r"just|only|another|a\s+further|an\s+additional)\s+)?$")
# a party to trade below a country: its trade is not the countries' ("the Orenburg region", "with the region")
LOCAL_PARTY = (r"\b[A-Z][\w'’-]+\s+(?:[Rr]egion|[Oo]blast|[Pp]rovince|[Kk]rai|[Kk]ray|[Tt]erritory)\b|"
               r"\b(?:with|between)\s+the\s+(?:region|republic|oblast|province)\b(?!\s+of\b)|"
               r"\b(?:region|oblast|province)['’]s\b")
# the named parties of a trade, each of which must be a country for the trade to be the countries' ("between
# Tatarstan and Kazakhstan" is a region's)
PARTY_NAMES = (r"\bbetween\s+(?P<x>(?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’-]*)\s+and\s+"
               r"(?P<y>(?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’-]*)")
# a figure compared with an earlier period: "20 percent more than a year earlier", "down 5% on 2014"
# "6 percent higher than in the previous year", "8% more compared with the pre-pandemic year 2019"
COMPARED_RIGHT = (r"^\s*(?P<dir>more|higher|up|greater|less|lower|down|fewer)\s+(?:than|on|from|compared\s+(?:with|to)"
                  r"|over|against)\s+(?:(?:in|during|for)\s+)?(?:a\s+year\s+(?:earlier|ago|before)|"
                  r"the\s+(?:previous|preceding|prior)\s+year|last\s+year|(?:18|19|20)\d\d|the\s+same\s+period|"
                  r"(?:a|the)\s+year\s+before|(?:the\s+)?(?:[\w-]+\s+)?year\s+(?:18|19|20)\d\d)")
DEFICIT = r"\bdeficit\b"  # a deficit is a negative balance
LOST_VALUE_RIGHT = r"\s+(?:of\s+)?(?:its|their)\s+value\b"  # "lost half its value": a fall
MIGRATION = (r"\b(?:migra\w*|emigra\w*|immigra\w*|resettl\w*|repatriat\w*|relocat\w*|"
             r"moved\s+(?:to|from)|left\s+for|arrived\s+in|returned\s+to)|\bleft\s+(?=[A-Z])")
MIGRANTS = (r"\b(?:migrants?|emigrants?|immigrants?|people|persons|citizens|residents|settlers|"
            r"repatriates|returnees|workers)\b")
POPULATION = r"\b(?:population|inhabitants|residents)\b"
INFLATION = r"\binflation\b"
# "the figure rose to ...": a figure that points back to an earlier sentence's measure
ANAPHORA = (r"\b(?:the|this|that)\s+(?:figure|number|total|amount|indicator|sum)\b(?!\s+of\b)|"
            r"\b(?:[Ii]t|[Tt]his)\s+(?:is|was|will\s+be|has\s+been)\b|"
            r"\b(?:[Ii]t|[Tt]his)\s+(?:(?:has|had|will|is|was|already|could|may|might|would|should)\s+){0,2}"
            r"(?:reach\w*|st(?:ood|ands?)|amount\w*|total\w*|be|been|rose|risen|fell|fallen|grew|grown|exceed\w*|"
            r"came|hit|topped|increased|decreased|declined|dropped|climbed|jumped)\b")
# words that break a sentence into clauses: a figure's cue and period are looked for in its own clause first
CLAUSE_BREAK = r";|\bwhile\b|\bwhereas\b|,\s*but\b|\bbut\b|\bcompared\s+(?:with|to)\b"
PERIOD_BREAK = r";|\bwhile\b|\bwhereas\b|\bbut\b|,\s*and\b|\.\s"
RECEIVED = r"\b(?:received|receives|attracted|attracts|got|obtained|drew|draws|hosts|hosted)\b"  # the host
FOREIGN_LEFT = r"foreign\s+(?:direct\s+)?$"

# ---------------------------------------------------------------- economies around a flow cue ({country}: names)
OWNER_LEFT = r"({country})(?:[’']s)?\s+(?:[\w-]+\s+){{0,2}}$"  # "Kazakhstan's exports", "Russian oil exports"
OWNER_RIGHT = None  # English names a flow's owner before the cue; Russian may name it after, in the genitive
FLOW_RIGHT = r"^(?:\s+[\w$.,-]+){{0,6}}?\s+{words}\s+(?:the\s+)?(?P<c>{country}|country|republic)"
TO_WORDS = r"(?:to|into|in)"
FROM_WORDS = r"(?:from|by)"
GENERIC_PARTNER = ("country", "republic")
# an elliptical flow after a coordination names its own pair: "..., and Kazakhstani in Russia almost $4bn"
ELLIPSIS_BREAK = r",\s*(?:and|while|whereas|but)\b|;"
PAIR_SEGMENT = (r"(?P<a>{country})(?:[’']s)?\s+(?:[\w-]+\s+){{0,2}}?(?P<prep>in|to|into|from)\s+(?:the\s+)?"
                r"(?P<b>{country})")
FROM_PREP = "from"
# the segment of an elliptical flow naming its other party alone: "exports to Russia were $5bn, and to China $3bn"
OTHER_SEGMENT = r"^\s*(?P<prep>to|into|from)\s+(?:the\s+)?(?P<b>{country})\b"
# a country right after these words is an object ("exports to Turkey"), never the subject of a later verb
OBJECT_LEFT = r"\b(?:to|from|with|into|in|for|by|of|on|at|and|between)\s+(?:the\s+)?$"
# a bare rate after a figure: "traded at 340 per dollar" (the currency is named elsewhere in the sentence)
BARE_PER_RIGHT = r"\s*(?:per|a|to\s+the|against\s+the)\s+(?:US\s+|U\.S\.\s+)?(?P<base>dollar|euro|rouble|ruble)\b"
PER_BASE = {"dollar": "USD", "euro": "EUR", "rouble": "RUB", "ruble": "RUB"}
AFTER_WORDS = r"\b(?:{words})\s+(?P<c>{country})"
MIGRATION_TO = "to|in|into"
MIGRATION_FROM = "from"
# the world as partner: "total foreign trade", "trade with all countries"
WORLD = (r"\b(?:(?:total|overall)\s+(?:foreign|external)\s+trade|foreign\s+trade\s+turnover|"
         r"(?:foreign|external)\s+trade|with\s+(?:the\s+)?(?:rest\s+of\s+the\s+)?world|with\s+all\s+(?:countries|partners))\b")

# ---------------------------------------------------------------- who the figure is from
_BODY = (r"(?:[A-Z][\w’'.&-]*|customs|statistics\s+(?:agency|office|committee|service|bureau)|ministry|committee|"
         r"agency|service|office|bureau|commission|government")
ATTRIBUTION = [
    r"\b[Aa]ccording\s+to\s+(?P<who>(?:the\s+)?(?:[\w’'.&-]+\s+){0,6}?[\w’'.&-]+?)(?=\s*(?:[,.;:)]|\bdata\b|"
    r"\bfigures\b|\bstatistics\b|\bestimates?\b|$))",
    r"(?P<who>\b(?:the\s+)?(?:[A-Z][\w’'.&-]*\s+){0,5}?" + _BODY + r"))(?:’s|'s)?\s+(?:data|figures|statistics|"
    r"estimates)\s+(?:show|showed|shows|suggest|indicate|put)",
    r"(?P<who>\b(?:the\s+)?(?:[A-Z][\w’'.&-]*\s+){0,5}?" + _BODY + r"|minister|spokesman|spokeswoman|officials?))"
    r"\s+(?:said|says|reported|reports|announced|estimated|estimates|told)\b",
    r"\b(?i:data|figures|statistics)\s+(?:from|of|by|released\s+by|published\s+by)\s+(?P<who>(?:the\s+)?"
    r"(?:[\w’'.&-]+\s+){0,5}?[\w’'.&-]+?)(?=\s*(?:[,.;:)]|\bshow|\bput|\bindicate|$))",
]
ATTRIBUTION_STOP = r"^(?:it|he|she|they|we|this|that|which|who|experts?|analysts?|the\s+\w+|(?:our|my|your|his|her|their)(?:\s+\w+)?)$"

# ---------------------------------------------------------------- outlook: forecasts and targets are not outcomes
TARGET = (r"\b(?:plans?|planned|planning|aims?|aimed|aiming|targets?|targeted|goals?|intends?|intended|seeks?|"
          r"sought|wants?|pledged?|promised?|agreed|agree|vowed?|ambition|objective|tasks?|tasked)\b")
FORECAST = (r"\b(?:expected|expects?|forecast(?:s|ed)?|projected|predicted|predicts?|anticipated|"
            r"will|would|could|(?-i:may)|might|likely|set\s+to|on\s+track\s+to|poised\s+to|potentially)\b")
# "... is expected", and a horizon still ahead: "$30 billion in the coming years", "within the next decade"
OUTLOOK_RIGHT = (r"\s*(?:(?:is|are|was|were)\s+(?:expected|forecast|projected|planned|targeted|likely)|"
                 r"(?:already\s+)?(?:in|over|within)\s+the\s+(?:coming|next|nearest)\s+(?:[\w-]+\s+){0,2}"
                 r"(?:years?|months|decades?)|in\s+the\s+(?:near|foreseeable)\s+future)\b")
FUTURE_BY = r"\bby\s+(?:the\s+end\s+of\s+)?(?P<y>(?:19|20)\d\d)\b"
FUTURE_LEFT = r"\bby\s+(?:the\s+end\s+of\s+)?$"  # "by 2030": a deadline, not a period a later sentence continues

# ---------------------------------------------------------------- periods
HALF = r"\b(?P<which>first|second|1st|2nd)\s+half\b|\bH(?P<hn>[12])\b"
QUARTER = r"\b(?P<which>first|second|third|fourth|1st|2nd|3rd|4th|final|last)\s+quarter\b|\bQ(?P<qn>[1-4])\b"
FIRST_MONTHS = (r"\b(?:first|past|initial)\s+(?P<n>[\w-]+)\s+months\b|"
                r"\b(?P<n2>[\w-]+)\s+months\b(?=\s+of\s+(?:this|last|the\s+(?:current|previous)|(?:19|20)\d\d))")
MONTH_RANGE = rf"\b(?P<m1>{MONTH})\s*(?:-|–|—|to|through|till|until)\s*(?P<m2>{MONTH})"
MONTH_SINGLE = rf"\b(?:in|for|during|of|since|as\s+of|by|at\s+the\s+end\s+of|end-)\s*(?P<m>{MONTH})(?!\w)"
# words without one of which a period pattern cannot match: periods.py skips the pattern in that sentence
PERIOD_GATES = {
    "half": {"half", "h1", "h2"}, "quarter": {"quarter", "q1", "q2", "q3", "q4"}, "first_months": {"months"},
    "month": set(MONTH_NUMBERS), "same_period": {"same", "year", "yoy", "y"},
    "relative": {"year", "years", "ago", "date"},
}
# the year of a sub-year period: " of 2017", ", 2017", " of last year"
YEAR_OF = r"\s*[\[(]?\s*,?\s*(?:of\s+)?(?:the\s+)?(?:(?P<y>(?:18|19|20)\d\d)|(?P<rel>this|last|next|current|previous|past)\s+year)"
RELATIVE = [  # (pattern, years from the publication year)
    # "the previous year" whole: "than in the previous year" is a base ("than in ", BASE_LEFT), "the past year" is not
    (r"\blast\s+year\b|\b(?:the\s+)?previous\s+year\b|\bpast\s+year\b|\ba\s+year\s+(?:ago|earlier)\b", -1),
    (r"\bthis\s+year\b|\bcurrent\s+year\b|\bso\s+far\s+this\s+year\b|\byear\s+to\s+date\b", 0),
    (r"\bnext\s+year\b|\bcoming\s+year\b", 1),
    (r"\b(?:two|2)\s+years\s+ago\b", -2),
    (r"\b(?:three|3)\s+years\s+ago\b", -3),
]
REL_WORDS = {"this": 0, "current": 0, "last": -1, "previous": -1, "past": -1, "next": 1}
EARLIER = r"earlier|ago"  # "a year earlier": earlier than the sentence's year
# between a figure and the period attached to it: "$5bn in 2014", "$5bn for the first half", "$5bn last year"
PERIOD_ATTACHED = (r"(?:\s+(?:it|them|this|that))?[\s,]*(?:(?:in|for|during|by(?:\s+the\s+end\s+of)?|as\s+of|over|"
                r"throughout|at\s+the\s+end\s+of)\s+|(?=last\b|this\b|the\s+(?:first|second|third|fourth|past|previous)\b))"
                r"(?:the\s+(?=first|second|third|fourth|past|previous|last))?")
# a year that bounds or starts a span is not the period of a figure: "since 2005", "from 2010 to"
SINCE_LEFT = (r"\b(?:since|from|after|before|until|till|between|founded\s+in|established\s+in|"
              r"created\s+(?:back\s+)?in|back\s+in)\s+(?:(?:early|mid|late)[\s-]+)?(?:" + MONTH + r"\s+)?$")
# the comparison base: "over 2016", "on the same period of 2019", "compared with 2014", "than in 2010"
BASE_LEFT = (r"(?:\b(?:over|on|versus|vs\.?|against|exceed\w*|surpass\w*|above|below)\s+|\bcompared\s+(?:with|to)\s+(?:the\s+)?(?:level\s+of\s+)?(?:in\s+)?|"
             r"\bthan\s+(?:in\s+)?|\bin\s+comparison\s+with\s+|\bwhat\s+(?:it|they)\s+(?:was|were|had\s+been)\s+(?:in\s+)?|"
             r"\b(?:value|level|volume|figure)\s+of\s+(?:in\s+)?)(?:the\s+same\s+period\s+(?:of|in|last)\s+|"
             r"(?:the\s+)?(?:[\w-]+\s+)?year\s+)?$")  # "compared with the pre-pandemic year 2019"
SAME_PERIOD = (r"\b(?:last|the\s+previous)\s+year[’']s\s+(?:level|figures?|volume|result)s?\b|"
               r"\b(?:the\s+)?same\s+period\s+(?:of\s+|in\s+)?(?:(?P<y>(?:18|19|20)\d\d)|(?:last|the\s+previous)\s+year|"
               r"a\s+year\s+(?:earlier|ago|before))?|\b(?:a|the)\s+year\s+before\b|\byear[\s-]on[\s-]year\b|"
               r"\by/y\b|\byoy\b|\bpreceding\s+year\b")
# "over the last two years", "in the past decade", "in 15 years"
SPAN_YEARS = (r"\b(?:over|in|during|within|for)\s+(?:the\s+)?(?:last|past|previous|preceding)\s+"
              r"(?P<n>[\w.-]+(?:\s+[\w-]+)?)\s+(?P<u>years?|decades?)\b|"
              r"\b(?:over|in|during|within|for)\s+(?:the\s+)?(?:last|past|previous|preceding)\s+(?P<u1>year|decade)\b|"
              r"\bin\s+(?P<n2>[\w.-]+)\s+years\b")
SINCE_YEAR = r"\b(?:since|from|between|compared\s+(?:with|to))\s+(?P<y>(?:18|19|20)\d\d)\b"
BETWEEN_YEARS = r"\b(?:between|from)\s+(?P<a>(?:18|19|20)\d\d)\s+(?:and|to|until|till|-|–)\s+(?P<b>(?:18|19|20)\d\d)\b"
COMPARED_LEFT = r"\b(?:from|than|with|against|versus|vs\.?)\s+(?:\S+\s+){0,3}$"  # "up from $4bn in 2009"
SPAN_FROM = r"\bfrom\s+$"  # the first figure of "grew from $15 million to $90 million"
SPAN_TO = r"\bto\s+$"
# a cumulative stock: "accumulated investment", "in total since 2005"
TO_DATE = (r"\b(?:accumulated|cumulative|cumulatively|in\s+total\s+since|since\s+independence|"
           r"(?:total|gross)\s+(?:inflow|stock)|stock\s+of|to\s+date|over\s+the\s+years)\b")
SINCE_ANY = r"\bsince\s+(?:(?P<m>" + MONTH + r")\s+)?(?P<y>(?:18|19|20)\d\d)\b"
# a year that names a thing, not a period: "the 2018 budget", "its 2030 strategy"
YEAR_MODIFIER_LEFT = r"\b(?:the|its|their|a|an|this|that|[A-Za-z]+[’']s)\s+$"
YEAR_MODIFIER_RIGHT = (r"\s+(?!(?:and|to|or|in|on|at|for|was|were|is|are|had|has|than|compared|figures?|levels?|"
                       r"period|season|year|alone|as|when|by|with|from|over|versus|vs)\b)[a-z][\w-]*")
# an event whose year the article may give: "in the first year after the common market opened"
EVENT = (r"\b(?:first|second|third)\s+year\s+(?:after|since|of)\s+(?:the\s+)?(?P<event>(?:[\w-]+\s+){0,4}?[\w-]+?)"
         r"(?=\s+(?:opened|was\s+(?:launched|created|established|formed|signed)|came\s+into\s+(?:force|effect)|"
         r"took\s+effect|started|began)\b)")
EVENT_YEAR = (r"(?P<event>{event})\s+(?:opened|was\s+(?:launched|created|established|formed|signed)|came\s+into\s+"
              r"(?:force|effect)|took\s+effect|started|began)\s+(?:in|on)\s+(?:{month}\s+)?(?:\d{{1,2}},?\s+)?"
              r"(?P<y>(?:18|19|20)\d\d)")
