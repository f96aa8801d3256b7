"""The charts of the notebooks and reports/figures; matplotlib is imported only when one is drawn."""
from __future__ import annotations

import textwrap

VERDICT_COLOURS = {"consistent": "#1b9e77", "inconsistent": "#d95f02", "indeterminate": "#7570b3",
                   "not_comparable": "#777777"}
SERIES_STYLE = {  # (label, colour, marker)
    "turnover": ("two-way turnover", "#1f4e79", "o"),
    "flow": ("one direction", "#b5651d", "s"),
    "fdi": ("direct investment", "#6a3d9a", "^"),
}


def _short_source(citation: str) -> str:
    name = str(citation).split(" [")[0]
    parts = [p.strip() for p in name.split(",")]
    return f"{parts[0]} {parts[-1][:7]}" if len(parts) > 1 else name


def _finish(fig, ax, title: str, note: str):
    ax.set_title(title, loc="left", fontsize=12, fontweight="bold")
    fig.text(0.01, 0.01, "\n".join(textwrap.wrap(note, 150)), fontsize=7, color="#555555", va="bottom")
    ax.spines[["top", "right"]].set_visible(False)


def claims_overview(claims, sources):
    """Claims per article and measure (horizontal stacked bars)."""
    import matplotlib.pyplot as plt

    names = dict(zip(sources["source_id"], sources["citation"].map(_short_source)))
    table = claims.assign(article=claims["source_id"].map(names)).pivot_table(
        index="article", columns="measure", values="claim_id", aggfunc="count", fill_value=0)
    table = table[table.sum().sort_values(ascending=False).index]
    fig, ax = plt.subplots(figsize=(10, 4.8))
    fig.subplots_adjust(left=0.3, bottom=0.2, right=0.78)
    left = None
    cmap = plt.get_cmap("tab20")
    for i, m in enumerate(table.columns):
        ax.barh(table.index, table[m], left=left, color=cmap(i % 20), label=m.replace("_", " "))
        left = table[m] if left is None else left + table[m]
    ax.set_xlabel("number of claims")
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(title="measure", bbox_to_anchor=(1.01, 1), loc="upper left", fontsize=8, title_fontsize=8)
    _finish(fig, ax, "Quantitative claims per article and measure",
            "Source: kztrade.load('claims'), one bar per article (author or outlet, publication date).")
    return fig


