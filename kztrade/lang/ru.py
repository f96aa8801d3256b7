"""Russian: the words and print conventions the shared rules read (tokens.py, meaning.py, periods.py).

The same names as en.py, with Russian patterns. Russian inflects, so the lexicon lists lemmas ("доллар",
"январь", "Россия", "казахстанский") and pymorphy3 gives every case and number of each (`forms`), once per
process; cardinal number words and their case forms come from number_parser's Russian vocabulary. Figures are
printed with a decimal comma and with spaces or no-break spaces between thousands ("1 234,5"), scales are
abbreviated with or without a point ("млрд", "тыс."), and a year is followed by "год" in some case
("в 2006 году", "2023 года", "2022 г.").
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import grammar as g

CODE = "ru"
_L = "а-яёА-ЯЁ"  # a Cyrillic letter: the boundary of a Russian word (\b also joins digits to words)

# ---------------------------------------------------------------- morphology (pymorphy3), cached


@lru_cache(maxsize=1)
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The dictionary form of a word ('России' -> 'россия'), ё read as е."""
    return _morph().parse(word.lower())[0].normal_form.replace("ё", "е")


@lru_cache(maxsize=65536)
def pos(word: str) -> str | None:
    return _morph().parse(word.lower())[0].tag.POS


@lru_cache(maxsize=None)
def forms(word: str) -> frozenset[str]:
    """Every case and number of a word ('доллар' -> 'доллара', 'долларов', ...), written with е and with ё.

    A phrase ('российская федерация') is declined word by word in agreement: each word takes the grammemes
    (case, number) of the head's form."""
    m = _morph()
    words = word.lower().split()
    out: set[str] = set()
    if len(words) == 1:
        for p in m.parse(words[0])[:1]:
            out |= {f.word for f in p.lexeme}
        out.add(words[0])
    else:
        heads = [m.parse(w)[0] for w in words]
        for case in ("nomn", "gent", "datv", "accs", "ablt", "loct"):
            for number in ("sing", "plur"):
                parts = []
                for p in heads:
                    if "Fixd" in p.tag or p.tag.POS not in ("NOUN", "ADJF", "PRTF"):
                        parts.append(p.word)
                        continue
                    f = p.inflect({case, number})
                    parts.append(f.word if f else p.word)
                out.add(" ".join(parts))
        out.add(" ".join(words))
    return frozenset(out | {w.replace("ё", "е") for w in out})


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


# ---------------------------------------------------------------- number words (number_parser's Russian)


@lru_cache(maxsize=1)
def cardinal_words() -> dict[str, float]:
    from number_parser.data.ru import info

    words: dict[str, float] = {}
    for key in ("UNIT_NUMBERS", "DIRECT_NUMBERS", "TENS", "HUNDREDS", "BIG_POWERS_OF_TEN"):
        words.update(dict(info[key]))
    for w in [w for w in words if "е" in w and w.startswith(("тр", "четыр"))]:
        words[w.replace("е", "ё", 1)] = words[w]  # "трёх", "четырёх": number_parser spells them with е
    for w, v in list(words.items()):
        if v == 0 or v > 1e12:
            words.pop(w)  # "ноль" is rhetoric; quadrillions never occur
    for w in ("полтора", "полторы", "полутора"):
        words[w] = 1.5
    return words


BIG = {"тысяча": 1e3, "миллион": 1e6, "миллиард": 1e9, "триллион": 1e12}
_ORDINAL_LEMMAS = ("первый второй третий четвёртый пятый шестой седьмой восьмой девятый десятый одиннадцатый "
                   "двенадцатый пятнадцатый двадцатый тридцатый сороковой пятидесятый сотый тысячный "
                   "миллионный").split()


@lru_cache(maxsize=1)
def ordinal_words() -> frozenset[str]:
    return frozenset(f for w in _ORDINAL_LEMMAS for f in forms(w))


@lru_cache(maxsize=4096)
def words_value(phrase: str) -> float | None:
    """'двадцать пять' -> 25, 'полтора миллиарда' -> 1.5e9, 'двух' -> 2."""
    from number_parser import parse_number

    words = phrase.lower().replace("ё", "е").split()
    if not words:
        return None
    if words[0] in ("полтора", "полторы", "полутора"):
        scale = 1.0
        for w in words[1:]:
            scale *= next((v for k, v in BIG.items() if w in forms(k)), 1.0)
        return 1.5 * scale
    v = parse_number(" ".join(words), language="ru")
    return float(v) if v is not None else None


# ---------------------------------------------------------------- multiples, fractions, vague quantities

_MULTIPLE_LEMMAS = {"удвоить": 2, "удвоиться": 2, "удвоение": 2, "утроить": 3, "утроиться": 3, "утроение": 3,
                    "учетверить": 4, "учетвериться": 4, "двукратный": 2, "трёхкратный": 3, "четырёхкратный": 4,
                    "пятикратный": 5, "десятикратный": 10}
_MULTIPLE_ADVERBS = {"вдвое": 2, "втрое": 3, "вчетверо": 4, "впятеро": 5, "вшестеро": 6, "вдесятеро": 10,
                     "двукратно": 2, "трёхкратно": 3, "трехкратно": 3, "пятикратно": 5, "десятикратно": 10}


@lru_cache(maxsize=1)
def _multiple_verbs() -> dict[str, float]:
    out = dict(_MULTIPLE_ADVERBS)
    for w, v in _MULTIPLE_LEMMAS.items():
        for f in forms(w):
            out[f] = v
    return out


MULTIPLE_VERBS = _multiple_verbs()  # this module is imported only to read Russian: built at once
MULTIPLE_BASE: frozenset[str] = frozenset()  # every Russian multiple word is one ("удвоить" is a target)
_FRACTION_LEMMAS = {"половина": 50.0, "треть": 100 / 3, "четверть": 25.0}


@lru_cache(maxsize=1)
def _fractions() -> dict[str, float]:
    return {f: v for w, v in _FRACTION_LEMMAS.items() for f in forms(w)}


FRACTIONS = _fractions()


def fraction_value(words: list[str]) -> tuple[float, float] | None:
    per = FRACTIONS[words[-1]]
    numerator = 1.0 if len(words) == 1 else words_value(words[0]) or 1.0
    return numerator, per


@lru_cache(maxsize=1)
def _vague() -> frozenset[str]:
    m = _morph()
    out = set()
    for w in ("десяток", "сотня", "тысяча", "миллион", "миллиард"):
        out |= {f.word for f in m.parse(w)[0].lexeme if "plur" in f.tag}
    return frozenset(out)


HALF_WORDS = ("половина", "половину", "половины", "половине", "половиной")
FRACTION_OF_RIGHT = re.compile(rf"^[^\S\n]+(?!из\b|от\b|на\b|в\b|с\b)[{_L}]")  # "половина экспорта"
FRACTION_BY_LEFT = re.compile(rf"(?:^|[^\S\n])(?:на|в)[^\S\n]+(?:[{_L}]+[^\S\n]+)?$")  # "сократился на треть"
HALF_PERIOD_LEFT = re.compile(rf"(?:^|[^\S\n])(?:перв|втор|последн)[{_L}]*[^\S\n]+$", re.I)  # "во второй половине года"

# ---------------------------------------------------------------- calendar

_MONTH_LEMMAS = "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь".split()
_MONTH_ABBR = "янв фев февр мар апр июн июл авг сен сент окт ноя нояб дек".split()


