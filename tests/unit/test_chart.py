"""The chart of the totals over time: its scales, ticks and lines, in the SVG's coordinates
(720 × 380; the plot from x 70 to 656, and from y 318 up to 16; the legend is HTML, outside)."""
from __future__ import annotations

import datetime

import pytest

from portal.content.model import Group
from portal.figures.chart import layout, month_step, nice_step
from portal.figures.totals import Totals
from portal.language.localized import Localized

D = datetime.date
PRISONERS = Group("political-prisoner", Localized({}), Localized({}))
PERSECUTED = Group("persecuted", Localized({}), Localized({}))
GROUPS = [PRISONERS, PERSECUTED]


def point(day: datetime.date, prisoners: int, persecuted: int) -> Totals:
    return Totals(day, prisoners + persecuted, {"political-prisoner": prisoners, "persecuted": persecuted}, {}, 0, {})


@pytest.mark.parametrize("maximum, step", [
    (0, 1), (1, 1), (5, 1), (6, 2), (10, 2), (11, 5), (12, 5), (25, 5), (26, 10), (50, 10), (51, 20),
    (783, 200), (1000, 200), (1021, 500), (30_000, 10_000),
])
def test_nice_step_is_1_2_or_5_times_a_power_of_ten_in_at_most_five_parts(maximum, step):
    assert nice_step(maximum) == step


def test_nice_step_with_other_numbers_of_ticks():
    assert (nice_step(100, ticks=10), nice_step(100, ticks=2), nice_step(7, ticks=1)) == (10, 50, 10)


@pytest.mark.parametrize("months, step", [
    (1, 1), (8, 1), (9, 2), (16, 2), (17, 3), (24, 3), (25, 6), (48, 6), (49, 12), (96, 12), (97, 24), (192, 24),
    (193, 60),
])
def test_month_step_keeps_at_most_eight_month_labels(months, step):
    assert month_step(months) == step


def test_the_layout_of_three_points():
    series = [point(D(2020, 8, 31), 1, 0), point(D(2020, 9, 30), 2, 0), point(D(2020, 10, 15), 2, 1)]
    chart = layout(series, GROUPS)
    assert (chart.width, chart.height, chart.left, chart.right, chart.top, chart.bottom) == (720, 380, 70, 656, 16, 318)
    assert (chart.first, chart.last) == (series[0], series[-1])
    # highest 2, step 1: 0, 1 and 2 from the bottom to the top
    assert chart.y_ticks == [(318.0, 0), (167.0, 1), (16.0, 2)]
    # every month labelled but the last point (the as-of day); the year on the first label of a year
    assert chart.x_ticks == [(70.0, D(2020, 8, 31), True), (460.7, D(2020, 9, 30), False)]
    prisoners, persecuted = chart.lines
    assert (prisoners.group, prisoners.colour, prisoners.dash) == (PRISONERS, "#8a1c1c", "")
    assert prisoners.points == "70.0,167.0 460.7,16.0 656.0,16.0"
    assert (prisoners.end_x, prisoners.end_y, prisoners.label_y, prisoners.last) == (656.0, 16.0, 16.0, 2)
    assert (persecuted.group, persecuted.colour, persecuted.dash) == (PERSECUTED, "#1a5fb4", "8 5")
    assert persecuted.points == "70.0,318.0 460.7,318.0 656.0,167.0"
    assert (persecuted.end_x, persecuted.end_y, persecuted.label_y, persecuted.last) == (656.0, 167.0, 167.0, 1)


def test_the_top_of_the_scale_is_the_next_step_above_the_highest_value():
    chart = layout([point(D(2021, 1, 31), 1021, 180), point(D(2021, 2, 28), 1014, 190)], GROUPS)
    assert [value for _, value in chart.y_ticks] == [0, 500, 1000, 1500]
    assert [y for y, _ in chart.y_ticks] == [318.0, 217.3, 116.7, 16.0]


def test_end_labels_of_lines_ending_close_together_are_moved_apart_in_order():
    chart = layout([point(D(2021, 1, 31), 0, 0), point(D(2021, 2, 28), 100, 100)], GROUPS)
    prisoners, persecuted = chart.lines
    assert prisoners.end_y == persecuted.end_y == 16.0
    assert (prisoners.label_y, persecuted.label_y) == (16.0, 32.0)  # 16 apart; the lines stay where they end


def test_each_of_more_groups_gets_its_own_style():
    groups = [Group(f"g{n}", Localized({}), Localized({})) for n in range(5)]
    totals = Totals(D(2021, 1, 31), 5, {f"g{n}": 1 for n in range(5)}, {}, 0, {})
    chart = layout([totals], groups)
    assert chart.top == 16  # however many groups: the legend is outside the SVG
    assert [(line.colour, line.dash) for line in chart.lines] == [
        ("#8a1c1c", ""), ("#1a5fb4", "8 5"), ("#5e5c64", "2 4"), ("#26a269", "12 4 2 4"),
        ("#8a1c1c", "")]  # the styles come round again
    assert [line.label_y for line in chart.lines] == [16.0, 32.0, 48.0, 64.0, 80.0]  # all end at the top (16)


def test_a_single_point_stands_in_the_middle_with_its_own_label():
    chart = layout([point(D(2021, 10, 22), 3, 0)], GROUPS)
    assert chart.x_ticks == [(363.0, D(2021, 10, 22), True)]
    assert [line.points for line in chart.lines] == ["363.0,16.0", "363.0,318.0"]


def test_long_series_label_every_third_month_and_each_year_once():
    days = [D(2020, 8, 31), D(2020, 9, 30), D(2020, 10, 31), D(2020, 11, 30), D(2020, 12, 31), D(2021, 1, 31),
            D(2021, 2, 28), D(2021, 3, 31), D(2021, 4, 30), D(2021, 5, 31), D(2021, 6, 30), D(2021, 7, 31),
            D(2021, 8, 31), D(2021, 9, 30), D(2021, 10, 31), D(2021, 11, 30), D(2021, 12, 31), D(2022, 1, 31),
            D(2022, 2, 28), D(2022, 3, 1)]
    chart = layout([point(day, 1, 1) for day in days], GROUPS)
    assert [(day, year) for _, day, year in chart.x_ticks] == [
        (D(2020, 10, 31), True), (D(2021, 1, 31), True), (D(2021, 4, 30), False), (D(2021, 7, 31), False),
        (D(2021, 10, 31), False), (D(2022, 1, 31), True)]


def test_no_points_no_chart():
    assert layout([], GROUPS) is None
