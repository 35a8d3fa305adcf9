"""The main window: a shell of navigation, tools and menus. Each tool is its own package."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ilmava_desktop.i18n import _, current_language
from ilmava_desktop.services import preferences
from ilmava_desktop.ui.actions import ActionSpec, build_actions
from ilmava_desktop.ui.context import AppContext
from ilmava_desktop.ui.door import DbDoor
from ilmava_desktop.ui.lifecycle import CohortLifecycle
from ilmava_desktop.ui.start_page import StartPage
from ilmava_desktop.ui.style import STYLE, apply_palette
from ilmava_desktop.ui.year_strip import YearStrip

# Each tool's page is imported when the tool is first shown (the modules load on demand);
# the imports are written out so that "find usages" and import-linter see them. The first
# tool too: the window's first frame is drawn before a cohort is read (the tool area says
# "Opening…"), and the page is built as the cohort arrives.

def municipalities_page(ctx: AppContext) -> QWidget:
    from ilmava_desktop.ui.municipalities.page import MunicipalitiesPage

    return MunicipalitiesPage(ctx)


def attendance_page(ctx: AppContext) -> QWidget:
    from ilmava_desktop.ui.attendance.page import AttendancePage

    return AttendancePage(ctx)


def assessment_page(ctx: AppContext) -> QWidget:
    from ilmava_desktop.ui.assessment.page import AssessmentPage

    return AssessmentPage(ctx)


def groups_tool(ctx: AppContext) -> QWidget:
    from ilmava_desktop.ui.groups.tool import GroupsTool

    return GroupsTool(ctx)


def board_page(ctx: AppContext) -> QWidget:
    from ilmava_desktop.ui.board.page import BoardPage

    return BoardPage(ctx)


def reports_page(ctx: AppContext) -> QWidget:
    from ilmava_desktop.ui.reports.page import ReportsPage

    return ReportsPage(ctx)


def visits_page(ctx: AppContext) -> QWidget:
    from ilmava_desktop.ui.visits.page import VisitsPage

    return VisitsPage(ctx)


class MainWindow(QMainWindow):
    def __init__(self, door: DbDoor | None = None):
        super().__init__()
        self.ctx = AppContext(door or DbDoor(parent=self), self)
        self.lifecycle = CohortLifecycle(self.ctx, self)
        apply_palette(QApplication.instance())
        self.setStyleSheet(STYLE)
        self.resize(1280, 800)

        # A tool's page is built the first time it is shown: the window opens in the time
        # the first tool takes, not all six.
        self.tool_specs: list[tuple[str, Callable[[AppContext], QWidget]]] = [
            (_("Municipalities && people"), municipalities_page),
            (_("Attendance"), attendance_page),
            (_("Self-assessment"), assessment_page),
            (_("Groups"), groups_tool),
            (_("Debrief board"), board_page),
            (_("Reports"), reports_page),
            (_("Visits"), visits_page),
        ]
        self.built: dict[int, QWidget] = {}
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName(_("Tools"))
        # As wide as the longest tool's name in this language (in the list's 12 pt), no wider:
        # the rest of a laptop's screen is the tools'.
        navigation_font = QFont(self.font())
        navigation_font.setPointSizeF(12)
        self.navigation.setFixedWidth(max(QFontMetrics(navigation_font).horizontalAdvance(
            title.replace("&&", "&")) for title, _f in self.tool_specs) + 36 + 28)
        self.tool_stack = QStackedWidget()
        from ilmava_desktop.ui.icons import TOOLS, icon

        for (title, _factory), icon_name in zip(self.tool_specs, TOOLS, strict=True):
            self.navigation.addItem(title.replace("&&", "&"))
            self.navigation.item(self.navigation.count() - 1).setIcon(icon(icon_name))
            self.tool_stack.addWidget(QWidget())
        self.opening_label = QLabel(_("Opening…"))
        self.opening_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tool_stack.addWidget(self.opening_label)
        self.navigation.currentRowChanged.connect(self._show_row)

        self.demo_banner = QLabel(_("Demo data – fictional"))
        self.demo_banner.setObjectName("demoBanner")
        self.demo_banner.setAccessibleName(_("Demo data – fictional"))
        self.demo_banner.hide()
        workspace = QWidget()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.navigation)
        row.addWidget(self.tool_stack, 1)
        column = QVBoxLayout(workspace)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.demo_banner)
        # Where the cohort is in its year, above every tool.
        self.year_strip = YearStrip(self.ctx)
        self.year_strip.setContentsMargins(12, 4, 12, 4)
        column.addWidget(self.year_strip)
        column.addLayout(row)

        self.start_page = StartPage()
        self.start_page.new_requested.connect(self.lifecycle.new_cohort)
        self.start_page.open_requested.connect(self.lifecycle.choose_and_open)
        self.start_page.demo_requested.connect(self.lifecycle.open_demo)
        self.start_page.recent_chosen.connect(self.lifecycle.open_path)
        self.screens = QStackedWidget()
        self.screens.addWidget(self.start_page)
        self.screens.addWidget(workspace)
        self.setCentralWidget(self.screens)
        self.status = QLabel()
        self.status.setAccessibleName(_("Save status"))
        self.statusBar().addPermanentWidget(self.status)
        self.lifecycle.status_changed.connect(self.status.setText)
        self.lifecycle.open_started.connect(self.show_opening)
        self.lifecycle.open_failed.connect(self.on_cohort_closed)
        self.ctx.notice.connect(self.status.setText)

        self.actions, menus = build_actions(self, self.menuBar(), self._action_specs(), {
            "file": _("&File"), "edit": _("&Edit"), "view": _("&View"), "help": _("&Help")})
        self.recent_menu = QMenu(_("Open &recent"), self)
        self.recent_menu.setAccessibleName(_("Recently used cohorts"))
        menus["file"].insertMenu(self.actions["save_copy"], self.recent_menu)
        self.recent_menu.aboutToShow.connect(self.fill_recent_menu)
        self.ctx.cohort_opened.connect(self.on_cohort_opened)
        self.ctx.cohort_closed.connect(self.on_cohort_closed)
        self.ctx.changed.connect(lambda _c: self.update_undo_actions())
        self.on_cohort_closed()

    def _action_specs(self) -> list[ActionSpec]:
        lc = self.lifecycle
        specs = [
            ActionSpec("new", "file", _("&New cohort…"), lc.new_cohort, QKeySequence.StandardKey.New,
                       icon="new"),
            ActionSpec("open", "file", _("&Open…"), lc.choose_and_open, QKeySequence.StandardKey.Open,
                       icon="open"),
            ActionSpec("demo", "file", _("Open the &demo cohort"), lc.open_demo),
            # Written out: Qt's standard "Save as" key is empty on Windows and on some
            # Linux desktops, and the status line tells users to press Ctrl+Shift+S.
            ActionSpec("save_copy", "file", _("Save a &copy…"), lc.save_copy,
                       "Ctrl+Shift+S", needs_cohort=True, icon="save-copy"),
            ActionSpec("programme", "file", _("&Programme profile…"), self.edit_programme,
                       needs_cohort=True),
            ActionSpec("merge", "file", _("&Merge a copy…"), self.merge_copy, needs_cohort=True),
            ActionSpec("close", "file", _("&Close cohort"), lc.close_cohort,
                       "Ctrl+W", needs_cohort=True, icon="close"),
            ActionSpec("-1", "file", "", lambda: None),
            ActionSpec("quit", "file", _("&Quit"), self.close, QKeySequence.StandardKey.Quit),
            ActionSpec("undo", "edit", _("&Undo"), self.undo, "Ctrl+Z", needs_cohort=True,
                       icon="undo"),
            ActionSpec("redo", "edit", _("&Redo"), self.redo, "Ctrl+Shift+Z", needs_cohort=True,
                       icon="redo"),
        ]
        for number, (title, _factory) in enumerate(self.tool_specs, start=1):
            specs.append(ActionSpec(f"tool{number}", "view", title,
                                    lambda n=number - 1: self.show_tool(n), f"Ctrl+{number}",
                                    needs_cohort=True))
        specs.append(ActionSpec("about", "help", _("&About ILMAVA Desktop"), self.show_about,
                                icon="about"))
        return specs

    def show_about(self) -> None:
        from ilmava_desktop.ui.cohort_dialogs import show_about

        show_about(self, current_language())

    def merge_copy(self) -> None:
        from ilmava_desktop.ui.merge_dialog import merge_a_copy

        merge_a_copy(self.ctx, self)

    def edit_programme(self) -> None:
        from ilmava_desktop.ui.programme_dialog import edit_programme

        self.programme_dialog = edit_programme(self.ctx, self)

    # -- showing ---------------------------------------------------------------------

    def tool(self, index: int) -> QWidget:
        """The tool's page, built now if it has not been shown before."""
        page = self.built.get(index)
        if page is None:
            _title, factory = self.tool_specs[index]
            page = self.built[index] = factory(self.ctx)
            placeholder = self.tool_stack.widget(index)
            showing = self.tool_stack.currentIndex()
            self.tool_stack.insertWidget(index, page)
            self.tool_stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.tool_stack.setCurrentIndex(showing)
            if self.ctx.session is not None:
                # It missed the cohort being opened; it reads it now.
                page.cohort_ready()
        return page

    @property
    def tools(self) -> list[tuple[str, QWidget]]:
        """Every tool's title and page (building those not built yet)."""
        return [(title, self.tool(i)) for i, (title, _f) in enumerate(self.tool_specs)]

    def _show_row(self, index: int) -> None:
        if index >= 0:
            self.tool(index)
        self.tool_stack.setCurrentIndex(index)

    def show_tool(self, index: int) -> None:
        if self.ctx.session:
            self.navigation.setCurrentRow(index)
            self.tool_stack.currentWidget().setFocus()

    def fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in preferences.recent():
            action = self.recent_menu.addAction(f"{path.name}  ({path.parent})")
            action.triggered.connect(lambda _checked=False, p=path: self.open_cohort(p))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(_("No cohorts opened yet.")).setEnabled(False)

    def show_opening(self) -> None:
        """A cohort is being read: the window as it will be, its tool area saying so."""
        if self.ctx.session is None:
            self.navigation.setEnabled(False)
            self.tool_stack.setCurrentWidget(self.opening_label)
            self.screens.setCurrentIndex(1)

    def on_cohort_opened(self) -> None:
        from ilmava_desktop.services.cohort import reading

        cohort = self.ctx.read(lambda s: reading.cohort(s.db))
        self.setWindowTitle(f"{cohort.name} – ILMAVA Desktop")
        self.demo_banner.setVisible(cohort.is_demo)
        self.screens.setCurrentIndex(1)
        self.navigation.setEnabled(True)
        self.navigation.setCurrentRow(0)
        self._show_row(0)  # also when the row was already 0 (the opening label was shown)
        self._enable_cohort_actions(True)
        self.update_undo_actions()

    def on_cohort_closed(self) -> None:
        self.setWindowTitle("ILMAVA Desktop")
        self.demo_banner.hide()
        self.navigation.setEnabled(True)
        recent = preferences.recent()
        self.start_page.set_recent(recent, {path: preferences.recent_details(path)
                                            for path in recent})
        self.screens.setCurrentWidget(self.start_page)
        self._enable_cohort_actions(False)

    def _enable_cohort_actions(self, enabled: bool) -> None:
        for action in self.actions.values():
            if action.property("needs_cohort"):
                action.setEnabled(enabled)

    # -- undo ------------------------------------------------------------------------

    def undo(self) -> None:
        from ilmava_desktop.ui.undo_keys import undo_last

        undo_last(self.ctx, self)

    def redo(self) -> None:
        from ilmava_desktop.ui.undo_keys import undo_last

        undo_last(self.ctx, self, redo=True)

    def update_undo_actions(self) -> None:
        session = self.ctx.session
        undo = session.undo_description() if session else None
        redo = session.redo_description() if session else None
        self.actions["undo"].setEnabled(undo is not None)
        self.actions["redo"].setEnabled(redo is not None)
        self.actions["undo"].setText(_("&Undo: {what}").format(what=undo) if undo else _("&Undo"))
        self.actions["redo"].setText(_("&Redo: {what}").format(what=redo) if redo else _("&Redo"))

    # -- closing ---------------------------------------------------------------------

    def open_cohort(self, path: Path) -> None:
        self.lifecycle.open_path(path)

    def fit_to_screen(self) -> None:
        """As the user left the window last time, or 1280×800 and no larger than the screen
        (a 1366×768 laptop's screen less its task bar); remembered when it closes."""
        from ilmava_desktop.ui import geometry

        if not geometry.restore(self, "main"):
            geometry.fit(self, QSize(1280, 800))
        self.keep_geometry = True

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if self.lifecycle.close_for_quit():
            if getattr(self, "keep_geometry", False):
                from ilmava_desktop.ui import geometry

                geometry.remember(self, "main")
            event.accept()
        else:
            event.ignore()


__all__ = ["MainWindow", "Qt"]