@lru_cache(maxsize=1)
def month_forms() -> frozenset[str]:
    return frozenset(f for w in _MONTH_LEMMAS for f in forms(w)) | frozenset(_MONTH_ABBR)


def is_month(word: str) -> bool:
    return word.rstrip(".").lower() in month_forms()


def is_day(word: str) -> bool:
    return re.fullmatch(r"\d{1,2}", word) is not None


MONTH_BEFORE_DAY = False  # Russian writes the day first: "16 марта"
JOINERS = {"и", "-", "–", "—", "по", "или"}


class _LazyPattern:
    """A compiled pattern built on first use (its words come from pymorphy3)."""

    def __init__(self, build):
        self._build, self._re = build, None

    def __getattr__(self, name):
        if self._re is None:
            self._re = self._build()
        return getattr(self._re, name)


def _month_re() -> str:
    return "(?:" + _alt(month_forms()) + r")\.?"


MONTH_RE = None  # built lazily: month_re()


@lru_cache(maxsize=1)
def month_re() -> str:
    return _month_re()


DAY_RIGHT = _LazyPattern(lambda: re.compile(rf"^[^\S\n]*(?:[-–][^\S\n]*\d{{1,2}}[^\S\n]+)?(?:{month_re()})(?![{_L}])", re.I))
YEAR_RIGHT = re.compile(rf"^[^\S\n]*(?:-?(?:м|й|го|х)[^\S\n]+)?(?:год[{_L}]*|гг?\.)", re.I)
PERIOD_UNIT_RIGHT = re.compile(rf"^[^\S\n]*(?:кварт[{_L}]*|полугод[{_L}]*|кв\.)", re.I)  # "1 квартал"
CENTURY_RIGHT = re.compile(rf"^[^\S\n]+(?:век[{_L}]*|в\.)(?![{_L}])", re.I)

# ---------------------------------------------------------------- document numbers, page furniture, labels

DOCNUM_WORDS = {"ст", "п", "пп", "ч", "гл", "рис", "табл", "стр", "вып", "№", "#", "n", "no", "nr"}
_DOCNUM_LEMMAS = {"статья", "пункт", "подпункт", "часть", "глава", "раздел", "выпуск", "номер", "приложение",
                  "таблица", "рисунок", "страница", "параграф", "протокол", "абзац"}
DOCNUM_PAIR = "№"
# words that name a page only as printed abbreviations, with their dot: "с. 3" cites a page, "с 3" is a preposition
DOCNUM_DOTTED = frozenset({"с"})


def docnum_word(word: str) -> bool:
    return word in DOCNUM_WORDS or (len(word) > 3 and word.isalpha() and lemma(word) in _DOCNUM_LEMMAS)


CHROME_LEFT = re.compile(r"(?:^|\n|\|)[^\S\n]*(?:(?:Просмотр\w*|Комментари\w*|Прочитано|Читать|Оцен\w*|Голос\w*|Отзыв\w*|"
                         r"Время[^\S\n]+чтения)"
                         r"[^\S\n]*:?[^\S\n]*\(?|\()?[^\S\n]*$", re.I)
CHROME_RIGHT = re.compile(r"^[^\S\n]*(?:просмотр\w*|комментари\w*|голос\w*|оцен\w*|раза?|мин\.?|минут\w*|\+)?"
                          r"[^\S\n]*\)?[^\S\n]*$", re.I)  # "18+" alone on a line: an age rating
# a line of links to other articles, or the site's footer: its figures are not this article's
_CHROME_LINE = re.compile(r"[ \t]*(?:Читайте[^\S\n]+также|Смотрите[^\S\n]+также|См\.[^\S\n]+также|Читать[^\S\n]+также|"
                          r"Подробнее|Похожие[^\S\n]+(?:новости|статьи|материалы)|Другие[^\S\n]+новости|Теги|Метки|©|"
                          r"Тел\.|Телефон|Адрес\s*:|Главная[^\S\n]*/)", re.I)
_CHROME_HEADING = re.compile(r"[ \t]*(?:Читайте[^\S\n]+также|Смотрите[^\S\n]+также|См\.[^\S\n]+также|Похожие[^\S\n]+"
                             r"(?:новости|статьи|материалы)|Другие[^\S\n]+новости|По[^\S\n]+теме)[^\S\n]*:?[^\S\n]*\n", re.I)


def chrome_line(text: str, pos: int) -> bool:
    """The line holding pos is page furniture, or follows a heading of links ("Читайте также:")."""
    start = text.rfind("\n", 0, pos) + 1
    if _CHROME_LINE.match(text, start):
        return True
    prev = text.rfind("\n", 0, max(start - 1, 0)) + 1
    heading = _CHROME_HEADING.match(text, prev) if start > 0 else None
    return heading is not None and heading.end() == start


# "| 3 мин. |", "1 520 просмотров", "15 комментариев": a counter of the page
COUNTER_RIGHT = re.compile(r"^[^\S\n]*(?:просмотр\w*|комментари\w*|мин\.?[^\S\n]*(?:\||$|\n)|минут\w*[^\S\n]+чтени\w*)",
                           re.I)
LABEL_LEFT = re.compile(rf"[A-Za-z{_L}]-?\Z|[A-Za-z{_L}]\d*[-/]\Z")
PLAIN_INT = re.compile(r"\d+")

# ---------------------------------------------------------------- scales, currencies, units

_SCALE_ABBR = {"трлн": 1e12, "млрд": 1e9, "млн": 1e6, "тыс": 1e3}


@lru_cache(maxsize=1)
def _scales() -> dict[str, float]:
    out = dict(_SCALE_ABBR) | {k + ".": v for k, v in _SCALE_ABBR.items()}
    for w, v in BIG.items():
        for f in forms(w):
            out[f] = v
    return out


SCALES = _scales()


def _scale_alt() -> str:
    # the point of "млрд." is the abbreviation's unless a new sentence begins after it
    return (rf"(?:трлн|млрд|млн|тыс)(?![{_L}])(?:\.(?![^\S\n]*(?:(?-i:[А-ЯЁA-Z«\"])|\n|$)))?|"
            rf"(?:{_alt(f for w in BIG for f in forms(w))})(?![{_L}])")


SCALE_RIGHT = _LazyPattern(lambda: re.compile(rf"^(?:[^\S\n]+с[^\S\n]+(?:лишним|небольшим)|(?:[^\S\n]|-))?[^\S\n]*({_scale_alt()})",
                                              re.I))
GLUED_SCALE_RIGHT = re.compile(r"(?!)")  # "$5bn" is not Russian print
# "5,1 и 5,8 млрд долларов" prints the scale and unit once for a pair as a range does; a year is no second figure
_PAIR = r"(?:-|–|—|до|(?<=\s)и[^\S\n](?![^\S\n]*\$?(?:18|19|20)\d\d(?![\d,.]\d)))"
RANGE_SCALE_RIGHT = _LazyPattern(lambda: re.compile(
    rf"^[^\S\n]*{_PAIR}[^\S\n]*\$?\d[\d,.\u00a0 ]*?[^\S\n]*({_scale_alt()})", re.I))
RANGE_TAIL = _LazyPattern(lambda: re.compile(
    rf"^[^\S\n]*{_PAIR}[^\S\n]*\$?\d[\d,.]*(?:[^\S\n]*(?:{_scale_alt()}))?", re.I))