def trade_timeline(levels, reference, title="Russia–Kazakhstan trade by year: what each source claims"):
    """Reported levels (filled), levels implied by change claims (hollow, dashed from the change's end),
    and the officials' reference figures (grey), in US$ bn, each point labelled with its source."""
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    levels = levels[levels["kind"] != "fdi"]  # investment is not trade
    lo, hi = int(levels["year"].min()) - 1, int(levels["year"].max()) + 3
    ref = reference[(reference["indicator"] == "turnover") & reference["year"].between(lo, hi)]
    top = max(levels["value_usd"].max(), ref["value_usd"].max() if len(ref) else 0) / 1e9 * 1.15
    fig, ax = plt.subplots(figsize=(12, 6.8))
    fig.subplots_adjust(left=0.07, bottom=0.16, right=0.75)
    ax.set_xlim(lo, hi)
    ax.set_ylim(0, top)
    # label boxes in data units, so that no label is drawn over another label or a marker
    char_w = 0.0105 * (hi - lo)  # 6.5 pt characters on an axis about 8.4 inches wide
    line_h = 0.032 * top
    boxes: list[tuple[float, float, float, float]] = []

    def free(x0, x1, y0, y1):
        return all(x1 < a or x0 > b or y1 < c or y0 > d for a, b, c, d in boxes)

    def label(x, y, text, colour):
        x0 = x + 0.25
        w = len(text) * char_w
        for dy in [0, 1, -1, 2, -2, 3, -3, 4, -4, 5, 6]:
            ty = y + dy * line_h * 1.05
            if free(x0, x0 + w, ty - line_h / 2, ty + line_h / 2) and 0 < ty < top:
                break
        boxes.append((x0, x0 + w, ty - line_h / 2, ty + line_h / 2))
        # a white backing keeps the dashed change arrows from running through the text
        ax.annotate(text, (x, y), xytext=(x0, ty), fontsize=6.5, color=colour, va="center", zorder=4,
                    bbox=dict(boxstyle="square,pad=0.1", fc="white", ec="none", alpha=0.85),
                    arrowprops=dict(arrowstyle="-", color=colour, lw=0.5) if ty != y else None)

    points = [(r.year, r.value_usd / 1e9) for r in ref.itertuples()] + \
             [(r.year, r.value_usd / 1e9) for r in levels.itertuples()]
    boxes += [(x - 0.15, x + 0.15, y - line_h / 2, y + line_h / 2) for x, y in points]
    kinds = ref["source_kind"] if "source_kind" in ref else ref["stated_by"].map(_ref_kind)
    for kind, (m, _) in REF_MARKERS.items():
        d = ref[kinds == kind]
        ax.plot(d["year"], d["value_usd"] / 1e9, linestyle="none", marker=m, color="#9e9e9e", markersize=6, zorder=1)
    for lv in levels.sort_values(["year", "value_usd"]).itertuples():
        name, colour, marker = SERIES_STYLE[lv.kind]
        y = lv.value_usd / 1e9
        if lv.implied:
            ax.plot(lv.year, y, marker=marker, markerfacecolor="white", color=colour, markersize=8, zorder=3)
            ax.annotate("", xy=(lv.year, y), xytext=(lv.from_year, lv.from_value_usd / 1e9),
                        arrowprops=dict(arrowstyle="->", linestyle="--", color=colour, lw=1))
            label(lv.year, y, f"implied by {lv.source}", colour)
        else:
            ax.plot(lv.year, y, marker=marker, color=colour, markersize=8, zorder=3)
            label(lv.year, y, f"{lv.series_label}: {lv.source}", colour)
    for r in ref.sort_values(["year", "value_usd"]).itertuples():
        who = str(r.stated_by).replace(";", ",").replace("(", ",").replace(":", ",").split(",")[0].strip()
        label(r.year, r.value_usd / 1e9, who if len(who) <= 30 else who[:29].rsplit(" ", 1)[0] + "…", "#8a8a8a")
    handles = [Line2D([], [], marker=SERIES_STYLE[k][2], color=SERIES_STYLE[k][1], linestyle="none",
                      label=f"{SERIES_STYLE[k][0]}, as stated") for k in sorted(set(levels["kind"]))]
    handles += [Line2D([], [], marker="o", markerfacecolor="white", color="#1f4e79", linestyle="--",
                       label="implied by a change claim\n(arrow: from the claimed level)"),
                ] + [Line2D([], [], marker=m, color="#9e9e9e", linestyle="none", label=lab)
                     for k, (m, lab) in REF_MARKERS.items() if (kinds == k).any()]
    ax.legend(handles=handles, bbox_to_anchor=(1.01, 1), loc="upper left", fontsize=8)
    ax.set_xlabel("year the figure refers to")
    ax.set_ylabel("US$ bn")
    ax.grid(axis="y", color="#eeeeee")
    _finish(fig, ax, title,
            "Sources: kztrade.load('claims') (article claims; labels name author or outlet and publication date), "
            "kztrade.load('reference') (figures stated by officials or printed by outlets, as reported, by what "
            "stands behind them; the full series and each source_url are in that table). Undated article figures are placed at their publication year.")
    return fig


# ------------------------------------------------------------------ official statistics and the reconciliation

REPORTER_STYLE = [("#0072B2", "-"), ("#D55E00", "--"), ("#009E73", ":"), ("#CC79A7", "-.")]
CLAIM_COLOUR, IMPLIED_COLOUR, REF_COLOUR = "#222222", "#6a3d9a", "#8a8a8a"
REF_MARKERS = {"agency_series": ("s", "reference: agency series"),
               "official_statement": ("D", "reference: an official's statement"),
               "press_background": ("X", "reference: press background, no source")}
