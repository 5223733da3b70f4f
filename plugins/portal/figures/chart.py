"""The geometry of the chart of the totals over time: an SVG drawn at build time.

This module places everything in the SVG's coordinate space (scales, ticks, one line per
status group); the template _chart.html draws it and writes every label in the page's
language, so one layout serves the three languages and no JavaScript is needed. The legend is
HTML above the SVG, not part of it: it wraps on a narrow screen in every language, and stays in
view while the chart scrolls sideways in its frame.
"""
from __future__ import annotations

import datetime
import math
from dataclasses import dataclass, field

from ..content.model import Group
from .totals import Totals

WIDTH, HEIGHT = 720, 380
LEFT, RIGHT, BOTTOM = 70, 64, 62
TOP = 16  # room above the highest tick for its label
# One colour and one dash pattern per group: the lines differ without colour too.
STYLES = [("#8a1c1c", ""), ("#1a5fb4", "8 5"), ("#5e5c64", "2 4"), ("#26a269", "12 4 2 4")]


@dataclass
class Line:
    group: Group
    colour: str
    dash: str
    points: str  # "x,y x,y …" for <polyline>
    end_x: float
    end_y: float
    label_y: float  # where the last value is written (moved apart from the other lines' labels)
    last: int


@dataclass
class Chart:
    series: list[Totals]
    width: int = WIDTH
    height: int = HEIGHT
    top: float = 0
    left: float = LEFT
    right: float = WIDTH - RIGHT
    bottom: float = HEIGHT - BOTTOM
    x_ticks: list[tuple[float, datetime.date, bool]] = field(default_factory=list)  # x, day, write the year
    y_ticks: list[tuple[float, int]] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)

    @property
    def first(self) -> Totals:
        return self.series[0]

    @property
    def last(self) -> Totals:
        return self.series[-1]


def nice_step(maximum: int, ticks: int = 5) -> int:
    """A step of 1, 2 or 5 times a power of ten that divides 0…maximum into at most `ticks` parts."""
    raw = max(maximum, 1) / ticks
    power = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    for factor in (1, 2, 5, 10):
        if factor * power >= raw:
            return max(1, factor * power)
    return 10 * power


def month_step(months: int, labels: int = 8) -> int:
    for step in (1, 2, 3, 6, 12, 24):
        if months / step <= labels:
            return step
    return 60


def layout(series: list[Totals], groups: list[Group]) -> Chart | None:
    """The chart of each group's total at each point of `series`; None without any point."""
    if not series:
        return None
    chart = Chart(series)
    chart.top = TOP
    highest = max((point.by_group[group.id] for point in series for group in groups), default=0)
    step = nice_step(highest)
    top_value = max(step, math.ceil(highest / step) * step)
    first, last = series[0].as_of.toordinal(), series[-1].as_of.toordinal()

    def x_of(day: datetime.date) -> float:
        if last == first:
            return round((chart.left + chart.right) / 2, 1)
        return round(chart.left + (day.toordinal() - first) / (last - first) * (chart.right - chart.left), 1)

    def y_of(value: int) -> float:
        return round(chart.bottom - value / top_value * (chart.bottom - chart.top), 1)

    chart.y_ticks = [(y_of(value), value) for value in range(0, top_value + 1, step)]
    step_months = month_step(len(series))
    labelled = [point.as_of for point in series[:-1] if (point.as_of.month - 1) % step_months == 0] or [series[0].as_of]
    years = set()
    for day in labelled:
        chart.x_ticks.append((x_of(day), day, day.year not in years))
        years.add(day.year)
    for index, group in enumerate(groups):
        colour, dash = STYLES[index % len(STYLES)]
        points = [(x_of(point.as_of), y_of(point.by_group[group.id])) for point in series]
        chart.lines.append(Line(group, colour, dash, " ".join(f"{x},{y}" for x, y in points), points[-1][0],
                                points[-1][1], points[-1][1], series[-1].by_group[group.id]))
    _separate_labels(chart.lines)
    return chart


def _separate_labels(lines: list[Line], gap: float = 16) -> None:
    """Moves the end labels apart where lines end close together, keeping their order."""
    ordered = sorted(lines, key=lambda line: line.end_y)
    for above, below in zip(ordered, ordered[1:]):
        if below.label_y - above.label_y < gap:
            below.label_y = round(above.label_y + gap, 1)