PERCENT_RIGHT = re.compile(rf"^(?:[^\S\n]|-)?(?:%|процент[{_L}]*(?![{_L}])(?![^\S\n]+пункт)|проц\.)", re.I)
CURRENCY_SYMBOLS = g.CURRENCY_SYMBOLS
CURRENCY_LEFT = re.compile(r"(US\$|U\.S\.[^\S\n]?\$|[$£€₽₸¥₴]|(?<![A-Za-z])[A-Z]{3})[^\S\n]?\Z")
RANGE_CURRENCY_LEFT = re.compile(r"(US\$|[$£€₽₸¥₴])[^\S\n]?\d[\d.,]*[^\S\n]*(?:-|–|—|до)[^\S\n]*\$?$")
_CURRENCY_LEMMAS = {"доллар": "USD", "рубль": "RUB", "тенге": "KZT", "евро": "EUR", "юань": "CNY",
                    "фунт": "GBP", "сом": "KGS", "гривна": "UAH"}
_CURRENCY_ABBR = {"долл.": "USD", "дол.": "USD", "руб.": "RUB", "р.": "RUB", "тг": "KZT", "тг.": "KZT", "долл": "USD",
                  "руб": "RUB", "тнг": "KZT",
                  "$": "USD", "€": "EUR", "₽": "RUB", "₸": "KZT"}


@lru_cache(maxsize=1)
def _currency_forms() -> dict[str, str]:
    out = dict(_CURRENCY_ABBR)
    for w, code in _CURRENCY_LEMMAS.items():
        for f in forms(w):
            out[f] = code
    for iso in ("USD", "EUR", "RUB", "KZT", "CNY"):
        out[iso.lower()] = iso
    return out


CURRENCY_WORDS = _currency_forms()
CURRENCY_WORD_RIGHT = _LazyPattern(lambda: re.compile(
    r"^[^\S\n]+(?:в[^\S\n]+)?(" + _alt(_currency_forms()) + rf")(?![{_L}\w])(?:[^\S\n]+США(?![{_L}]))?", re.I))


def currency_word(word: str) -> str:
    return _currency_forms()[word.lower()]


ISO_RIGHT = re.compile(r"^[^\S\n]?([A-Z]{3})\b")
PER_RIGHT = re.compile(rf"^[^\S\n]*(?:за|к|/)[^\S\n]*(?:1[^\S\n]+)?(?:американск[{_L}]+[^\S\n]+)?(доллар[{_L}]*|евро|рубл[{_L}]*|"
                       rf"баррел[{_L}]*|USD|EUR)", re.I)


def per_unit(word: str) -> str:
    w = word.lower()
    return {"д": "USD", "u": "USD", "е": "EUR", "r": "RUB", "р": "RUB", "б": "barrel"}.get(w[0], "EUR")


UNIT_WORDS = [  # (pattern, unit)
    (rf"кв\.?[^\S\n]*км|квадратн[{_L}]+[^\S\n]+километр[{_L}]*|км2|км²", "km2"),
    (rf"километр[{_L}]*|км", "km"),
    (rf"гектар[{_L}]*|га", "hectares"),
    (rf"тонн[{_L}]*|т\.?", "tonnes"),
    (rf"баррел[{_L}]*[^\S\n]+в[^\S\n]+сутки|барр\.?[^\S\n]*/[^\S\n]*сут\.?", "barrels_per_day"),
    (rf"баррел[{_L}]*", "barrels"),
    (rf"кубометр[{_L}]*|куб\.?[^\S\n]*м\.?|кубическ[{_L}]+[^\S\n]+метр[{_L}]*", "cubic_metres"),
    (rf"МВт|мегаватт[{_L}]*", "MW"), (rf"ГВт|гигаватт[{_L}]*", "GW"), (rf"кВт[·-]?ч|киловатт-час[{_L}]*", "kWh"),
    (rf"п\.[^\S\n]?п\.|процентн[{_L}]+[^\S\n]+пункт[{_L}]*", "percentage_points"),
    (rf"десятилети[{_L}]*", "decades"), (rf"лет|года?|летн[{_L}]*", "years"),
    (rf"месяц[{_L}]*|мес\.", "months"), (rf"недел[{_L}]*", "weeks"),
    (rf"дн(?:я|ей)|день|сут(?:ок|ки)", "days"), (rf"час(?:а|ов)?", "hours"),
]
UNIT_RE = re.compile(r"(?:[^\S\n]+|-)(" + "|".join(f"(?:{p})" for p, _ in UNIT_WORDS) + rf")(?![{_L}\w])", re.I)
UNIT_OF = [(re.compile(p + r"$", re.I), u) for p, u in UNIT_WORDS]

# ---------------------------------------------------------------- words around a figure

AGE_RIGHT = re.compile(r"(?!)")
AGE_LEFT = re.compile(r"(?:^|[^\S\n])в[^\S\n]+возрасте[^\S\n]+(?:от[^\S\n]+)?$", re.I)
POPULATION_LEFT = re.compile(r"(?:^|[^\S\n])населени[ея]м?[^\S\n]+(?:в[^\S\n]+)?(?:около[^\S\n]+|почти[^\S\n]+|более[^\S\n]+|свыше[^\S\n]+)?$", re.I)
# "в 1,5 раза", "в два раза", "2-кратный": a multiple after "в" or a comparative
TIMES_RIGHT = re.compile(rf"^(?:[^\S\n]+раза?(?![{_L}])|-?кратн[{_L}]*)", re.I)
# (the figure itself is cut out of the text this is matched against: "в 1,5 раза" reads "в  раза")
COMPARATIVE = re.compile(rf"(?:^|[^\S\n])в[^\S\n]+(?:[{_L}]+[^\S\n]+)?раза?(?![{_L}])|кратн|"
                         rf"больше|меньше|выше|ниже|вырос|увелич|сократ|сниз|превы", re.I)
_FALL = rf"(?:сократ|сниз|уменьш|упа[лд]|падени|спад|обвал|подешев|ослаб|обесцен|девальв)[{_L}]*"
MULTIPLE_FALL = re.compile(rf"{_FALL}[^\S\n]+(?:[{_L}]+[^\S\n]+){{0,5}}?(?:в[^\S\n]+)?$|^[^\S\n]*(?:меньше|ниже|дешевле|слабее)(?![{_L}])",
                           re.I)
FALL_LEFT = re.compile(rf"{_FALL}[^\S\n]+(?:(?!с[^\S\n]|до[^\S\n])[{_L}\w.]+[^\S\n]+){{0,3}}$|\([^\S\n]*[−–-]$", re.I)
FALL_RIGHT = re.compile(rf"^[^\S\n]*(?:меньше|ниже|снижени[{_L}]*|сокращени[{_L}]*|падени[{_L}]*)(?![{_L}])", re.I)
IDIOM_RIGHT = re.compile(r"(?!)")
MODAL_LEFT = re.compile(r"(?!)")
SUBJECT_RIGHT = re.compile(rf"^(?:[^\S\n]|-)+[«\"“„']?([{_L}][{_L}-]*)(?:[^\S\n]+([{_L}][{_L}-]*))?(?:[^\S\n]+([{_L}][{_L}-]*))?")
PRONOUN_WORDS = frozenset(("один", "одна", "одно", "одни", "одного", "одной", "одному", "одним", "одном",
                           "одну", "одних", "одними"))  # "один из", "одна из": a pronoun, not a count