KIND_ORDER = ["official", "reference", "implied_level", "growth_path", "sum_of_flows", "bound", "shares", "currency",
              "repeats"]


def _ref_kind(stated_by) -> str:
    from .reference import source_kind

    return source_kind(stated_by)


def _tex(text) -> str:
    return str(text).replace("$", r"\$")  # a bare $ starts mathtext


def _reporters(official) -> dict:
    """reporter -> (colour, linestyle), the same in every chart."""
    reps = sorted(official.frame["reporter"].unique()) if official is not None else []
    return {r: REPORTER_STYLE[i % len(REPORTER_STYLE)] for i, r in enumerate(reps)}


def _series_title(s: tuple) -> str:
    from .outside import country_name

    if s[0] == "turnover":
        return f"Two-way trade, {country_name(s[1])}–{country_name(s[2])} (turnover)"
    return f"Trade from {country_name(s[1])} to {country_name(s[2])} ({country_name(s[1])}'s exports, " \
           f"{country_name(s[2])}'s imports)"


class _Labels:
    """Labels beside their points, never over another label or a marker: each candidate offset is tried in
    display space against everything already placed."""

    OFFSETS = [(7, 8), (7, -9), (-7, 8), (-7, -9), (7, 20), (7, -21), (-7, 20), (-7, -21), (7, 32), (7, -33),
               (-7, 32), (-7, -33), (7, 44), (7, -45), (-7, 44), (-7, -45), (7, 56), (7, -57)]

    def __init__(self, fig):
        fig.canvas.draw()  # fixes the layout, so display coordinates are final
        self.renderer = fig.canvas.get_renderer()
        self.taken = []
        self.texts = []

    def block(self, ax, x, y, r=5.0):
        from matplotlib.transforms import Bbox

        px, py = ax.transData.transform((x, y))
        self.taken.append(Bbox([[px - r, py - r], [px + r, py + r]]))

    def add(self, ax, x, y, text, colour, fontsize=7):
        from matplotlib.text import Text

        axbox = ax.get_window_extent(self.renderer)
        first = None
        for dx, dy in self.OFFSETS:
            t = ax.annotate(_tex(text), (x, y), xytext=(dx, dy), textcoords="offset points", fontsize=fontsize,
                            color=colour, ha="left" if dx > 0 else "right", va="center", zorder=6,
                            bbox=dict(boxstyle="square,pad=0.15", fc="white", ec="none", alpha=0.9),
                            arrowprops=dict(arrowstyle="-", color=colour, lw=0.4, shrinkA=0, shrinkB=4)
                            if abs(dy) > 12 else None)
            t.update_positions(self.renderer)  # the offset is applied at draw time otherwise
            bb = Text.get_window_extent(t, self.renderer).expanded(1.04, 1.15)
            inside = axbox.x0 <= bb.x0 and bb.x1 <= axbox.x1 and axbox.y0 <= bb.y0 and bb.y1 <= axbox.y1
            if inside and not any(bb.overlaps(o) for o in self.taken):
                self.taken.append(bb)
                self.texts.append(t)
                return t
            if first is None:
                first = (dx, dy)
            t.remove()
        # nowhere free: keep the first place, so no claim goes unlabelled (text_overlaps() reports it)
        t = ax.annotate(_tex(text), (x, y), xytext=first, textcoords="offset points", fontsize=fontsize,
                        color=colour, ha="left" if first[0] > 0 else "right", va="center", zorder=6,
                        bbox=dict(boxstyle="square,pad=0.15", fc="white", ec="none", alpha=0.9))
        t.update_positions(self.renderer)
        self.taken.append(Text.get_window_extent(t, self.renderer))
        self.texts.append(t)
        return t


