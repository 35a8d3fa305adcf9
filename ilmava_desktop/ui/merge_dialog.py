"""File → Merge a copy…: another laptop's copy of the cohort merged into this one.

The result is shown before anything is written (what each tool gains, changes and loses,
the conflicts and the rules the result would break); Merge writes it as one step that
Ctrl+Z takes back.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ilmava_desktop.i18n import _, ngettext
from ilmava_desktop.services.cohort import merge as merging
from ilmava_desktop.ui.context import AppContext
from ilmava_desktop.ui.feedback import show_error
from ilmava_desktop.ui.ops import run_op


class MergeDialog(QDialog):
    """The computed merge, shown; accepted means: write it."""

    def __init__(self, plan: merging.MergePlan, intro: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(_("Merge a copy"))
        self.setAccessibleName(_("Merge a copy"))
        self.resize(720, 420)
        layout = QVBoxLayout(self)
        self.heading = heading = QLabel(intro + " " + (
            _("Nothing in it is new to this cohort.") if plan.empty else _(
                "{added} added, {changed} changed, {deleted} deleted, {conflicts} in conflict.")
            .format(added=plan.count("added"), changed=plan.count("changed"),
                    deleted=plan.count("deleted"), conflicts=len(plan.conflicts))))
        heading.setWordWrap(True)
        layout.addWidget(heading)

        tools = plan.per_tool()
        self.table = QTableWidget(len(tools), 5)
        self.table.setAccessibleName(_("What the merge does in each tool"))
        self.table.setHorizontalHeaderLabels(
            [_("Tool"), _("Added"), _("Changed"), _("Deleted"), _("Conflicts")])
        self.table.verticalHeader().hide()
        for row, (tool, counts) in enumerate(tools.items()):
            self.table.setItem(row, 0, QTableWidgetItem(_(merging.TOOL_TITLES[tool])))
            for column, key in enumerate(("added", "changed", "deleted", "conflicts"), start=1):
                item = QTableWidgetItem(str(counts[key]))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        # Sized by the header when shown, not now: measured before the style sheet's font
        # applies, the tool's name was cut to "Kunnat & …" and the headings to their edges.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        # As tall as its tools, the conflicts below taking the room they need.
        self.table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        layout.addWidget(self.table)
        # Row by row, what changes: the counts alone did not say what.
        self.changes = QListWidget()
        self.changes.setAccessibleName(_("What the merge changes"))
        self.changes.setWordWrap(True)
        self.changes.addItems(merging.change_sentences(plan))
        if self.changes.count():
            layout.addWidget(QLabel(_("What changes:")))
            layout.addWidget(self.changes, 1)
        else:
            self.changes.hide()

        self.notes = QListWidget()
        self.notes.setAccessibleName(_("Conflicts and broken rules"))
        self.notes.setWordWrap(True)
        for conflict in plan.conflicts:
            self.notes.addItem(merging.conflict_sentence(conflict))
        for violation in plan.violations:
            self.notes.addItem(str(violation))
        if self.notes.count():
            layout.addWidget(QLabel(ngettext(
                "{n} thing to look at after merging:", "{n} things to look at after merging:",
                self.notes.count()).format(n=self.notes.count())))
            layout.addWidget(self.notes, 1)
        else:
            self.notes.hide()
            if not self.changes.count():
                layout.addStretch(1)

        self.buttons = QDialogButtonBox()
        self.merge_button = self.buttons.addButton(
            _("Merge") if not plan.empty else _("Mark as merged"),
            QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)


def show_merge(ctx: AppContext, parent: QWidget, plan: merging.MergePlan, intro: str,
               merged: Callable[[], None] | None = None) -> MergeDialog:
    """Show a computed merge; Merge writes it (one undo step) and says what was done."""
    dialog = MergeDialog(plan, intro, parent)

    def write() -> None:
        def done(_changes) -> None:
            ctx.notice.emit(_("Merged {name}: {added} added, {changed} changed, {deleted} "
                              "deleted — Ctrl+Z undoes it.").format(
                name=plan.other.name, added=plan.count("added"),
                changed=plan.count("changed"), deleted=plan.count("deleted")))
            if merged:
                merged()

        run_op(ctx, lambda session: merging.merge_and_accept(session, plan), parent=parent,
               quiet=True, done=done)

    dialog.accepted.connect(write)
    dialog.open()
    return dialog


def merge_a_copy(ctx: AppContext, parent: QWidget) -> None:
    """Pick another copy's file, compute the merge on the worker, then show it."""
    if ctx.session is None:
        return
    chooser = QFileDialog(parent, _("Merge a copy"), str(ctx.session.path.parent),
                          _("ILMAVA cohorts (*.ilmava);;All files (*)"))
    chooser.setFileMode(QFileDialog.FileMode.ExistingFile)
    chooser.fileSelected.connect(lambda path: preview_and_show(ctx, parent, Path(path)))
    chooser.open()


def preview_and_show(ctx: AppContext, parent: QWidget, path: Path) -> None:
    session = ctx.session
    if session is None:
        return
    if path.resolve() == session.path.resolve():
        # The cohort's own file: what another laptop saved over it meanwhile, merged in.
        window = parent.window()
        lifecycle = getattr(window, "lifecycle", None)
        if lifecycle is not None:
            lifecycle.merge_changed_file()
            return
    ctx.door.run(lambda: merging.preview(session, path),
                 lambda plan: show_merge(ctx, parent, plan, _("Merging {name} into this cohort:")
                                         .format(name=path.name)),
                 lambda exc: show_error(parent, exc))