VAGUE_ALONE: frozenset[str] = frozenset()  # plural scale words alone are the `vague` kind of token_re

_PEOPLE_LEMMAS = {"человек", "мигрант", "гражданин", "житель", "работник", "специалист", "студент",
                  "переселенец", "иммигрант", "эмигрант", "турист", "сотрудник", "беженец", "репатриант",
                  "соотечественник", "военнослужащий", "пенсионер", "ребёнок", "ребенок", "россиянин",
                  "казахстанец", "посетитель", "участник", "жертва", "погибший"}


def people(word: str) -> bool:
    if word.lower() == "чел":  # "тыс. чел."
        return True
    return pos(word) == "NOUN" and lemma(word) in _PEOPLE_LEMMAS


def subject(words: list[str]) -> str | None:
    """The counted noun: adjectives up to the first noun ('23 тысяч деловых структур' -> 'деловых структур')."""
    out = []
    for w in words:
        p = pos(w)
        if p in ("ADJF", "PRTF", "NUMR", "ADJS") and len(out) < 2:
            out.append(w)
            continue
        if p == "NOUN":
            out.append(w)
            return " ".join(out)
        return None
    return None


# ---------------------------------------------------------------- qualifiers

QUALIFIERS = [
    (r"не[^\S\n]+менее(?:[^\S\n]+чем)?|не[^\S\n]+меньше(?:[^\S\n]+чем)?|как[^\S\n]+минимум|минимум|по[^\S\n]+меньшей[^\S\n]+мере|"
     r"по[^\S\n]+крайней[^\S\n]+мере", "at_least"),
    (r"не[^\S\n]+более(?:[^\S\n]+чем)?|не[^\S\n]+больше(?:[^\S\n]+чем)?|максимум|не[^\S\n]+выше|не[^\S\n]+превыша\w*|вплоть[^\S\n]+до|до", "at_most"),
    (r"(?:чуть|немногим|немного|значительно|гораздо|намного)?[^\S\n]*(?:более(?:[^\S\n]+чем)?|больше(?:[^\S\n]+чем)?|свыше|"
     r"сверх|превысил\w*|превышает|превышают|превышающ\w*|превзош\w*|перевалил\w*[^\S\n]+за|перешагнул\w*)",
     "more_than"),
    (r"(?:чуть|немногим|немного)?[^\S\n]*(?:менее(?:[^\S\n]+чем)?|меньше(?:[^\S\n]+чем)?|ниже|не[^\S\n]+достига\w*)", "less_than"),
    (r"около|почти(?:[^\S\n]+что)?|примерно|приблизительно|порядка|ориентировочно|где-то|чуть[^\S\n]+ли[^\S\n]+не|"
     r"~|плюс-минус|приблизил\w*[^\S\n]+к|приближа\w*[^\S\n]+к|в[^\S\n]+районе|в[^\S\n]+пределах|оценочно", "approximately"),
]
QUALIFIER_RE = re.compile(
    r"(?<![\w-])(" + "|".join(f"(?P<q{i}>{p})" for i, (p, _) in enumerate(QUALIFIERS))
    + r")(?:[^\S\n]+(?:на|в|во|до|к|чем|уровня|отметки|отметку))?[^\S\n]*$", re.I)
# "с 20 до 30", "вырос до 30": a level reached, not a bound
_DO_LEVEL = re.compile(rf",[^\S\n]*$|[—–][^\S\n]*$|(?:^|[^\S\n]|\()(?:с|от)[^\S\n]+\S+|вырос|увелич|сократ|сниз|уменьш|упа[лд]|достиг|довести|"
                       rf"доведен|дорос|подня|возрос|повыс|сниж|рост|снижени|сокращени|нарастить|увеличить|вырасти|дойти|"
                       rf"достичь|доход|сократить|снизить", re.I)


# the words a match of QUALIFIER_RE can end with: a qualifier's last word (QUALIFIER_LAST searched at the end of a
# word) or one of its tail words (QUALIFIER_TAIL, a whole word) after one; the tokenizer skips the search elsewhere
QUALIFIER_LAST = re.compile(r"(?:менее|меньше|чем|минимум|мере|более|больше|максимум|выше|превыша\w*|до|свыше|сверх|"
                            r"превысил\w*|превышающ\w*|превзош\w*|за|перешагнул\w*|ниже|достига\w*|около|почти|что|"
                            r"примерно|приблизительно|порядка|ориентировочно|где-то|не|~|плюс-минус|к|районе|пределах|"
                            r"оценочно)$", re.I)
QUALIFIER_TAIL = re.compile(r"на|в|во|до|к|чем|уровня|отметки|отметку", re.I)
_qualifier_search = g.lower_searcher(QUALIFIER_RE)
_do_level = g.lower_searcher(_DO_LEVEL)
_QUALIFIER_GROUPS = [(f"q{i}", k) for i, (_, k) in enumerate(QUALIFIERS)]
_SENTENCE_BREAK = re.compile(r"[.;!?][^\S\n]+(?=[А-ЯЁA-Z«])")
QUALIFIER_WINDOW = 80  # "довести объём взаимной торговли до": the verb that makes "до" a level stands far back


def qualifier_before(before: str) -> str | None:
    near = before[-32:]
    q = _qualifier_search(near)
    if not q:
        return None
    kind = next(k for name, k in _QUALIFIER_GROUPS if q.group(name))
    if kind == "at_most" and q.group(1).lower() == "до":
        clause = before[:len(before) - len(near) + q.start()]
        clause = _SENTENCE_BREAK.split(clause)[-1]  # "тыс. тонн" does not end a sentence
        if _do_level(clause):
            return None
    return kind


QUALIFIERS_RIGHT = [(re.compile(rf"^[^\S\n]*(?:и[^\S\n]+более|и[^\S\n]+больше|\+)(?![{_L}\w])", re.I), "at_least"),
                    (re.compile(rf"^[^\S\n]*с[^\S\n]+(?:лишним|небольшим|хвостиком)(?![{_L}])", re.I), "more_than")]

# ---------------------------------------------------------------- the token pattern


def suffix_fate(raw: str, suffix: str) -> tuple[str, str, int | None] | None:
    """'2006-м' (году): a year; '1990-х', '90-е': a decade; '2-й', '3-го': an ordinal; '3-х', '5-ти' (стран):
    a cardinal's case ending, so a count (None)."""
    s = suffix.lstrip("-").lower()
    whole = raw.isdigit()  # "1.5-х": a decimal is never a year or a decade
    if whole and len(raw) == 4 and 1800 <= int(raw) <= 2100:
        return "year", ("decade " if s in ("х", "е", "ые", "ых") else "year ") + raw + suffix, int(raw)
    if whole and len(raw) == 2 and raw.endswith("0") and s in ("х", "е", "ые", "ых"):
        v = int(raw)
        return "year", f"decade {raw}{suffix}", (1900 if v >= 30 else 2000) + v
    if s in ("х", "ух", "ех", "ёх", "ти", "ми", "мя", "и"):
        return None
    return "ordinal", raw + suffix, None


def number(raw: str) -> float:
    """'1 234,5' -> 1234.5: a space groups thousands, a comma (or a point) marks decimals."""
    return float(re.sub(r"[\s\u00a0\u202f\u2009]", "", raw).replace(",", "."))


@lru_cache(maxsize=1)
def _token_words() -> dict[str, list[str]]:
    return {"cardinal": list(cardinal_words()), "ordinal": list(ordinal_words()),
            "multiple": list(_multiple_verbs()), "fraction": list(_fractions()), "vague": list(_vague())}


