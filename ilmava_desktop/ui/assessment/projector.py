"""The projector view: the results the room is building, large and high in contrast.

It names only the municipality being entered; everyone else is in the cohort's average and
its anonymous distribution. Nothing here can be edited, so a stray key changes nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ilmava_desktop.i18n import _
from ilmava_desktop.reports import charts
from ilmava_desktop.ui.assessment.results_panel import LiveResults
from ilmava_desktop.ui.chart_view import ChartView

_STYLE = """
QWidget#projector { background: #000000; }
QWidget#projector QLabel { color: #ffffff; font-size: 22pt; }
QWidget#projector QLabel#projectorTitle { font-size: 34pt; font-weight: 700; color: #ffd400; }
QWidget#projector QLabel#projectorHint { font-size: 13pt; color: #d8d8d8; }
"""


class ProjectorView(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("projector")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(_STYLE)
        self.setWindowTitle(_("Self-assessment on the projector"))
        self.setAccessibleName(_("Self-assessment on the projector"))
        self.title = QLabel()
        self.title.setObjectName("projectorTitle")
        self.title.setWordWrap(True)
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        self.profile = ChartView(_("Theme scores as a chart"), charts.PROJECTOR.background)
        self.distribution_title = QLabel(_("The whole cohort's answers, counted by level"))
        self.distribution_note = QLabel()
        self.distribution_note.setWordWrap(True)
        self.distribution = ChartView(_("The cohort's answers as a chart"),
                                      charts.PROJECTOR.background)
        hint = QLabel(_("F11 full screen · Esc close"))
        hint.setObjectName("projectorHint")
        left = QVBoxLayout()
        left.addWidget(self.profile)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.distribution_title)
        right.addWidget(self.distribution_note)
        right.addWidget(self.distribution)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(40)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 30, 40, 20)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addSpacing(20)
        layout.addLayout(columns, 1)
        layout.addWidget(hint)
        self.resize(1280, 720)

    def keyPressEvent(self, event) -> None:
        # Only these two keys do anything: the view is read-only.
        if event.key() == Qt.Key.Key_Escape:
            self.close()
        elif event.key() == Qt.Key.Key_F11:
            self.toggle_full_screen()
        else:
            event.accept()

    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def show_results(self, live: LiveResults | None) -> None:
        if live is None:
            self.title.setText(_("No answers yet"))
            self.subtitle.setText("")
            self.profile.set_draw(None)
            self.distribution.set_draw(None)
            self.distribution_note.setText("")
            return
        self.title.setText(f"{live.municipality} — {live.round_name}")
        self.subtitle.setText(_("{sheets} sheets from {municipality}; the cohort: {total} sheets "
                                "from {count} municipalities").format(
            sheets=live.own_sheets, municipality=live.municipality, total=live.cohort_sheets,
            count=live.municipalities_answered))
        self.profile.set_draw(lambda width: charts.theme_profile(
            live.themes, live.profile_series(), live.scale, width, charts.PROJECTOR))
        if live.counts is None:
            self.distribution_note.setText(live.too_few_sheets())
            self.distribution.set_draw(None)
        else:
            self.distribution_note.setText("")
            self.distribution.set_draw(lambda width: charts.distribution(
                live.themes, live.counts, live.levels, width, charts.PROJECTOR))
