"""A synthetic statistical bulletin: number-dense text as trade releases and customs annexes print it.

    .venv/bin/python benchmarks/bulletin.py --kb 1000 --lang en > /tmp/bulletin.txt

Deterministic for a given (size, lang, seed): the same bytes on every machine, so golden outputs of the
extractor can be compared before and after a change (tests/test_golden.py) and timed (benchmarks/run.py).
Every sentence here is written for this generator; none comes from an article.
"""
from __future__ import annotations

import argparse
import random

_EN_ROWS = ["Russia", "China", "Kazakhstan", "Uzbekistan", "Belarus", "Kyrgyzstan", "Germany", "Italy",
            "Total", "of which: CIS", "EAEU countries", "Other countries", "Mineral products", "Metals",
            "Machinery and equipment", "Food products", "Chemicals", "Textiles"]
_RU_ROWS = ["Россия", "Китай", "Казахстан", "Узбекистан", "Беларусь", "Киргизия", "Германия", "Италия",
            "Всего", "в том числе: СНГ", "Страны ЕАЭС", "Прочие страны", "Минеральные продукты", "Металлы",
            "Машины и оборудование", "Продовольственные товары", "Продукция химической промышленности"]
_EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]
_RU_MONTHS = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь",
              "ноябрь", "декабрь"]


def _num(r: random.Random, style: str) -> str:
    v = r.uniform(0.1, 99999)
    digits = r.choice((1, 1, 1, 2, 0))
    s = f"{v:,.{digits}f}"
    if style == "space":  # 4 512,3 as the CIS statistical offices print it
        s = s.replace(",", " ").replace(".", ",")
    return s


def _en(r: random.Random) -> str:
    year = r.randint(2005, 2020)
    m1 = r.randint(0, 8)
    m2 = r.randint(m1 + 1, 11)
    kind = r.random()
    if kind < 0.45:
        style = r.choice(("space", "comma"))
        cells = " ".join(_num(r, style) for _ in range(r.randint(2, 6)))
        return f"{r.choice(_EN_ROWS)} {cells}\n"
    if kind < 0.55:
        return (f"Table {r.randint(1, 40)}. Foreign trade of Kazakhstan by partner, {_EN_MONTHS[m1]}-"
                f"{_EN_MONTHS[m2]} {year} (million US dollars)\n")
    if kind < 0.7:
        vals = [f"${r.randint(1, 99) / 10:.1f} billion" for _ in range(r.randint(2, 5))]
        return (f"Exports to {r.choice(_EN_ROWS[:8])} reached {', '.join(vals[:-1])} and {vals[-1]} in "
                f"{_EN_MONTHS[m1]}-{_EN_MONTHS[m2]} {year}, against {r.randint(1, 60)}% a year earlier. ")
    if kind < 0.8:
        return (f"In {year} turnover with {r.choice(_EN_ROWS[:8])} grew by {r.randint(1, 40)}.{r.randint(0, 9)}"
                f" percent to {_num(r, 'comma')} million dollars; imports fell {r.randint(1, 30)}% "
                f"and are forecast at ${r.randint(1, 30)} billion in {year + 1}. ")
    if kind < 0.9:
        return f"{r.randint(1, 9)}.{r.randint(1, 9)}.{r.randint(1, 9)}. Page {r.randint(1, 300)} of 312\n"
    return (f"Released on {_EN_MONTHS[m2]} {r.randint(1, 28)}, {year + 1}; Q{r.randint(1, 4)} {year}: "
            f"{_num(r, 'comma')}; H{r.randint(1, 2)} {year}: {_num(r, 'comma')}.\n")


def _ru(r: random.Random) -> str:
    year = r.randint(2005, 2020)
    m1 = r.randint(0, 8)
    m2 = r.randint(m1 + 1, 11)
    kind = r.random()
    if kind < 0.45:
        cells = " ".join(_num(r, "space") for _ in range(r.randint(2, 6)))
        return f"{r.choice(_RU_ROWS)} {cells}\n"
    if kind < 0.55:
        return (f"Таблица {r.randint(1, 40)}. Внешняя торговля Казахстана по странам, {_RU_MONTHS[m1]}–"
                f"{_RU_MONTHS[m2]} {year} года (млн долларов США)\n")
    if kind < 0.75:
        return (f"Товарооборот с Россией за {_RU_MONTHS[m1]}–"
                f"{_RU_MONTHS[m2]} {year} года составил {_num(r, 'space')} млн долларов США, что на "
                f"{r.randint(1, 40)},{r.randint(0, 9)}% больше, чем годом ранее; экспорт вырос в "
                f"{r.randint(1, 3)},{r.randint(1, 9)} раза. ")
    if kind < 0.85:
        return (f"По прогнозу, в {year + 1} году импорт составит {r.randint(1, 30)} млрд долларов, а доля "
                f"России — {r.randint(10, 60)} процентов. ")
    return f"{r.randint(1, 9)}.{r.randint(1, 9)}. Страница {r.randint(1, 300)} из 312\n"


def generate(kb: float, lang: str = "en", seed: int = 0) -> str:
    r = random.Random(f"{lang}-{seed}")
    line = _ru if lang == "ru" else _en
    out: list[str] = []
    size = 0
    while size < kb * 1000:
        s = line(r)
        out.append(s)
        size += len(s.encode())
    return "".join(out)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--kb", type=float, default=1000)
    ap.add_argument("--lang", default="en", choices=("en", "ru"))
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()
    print(generate(a.kb, a.lang, a.seed), end="")


if __name__ == "__main__":
    main()