@lru_cache(maxsize=1)
def candidate_spec() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """What candidate_re finds (grammar.candidate_spec): no article begins a Russian number."""
    letters = frozenset(chr(c) for c in range(ord("а"), ord("я") + 1)) | frozenset(chr(c) for c in range(ord("А"), ord("Я") + 1))
    return frozenset(w for ws in _token_words().values() for w in ws), letters | {"ё", "Ё"}, frozenset()


@lru_cache(maxsize=1)
def candidate_re() -> re.Pattern:
    words = candidate_spec()[0]
    by_first: dict[str, list[str]] = {}
    for w in words:
        by_first.setdefault(w[0], []).append(w[1:])
    alts = []
    for ch, rests in sorted(by_first.items()):
        sub = g._trie([r for r in rests if r])
        optional = "" in rests
        alts.append(f"[{ch}{ch.upper()}]" + (f"(?:{sub})" + ("?" if optional else "") if sub else ""))
    return re.compile(rf"\d+|(?<![{_L}])(?:{'|'.join(alts)})(?![{_L}])")


@lru_cache(maxsize=1)
def token_re() -> re.Pattern:
    w = _token_words()
    word = "(?:" + _alt(w["cardinal"]) + ")"
    numwords = rf"{word}(?:[ \t\u00a0]+{word})*"  # never across a line: a heading's last word is not the next line's
    fraction = rf"(?:(?:{_alt(['две', 'три', 'две', 'одна'])})[^\S\n]+)?(?:{_alt(w['fraction'])})"
    digits = r"\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?![\d])(?:,\d+)?|\d+(?:[.,]\d+)?"
    nb = rf"(?<![{_L}\w-])"
    return re.compile(
        r"(?P<numeric_date>(?<!\d)\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})(?![\d/])|(?<!\d)\d{4}-\d{2}-\d{2}(?!\d))"
        r"|(?P<fold>(?!))"
        rf"|(?P<multiple>(?i:{nb}(?:{_alt(w['multiple'])}))(?![{_L}]))"
        rf"|(?P<fraction>(?i:{nb}{fraction})(?![{_L}]))"
        rf"|(?P<vague>(?i:{nb}(?:{_alt(w['vague'])}))(?![{_L}]))"
        rf"|(?P<ordinal>(?i:{nb}(?:{_alt(w['ordinal'])}))(?![{_L}]))"
        rf"|(?P<words>(?i:{nb}{numwords})(?![{_L}]))"
        rf"|(?P<digits>(?<![\d])(?:{digits}))(?P<suffix>-[{_L}]{{1,3}}(?![{_L}]))?"
    )


def _warm() -> None:
    """Build every lazy table (for benchmarks that time reading, not loading)."""
    token_re(), candidate_re(), SCALE_RIGHT.match(""), CURRENCY_WORD_RIGHT.match(""), DAY_RIGHT.match("")

# "за 9 месяцев 2023 года", "первые 10 месяцев текущего года": a period, not a duration
PERIOD_LEFT = re.compile(rf"(?:^|[^\S\n])(?:за|итогам|первы[ехй]|последни[ехй])[^\S\n]+$", re.I)
PERIOD_RIGHT = re.compile(rf"^[^\S\n]+(?:(?:18|19|20)\d\d|текущего|этого|прошлого|нынешнего|минувшего|сего|года)(?![{_L}\d])",
                          re.I)


# ================================================================ meaning.py and periods.py: the words around a
# figure that say what it measures, between whom, for which period and on whose authority (en.py: the same
# names). Russian inflects, so stems end in \w* where English lists its few forms.


def _month_numbers() -> dict[str, int]:
    out = {}
    for i, w in enumerate(_MONTH_LEMMAS, 1):
        for f in forms(w):
            out[f] = i
    for a in _MONTH_ABBR:
        out[a] = next(i for i, w in enumerate(_MONTH_LEMMAS, 1) if w.startswith(a[:3]))
    return out


MONTH_NUMBERS = _month_numbers()
MONTH = r"(?:" + _alt(MONTH_NUMBERS) + r")\.?"
# ordinal words of halves and quarters: "во втором квартале", "в первом полугодии", "в IV квартале"
PERIOD_ORDINALS = {f: n for n, w in enumerate(("первый", "второй", "третий", "четвёртый"), 1) for f in forms(w)}
PERIOD_ORDINALS.update({f: 4 for f in forms("последний")})
PERIOD_ORDINALS.update({"i": 1, "ii": 2, "iii": 3, "iv": 4})

# ---------------------------------------------------------------- measures
CUES = [
    (r"приграничн\w+\s+торговл\w*|межрегиональн\w+\s+торговл\w*", "trade_turnover"),
    (r"сальдо(?:\s+(?:внешней\s+|взаимной\s+)?торговл\w*)?|торгов\w+\s+баланс\w*|профицит\w*\s+(?:во\s+)?(?:внешней\s+|взаимной\s+)?торговл\w*|"
     r"дефицит\w*\s+(?:во\s+)?(?:внешней\s+|взаимной\s+)?торговл\w*", "trade_balance"),
    (r"товарооборот\w*|товарообмен\w*|(?:внешне)?торгов\w+\s+оборот\w*|оборот\w*|взаимн\w+\s+торговл\w*|"
     r"двусторонн\w+\s+торговл\w*|объ[её]м\w*\s+торговл\w*|торговл\w*|торговал\w*|торгу\w*", "trade_turnover"),
    (r"экспорт\w*|экспортир\w*|вывоз\w*|вывез\w*|поставк\w*|поставил\w*|поставля\w*|поставлен\w*|"
     r"отгрузк\w*|отгрузил\w*|продал\w*\s+в|продаж\w*\s+в", "exports"),
    (r"импорт\w*|импортир\w*|ввоз\w*|ввез\w*|закупк\w*|закупил\w*|закупа\w*", "imports"),
    (r"(?:прям\w+\s+)?(?:иностранн\w+\s+)?инвестиц\w*|инвестир\w*|инвестор\w*|капиталовложени\w*|"
     r"вложени\w*|вложил\w*|ПИИ|привлек\w*|привлечен\w*|проект\w*,?\s+(?:\S+\s+){0,3}?(?:стоимостью|на\s+сумму|"
     r"оценива\w+\s+в)", "direct_investment"),
    (r"ВВП|валов\w+\s+внутренн\w+\s+продукт\w*|экономика\s+выросла", "gdp"),
    (r"(?:дефицит|профицит)\w*\s+(?:государственного\s+|республиканского\s+)?бюджет\w*", "fiscal_balance"),
    (r"бюджет\w*", "budget"),
    (r"кредит\w*|за[её]м\w*|займ\w*", "loan"),
    (r"долг\w*|задолженност\w*", "debt"),
    (r"интервенци\w*|(?:продал|потратил|израсходовал)\w*\s+(?:\S+\s+){0,3}?резерв\w*", "fx_intervention"),
    (r"резерв\w*", "reserves"),
    (r"цен(?:а|ы|е|у|ой|ам|ами|ах)?|стоимост\w*|тариф\w*", "price"),
    (r"курс\w*", "exchange_rate"),
]
NOT_CUE = (r"Всемирн\w+\s+торгов\w+\s+организаци\w*|министерств\w*\s+торговл\w*|торгов\w+\s+(?:представительств|"
           r"дом|центр|сет|марк|точк|площад)\w*|оборот\w*\s+(?:наркотик|оружи)\w*|инвестиционн\w+\s+(?:климат|форум)\w*")