def text_overlaps(fig) -> list[tuple[str, str]]:
    """Pairs of texts in a figure's axes whose boxes overlap (what a reader would see as clutter)."""
    from matplotlib.text import Text

    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    out = []
    for ax in fig.axes:
        texts = [t for t in ax.texts if t.get_visible() and t.get_text().strip()]
        boxes = [Text.get_window_extent(t, r) for t in texts]
        for i in range(len(texts)):
            for j in range(i + 1, len(texts)):
                if boxes[i].overlaps(boxes[j]):
                    out.append((texts[i].get_text(), texts[j].get_text()))
    return out


def _year_axis(ax, lo, hi):
    from matplotlib.ticker import MultipleLocator

    ax.set_xlim(lo - 0.6, hi + 0.6)
    ax.xaxis.set_major_locator(MultipleLocator(5 if hi - lo > 12 else 1))
    ax.xaxis.set_minor_locator(MultipleLocator(1))
    ax.grid(axis="y", color="#eeeeee")
    ax.spines[["top", "right"]].set_visible(False)


def official_timeline(levels, official, reference=None,
                      title="Russia–Kazakhstan trade: the press against both partners' official statistics"):
    """One panel per series (turnover, each direction): each reporter's official series as a line, every
    article figure as a marker labelled with its source. Undated figures are hollow at both readings (the
    publication year and the year before); levels implied by a change are purple, with the change's arrow."""
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    from .outside import country_name

    styles = _reporters(official)
    f = official.frame if official is not None else None
    trade = levels[levels["kind"] != "fdi"]
    series = set(trade["series"]) | (set(f["series"]) if f is not None else set())
    series = sorted(series, key=lambda s: (s[0] != "turnover", s))
    ref = reference[reference["indicator"] == "turnover"] if reference is not None else None
    years = list(trade["year"]) + list(trade.loc[trade["undated"], "year"] - 1)
    years += list(f["year"]) if f is not None else []
    years += list(ref["year"]) if ref is not None else []
    lo, hi = int(min(years)), int(max(years))
    ratios = [1.6 if s[0] == "turnover" else 1 for s in series]  # turnover carries most of the claims
    fig, axes = plt.subplots(len(series), 1, figsize=(12.5, 3.4 * sum(ratios) + 1.4), sharex=True, squeeze=False,
                             gridspec_kw={"height_ratios": ratios})
    axes = axes[:, 0]
    fig.subplots_adjust(left=0.07, right=0.74, top=0.93, bottom=0.1, hspace=0.28)
    for ax, s in zip(axes, series):
        _year_axis(ax, lo, hi)
        ax.set_title(_series_title(s), loc="left", fontsize=10)
        ax.set_ylabel("US$ bn")
        top = 0
        if f is not None:
            for rep, (colour, ls) in styles.items():
                d = f[(f["series"] == s) & (f["reporter"] == rep)].sort_values("year")
                ax.plot(d["year"], d["value_usd"] / 1e9, color=colour, linestyle=ls, lw=1.6, marker=".", ms=4,
                        zorder=2)
                top = max(top, d["value_usd"].max() / 1e9 if len(d) else 0)
        here = trade[trade["series"] == s]
        r_here = ref[[("turnover",) + tuple(sorted((e, p))) == s for e, p in zip(ref["economy"], ref["partner"])]] \
            if ref is not None and s[0] == "turnover" else None
        top = max([top] + list(here["value_usd"] / 1e9) + (list(r_here["value_usd"] / 1e9) if r_here is not None
                                                              else []))
        ax.set_ylim(0, top * 1.25)
        # markers first, so that labels can keep clear of every marker
        pending = []
        for lv in here.sort_values(["year", "value_usd"]).itertuples():
            y = lv.value_usd / 1e9
            colour = IMPLIED_COLOUR if lv.implied else CLAIM_COLOUR
            marker = "v" if lv.implied else "o"
            xs = [lv.year - 1, lv.year] if lv.undated else [lv.year]
            for x in xs:
                ax.plot(x, y, marker=marker, color=colour, markersize=7, zorder=4, linestyle="none",
                        markerfacecolor="white" if lv.undated else colour, markeredgewidth=1.4)
            if lv.undated:
                ax.plot(xs, [y, y], color=colour, lw=0.8, linestyle=":", zorder=3)
            if lv.implied and lv.from_year is not None and lv.from_year == lv.from_year:
                ax.annotate("", xy=(lv.year, y), xytext=(lv.from_year, lv.from_value_usd / 1e9),
                            arrowprops=dict(arrowstyle="->", linestyle="--", color=IMPLIED_COLOUR, lw=0.9,
                                            shrinkA=5, shrinkB=5), zorder=3)
            what = f"implied by “{lv.mention}”" if lv.implied else f"“{lv.mention}”"
            when = f", undated: {lv.year - 1} or {lv.year}" if lv.undated else ""
            pending.append((ax, xs, y, f"{lv.source}: {what}{when}", colour))
        if r_here is not None:
            for kind, (m, _) in REF_MARKERS.items():
                d = r_here[r_here["source_kind"] == kind]
                ax.plot(d["year"], d["value_usd"] / 1e9, linestyle="none", marker=m, color=REF_COLOUR,
                        markersize=5, zorder=3, alpha=0.9)
        ax._kz_pending = pending
    labels = _Labels(fig)
    for ax in axes:
        for line in ax.get_lines():
            for x, y in zip(line.get_xdata(), line.get_ydata()):
                if line.get_marker() not in (None, "None", "", "."):
                    labels.block(ax, x, y)
    for ax in axes:
        for ax_, xs, y, text, colour in ax._kz_pending:
            labels.add(ax_, xs[-1], y, text, colour)
    axes[-1].set_xlabel("year the figure refers to")
    handles = [Line2D([], [], color=c, linestyle=ls, lw=1.6, marker=".", label=f"{country_name(r)}'s report ({r})")
               for r, (c, ls) in styles.items()]
    handles += [Line2D([], [], marker="o", color=CLAIM_COLOUR, linestyle="none", label="article figure, dated"),
                Line2D([], [], marker="o", color=CLAIM_COLOUR, markerfacecolor="white", linestyle=":",
                       label="article figure the text does not date:\nat the publication year and the year before"),
                Line2D([], [], marker="v", color=IMPLIED_COLOUR, linestyle="--",
                       label="level implied by a change claim\n(arrow from the level the change reached)")]
    if ref is not None:
        handles += [Line2D([], [], marker=m, color=REF_COLOUR, linestyle="none", label=lab)
                    for m, lab in REF_MARKERS.values()]
    fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.755, 0.93), fontsize=8, frameon=False)
    fig.suptitle(title, x=0.07, ha="left", fontsize=12, fontweight="bold")
    src = ("Official: " + "; ".join(sorted(set(official.sources))) + f" (file {official.path.name}, "
           f"sha256 {official.sha256[:12]}…). " if official is not None else
           "Official series not available at drawing time. ")
    fig.text(0.07, 0.012, "\n".join(textwrap.wrap(
        src + "Turnover is each reporter's exports plus imports. Exports are valued FOB, imports CIF, so the two "
        "reports of one flow differ. Article figures: kztrade.load('claims'); reference: kztrade.load('reference').",
        170)), fontsize=7, color="#555555", va="bottom")
    return fig


