"""Peer-review pairs in the window: a list with the reasons, and a matrix to see the whole."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ilmava_desktop.i18n import _, current_language, decimal
from ilmava_desktop.services import municipalities as municipality_service
from ilmava_desktop.services.groups import documents as peer_documents
from ilmava_desktop.services.groups import grouping, pairs
from ilmava_desktop.ui.context import AppContext
from ilmava_desktop.ui.groups.printing import choose_pdf
from ilmava_desktop.ui.icons import icon_button
from ilmava_desktop.ui.ops import run_op
from ilmava_desktop.ui.row_model import Column, RowTableModel
from ilmava_desktop.ui.widgets import (
    explanation,
    labelled_form,
    row_table,
    say_whole_text_in_tooltip,
    show_if_room,
)

LANGUAGE_COLUMN = 5  # of the pairs' table: said only where a pair shares no language


@dataclass(frozen=True)
class PairRow:
    id: str
    reviewer_id: str
    reviewee_id: str
    reviewer: str
    reviewee: str
    score: float
    reasons: str
    locked: bool
    done: bool
    shared_language: bool = True


class PairsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.dropped: list[tuple[str, str]] = []  # (id, name) of those who left
        self.reviews = QSpinBox()
        self.reviews.setRange(1, 6)
        self.reviews.setValue(2)
        self.reviews.setAccessibleName(_("Reviews per municipality"))
        self.mutual = QCheckBox(_("Allow &mutual pairs"))
        self.outside = QComboBox()
        self.outside.setMinimumWidth(120)  # gives way in a narrow window; its text as tooltip
        say_whole_text_in_tooltip(self.outside)
        self.outside.setAccessibleName(_("Not within the groups of"))
        self.propose_button = QPushButton(_("Propose &pairs"))
        self.propose_button.setToolTip(_("Locked and done pairs are kept"))
        self.propose_button.clicked.connect(self.propose)
        self.drop_button = QPushButton(_("&Drop out…"))
        self.drop_button.setToolTip(_("A municipality leaves the peer review: the others are "
                                      "re-paired, locked and done pairs kept"))
        self.drop_button.clicked.connect(self.ask_drop_out)
        self.back_button = QPushButton(_("&Bring back…"))
        self.back_button.setToolTip(_("A municipality that left the peer review takes part "
                                      "again from the next proposal"))
        self.back_button.clicked.connect(self.ask_bring_back)
        self.lock_button = QPushButton(_("&Lock / unlock"))
        self.lock_button.clicked.connect(lambda: self.toggle("locked"))
        self.done_button = QPushButton(_("D&one / not done"))
        self.done_button.clicked.connect(lambda: self.toggle("done"))
        self.model = RowTableModel([
            Column(_("Reviewing municipality"), lambda r: r.reviewer),
            Column(_("Reviewed municipality"), lambda r: r.reviewee),
            Column(_("Score"), lambda r: decimal(r.score), align_right=True),
            Column(_("Locked"), lambda r: _("locked") if r.locked else _("not locked"),
                   checked=lambda r: r.locked),
            Column(_("Done"), lambda r: _("done") if r.done else _("not done"),
                   checked=lambda r: r.done),
            Column(_("Language"), lambda r: "" if r.shared_language
                   else "▲ " + _("no shared language")),
            Column(_("Why"), lambda r: r.reasons),
        ], self)
        self.table = row_table(self.model, _("Peer-review pairs"), stretch=(6,), wrap=True)
        self.matrix_key = QLabel()
        self.matrix_key.setWordWrap(True)
        self.matrix = QTableWidget()
        self.matrix.setAccessibleName(_("Who reviews whom, as a matrix"))
        self.matrix.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        # The rules of a proposal in one row, what to keep apart and proposing in the next:
        # one row of all four does not fit a projector's 1024 pixels in Finnish.
        controls = QHBoxLayout()
        controls.addLayout(labelled_form([(_("Rev&iews each:"), self.reviews)]))
        controls.addWidget(self.mutual)
        controls.addStretch(1)
        proposing = QHBoxLayout()
        proposing.addLayout(labelled_form([(_("Not within the &groups of:"), self.outside)]), 1)
        proposing.addWidget(self.propose_button)
        self.print_button = icon_button(_("Print (P&DF)…"), "print")
        self.print_button.setToolTip(_("Each municipality's pairs with the roles to contact"))
        self.print_button.clicked.connect(lambda: choose_pdf(
            self, self.ctx, _("peer-review pairs"), self.message,
            peer_documents.pairs_document))
        actions = QHBoxLayout()
        for button in (self.lock_button, self.done_button, self.drop_button, self.back_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.print_button)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        matrix_side = QWidget()
        matrix_layout = QVBoxLayout(matrix_side)
        matrix_layout.setContentsMargins(0, 0, 0, 0)
        matrix_layout.addWidget(self.matrix_key)
        matrix_layout.addWidget(self.matrix, 1)
        split.addWidget(matrix_side)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addLayout(proposing)
        layout.addWidget(self.summary)
        self.points_hint = explanation("")
        layout.addWidget(self.points_hint)
        layout.addWidget(split, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)

    def load(self) -> None:
        language = current_language()

        def read(session):
            db = session.db
            return (municipality_service.taking_part(db), pairs.saved_pairs(db), grouping.groupings(db),
                    pairs.dropped(db))

        municipalities, saved, groupings, dropped = self.ctx.read(read)
        self.dropped = [(m.id, m.name(language)) for m in municipalities if m.id in dropped]
        self.back_button.setEnabled(bool(self.dropped))
        kept = self.outside.currentData()
        self.outside.clear()
        self.outside.addItem(_("(no grouping)"), None)
        for g in groupings:
            self.outside.addItem(g.name, g.id)
        index = self.outside.findData(kept)
        self.outside.setCurrentIndex(index if index >= 0 else 0)
        names = {m.id: m.name(language) for m in municipalities}
        rows = [PairRow(f"{p.reviewer_id}>{p.reviewee_id}", p.reviewer_id, p.reviewee_id,
                        names.get(p.reviewer_id, "?"), names.get(p.reviewee_id, "?"), p.score,
                        "", p.locked, p.done) for p in saved]
        reasons = self.reasons_for(rows)
        apart = self.ctx.read(lambda s: pairs.without_shared_language(s.db))
        rows = [PairRow(r.id, r.reviewer_id, r.reviewee_id, r.reviewer, r.reviewee, r.score,
                        reasons.get((r.reviewer_id, r.reviewee_id), ""), r.locked, r.done,
                        (r.reviewer_id, r.reviewee_id) not in apart)
                for r in sorted(rows, key=lambda r: (r.reviewer, r.reviewee))]
        self.model.set_rows(rows)
        self.fill_matrix(municipalities, rows, language)
        # The language column only when a pair has none in common: blank in every row it
        # read as a column nobody filled.
        self.table.setColumnHidden(LANGUAGE_COLUMN, all(r.shared_language for r in rows))
        # What the points are, a pointer away (on a projector's 700 pixels, four lines of it
        # left the pairs a row and a half).
        explained = _(
            "A pair scores, on the reviewed municipality's weakest themes, how much stronger "
            "the reviewer is there, and half a point each for another region and another "
            "development theme; no shared language costs points. The higher, the more the "
            "two can learn.")
        self.summary.setToolTip(explained)
        self.summary.setAccessibleDescription(explained)
        self.points_hint.setText(explained if rows else "")
        summary = (_("{n} pairs, {score} points in all.").format(
            n=len(rows), score=decimal(sum(r.score for r in rows)))
            if rows else _("No pairs yet: Propose pairs makes them from the self-assessments."))
        if self.dropped:
            summary += " " + _("Left the peer review: {names}.").format(
                names=", ".join(name for _id, name in self.dropped))
        self.summary.setText(summary)

    def reasons_for(self, rows: list[PairRow]) -> dict[tuple[str, str], str]:
        """Why each saved pair scores what it does, worded as the solver words it."""
        from ilmava_desktop.core.pairing import pair_score

        language = current_language()

        def read(session):
            return (pairs.reviewees(session.db), pairs.theme_titles(session.db, language))

        members, titles = self.ctx.read(read)
        by_id = {m.id: m for m in members}
        return {(r.reviewer_id, r.reviewee_id): "; ".join(pair_score(
            by_id[r.reviewer_id], by_id[r.reviewee_id], titles)[1])
            for r in rows if r.reviewer_id in by_id and r.reviewee_id in by_id}

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        show_if_room(self.points_hint, self)

    def fill_matrix(self, municipalities, rows: list[PairRow], language: str) -> None:
        # Rows review columns: the score marks the pair, so the mark is never colour alone.
        names = [m.name(language) for m in municipalities]
        ids = [m.id for m in municipalities]
        self.matrix.clear()
        self.matrix.setRowCount(len(ids))
        self.matrix.setColumnCount(len(ids))
        self.matrix.setVerticalHeaderLabels(names)
        # Columns by the municipality's official code: fifteen names side by side would not
        # fit a laptop's screen, and a cut name is no name. The code's name is its tooltip.
        for column, m in enumerate(municipalities):
            heading = QTableWidgetItem(m.code)
            heading.setToolTip(m.name(language))
            self.matrix.setHorizontalHeaderItem(column, heading)
        pairs_by = {(r.reviewer_id, r.reviewee_id): r for r in rows}
        for i, reviewer in enumerate(ids):
            for j, reviewee in enumerate(ids):
                pair = pairs_by.get((reviewer, reviewee))
                if pair is None:
                    continue
                # The score alone marks the pair (a number, never a colour), so that fifteen
                # columns fit a projector's width.
                item = QTableWidgetItem(decimal(pair.score))
                item.setToolTip(_("{reviewer} reviews {reviewee}").format(
                    reviewer=pair.reviewer, reviewee=pair.reviewee))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.matrix.setItem(i, j, item)
        # The columns share the matrix's width (sized to their codes, it filled half of it
        # at 1366 pixels); never narrower than a code and a score.
        self.matrix.resizeColumnsToContents()
        header = self.matrix.horizontalHeader()
        header.setMinimumSectionSize(max((header.sectionSize(c) for c in range(len(ids))),
                                         default=0))
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # The key to the columns' codes, in words: a code alone names nobody.
        self.matrix_key.setText(_("Columns: {key}.").format(key=" · ".join(
            f"{m.code} {m.name(language)}" for m in municipalities)))
        self.matrix.setToolTip(_("Each row's municipality reviews the municipalities of the "
                                 "columns where a score stands."))

    # -- changes --------------------------------------------------------------------------------

    def _write(self, work) -> None:
        run_op(self.ctx, work, say=self.message)

    def propose(self) -> None:
        k, mutual, outside = self.reviews.value(), self.mutual.isChecked(), \
            self.outside.currentData()
        language = current_language()
        self._write(lambda s: pairs.save(s, pairs.propose(s.db, k, mutual, outside,
                                                          language=language)))

    def chosen(self) -> PairRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def toggle(self, mark: str) -> None:
        row = self.chosen()
        if row is None:
            self.message.setText(_("Choose a pair first."))
            return
        value = not getattr(row, mark)
        self._write(lambda s: pairs.set_marks(s, row.reviewer_id, row.reviewee_id,
                                              **{mark: value}))

    def ask_bring_back(self) -> QInputDialog | None:
        if not self.dropped:
            return None
        dialog = QInputDialog(self)
        dialog.setWindowTitle(_("Bring back"))
        dialog.setLabelText(_("Which municipality takes part again?"))
        dialog.setComboBoxItems([name for _id, name in self.dropped])
        dropped = list(self.dropped)
        dialog.textValueSelected.connect(lambda name: self._write(lambda s: pairs.bring_back(
            s, next(m for m, n in dropped if n == name))))
        dialog.open()
        return dialog

    def ask_drop_out(self) -> QInputDialog:
        language = current_language()
        municipalities = [(m.id, m.name(language)) for m in self.ctx.read(
            lambda s: municipality_service.taking_part(s.db))]
        dialog = QInputDialog(self)
        dialog.setWindowTitle(_("Drop out"))
        dialog.setLabelText(_("Which municipality leaves the peer review?"))
        dialog.setComboBoxItems([name for _id, name in municipalities])
        k, mutual = self.reviews.value(), self.mutual.isChecked()
        dialog.textValueSelected.connect(lambda name: self._write(lambda s: pairs.drop_out(
            s, next(m for m, n in municipalities if n == name), k, mutual, language)))
        dialog.open()
        return dialog