PERCENT_MEASURES = [
    (r"инфляци\w*|потребительск\w+\s+цен\w*", "inflation"),
    (r"(?:базов|ключев|уч[её]тн|процентн)\w*\s+ставк\w*|ставк\w*\s+рефинансирования", "interest_rate"),
    (r"(?:дефицит|профицит)\w*\s+бюджет\w*", "fiscal_balance"),
    (r"девальв\w*|обесцен\w*", "devaluation"),
]
CROSS_BORDER = r"приграничн\w*|межрегиональн\w*"
TRADE = r"торгов|товарооборот|экспорт|импорт"
_CHANGE_WORDS = (r"вырос\w*|выросл\w*|рост\w*|увеличил\w*|увеличени\w*|прирост\w*|возрос\w*|подрос\w*|повысил\w*|"
                 r"повышени\w*|прибавил\w*|сократил\w*|сокращени\w*|снизил\w*|снижени\w*|уменьшил\w*|уменьшени\w*|"
                 r"упал\w*|упало|падени\w*|спад\w*|ослаб\w*|укрепил\w*|подешевел\w*|подорожал\w*|девальвир\w*|"
                 r"обесценил\w*|подскочил\w*|обвалил\w*")
# a change stated before the figure ("вырос на", "рост товарооборота составил"); "с X до Y" gives levels
CHANGE_LEFT = (rf"(?<!\w)(?:{_CHANGE_WORDS})\s+(?:(?!с\s|до\s|от\s)[\w.$%«»\"]+\s+){{0,3}}$|"
               # "(а импорт) — на 12%": "на" before a percentage is the size of a change
               r"(?<!\w)на\s+(?:(?:почти|около|более|свыше|примерно|порядка|менее|целых)\s+(?:чем\s+)?)?$|"
               r"\(\s*[+−–-]$")  # "9,8 млрд (+11,4%)": the change of the figure before
# an amount of money that is the size of a change, not a level: «вырос почти на 2 млрд долларов», «прирост
# экспорта составил 1 млрд», «прирост в 1 млрд» («вырос до 6 млрд» is a level)
_QUAL = r"(?:(?:почти|около|более|свыше|примерно|порядка|менее|ещё|еще|целых)\s+(?:чем\s+)?)?"
AMOUNT_CHANGE_LEFT = (r"(?<!\w)(?:вырос\w*|выросл\w*|возрос\w*|подрос\w*|увеличил\w*|сократил\w*|снизил\w*|"
                      r"уменьшил\w*|упал\w*|прибавил\w*)\s+" + _QUAL + r"на\s+" + _QUAL + r"$|"
                      r"(?<!\w)(?:рост\w*|прирост\w*|увеличени\w*|снижени\w*|сокращени\w*|падени\w*)\s+"
                      r"(?:(?:[\w-]+\s+){0,4}составил\w*\s+|на\s+|в\s+)" + _QUAL + r"$")
# a party to trade below a country: «с регионом», «с республикой» (lower case: «с Республикой Казахстан» is the
# country), «Оренбургской областью»
LOCAL_PARTY = (r"(?<!\w)(?:[Сс]|[Сс]о|[Мм]ежду)\s+(?:эт\w+\s+|данн\w+\s+)?(?:регион\w*|республик\w*|област\w*|кра[ея]м?|"
               r"округ\w*)(?!\w)|(?<!\w)[А-ЯЁ][\w-]+\s+(?:област\w*|кра[йяюе]\w*)(?!\w)")
# the named parties of a trade, each of which must be a country for the trade to be the countries'
# («между Татарстаном и Казахстаном», «товарооборот Татарстана с Казахстаном»)
_NAME = r"[А-ЯЁ][\w-]+(?:\s+[А-ЯЁ][\w-]+)?"  # «Республикой Казахстан» is one name
PARTY_NAMES = (rf"(?<!\w)(?:[Мм]ежду\s+(?P<x>{_NAME})\s+и\s+(?P<y>{_NAME})|(?:[Сс]|[Сс]о)\s+(?P<z>{_NAME})|"
               rf"(?:[Тт]оварооборот\w*|[Тт]орговл\w*)\s+(?P<w>{_NAME}))")
# "превысил уровень прошлого года на 40%": a comparison stated before "на"
CHANGE_BY_LEFT = (r"(?<!\w)(?:превы\w*|опереди\w*|выше|ниже|больше|меньше|увелич\w*|сократ\w*|вырос\w*|"
                  r"снизил\w*|упал\w*)(?:\s+\S+){0,5}\s+на\s+$")
CHANGE_RIGHT = (r"^\s*(?:рост\w*|прирост\w*|увеличени\w*|снижени\w*|сокращени\w*|падени\w*|г/г|год\s+к\s+году|"
                r"(?:в\s+)?годовом\s+(?:выражении|исчислении))(?!\w)")
COMPARED_RIGHT = (r"^\s*(?P<dir>больше|выше|меньше|ниже)?,?\s*(?:чем\s+(?:в\s+|за\s+)?|по\s+сравнению\s+с\s+|"
                  r"относительно\s+|против\s+)(?:прошл\w+|предыдущ\w+|аналогичн\w+|(?:18|19|20)\d\d|уровн\w+|год\w*\s+ранее)")
DEFICIT = r"дефицит\w*|отрицательн\w*|минус"
LOST_VALUE_RIGHT = r"(?!)"
MIGRATION = (r"(?i:мигра\w*|эмигр\w*|иммигр\w*|переселен\w*|переселил\w*|переселя\w*|переехал\w*|переезд\w*|"
             r"переезжа\w*|репатри\w*|выехал\w*|выезд\w*|выезжа\w*|уехал\w*|уезжа\w*|въезжа\w*|приезжа\w*|"
             r"покинул\w*\s+(?=[А-ЯЁ]))")
MIGRANTS = (r"\b(?:мигрант\w*|эмигрант\w*|иммигрант\w*|переселен\w*|человек|граждан\w*|жител\w*|репатриант\w*|"
            r"соотечественник\w*|работник\w*)\b")
POPULATION = r"\b(?:населени\w*|жител\w*)\b"
INFLATION = r"\bинфляци\w*"
# "этот показатель составлял ...", "он достиг ...": a figure that points back to an earlier measure
ANAPHORA = (r"\b(?:это[тй]|данн\w+|указанн\w+|эт\w+\s+же)\s+(?:показател\w*|объ[её]м\w*|цифр\w*|сумм\w*)|"
            r"(?<!\w)[Ээ]то\s+на\s|"  # «Это на 7,2% больше, чем годом ранее»
            r"(?:^|[,—–-]\s*|\s)(?:он|она|оно)\s+(?:достиг\w*|составил\w*|составлял\w*|вырос\w*|превысил\w*)")
CLAUSE_BREAK = (r";|,\s*а\b|\bно\b|\bтогда\s+как\b|\bв\s+то\s+время\s+как\b|\bпри\s+этом\b|\bоднако\b|"
                r"\bпо\s+сравнению\s+с\b")
PERIOD_BREAK = r";|,\s*а\b|\bно\b|\bтогда\s+как\b|,\s*и\b|\.\s"
RECEIVED = r"\b(?:получил\w*|получа\w*|привлек\w*|привлёк\w*|принял\w*|принима\w*)"  # the host of investment
FOREIGN_LEFT = r"иностранн\w+\s+(?:прям\w+\s+)?$"

