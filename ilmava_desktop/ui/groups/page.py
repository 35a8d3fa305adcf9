"""The Groups tool: thematic peer groups proposed by the solver and finished by hand.

Drag a municipality to another group and the scores follow at once; lock what is settled and
let the solver re-place the rest; every change is undone with Ctrl+Z.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ilmava_desktop.core import grouping as core
from ilmava_desktop.core.dates import format_date
from ilmava_desktop.i18n import _, current_language, decimal, ngettext
from ilmava_desktop.resources import wicked_problem_themes
from ilmava_desktop.services import municipalities as municipality_service
from ilmava_desktop.services.attendance import day_label
from ilmava_desktop.services.attendance import days as day_service
from ilmava_desktop.services.groups import documents as peer_documents
from ilmava_desktop.services.groups import grouping
from ilmava_desktop.ui.context import AppContext
from ilmava_desktop.ui.groups.columns import GroupColumn, MunicipalityCard
from ilmava_desktop.ui.groups.printing import choose_pdf
from ilmava_desktop.ui.icons import icon_button
from ilmava_desktop.ui.ops import run_op
from ilmava_desktop.ui.when_shown import WhenShown
from ilmava_desktop.ui.widgets import (
    dialog_buttons,
    explanation,
    labelled_form,
    same_height,
    say_whole_text_in_tooltip,
    show_if_room,
    wall,
)


def points_explained() -> str:
    """What a grouping's points are, in the window's language."""
    return _("Points: each two municipalities of a group score for a shared development "
             "theme, a keep-together wish kept, their gap in maturity and different regions, "
             "as weighted when proposing; the more points, the better the groups meet them.")


class ProposeDialog(QDialog):
    """Name the new grouping, tie it to a day, and set its sizes and weights."""

    def __init__(self, days: list[tuple[str | None, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Propose groups"))
        self.name = QLineEdit(_("Groups {date}").format(date=format_date(date.today())))
        self.name.setAccessibleName(_("Name of the grouping"))
        self.day = QComboBox()
        self.day.setAccessibleName(_("Day"))
        for day_id, label in days:
            self.day.addItem(label, day_id)
        self.min_size, self.max_size = QSpinBox(), QSpinBox()
        for box, value, name in ((self.min_size, 3, _("Smallest group")),
                                 (self.max_size, 5, _("Largest group"))):
            box.setRange(1, 20)
            box.setValue(value)
            box.setAccessibleName(name)
        self.weights: dict[str, QDoubleSpinBox] = {}
        defaults = core.Weights().as_dict()
        labels = {"theme": _("Same development-task &theme:"),
                  "together": _("Keep-together &wish kept:"),
                  "maturity": _("&Mix of maturity (per point):"),
                  "region": _("Different &regions:")}
        rows = []
        for key, label in labels.items():
            box = QDoubleSpinBox()
            box.setRange(0, 100)
            box.setDecimals(1)
            box.setValue(defaults[key])
            box.setAccessibleName(label.replace("&", "").rstrip(":"))
            self.weights[key] = box
            rows.append((label, box))
        sizes = QHBoxLayout()
        sizes.addWidget(self.min_size)
        sizes.addWidget(QLabel("–"))
        sizes.addWidget(self.max_size)
        sizes.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(labelled_form([(_("&Name:"), self.name), (_("&Day:"), self.day),
                                        (_("&Sizes:"), sizes)]))
        # What the numbers below are: without a heading they read as four bare figures.
        weights = QLabel(_("Points for each two municipalities in one group (the grouping "
                           "with the most points is proposed):"))
        weights.setWordWrap(True)
        layout.addWidget(weights)
        form = labelled_form(rows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        layout.addLayout(form)
        layout.addWidget(dialog_buttons(self, QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel))

    def values(self) -> dict:
        return {"name": self.name.text(), "day_id": self.day.currentData(),
                "min_size": self.min_size.value(), "max_size": self.max_size.value(),
                "weights": core.Weights(**{k: b.value() for k, b in self.weights.items()})}


class GroupsPage(QWidget):
    NAME = "groups"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.columns: list[GroupColumn] = []
        self.solution: core.Solution | None = None
        self.grouping_choice = QComboBox()
        self.grouping_choice.setAccessibleName(_("Saved grouping"))
        self.grouping_choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.grouping_choice.setMinimumContentsLength(18)
        self.grouping_choice.activated.connect(lambda _i: self.show_grouping())
        self.propose_button = QPushButton(_("&Propose groups…"))
        self.propose_button.clicked.connect(self.open_propose)
        self.resolve_button = QPushButton(_("Propose the rest aga&in"))
        self.resolve_button.setToolTip(_("Locked municipalities stay; the solver places the rest"))
        self.resolve_button.clicked.connect(self.resolve_rest)
        self.lock_button = QPushButton(_("&Lock / unlock"))
        self.lock_button.setToolTip(QKeySequence("Ctrl+L").toString(
            QKeySequence.SequenceFormat.NativeText))
        self.lock_button.clicked.connect(self.toggle_lock)
        self.lock_group_button = QPushButton(_("L&ock the group"))
        self.lock_group_button.clicked.connect(self.lock_group)
        self.together_button = QPushButton(_("Keep &together with…"))
        self.together_button.clicked.connect(lambda: self.ask_wish("together"))
        self.apart_button = QPushButton(_("Keep &apart from…"))
        self.apart_button.clicked.connect(lambda: self.ask_wish("apart"))
        # Dragging has a keyboard twin: choose the municipalities, then the group.
        self.move_button = QPushButton(_("&Move to group…"))
        self.move_button.setToolTip(QKeySequence("Ctrl+M").toString(
            QKeySequence.SequenceFormat.NativeText))
        self.move_button.clicked.connect(self.ask_move)
        move_key = QShortcut(QKeySequence("Ctrl+M"), self, self.ask_move)
        move_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut = QShortcut(QKeySequence("Ctrl+L"), self, self.toggle_lock)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.scroll, self.wall, self.wall_layout = wall(_("The groups"))

        top = QHBoxLayout()
        top.addStretch(1)  # the tool's heading is above its tabs
        top.addWidget(self.propose_button)
        self.print_button = icon_button(_("Print (P&DF)…"), "print")
        self.print_button.clicked.connect(self.print_groups)
        top.addWidget(self.print_button)
        pick = QHBoxLayout()
        pick.addLayout(labelled_form([(_("&Grouping:"), self.grouping_choice)]), 1)
        pick.addWidget(self.summary, 2)
        actions = QHBoxLayout()
        say_whole_text_in_tooltip(self.move_button, self.lock_button, self.lock_group_button,
                                  self.resolve_button, self.together_button, self.apart_button)
        # In two rows (placing, then wishes), each narrower than a projector's 1024 pixels.
        for button in (self.move_button, self.lock_button, self.lock_group_button):
            actions.addWidget(button)
        actions.addStretch(1)
        wishes = QHBoxLayout()
        for button in (self.resolve_button, self.together_button, self.apart_button):
            wishes.addWidget(button)
        wishes.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(pick)
        self.points_hint = explanation(points_explained())
        layout.addWidget(self.points_hint)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(actions)
        layout.addLayout(wishes)
        layout.addWidget(self.message)
        self.load_when_shown = WhenShown(self, self.load)
        self.show_when_shown = WhenShown(self, self.show_grouping)
        ctx.changed.connect(self.on_changed)

    # -- reading and showing -------------------------------------------------------------------

    def load(self) -> None:
        kept = self.grouping_choice.currentData()
        saved = self.ctx.read(lambda s: grouping.groupings(s.db))
        self.grouping_choice.clear()
        for g in saved:
            self.grouping_choice.addItem(g.name, g.id)
        index = self.grouping_choice.findData(kept)
        self.grouping_choice.setCurrentIndex(index if index >= 0 else
                                             self.grouping_choice.count() - 1)
        self.show_grouping()

    def on_changed(self, changes) -> None:
        if changes.touches("grouping"):
            self.load_when_shown()
        elif changes.touches("grouping_member", "group_wish", "municipality", "answer"):
            self.show_when_shown()

    def current(self) -> grouping.Grouping | None:
        grouping_id = self.grouping_choice.currentData()
        if not grouping_id:
            return None
        return next((g for g in self.ctx.read(lambda s: grouping.groupings(s.db))
                     if g.id == grouping_id), None)

    def show_grouping(self) -> None:
        chosen = self.current()
        for button in (self.resolve_button, self.lock_button, self.lock_group_button,
                       self.together_button, self.apart_button, self.print_button,
                       self.move_button):
            button.setEnabled(chosen is not None)
        if chosen is None:
            self._set_columns(0)
            self.summary.setText(_("No groupings yet: Propose groups… makes the first."))
            return
        language = current_language()

        def read(session):
            db = session.db
            return (grouping.solution_of(db, chosen, language),
                    {p.municipality_id: p.locked for p in grouping.placements(db, chosen.id)},
                    municipality_service.taking_part(db), grouping.maturity(db), day_service.days(db))

        solution, locked, municipalities, (latest_round, levels), days = self.ctx.read(read)
        self.solution = solution
        themes = {t: labels[language] for t, labels in wicked_problem_themes().items()}
        by_id = {m.id: m for m in municipalities}
        settings = chosen.settings
        low, high = settings.get("min_size", 3), settings.get("max_size", 5)
        self._set_columns(len(solution.groups))
        for column, group in zip(self.columns, solution.groups, strict=True):
            size = len(group.members)
            state = "" if low <= size <= high else (
                "  ▲ " + _("too small: {n} < {low}").format(n=size, low=low) if size < low
                else "  ▲ " + _("too large: {n} > {high}").format(n=size, high=high))
            column.show_group(
                _("Group {k} · {points} points · {municipalities}").format(
                    k=column.number + 1, points=decimal(group.score),
                    municipalities=ngettext("{n} municipality", "{n} municipalities",
                                            size).format(n=size)) + state,
                "; ".join(group.reasons),
                [MunicipalityCard(m, by_id[m].name(language), " · ".join(part for part in (
                    themes.get(by_id[m].theme or "", ""),
                    (_("maturity {value}").format(value=decimal(levels[m])) if m in levels
                     else ""), by_id[m].region(language)) if part), locked.get(m, False))
                 for m in group.members if m in by_id])
        day = next((d for d in days if d.id == chosen.day_id), None)
        self.summary.setText(_("{points} points in all · {day} · maturity from {round}").format(
            points=decimal(solution.score), day=day_label(day) if day else _("no day"),
            round=latest_round.name_in(language) if latest_round
            else _("no self-assessment yet")))
        # What the points are, a pointer away: on a projector's 700 pixels four lines of it
        # above the groups left each list a line and a half.
        self.summary.setToolTip(points_explained())
        self.summary.setAccessibleDescription(points_explained())
        # Once the columns have their widths, which the layout gives them next.
        QTimer.singleShot(0, self.align_columns)

    def align_columns(self) -> None:
        """The groups' headings and reasons each as tall as the tallest: a group with a
        longer reason started its list lower than the others'."""
        same_height([column.heading for column in self.columns])
        same_height([column.reasons for column in self.columns])

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        show_if_room(self.points_hint, self)
        self.align_columns()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        # A column given another width: its labels take other heights, measured once the
        # layout is done with it.
        if (event.type() == QEvent.Type.Resize and watched in self.columns
                and event.size().width() != event.oldSize().width()):
            QTimer.singleShot(0, self.align_columns)
        return super().eventFilter(watched, event)

    def _set_columns(self, count: int) -> None:
        while len(self.columns) > count:
            column = self.columns.pop()
            column.hide()
            self.wall_layout.removeWidget(column)
            column.deleteLater()
        while len(self.columns) < count:
            column = GroupColumn(len(self.columns), self.wall)
            column.list.dropped.connect(lambda ids, c=column: self.on_drop(c, ids))
            column.installEventFilter(self)  # its width changes its labels' heights
            self.wall_layout.addWidget(column)
            self.columns.append(column)

    # -- changes ---------------------------------------------------------------------------------

    def _write(self, work) -> None:
        run_op(self.ctx, work, say=self.message)

    def on_drop(self, column: GroupColumn, ids: list[str]) -> None:
        chosen = self.current()
        moving = [m for m in ids if m not in column.ids()]
        if chosen is None or not moving:
            return

        self._write(lambda s: grouping.move(s, chosen.id, moving, column.number))

    def ask_move(self) -> QInputDialog | None:
        chosen, ids = self.current(), self.selected_ids()
        if chosen is None or not ids:
            self.message.setText(_("Choose a municipality first."))
            return None
        dialog = QInputDialog(self)
        dialog.setWindowTitle(_("Move to group"))
        dialog.setLabelText(_("To which group?"))
        names = [_("Group {k}").format(k=c.number + 1) for c in self.columns]
        dialog.setComboBoxItems(names)
        dialog.textValueSelected.connect(lambda name: self._write(lambda s: grouping.move(
            s, chosen.id, ids, names.index(name))))
        dialog.open()
        return dialog

    def selected_ids(self) -> list[str]:
        return [m for column in self.columns for m in column.list.selected_ids()]

    def toggle_lock(self) -> None:
        chosen, ids = self.current(), self.selected_ids()
        if chosen is None or not ids:
            self.message.setText(_("Choose a municipality first."))
            return
        locked = self.ctx.read(lambda s: {p.municipality_id: p.locked
                                          for p in grouping.placements(s.db, chosen.id)})
        make = not locked.get(ids[0], False)
        self._write(lambda s: grouping.set_locked(s, chosen.id, ids, make))

    def lock_group(self) -> None:
        chosen = self.current()
        column = next((c for c in self.columns if c.list.selected_ids()), None)
        if chosen is None or column is None:
            self.message.setText(_("Choose a municipality of the group first."))
            return
        self._write(lambda s: grouping.set_locked(s, chosen.id, column.ids(), True))

    def resolve_rest(self) -> None:
        chosen = self.current()
        if chosen is not None:
            language = current_language()
            self._write(lambda s: grouping.resolve_rest(s, chosen.id, language=language))

    def ask_wish(self, kind: str) -> QInputDialog | None:
        ids = self.selected_ids()
        if len(ids) != 1:
            self.message.setText(_("Choose one municipality first."))
            return None
        language = current_language()
        others = [(m.id, m.name(language)) for m in self.ctx.read(
            lambda s: municipality_service.taking_part(s.db)) if m.id != ids[0]]
        dialog = QInputDialog(self)
        dialog.setWindowTitle(_("Keep together") if kind == "together" else _("Keep apart"))
        dialog.setLabelText(_("With which municipality?"))
        dialog.setComboBoxItems([name for _id, name in others])
        dialog.textValueSelected.connect(lambda name: self._write(lambda s: grouping.add_wish(
            s, kind, ids[0], next(m for m, n in others if n == name))))
        dialog.open()
        return dialog

    def print_groups(self):
        chosen = self.current()
        if chosen is None:
            return None
        return choose_pdf(self, self.ctx, chosen.name, self.message,
                          lambda db, language: peer_documents.groups_document(
                              db, chosen.id, language))

    def open_propose(self) -> ProposeDialog:
        days = [(None, _("no day"))] + [(d.id, day_label(d)) for d in self.ctx.read(
            lambda s: day_service.days(s.db))]
        dialog = ProposeDialog(days, self)
        dialog.accepted.connect(lambda: self.propose(**dialog.values()))
        dialog.open()
        return dialog

    def propose(self, name: str, day_id: str | None, min_size: int, max_size: int,
                weights: core.Weights) -> None:
        def done(changes) -> None:
            proposal = changes.result
            self.grouping_choice.setCurrentIndex(
                self.grouping_choice.findData(proposal.grouping_id))
            self.show_grouping()
            self.message.setText((_("Proposed: {points} points, proven optimal.") if
                                  proposal.solution.optimal else _(
                                      "Proposed: {points} points, the best found in the time "
                                      "allowed.")).format(points=decimal(proposal.solution.score)))

        run_op(self.ctx, lambda s: grouping.propose_and_save(
            s, name, day_id=day_id, min_size=min_size, max_size=max_size, weights=weights,
            language=current_language()), say=self.message, quiet=True, done=done)
