"""A visit's timeline and checklist: every step with its date, done or late; Space ticks the
steps the facilitator ticks, at once and undoably, the others follow the cohort."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ilmava_desktop.core.dates import format_date
from ilmava_desktop.i18n import _
from ilmava_desktop.services.visits import timeline
from ilmava_desktop.ui.ops import run_op
from ilmava_desktop.ui.widgets import dialog_buttons

STEP = Qt.ItemDataRole.UserRole


class TimelineDialog(QDialog):
    def __init__(self, ctx, host_id: str, host_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.host_id = ctx, host_id
        self.setWindowTitle(_("Timeline: {municipality}").format(municipality=host_name))
        self.steps = QListWidget()
        self.steps.setAccessibleName(_("Steps of the visit"))
        self.steps.setWordWrap(True)
        self.steps.itemChanged.connect(self.on_steps_item_changed)
        label = QLabel(_("&Steps before and after the visit day (Space ticks those ticked by "
                         "hand; the others follow what is recorded):"))
        label.setWordWrap(True)
        label.setBuddy(self.steps)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(_("What was done"))
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.steps, 1)
        layout.addWidget(self.message)
        layout.addWidget(dialog_buttons(self, QDialogButtonBox.StandardButton.Close))
        ctx.changed.connect(self.on_changed)
        self.load()
        self.resize(760, 360)

    def load(self) -> None:
        found = self.ctx.read(lambda s: timeline.timeline(s.db, self.host_id))
        row = max(0, self.steps.currentRow())
        self.steps.blockSignals(True)
        self.steps.clear()
        for step in found:
            when = format_date(step.due) if step.due else _("no date yet")
            # The date and whether it is late first, together: at the line's end "▲ late"
            # wrapped onto a line of its own.
            mark = " ▲ " + _("late") if step.late else ""
            how = "" if step.ticked else " (" + _("from what is recorded") + ")"
            item = QListWidgetItem(f"{when}{mark} – {step.label}{how}")
            item.setData(STEP, step.key)
            flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable
            if not step.ticked:
                flags &= ~Qt.ItemFlag.ItemIsUserCheckable
            item.setFlags(flags)
            item.setCheckState(Qt.CheckState.Checked if step.done else Qt.CheckState.Unchecked)
            self.steps.addItem(item)
        self.steps.setCurrentRow(min(row, self.steps.count() - 1))
        self.steps.blockSignals(False)

    def on_steps_item_changed(self, item: QListWidgetItem) -> None:
        step, done = item.data(STEP), item.checkState() == Qt.CheckState.Checked
        run_op(self.ctx, lambda s: timeline.tick(s, host_id=self.host_id, step=step,
                                                 done=done), say=self.message, parent=self)

    def on_changed(self, changes) -> None:
        if changes.touches("visit", "interviewee", "preparation_meeting", "card"):
            self.load()

    def done(self, result: int) -> None:
        self.ctx.changed.disconnect(self.on_changed)
        super().done(result)