# ---------------------------------------------------------------- economies around a flow cue ({country}: names)
OWNER_LEFT = r"({country})\s+(?:[\w-]+\s+){{0,2}}$"  # "казахстанский экспорт", "Россия экспортировала"
# the owner in the genitive right after the cue: "экспорт Казахстана в Россию", "инвестиции России в ..."
OWNER_RIGHT = (r"^\s+(?:(?!(?:в|во|на|из|с|со|от|между|и|для|по|к)\s)[\w-]+\s+){{0,2}}?(?P<c>{country})"
               r"(?!\s*(?:и|или)\s)")


def owner_right_role(word: str, measure: str) -> str:
    """A country after a flow cue: a name in the genitive owns the flow ("экспорт Казахстана", "импорт России");
    an adjective describes the goods, which for imports names their origin ("импорт российских товаров")."""
    return "target" if measure == "imports" and word[:1].islower() else "owner"


FLOW_RIGHT = r"^(?:\s+[\w$.,%«»\"-]+){{0,6}}?\s+{words}\s+(?P<c>{country}|стран\w*|республик\w*)"
TO_WORDS = r"(?:в|во|на)"
FROM_WORDS = r"(?:из|от|со?)"
# a coordinated segment that leaves its flow to the one before: «экспорт в Россию составил 5 млрд, а в Китай – 3 млрд»
ELLIPSIS_BREAK = r",\s*а\b|;"
FROM_PREP = "из"
# the segment of an elliptical flow naming its other party alone: «, а в Китай – 3,2 млрд», «, а из Китая – 4 млрд»
OTHER_SEGMENT = r"^\s*(?P<prep>в|во|из)\s+(?P<b>{country})(?!\w)"
GENERIC_PARTNER = tuple(forms("страна") | forms("республика"))
# a country right after these words is an object ("экспорт в Турцию"), never the subject of a later verb
OBJECT_LEFT = r"(?<!\w)(?:в|во|из|с|со|на|для|между|и|от|к|по)\s+$"
# a bare rate after a figure: "торговался по 340 за доллар" (the currency is named elsewhere in the sentence)
BARE_PER_RIGHT = r"^\s*(?:за|к)\s+(?:1\s+)?(?:американск\w+\s+)?(?P<base>доллар\w*|евро|рубл\w*)"
PER_BASE = {f: code for w, code in (("доллар", "USD"), ("евро", "EUR"), ("рубль", "RUB")) for f in forms(w)}
AFTER_WORDS = r"(?<!\w)(?:{words})\s+(?P<c>{country})"
MIGRATION_TO = "в|во"
MIGRATION_FROM = "из|с|со"
WORLD = (r"\b(?:внешнеторгов\w+\s+оборот\w*|внешн\w+\s+торговл\w*|со\s+всеми\s+стран\w*|"
         r"с\s+остальным\s+мир\w*|с\s+миром)")

# ---------------------------------------------------------------- who the figure is from
ATTRIBUTION = [
    r"(?i:по\s+(?:данным|информации|оценкам|словам|сведениям|подсчетам|подсчётам))\s+"
    r"(?P<who>(?:[\w«»\"-]+\s+){0,5}?[\w«»\"-]+?)(?=\s*(?:[,.;:)]|$))",
    r"(?i:как\s+(?:сообщил\w*|заявил\w*|отметил\w*|сообщает|сообщают))\s+"
    r"(?P<who>(?:[\w«»\"-]+\s+){0,5}?[\w«»\"-]+?)(?=\s*(?:[,.;:)]|$))",
]
ATTRIBUTION_STOP = r"^(?:он|она|они|мы|это|эксперт\w*|аналитик\w*)$"

# ---------------------------------------------------------------- outlook: forecasts and targets are not outcomes
TARGET = (r"\b(?:план\w*|намер\w*|цель|цели|целью|целев\w*|задач\w*|стрем\w*|довести|доведени\w*|нарастить|"
          r"наращивани\w*|ориентир\w*|договорил\w*)")
FORECAST = (r"\b(?:ожида\w*|прогноз\w*|предполага\w*|может|могут|сможет|смогут|будет|будут|составит|составят|"
            r"достигнет|превысит|вырастет|увеличится|приблизится|вероятно|потенциал\w*|реально|возможно)\b")
# «... ожидается», and a horizon still ahead: «30 млрд долларов уже в ближайшие годы»
OUTLOOK_RIGHT = (r"^\s*(?:ожидается|прогнозируется|планируется|(?:уже\s+)?(?:в|за|в\s+течение)\s+ближайш\w+\s+"
                 r"(?:(?:[\w-]+\s+)?(?:год\w*|лет|месяц\w*)|время|будущ\w+))\b")
FUTURE_BY = r"\bк\s+(?:концу\s+)?(?P<y>(?:19|20)\d\d)\b"
FUTURE_LEFT = r"\bк\s+(?:концу\s+)?$"  # "к 2030 году": a deadline

# ---------------------------------------------------------------- periods
HALF = r"\b(?P<which>перв\w*|втор\w*)\s+полугод\w*|\b(?P<hn>[12])(?:-?[а-я]{1,2})?\s+полугод\w*"
QUARTER = (r"\b(?P<which>перв\w*|втор\w*|трет\w*|четв[её]рт\w*|последн\w*|I{1,3}|IV)\s+квартал\w*|"
           r"\b(?P<qn>[1-4])(?:-?[а-я]{1,2})?\s+квартал\w*")
FIRST_MONTHS = r"\b(?:за\s+(?:перв\w+\s+)?|перв\w+\s+|итогам\s+(?:перв\w+\s+)?)(?P<n>\d{1,2}|[а-яё]+)\s+месяц\w*"
MONTH_RANGE = rf"(?<!\w)(?P<m1>{MONTH})\s*(?:-|–|—|по)\s*(?P<m2>{MONTH})(?!\w)"
MONTH_SINGLE = rf"(?<!\w)(?:в|во|за|на|с|к|по|до|конц[еау]|начал[еау]|итогам)\s+(?P<m>{MONTH})(?!\w)"
YEAR_OF = (r"\s*,?\s*(?:(?P<y>(?:18|19|20)\d\d)(?:\s*(?:года|г\.|году))?|"
           r"(?P<rel>текущего|прошлого|этого|нынешнего|минувшего|следующего|предыдущего)\s+года)")
RELATIVE = [  # (pattern, years from the publication year)
    (r"\b(?:прошл|минувш|предыдущ)\w*\s+год\w*|\bгодом\s+ранее\b|\bгод\s+назад\b", -1),
    (r"\b(?:текущ|нынешн)\w*\s+год\w*|\bэт(?:ом|от|ого)\s+год\w*|\bс\s+начала\s+года\b", 0),
    (r"\bследующ\w*\s+год\w*|\bбудущ\w*\s+год\w*", 1),
    (r"\b(?:два|2)\s+года\s+назад\b|\bпозапрошл\w*\s+год\w*", -2),
    (r"\b(?:три|3)\s+года\s+назад\b", -3),
]
REL_WORDS = {"текущего": 0, "этого": 0, "нынешнего": 0, "прошлого": -1, "минувшего": -1, "предыдущего": -1,
             "следующего": 1}
