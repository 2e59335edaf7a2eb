"""Server-rendered bar charts: the geometry of a grouped bar chart for one dashboard table.
The template draws it as SVG; the table beside it carries the same numbers for screen
readers (the SVG is one labelled image), so no script is needed to read the dashboard."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from app.stats.tables import SHARE, TableSpec, cell

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 48, 8, 12, 40
# Dark enough against white for graphics (WCAG 1.4.11, at least 3:1), distinct from each other.
COLOURS = ("#0059b3", "#b35900", "#2e7d32", "#6a1b9a", "#7a5c00", "#ad1457", "#37474f")


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    colour: str
    title: str  # "2026-05, Dagligt: 19 %" as the bar's tooltip


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    bars: list[Bar]
    x_labels: list[tuple[float, str]]
    y_ticks: list[tuple[float, str]]
    legend: list[tuple[str, str]]  # (colour, series title)
    baseline: float


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if value <= step * magnitude:
            return float(step * magnitude)
    return float(10 * magnitude)


def format_value(value: float, kind: str) -> str:
    if kind == SHARE:
        return f"{round(value * 100)} %"
    return f"{value:g}".replace(".", ",")


def bar_chart(spec: TableSpec, buckets: list[dict[str, Any]], tr: Any) -> Chart | None:
    series = [c for c in spec.columns if c.charted]
    if not series or not buckets:
        return None
    kind = series[0].kind
    values = [[cell(b, c.key).value for c in series] for b in buckets]
    top = 1.0 if kind == SHARE else _nice_max(max((v or 0) for row in values for v in row))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    group = plot_w / len(buckets)
    bar_w = max(group * 0.8 / len(series), 1.0)
    baseline = TOP + plot_h
    bars: list[Bar] = []
    for i, (bucket, row) in enumerate(zip(buckets, values, strict=True)):
        for j, value in enumerate(row):
            if value is None:
                continue  # held back or nothing to count: the table says which
            height = plot_h * min(value / top, 1.0)
            x = LEFT + i * group + group * 0.1 + j * bar_w
            label = f"{bucket['label']}, {tr(series[j].title)}: {format_value(value, kind)}"
            bars.append(
                Bar(
                    round(x, 1),
                    round(baseline - height, 1),
                    round(bar_w, 1),
                    round(height, 1),
                    COLOURS[j % len(COLOURS)],
                    label,
                )
            )
    # Label at most about 12 buckets, so the text never overlaps at a year of weeks.
    every = max(1, math.ceil(len(buckets) / 12))
    x_labels = [
        (round(LEFT + i * group + group / 2, 1), b["label"])
        for i, b in enumerate(buckets)
        if i % every == 0
    ]
    y_ticks = [
        (round(baseline - plot_h * k / 4, 1), format_value(top * k / 4, kind)) for k in range(5)
    ]
    legend = [(COLOURS[j % len(COLOURS)], tr(c.title)) for j, c in enumerate(series)]
    return Chart(WIDTH, HEIGHT, bars, x_labels, y_ticks, legend, baseline)
