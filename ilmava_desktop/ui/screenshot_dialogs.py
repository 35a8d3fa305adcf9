"""`--screenshots`: the dialogs behind the tools' buttons, each opened the way a facilitator
opens it (by its button's own method, on the demo's first row) and saved beside the views,
so that the audit reads every dialog as well as every page."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog, QWidget

from ilmava_desktop.i18n import _
from ilmava_desktop.ui.main_window import MainWindow

# Saves a widget as DIR/NN-name.png (and audits it): screenshots._save, bound to the folder.
Save = Callable[[QWidget, int, str], Path]


def dialog_views(window: MainWindow, number: int, written: list, save: Save) -> int:
    """Every dialog not already among the views; returns the last number used."""
    shots = [*_cohort_dialogs(window), *_tool_dialogs(window), ("merge", lambda: _merge(window))]
    for name, open_dialog in shots:
        dialog = open_dialog()
        if dialog is None:  # the cohort has nothing it opens on (no card, no visit)
            print(_("--screenshots: this cohort has nothing to open the {name} dialog on")
                  .format(name=name))
            continue
        number += 1
        written.append(save(dialog, number, name))
        dialog.reject()
    return number


def _modal() -> QDialog | None:
    """The dialog an action opened without handing it back."""
    widget = QApplication.activeModalWidget()
    return widget if isinstance(widget, QDialog) else None


def _cohort_dialogs(window: MainWindow):
    from ilmava_desktop.ui.programme_dialog import edit_programme

    municipalities = window.tools[0][1]
    yield "new-cohort", lambda: (window.lifecycle.new_cohort(), _modal())[1]
    yield "programme-profile", lambda: edit_programme(window.ctx, window)
    yield "year", municipalities.open_year


def _tool_dialogs(window: MainWindow):
    attendance, assessment = window.tools[1][1], window.tools[2][1]
    groups, board, visits = window.tools[3][1], window.tools[4][1], window.tools[6][1]

    def days():
        dialog = attendance.open_days()
        dialog.table.selectRow(0)
        return dialog

    def day():
        days_dialog = attendance.open_days()
        days_dialog.table.selectRow(0)
        dialog = days_dialog.edit_day()
        if dialog is None:  # a cohort without days
            days_dialog.reject()
            return None
        dialog.finished.connect(lambda _result: days_dialog.reject())
        return dialog

    def card():
        window.show_tool(4)
        column = next((c for c in board.columns if c.model.rowCount()), None)
        if column is None:  # an empty board
            return None
        board.set_current_column(column)
        column.list.setCurrentIndex(column.model.index(0))
        return board.edit_card()

    def session():
        window.show_tool(3)
        groups.tabs.setCurrentWidget(groups.sparring)
        groups.sparring.sessions.selectRow(0)
        return groups.sparring.open_edit()

    def guide():
        window.show_tool(6)
        dialog = visits.edit_guide()
        first = dialog.tree.topLevelItem(0)
        if first is not None and first.childCount():
            dialog.tree.setCurrentItem(first.child(0))
        return dialog

    def timeline():
        window.show_tool(6)
        visits.tabs.setCurrentWidget(visits.visit)
        return visits.visit.show_timeline()

    def team():
        window.show_tool(6)
        visits.tabs.setCurrentWidget(visits.teams)
        visits.teams.table.selectRow(0)
        return visits.teams.edit_team()

    def preparation():
        window.show_tool(6)
        visits.tabs.setCurrentWidget(visits.visit)
        visits.visit.preparations.table.selectRow(0)
        return visits.visit.preparations.edit()

    def roles():
        tab = visits.visit
        interviews = [n for n in range(tab.slot_model.rowCount()) if tab.slot_model.row_at(n).room]
        if not interviews:
            return None
        tab.slots.selectRow(interviews[0])
        return tab.choose_roles()

    yield "days", days
    yield "day", day
    yield "new-round", assessment.ask_round_name
    yield "card", card
    yield "propose-groups", groups.groups.open_propose
    yield "sparrer", groups.sparrers.open_add
    yield "sparring-session", session
    yield "visits-guide", guide
    yield "visits-timeline", timeline
    yield "review-team", team
    yield "preparation", preparation
    yield "interviewee", lambda: visits.visit.add_interviewee()
    yield "finding", lambda: visits.visit.add_finding()
    yield "interview-roles", roles


def _merge(window: MainWindow):
    """A merge with one change and one conflict: two copies of the bundled demo, each edited
    as another laptop would, planned one into the other (the open cohort is not touched)."""
    from ilmava_desktop.resources import resource_path
    from ilmava_desktop.services import municipalities
    from ilmava_desktop.services.cohort import merge as merging
    from ilmava_desktop.services.cohort.session import CohortSession
    from ilmava_desktop.services.demo import BUNDLED
    from ilmava_desktop.ui.merge_dialog import MergeDialog

    with tempfile.TemporaryDirectory() as folder:
        ours, theirs = Path(folder) / "ovi.ilmava", Path(folder) / "purku.ilmava"
        sessions = {}
        for path, fields in ((ours, {"current_state": "Lähtötilanne ovella"}),
                             (theirs, {"current_state": "Lähtötilanne purussa",
                                       "wicked_problem": "Ongelma purussa"})):
            shutil.copyfile(resource_path(BUNDLED), path)
            session = sessions[path] = CohortSession.open(path, recover=False, backup=False)
            m_id = municipalities.find_municipality(session.db, "638")
            session.write("edit", lambda tx, m_id=m_id, fields=fields: tx.update(
                "municipality", m_id, fields))
        sessions[theirs].close()
        try:
            plan = merging.plan_from_file(sessions[ours], theirs)
        finally:
            sessions[ours].close()
    dialog = MergeDialog(plan, _("Merging {name} into this cohort:").format(name=theirs.name),
                         window)
    dialog.open()
    return dialog