EARLIER = r"ранее|назад"
# between a figure and the period attached to it: "$13 млрд в 2006 году", "20 млрд долларов за январь–сентябрь"
PERIOD_ATTACHED = (r"(?:\s+(?:он|она|оно|они))?\s*(?:(?:в|во|за|на|по\s+итогам|по\s+состоянию\s+на|к\s+концу|"
                   r"в\s+течение|на\s+конец)\s+|(?=прошл|текущ|этого|нынешн|минувш))")
# a year that bounds or starts a span is not the period of a figure: "с 2005 года", "до 2030 года"
SINCE_LEFT = (r"(?:(?<!сравнению\s)(?<!сравнении\s)\bс|\bсо|\bот|\bпосле|\bначиная\s+с|\bмежду|\bоснован\w*\s+в|"
              r"\bсоздан\w*\s+в|\bещ[её]\s+в)\s+(?:(?:начал\w*|середин\w*|конц\w*)\s+)?(?:" + MONTH + r"\s+)?$")
BASE_LEFT = (r"(?:\bпо\s+сравнению\s+с\s+|\bв\s+сравнении\s+с\s+|\bотносительно\s+|\bпротив\s+|\bчем\s+(?:в\s+)?|"
             r"\bк\s+уровню\s+)(?:аналогичн\w+\s+период\w*\s+|[\w-]+\s+)?$")  # «чем в допандемийном 2019 году»
SAME_PERIOD = (r"\bаналогичн\w+\s+период\w*(?:\s+(?:(?P<y>(?:18|19|20)\d\d)\s+год\w*|прошл\w+\s+год\w*))?|"
               r"\bгод\s+к\s+году\b|\bв\s+годовом\s+выражении\b")
SPAN_YEARS = (r"\b(?:за|в\s+течение)\s+(?:последн\w+|прошедш\w+)\s+(?P<n>[\w.,-]+)\s+(?P<u>лет|года?)\b|"
              r"\b(?:за|в\s+течение)\s+(?:последн\w+|прошедш\w+)\s+(?P<u1>год|десятилетие)\b|"
              r"\bза\s+(?P<n2>\d+)\s+лет\b")
SINCE_YEAR = r"\b(?:с|со|начиная\s+с|между|по\s+сравнению\s+с)\s+(?P<y>(?:18|19|20)\d\d)\b"
BETWEEN_YEARS = r"\b(?:между|с)\s+(?P<a>(?:18|19|20)\d\d)\s+(?:и|по|до)\s+(?P<b>(?:18|19|20)\d\d)\b"
COMPARED_LEFT = r"(?<!\w)(?:с|чем|против|по\s+сравнению\s+с|относительно)\s+(?:\S+\s+){0,3}$"  # "против $4 млрд"
SPAN_FROM = r"(?<!\w)с\s+$"  # the first figure of "вырос с $15 млн до $90 млн"
SPAN_TO = r"(?<!\w)до\s+$"
TO_DATE = (r"\b(?:накопленн\w*|в\s+общей\s+сложности|за\s+годы\s+независимости|совокупн\w*|"
           r"за\s+вс[её]\s+время)")
SINCE_ANY = r"(?<!\w)с\s+(?:(?P<m>" + MONTH + r")\s+)?(?P<y>(?:18|19|20)\d\d)\b"
# Russian names a thing's year after it ("бюджет на 2018 год"), never before it as "the 2018 budget"
YEAR_MODIFIER_LEFT = r"(?!)"
YEAR_MODIFIER_RIGHT = r"(?!)"
EVENT = r"(?!)(?P<event>)"
EVENT_YEAR = r"(?P<event>{event})\s+(?P<y>(?:18|19|20)\d\d)"

# ---------------------------------------------------------------- ranges, compound figures, vague counts
# "5–7%": the bounds of a range are its floor and ceiling ("от 20 до 30" after a change verb gives levels)
# "5–7%", «от 30 до 40 тысяч», «между 25 и 27 млрд»: «с 20 до 30» after a change verb gives levels, so "до" opens a
# range only after "от", and "и" only after "между"
RANGE_OPEN_RIGHT = g.RangeOpen(
    re.compile(r"[^\S\n]*(?:-|–|—)[^\S\n]*\$?\d"),
    ((re.compile(r"[^\S\n]+до[^\S\n]+\$?\d"), re.compile(r"(?<![\w-])от[^\S\n]+(?:US)?\$?[\d\u00a0 ,.]*$", re.I)),
     (re.compile(r"[^\S\n]+и[^\S\n]+\$?\d"),
      re.compile(r"(?<![\w-])между[^\S\n]+(?:US)?\$?[\d\u00a0 ,.]*(?:[^\S\n]*(?:трлн|млрд|млн|тыс)\.?)?$", re.I))),
    re.compile(r"[^\S\n]*(?:-|–|—)|[^\S\n]+(?:до|и)[^\S\n]"), back=24)
RANGE_CLOSE_LEFT = re.compile(r"\d[^\S\n]*(?:-|–|—)[^\S\n]*\$?$|(?<![\w-])от[^\S\n]+\$?\d[\d,.]*[^\S\n]+до[^\S\n]+\$?$|"
                              r"(?<![\w-])между[^\S\n]+\$?\d[\d,.]*(?:[^\S\n]*(?:трлн|млрд|млн|тыс)\.?)?[^\S\n]+и[^\S\n]+\$?$",
                              re.I)
RESPECTIVELY = "соответственно"  # after or before a dash pair: two values, not the bounds of a range
# a second, smaller scale that completes a figure: "1 млрд 200 млн"
COMPOUND_SCALE_RIGHT = re.compile(rf"^[^\S\n]+(\d{{1,3}})[^\S\n]?(млн|тыс|миллион[{_L}]*|тысяч[{_L}]*)(?![{_L}])", re.I)
# "два с половиной раза": half a unit more
AND_A_HALF_RIGHT = re.compile(rf"^[^\S\n]+с[^\S\n]+половиной(?![{_L}])", re.I)
# "два-три предприятия", "одна или две": a vague count, not a figure
_SMALL = r"(?:один|одна|одно|два|две|три|четыре|пять|шесть|семь|восемь|девять|десять|двух|трех|трёх|четырех|пяти)"
VAGUE_OR_RIGHT = re.compile(rf"^(?:-|[^\S\n]+или[^\S\n]+){_SMALL}(?![{_L}])", re.I)
VAGUE_OR_LEFT = re.compile(rf"(?<![{_L}]){_SMALL}(?:-|[^\S\n]+или[^\S\n]+)$", re.I)
# Russian news prose writes one sentence a paragraph and puts "об этом сообщил ..." between the lead and the
# details: a sentence without a period of its own continues the period of the nearest sentence before it that
# has one, across line breaks (periods.Periods.previous_period)
PERIOD_ACROSS_PARAGRAPHS = True

# "5 млрд товарооборота", "26 млрд": Russian trade prose drops the currency of billions once it has been named
BARE_SCALE_MONEY = re.compile(r"(?:млрд|трлн)\.?|миллиард\w*|триллион\w*", re.I)
_MONEY_LEMMAS = {"товарооборот", "оборот", "экспорт", "импорт", "инвестиция", "торговля", "поставка",
                 "капиталовложение", "вложение", "товарообмен", "сальдо"}


def money_subject(words: str) -> bool:
    """The counted noun is a flow of money ('товарооборота', 'инвестиций')."""
    return lemma(words.split()[-1]) in _MONEY_LEMMAS
