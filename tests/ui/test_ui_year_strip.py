"""The programme's year above every tool: one line at a projector's width, every period
named where there is room, the names left out in the tooltip."""

from datetime import date

from PySide6.QtWidgets import QApplication

NAMES = ("Opening, self-assessment and orientation", "Choosing the development tasks",
         "Successes and problems", "Sparring for each municipality",
         "Debrief of the sparring and shared lessons")


def strip_at(window, width: int, today: date):
    strip = window.year_strip
    strip.today = today
    window.resize(width, 700)
    strip.refresh()
    QApplication.processEvents()
    return strip


def lines(strip) -> int:
    return round(strip.contentsRect().height() / strip.fontMetrics().lineSpacing())


def test_a_wide_window_names_every_period(demo_window_at):
    window = demo_window_at(0)
    strip = strip_at(window, 1900, date(2026, 6, 1))
    assert all(name in strip.text() for name in NAMES)
    assert lines(strip) == 1


def test_at_1024_pixels_the_strip_is_one_line_and_the_tooltip_names_the_rest(demo_window_at):
    window = demo_window_at(0)
    strip = strip_at(window, 1024, date(2026, 6, 1))
    assert lines(strip) == 1
    assert "Sparring for each municipality" in strip.text()  # the current period, whole
    assert "Successes and problems" not in strip.text()
    assert all(name in strip.toolTip() for name in NAMES)


def test_when_the_year_is_over_the_narrow_strip_says_so(demo_window_at):
    window = demo_window_at(0)
    strip = strip_at(window, 1024, date(2026, 11, 28))
    assert "The programme's year is over" in strip.text()
    assert lines(strip) == 1
