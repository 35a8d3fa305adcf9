"""The results beside the sheet grid: each as a chart with its table, built live."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ilmava_desktop.core.assessment import MIN_SHEETS_FOR_DISTRIBUTION
from ilmava_desktop.i18n import _, decimal
from ilmava_desktop.reports import charts
from ilmava_desktop.ui.chart_view import ChartView
from ilmava_desktop.ui.row_model import Column, RowTableModel
from ilmava_desktop.ui.widgets import (
    above_and_below,
    labelled_form,
    row_table,
    say_whole_text_in_tooltip,
)


def score_text(value: float | None) -> str:
    return decimal(value)


@dataclass(frozen=True)
class LiveResults:
    """What the room sees for one municipality in one round: plain data for every view."""

    round_name: str
    municipality: str
    themes: list[tuple[str, str]]  # (id, title)
    own: dict[str, float | None]
    cohort: dict[str, float | None]
    own_sheets: int
    cohort_sheets: int
    municipalities_answered: int
    # Per theme the answers per value, pooled over the cohort; None below the anonymity limit.
    counts: dict[str, dict[int | None, int]] | None
    levels: list[tuple[int | None, str]]  # the scale's values and labels, "don't know" last
    scale: range

    def profile_series(self) -> list[charts.Series]:
        return [charts.Series(self.municipality, self.own),
                charts.Series(_("Cohort average"), self.cohort, charts.COHORT_AVERAGE)]

    def too_few_sheets(self) -> str:
        return _("The cohort's distribution is shown from {n} sheets on; {sheets} so far.").format(
            n=MIN_SHEETS_FOR_DISTRIBUTION, sheets=self.cohort_sheets)


@dataclass(frozen=True)
class ThemeResult:
    id: str
    title: str
    own: float | None
    cohort: float | None


@dataclass(frozen=True)
class ThemeCounts:
    id: str
    title: str
    counts: dict[int | None, int]


@dataclass(frozen=True)
class ThemeGap:
    id: str
    title: str
    first: float | None
    second: float | None
    gap: float | None
    largest: bool


def _tab(*widgets) -> QWidget:
    """A results tab: its notes, then its chart above its table. The chart scrolls in its own
    area, the table below it, and the divider between them moves: squeezed into a laptop's
    768 pixels, the chart was cut off at its fifth theme and the table showed a row and a
    half."""
    page = QWidget()
    layout = QVBoxLayout(page)
    *notes, chart, table = widgets
    for widget in notes:
        if isinstance(widget, QWidget):
            layout.addWidget(widget)
        else:
            layout.addLayout(widget)
    chart.whole = True
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(chart)
    layout.addWidget(above_and_below(scroll, table, (3, 2)), 1)  # three fifths the chart's
    return page


class ResultsPanel(QTabWidget):
    """Three tabs: this municipality, the cohort's distribution, two rounds compared."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(_("Results"))
        self.live: LiveResults | None = None

        self.profile = ChartView(_("Theme scores as a chart"))
        self.results_model = RowTableModel([
            Column(_("Theme"), lambda r: r.title),
            Column(_("This municipality"), lambda r: score_text(r.own), align_right=True,
                   two_line_header=True),
            Column(_("Cohort average"), lambda r: score_text(r.cohort), align_right=True,
                   two_line_header=True),
        ], self)
        self.results = row_table(self.results_model, _("Theme scores"), stretch=(0,), wrap=True)
        self.addTab(_tab(self.profile, self.results), _("Municipality"))

        self.distribution_note = QLabel()
        self.distribution_note.setWordWrap(True)
        self.distribution = ChartView(_("The cohort's answers as a chart"))
        self.counts_model = RowTableModel([Column(_("Theme"), lambda r: r.title)], self)
        self.counts = row_table(self.counts_model, _("The cohort's answers per value"),
                                stretch=(0,), wrap=True)
        self.addTab(_tab(self.distribution_note, self.distribution, self.counts),
                    _("Cohort"))

        self.first_round = QComboBox()
        self.first_round.setAccessibleName(_("First round to compare"))
        self.second_round = QComboBox()
        self.second_round.setAccessibleName(_("Second round to compare"))
        for combo in (self.first_round, self.second_round):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        # One above the other: a round's whole name fits the panel's width.
        pick = labelled_form([(_("&1:"), self.first_round), (_("&2:"), self.second_round)])
        self.gaps_note = QLabel()
        self.gaps_note.setWordWrap(True)
        self.comparison = ChartView(_("The two rounds as a chart"))
        self.gaps_model = RowTableModel([
            Column(_("Theme"), lambda r: r.title),
            Column("1", lambda r: score_text(r.first), align_right=True),
            Column("2", lambda r: score_text(r.second), align_right=True),
            # The marker is a word as well as a sign: never colour alone.
            Column(_("Gap"), lambda r: ("" if r.gap is None else decimal(r.gap, sign=True))
                   + ("  ▲ " + _("notable") if r.largest else ""), align_right=True),
        ], self)
        self.gaps = row_table(self.gaps_model, _("Gaps between the rounds"), stretch=(0,),
                              wrap=True)
        self.addTab(_tab(pick, self.gaps_note, self.comparison, self.gaps), _("Compare rounds"))
        # A tab's name, and a round's, in its tooltip: a narrow panel shortens them.
        for tab in range(self.count()):
            self.setTabToolTip(tab, self.tabText(tab).replace("&", ""))
        say_whole_text_in_tooltip(self.first_round, self.second_round)

    # -- this municipality and the cohort ------------------------------------------------

    def show_results(self, live: LiveResults | None) -> None:
        self.live = live
        if live is None:
            self.results_model.set_rows([])
            self.counts_model.set_rows([])
            self.profile.set_draw(None)
            self.distribution.set_draw(None)
            self.distribution_note.setText("")
            return
        self.results_model.refresh_rows([ThemeResult(i, title, live.own.get(i),
                                                     live.cohort.get(i))
                                         for i, title in live.themes])
        self.profile.set_draw(lambda width: charts.theme_profile(
            live.themes, live.profile_series(), live.scale, width, charts.SCREEN))
        self.show_counts(live)

    def show_counts(self, live: LiveResults) -> None:
        if self.counts_model.column_count() != 1 + len(live.levels):
            self.counts_model.set_columns([Column(_("Theme"), lambda r: r.title)] + [
                Column(str(value) if value is not None else live.levels[-1][1],
                       lambda r, v=value: str(r.counts.get(v, 0)), align_right=True,
                       two_line_header=True)
                for value, _label in live.levels])
        if live.counts is None:
            self.distribution_note.setText(live.too_few_sheets())
            self.counts_model.set_rows([])
            self.distribution.set_draw(None)
            return
        self.distribution_note.setText(_(
            "All answers in the round: {sheets} sheets from {municipalities} municipalities, "
            "no municipality named.").format(sheets=live.cohort_sheets,
                                             municipalities=live.municipalities_answered))
        self.counts_model.refresh_rows([ThemeCounts(i, title, live.counts[i])
                                        for i, title in live.themes])
        self.distribution.set_draw(lambda width: charts.distribution(
            live.themes, live.counts, live.levels, width, charts.SCREEN))

    # -- two rounds ------------------------------------------------------------------------

    def set_rounds(self, rounds: list[tuple[str, str]]) -> None:
        """Fill both pickers; the chosen rounds stay, by default the first two."""
        for position, combo in enumerate((self.first_round, self.second_round)):
            kept = combo.currentData()
            combo.clear()
            for name, round_id in rounds:
                combo.addItem(name, round_id)
            index = combo.findData(kept) if kept else -1
            combo.setCurrentIndex(index if index >= 0 else min(position, len(rounds) - 1))

    def show_gaps(self, rows: list[ThemeGap], note: str, names: tuple[str, str] | None,
                  themes: list[tuple[str, str]], scale: range) -> None:
        self.gaps_note.setText(note)
        self.gaps_model.refresh_rows(rows)
        if not rows or names is None:
            self.comparison.set_draw(None)
            return
        series = [charts.Series(names[0], {r.id: r.first for r in rows}),
                  charts.Series(names[1], {r.id: r.second for r in rows})]
        self.comparison.set_draw(lambda width: charts.theme_profile(
            themes, series, scale, width, charts.SCREEN))
