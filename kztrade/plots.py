"""The charts of the notebooks and reports/figures; matplotlib is imported only when one is drawn."""
from __future__ import annotations

import textwrap

VERDICT_COLOURS = {"consistent": "#1b9e77", "inconsistent": "#d95f02", "indeterminate": "#7570b3"}
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
    ax.plot(ref["year"], ref["value_usd"] / 1e9, linestyle="none", marker="D", color="#9e9e9e", markersize=6,
            zorder=1)
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
                Line2D([], [], marker="D", color="#9e9e9e", linestyle="none",
                       label="officials' figures (reference)")]
    ax.legend(handles=handles, bbox_to_anchor=(1.01, 1), loc="upper left", fontsize=8)
    ax.set_xlabel("year the figure refers to")
    ax.set_ylabel("US$ bn")
    ax.grid(axis="y", color="#eeeeee")
    _finish(fig, ax, title,
            "Sources: kztrade.load('claims') (article claims; labels name author or outlet and publication date), "
            "kztrade.load('reference') (figures stated by officials, as reported; the full series and each "
            "source_url are in that table). Undated article figures are placed at their publication year.")
    return fig


def _check_label(row, mentions: dict) -> str:
    ids = [i.strip() for i in str(row["claim_ids"]).split("|")]
    quoted = ", ".join(dict.fromkeys(mentions.get(i, "?") for i in ids))
    if len(quoted) > 48:
        quoted = quoted[:47] + "…"
    kind = row["kind"].replace("_", " ")
    if row["kind"] == "sum_of_flows" and len(ids) == 2:
        kind = "one direction vs total"
    if isinstance(row.get("reference_ids"), str):
        quoted += f" vs {row['reference_ids']}"
    return f"{kind} {int(row['year'])}: {quoted}".replace("$", r"\$")  # a bare $ starts mathtext


def reconciliation_chart(rec, claims):
    """Every US$ check as expected vs observed, coloured by verdict, labelled with the claims it compares."""
    import matplotlib.pyplot as plt

    mentions = dict(zip(claims["claim_id"], claims["mention"]))
    usd = rec[rec["unit"] == "USD"].sort_values(["verdict", "kind", "year"]).reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(11, 0.45 * len(usd) + 2.2))
    fig.subplots_adjust(left=0.4, bottom=0.12 + 0.6 / max(len(usd), 1), right=0.97)
    for i, r in usd.iterrows():
        colour = VERDICT_COLOURS[r["verdict"]]
        e, o = r["expected"] / 1e9, r["observed"] / 1e9
        ax.plot([e, o], [i, i], color=colour, lw=2, zorder=1)
        ax.plot(e, i, marker="|", color="black", markersize=12, zorder=2)
        ax.plot(o, i, marker="o", color=colour, markersize=7, zorder=3)
        ax.text(max(e, o) + 0.4, i, f"{r['rel_diff']:+.0%}", va="center", fontsize=7, color=colour)
    ax.set_yticks(range(len(usd)), [_check_label(r, mentions) for _, r in usd.iterrows()], fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel("US$ bn   (| what the other claims or the reference imply,  ● what the claim says)")
    ax.set_xlim(0, max(usd["expected"].max(), usd["observed"].max()) / 1e9 * 1.15)
    ax.grid(axis="x", color="#eeeeee")
    from matplotlib.lines import Line2D

    ax.legend(handles=[Line2D([], [], marker="o", color=c, label=v) for v, c in VERDICT_COLOURS.items()
                       if v in set(usd["verdict"])], loc="lower right", fontsize=8, title="verdict")
    _finish(fig, ax, "Where the claims agree and where they cannot all be true",
            "Source: kztrade.load('reconciliation'); each row compares claims with each other or with the "
            "officials' reference figures. The explanation column says which claims and why.")
    return fig


def save(fig, folder, name: str) -> list:
    """PNG and SVG, without timestamps, so a rebuild writes the same files."""
    from pathlib import Path

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    out = [folder / f"{name}.png", folder / f"{name}.svg"]
    fig.savefig(out[0], dpi=150, metadata={"Software": None})
    fig.savefig(out[1], metadata={"Date": None, "Creator": None})
    return out