def mirror_chart(official, levels,
                 title="Mirror statistics: each direction of trade as the exporter and the importer report it"):
    """Per direction of trade: the exporter's report and the importer's, the gap between them shaded, the press
    figures on top; below, the gap in percent of the exporter's figure."""
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    from .outside import country_name

    styles = _reporters(official)
    f = official.frame
    flows = sorted({s for s in f["series"] if s[0] == "flow"})
    trade = levels[(levels["kind"] == "flow")]
    lo = int(min(f["year"].min(), trade["year"].min() - 1 if len(trade) else f["year"].min()))
    hi = int(max(f["year"].max(), trade["year"].max() if len(trade) else f["year"].max()))
    fig, axes = plt.subplots(len(flows) + 1, 1, figsize=(12.5, 3.6 * len(flows) + 3.2), sharex=True,
                             gridspec_kw={"height_ratios": [3] * len(flows) + [2]})
    fig.subplots_adjust(left=0.07, right=0.74, top=0.93, bottom=0.09, hspace=0.3)
    pending = []
    gap_ax = axes[-1]
    for ax, s in zip(axes, flows):
        _year_axis(ax, lo, hi)
        ax.set_title(_series_title(s), loc="left", fontsize=10)
        ax.set_ylabel("US$ bn")
        exp = f[(f["series"] == s) & (f["reporter"] == s[1])].set_index("year")["value_usd"] / 1e9
        imp = f[(f["series"] == s) & (f["reporter"] == s[2])].set_index("year")["value_usd"] / 1e9
        both = exp.index.intersection(imp.index)
        ax.fill_between(both, exp[both], imp[both], color="#bbbbbb", alpha=0.45, lw=0, zorder=1)
        for rep, d in ((s[1], exp), (s[2], imp)):
            colour, ls = styles[rep]
            ax.plot(d.index, d.values, color=colour, linestyle=ls, lw=1.6, marker=".", ms=4, zorder=2)
        here = trade[trade["series"] == s]
        for lv in here.itertuples():
            xs = [lv.year - 1, lv.year] if lv.undated else [lv.year]
            colour = IMPLIED_COLOUR if lv.implied else CLAIM_COLOUR
            for x in xs:
                ax.plot(x, lv.value_usd / 1e9, marker="v" if lv.implied else "o", color=colour, markersize=7,
                        markerfacecolor="white" if lv.undated else colour, zorder=4, linestyle="none")
            what = f"implied by “{lv.mention}”" if lv.implied else f"“{lv.mention}”"
            pending.append((ax, xs[-1], lv.value_usd / 1e9, f"{lv.source}: {what}", colour))
        ax.set_ylim(0, max(exp.max(), imp.max(), here["value_usd"].max() / 1e9 if len(here) else 0) * 1.2)
        gap = (imp[both] / exp[both] - 1) * 100
        colour = styles[s[2]][0]
        gap_ax.plot(both, gap, color=colour, lw=1.4, marker=".", ms=4,
                    label=f"{country_name(s[2])}'s imports vs {country_name(s[1])}'s exports")
    _year_axis(gap_ax, lo, hi)
    gap_ax.axhline(0, color="#888888", lw=0.8)
    gap_ax.set_ylabel("mirror gap, %")
    gap_ax.set_title("The gap: importer's report over exporter's report, minus 1 (CIF/FOB alone adds a few %)",
                     loc="left", fontsize=10)
    gap_ax.legend(fontsize=8, loc="upper left", frameon=False)
    gap_ax.set_xlabel("year")
    labels = _Labels(fig)
    for ax in axes[:-1]:
        for line in ax.get_lines():
            if line.get_marker() in ("o", "v"):
                for x, y in zip(line.get_xdata(), line.get_ydata()):
                    labels.block(ax, x, y)
    for ax, x, y, text, colour in pending:
        labels.add(ax, x, y, text, colour)
    handles = [Line2D([], [], color=c, linestyle=ls, lw=1.6, label=f"{country_name(r)}'s report ({r})")
               for r, (c, ls) in styles.items()]
    handles += [Patch(color="#bbbbbb", alpha=0.45, label="mirror gap: the range\nbetween the two reports"),
                Line2D([], [], marker="o", color=CLAIM_COLOUR, linestyle="none", label="article figure")]
    if trade["undated"].any():
        handles.append(Line2D([], [], marker="o", color=CLAIM_COLOUR, markerfacecolor="white", linestyle="none",
                              label="article figure the text does not date\n(publication year and the year before)"))
    if trade["implied"].any():
        handles.append(Line2D([], [], marker="v", color=IMPLIED_COLOUR, linestyle="none",
                              label="level implied by a change claim"))
    fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.755, 0.93), fontsize=8, frameon=False)
    fig.suptitle(title, x=0.07, ha="left", fontsize=12, fontweight="bold")
    fig.text(0.07, 0.012, "\n".join(textwrap.wrap(
        "Official: " + "; ".join(sorted(set(official.sources))) + ". Each direction appears twice: in "
        "the exporter's statistics (exports, FOB) and the importer's (imports, CIF). A press figure inside the "
        "shaded band is official by one reporter's account or the other's.", 170)),
        fontsize=7, color="#555555", va="bottom")
    return fig


