"""The figures of one build: today's totals, the totals at the end of every month, and the
chart of them, computed once from the validated content and read by every later step."""
from __future__ import annotations

import datetime
from dataclasses import dataclass

from ..content.model import Content
from .chart import Chart, layout
from .over_time import monthly_series
from .totals import Totals, compute_totals


@dataclass(frozen=True)
class Figures:
    totals: Totals
    series: list[Totals]  # the end of each month from the start, then as_of (see over_time.py)
    chart: Chart | None

    @classmethod
    def of(cls, content: Content, start: datetime.date) -> "Figures":
        totals = compute_totals(content)
        series = monthly_series(content, start, totals.as_of)
        return cls(totals, series, layout(series, content.groups))