def _rel(v, expected):
    import pandas as pd

    return None if pd.isna(v) or pd.isna(expected) or expected == 0 else float(v) / float(expected) - 1


def reconciliation_chart(rec, claims=None,
                         title="Every check: the claim against what is expected, relative to expected"):
    """One row per check, grouped by kind, on one relative scale: the expected range (grey) and its tolerance
    band (light), the claim's range coloured by verdict; bounds drawn as bounds (0 up to the total); rows that
    compare unlike figures listed with their reason. Kinds with no rows are named in the note."""
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    rows, kinds_present = [], []
    for kind in KIND_ORDER:
        d = rec[rec["kind"] == kind].sort_values(["year", "label"])
        if len(d):
            kinds_present.append(kind)
            rows.append(("header", kind))
            rows += [("row", r) for _, r in d.iterrows()]
    absent = [k for k in KIND_ORDER if k not in kinds_present]
    points = [_rel(r["observed"], r["expected"]) for _, r in rec.iterrows()]
    lo_x, hi_x = -1.05, min(1.6, max([0.6] + [p + 0.25 for p in points if p is not None]))
    height = 0.3 * len(rows) + 2.8
    fig, ax = plt.subplots(figsize=(16, height))
    fig.subplots_adjust(left=0.44, right=0.81, top=1 - 1.15 / height, bottom=0.95 / height)
    ticks = []
    for i, (what, r) in enumerate(rows):
        if what == "header":
            ax.axhline(i, color="#dddddd", lw=0.6, zorder=0)
            ticks.append(r.replace("_", " ").upper())
            continue
        ticks.append(_tex(r["label"] if len(r["label"]) <= 130 else r["label"][:129] + "…"))
        if r["verdict"] in ("not_comparable", "indeterminate"):
            ax.text(lo_x + 0.02, i, _tex(r["verdict"].replace("_", " ") + ": " + _why(r)), va="center", fontsize=7,
                    color=VERDICT_COLOURS.get(r["verdict"], "#777777"), style="italic")
            continue
        e = r["expected"]
        e_lo, e_hi = _rel(r["expected_low"], e), _rel(r["expected_high"], e)
        e_hi = hi_x if e_hi is None else e_hi
        tol = r["tolerance"]
        colour = VERDICT_COLOURS[r["verdict"]]
        bound = r["kind"] == "bound"
        ax.barh(i, (e_hi + tol) - (e_lo - tol), left=e_lo - tol, height=0.62, color="#e6e6e6", zorder=1,
                hatch="////" if bound else None, edgecolor="#bdbdbd" if bound else "none", lw=0)
        ax.barh(i, max(e_hi - e_lo, 0.006), left=e_lo - 0.003, height=0.62, color="#9e9e9e", zorder=2)
        if bound:
            ax.plot(e_hi, i, marker="|", color="black", markersize=13, zorder=3)
        o_lo, o_hi = _rel(r["observed_low"], e), _rel(r["observed_high"], e)
        o_hi = hi_x if o_hi is None else o_hi
        if o_hi - o_lo > 1e-9:
            ax.plot([max(o_lo, lo_x), min(o_hi, hi_x)], [i, i], color=colour, lw=2.5, zorder=4,
                    solid_capstyle="butt")
        point = _rel(r["observed"], e)
        x = min(max(point, lo_x), hi_x)
        ax.plot(x, i, marker=">" if point > hi_x else "o", color=colour, markersize=6.5, zorder=5)
        words = f"{r['observed'] / r['expected']:.0%} of the total" if bound else f"{point:+.1%}" \
            if abs(point) < 0.1 else f"{point:+.0%}"
        at = e_hi + tol if bound and point < e_hi + tol else x  # a bound's share stands right of the bound
        ax.text(at + 0.035, i - 0.02, words, va="center", fontsize=7, color=colour, zorder=6,
                bbox=dict(boxstyle="square,pad=0.1", fc="white", ec="none", alpha=0.8))
    ax.set_yticks(range(len(rows)), ticks, fontsize=7.5)
    for t, (what, _) in zip(ax.get_yticklabels(), rows):
        if what == "header":
            t.set_fontweight("bold")
            t.set_fontsize(8)
    ax.set_ylim(len(rows) - 0.4, -0.6)
    ax.set_xlim(lo_x, hi_x + 0.2)
    ax.axvline(0, color="#555555", lw=0.7, zorder=0)
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:+.0%}"))
    ax.xaxis.tick_top()
    ax.set_xlabel("the claim relative to the expected figure (0 = equal)")
    ax.xaxis.set_label_position("top")
    ax.spines[["right", "bottom"]].set_visible(False)
    handles = [Patch(color="#9e9e9e", label="expected range (a qualifier's range,\nor the two reporters' figures)"),
               Patch(color="#e6e6e6", label="... widened by the tolerance"),
               Patch(facecolor="#e6e6e6", edgecolor="#bdbdbd", hatch="////",
                     label="bound: from 0 up to the total (|)")]
    handles += [Line2D([], [], marker="o", color=c, label=f"claim: {v.replace('_', ' ')}")
                for v, c in VERDICT_COLOURS.items() if v in set(rec["verdict"])]
    fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.82, 1 - 1.15 / height), fontsize=7.5,
               frameon=False)
    fig.suptitle(title, x=0.01, y=1 - 0.15 / height, ha="left", va="top", fontsize=12, fontweight="bold")
    note = ("Source: kztrade.load('reconciliation'); row labels give the claim, its source and what it is compared "
            "with; the explanation column says why. Numbers: the claim against the expected figure (for official "
            "checks, the closest reporter's). Relative differences beyond the axis end in ▶. ")
    note += ("Kinds with no row in this build: " + ", ".join(absent) + "." if absent
             else "Every kind of check has rows.")
    fig.text(0.01, 0.005, "\n".join(textwrap.wrap(note, 190)), fontsize=7, color="#555555", va="bottom")
    return fig


def _why(r) -> str:
    text = str(r["explanation"])
    for key in (" is a ", " is an "):
        if key in text:
            return text.split(key, 1)[1].split(";")[0][:70]
    return text[:70]


def save(fig, folder, name: str) -> list:
    """PNG and SVG, the same bytes on every rebuild (no dates or versions; SVG ids from a fixed salt, which
    matplotlib otherwise draws at random), each written whole."""
    import io
    from pathlib import Path

    import matplotlib

    from .store import atomic_write

    folder = Path(folder)
    out = []
    for suffix, kwargs in ((".png", {"dpi": 150, "metadata": {"Software": None}}),
                           (".svg", {"metadata": {"Date": None, "Creator": None}})):
        buf = io.BytesIO()
        with matplotlib.rc_context({"svg.hashsalt": f"kztrade-{name}"}):
            fig.savefig(buf, format=suffix[1:], **kwargs)
        atomic_write(folder / f"{name}{suffix}", buf.getvalue())
        out.append(folder / f"{name}{suffix}")
    return out
