"""The Self-assessment tool: enter a sheet with the keyboard; the results build beside it."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ilmava_desktop.core import assessment as core
from ilmava_desktop.i18n import _, current_language
from ilmava_desktop.services import assessment
from ilmava_desktop.storage import queries
from ilmava_desktop.ui.assessment.sheet_grid import SheetGrid, SheetModel
from ilmava_desktop.ui.context import AppContext
from ilmava_desktop.ui.feedback import message_for
from ilmava_desktop.ui.row_model import Column, RowTableModel
from ilmava_desktop.ui.widgets import CommittingTextEdit, heading, labelled_form, row_table


@dataclass(frozen=True)
class ThemeGap:
    id: str
    title: str
    first: float | None
    second: float | None
    gap: float | None
    largest: bool


@dataclass(frozen=True)
class ThemeResult:
    id: str
    title: str
    own: float | None
    cohort: float | None


def _score(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}".replace(".", ",")


class AssessmentPage(QWidget):
    NAME = "assessment"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.template = None
        self.scores: dict[str, dict] = {}  # municipality id -> theme scores in this round
        self.round = QComboBox()
        self.round.setAccessibleName(_("Round"))
        self.add_round_button = QPushButton(_("New &round…"))
        self.add_round_button.clicked.connect(self.ask_round_name)
        self.municipality = QComboBox()
        self.municipality.setAccessibleName(_("Municipality"))
        self.sheet = QSpinBox()
        self.sheet.setRange(1, 50)
        self.sheet.setAccessibleName(_("Sheet"))
        self.sheets_label = QLabel()
        for widget in (self.round, self.municipality):
            widget.activated.connect(lambda _i: self.load_sheet())
            widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            widget.setMinimumContentsLength(14)
        self.sheet.valueChanged.connect(lambda _v: self.load_sheet())

        self.sheet_model = SheetModel(self)
        self.grid = SheetGrid(self.sheet_model)
        self.grid.answer_typed.connect(self.on_grid_answer_typed)
        self.grid.answer_cleared.connect(self.on_grid_answer_cleared)
        self.grid.selectionModel().currentRowChanged.connect(lambda *_a: self.show_statement())
        self.statement = QLabel()
        self.statement.setWordWrap(True)
        self.statement.setObjectName("statement")
        self.statement.setAccessibleName(_("Current statement"))
        self.scale = QLabel()
        self.scale.setWordWrap(True)
        self.scale.setAccessibleName(_("Answer scale"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.comment_heading = QLabel()
        self.comment_heading.setObjectName("heading2")
        self.strengths = CommittingTextEdit(_("Strengths of the theme"))
        self.development = CommittingTextEdit(_("Development areas of the theme"))
        for edit, kind in ((self.strengths, "strengths"), (self.development, "development_areas")):
            edit.setMaximumHeight(64)
            edit.editing_finished.connect(lambda e=edit, k=kind: self.save_comment(k, e))
        self.comment_theme: str | None = None
        self.comment_texts: dict[tuple[str, str], str] = {}

        self.results_model = RowTableModel([
            Column(_("Theme"), lambda r: r.title),
            Column(_("This municipality"), lambda r: _score(r.own), align_right=True),
            Column(_("Cohort average"), lambda r: _score(r.cohort), align_right=True),
        ], self)
        self.results = row_table(self.results_model, _("Theme scores"), stretch=(0,))
        self.gaps_heading = QLabel()
        self.gaps_heading.setObjectName("heading2")
        self.gaps_heading.setWordWrap(True)
        self.gaps_model = RowTableModel([
            Column(_("Theme"), lambda r: r.title),
            Column("1", lambda r: _score(r.first), align_right=True),
            Column("2", lambda r: _score(r.second), align_right=True),
            # The marker is a word as well as a sign: never colour alone.
            Column(_("Gap"), lambda r: ("" if r.gap is None else f"{r.gap:+.1f}".replace(
                ".", ",")) + ("  ▲ " + _("largest") if r.largest else ""), align_right=True),
        ], self)
        self.gaps = row_table(self.gaps_model, _("Gaps between the rounds"), stretch=(0,))

        pickers = QHBoxLayout()
        pickers.addLayout(labelled_form([(_("R&ound:"), self.round)]), 2)
        pickers.addWidget(self.add_round_button)
        pickers.addLayout(labelled_form([(_("&Municipality:"), self.municipality)]), 2)
        pickers.addLayout(labelled_form([(_("S&heet:"), self.sheet)]))
        pickers.addWidget(self.sheets_label)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.statement)
        left_layout.addWidget(self.scale)
        left_layout.addWidget(self.grid, 1)
        left_layout.addWidget(self.message)
        left_layout.addWidget(self.comment_heading)
        left_layout.addLayout(labelled_form([(_("S&trengths:"), self.strengths),
                                             (_("&Development areas:"), self.development)]))
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(heading(_("Results"), 2))
        right_layout.addWidget(self.results, 1)
        right_layout.addWidget(self.gaps_heading)
        right_layout.addWidget(self.gaps, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([650, 400])
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Self-assessment"), 1))
        layout.addLayout(pickers)
        layout.addWidget(splitter, 1)
        self.setFocusProxy(self.grid)
        ctx.cohort_opened.connect(self.load_choices)
        ctx.changed.connect(self.on_ctx_changed)

    # -- choices ---------------------------------------------------------------------

    def load_choices(self) -> None:
        language = current_language()
        kept_round, kept_municipality = self.round.currentData(), self.municipality.currentData()
        rounds = self.ctx.read(lambda s: assessment.rounds(s.db))
        municipalities = self.ctx.read(lambda s: queries.municipalities(s.db))
        self.round.clear()
        for r in rounds:
            self.round.addItem(r.name, r.id)
        self.municipality.clear()
        for m in municipalities:
            self.municipality.addItem(m.name(language), m.id)
        for combo, kept in ((self.round, kept_round), (self.municipality, kept_municipality)):
            index = combo.findData(kept) if kept else -1
            combo.setCurrentIndex(index if index >= 0 else 0)
        if not rounds:
            self.message.setText(_("No rounds yet: add one with New round…"))
        self.load_sheet()

    def on_ctx_changed(self, changes) -> None:
        if changes.touches("assessment_round", "municipality", "template"):
            self.load_choices()
        elif changes.tables == {"answer"} and isinstance(changes.result, str):
            self.reload_municipality()  # one key press: one municipality changed
        elif changes.touches("answer"):
            self.load_sheet(keep_row=True)

    def ask_round_name(self) -> None:
        dialog = QInputDialog(self)
        dialog.setWindowTitle(_("New round"))
        dialog.setLabelText(_("Name of the round, e.g. “Officials, January”:"))
        dialog.textValueSelected.connect(lambda name: self.ctx.write(
            self, lambda s: assessment.add_round(s, name)))
        dialog.open()

    # -- the sheet -------------------------------------------------------------------

    def load_sheet(self, keep_row: bool = False) -> None:
        """Read the round once: every municipality's scores are kept for the cohort average."""
        round_id, municipality_id = self.round.currentData(), self.municipality.currentData()
        if not (self.ctx.session and round_id and municipality_id):
            self.sheet_model.set_sheet(None, {}, current_language())
            self.results_model.set_rows([])
            return

        def read(session):
            current = next(r for r in assessment.rounds(session.db) if r.id == round_id)
            template = assessment.template(session.db, current.template_id)
            by_municipality: dict[str, list] = {}
            for answer in assessment.answers(session.db, round_id):
                by_municipality.setdefault(answer.municipality_id, []).append(answer)
            return template, by_municipality

        self.template, by_municipality = self.ctx.read(read)
        self.scores = {m_id: core.theme_scores(self.template, given)
                       for m_id, given in by_municipality.items()}
        self.load_comments()
        self.show_municipality(by_municipality.get(municipality_id, []), keep_row)

    def reload_municipality(self) -> None:
        """After an answer to this municipality: only its own answers are read again."""
        round_id, municipality_id = self.round.currentData(), self.municipality.currentData()
        given = self.ctx.read(lambda s: assessment.municipality_answers(s.db, round_id,
                                                                        municipality_id))
        self.scores[municipality_id] = core.theme_scores(self.template, given)
        self.show_municipality(given, keep_row=True)

    def show_municipality(self, given: list, keep_row: bool) -> None:
        municipality_id, sheet = self.municipality.currentData(), self.sheet.value()
        language = current_language()
        row = self.grid.currentIndex().row()
        values = {a.statement_id: a.value for a in given if a.sheet == sheet}
        self.sheet_model.set_sheet(self.template, values, language)
        self.sheets_label.setText(_("{n} sheets entered").format(n=len({a.sheet for a in given})))
        with_answers = [scores for m_id, scores in self.scores.items()
                        if m_id == municipality_id and given or m_id != municipality_id]
        theme_ids = [t.id for t in self.template.themes]
        cohort = core.cohort_average(with_answers, theme_ids)
        own = core.theme_scores(self.template, given)
        self.results_model.set_rows([
            ThemeResult(t.id, t.title[language], own.get(t.id), cohort.get(t.id))
            for t in self.template.themes])
        self.show_gaps()
        self.scale.setText("   ".join(
            f"{level.value} {level.label[language]}" for level in self.template.scale)
            + f"   0/E {self.template.no_answer[language]}   ⌫ " + _("clear"))
        self.grid.selectRow(max(0, row) if keep_row else 0)
        self.show_statement()

    def show_gaps(self) -> None:
        """The first two rounds side by side for this municipality (officials, politicians)."""
        rounds = [self.round.itemData(i) for i in range(min(2, self.round.count()))]
        names = [self.round.itemText(i) for i in range(min(2, self.round.count()))]
        municipality_id = self.municipality.currentData()
        if len(rounds) < 2 or not municipality_id:
            self.gaps_heading.setText(_("Two rounds are needed to compare them."))
            self.gaps_model.set_rows([])
            return

        def read(session):
            scores = []
            for round_id in rounds:
                current = next(r for r in assessment.rounds(session.db) if r.id == round_id)
                template = assessment.template(session.db, current.template_id)
                given = assessment.municipality_answers(session.db, round_id, municipality_id)
                scores.append(core.theme_scores(template, given))
            return scores

        first, second = self.ctx.read(read)
        all_gaps = core.gaps(first, second)
        largest = {g.theme_id for g in core.largest_gaps(all_gaps)}
        titles = {t.id: t.title[current_language()] for t in self.template.themes}
        self.gaps_heading.setText(_("1 = {first}, 2 = {second}").format(
            first=names[0], second=names[1]))
        self.gaps_model.set_rows([
            ThemeGap(g.theme_id, titles.get(g.theme_id, g.theme_id), g.first, g.second, g.gap,
                     g.theme_id in largest) for g in all_gaps])

    def show_statement(self) -> None:
        statement = self.sheet_model.statement_at(max(0, self.grid.currentIndex().row()))
        self.statement.setText(statement.text[current_language()] if statement else "")
        self.show_comments(self.template.theme_of(statement.id) if statement else None)

    # -- comments per theme ------------------------------------------------------------

    def load_comments(self) -> None:
        round_id, municipality_id = self.round.currentData(), self.municipality.currentData()
        self.comment_texts = self.ctx.read(
            lambda s: assessment.comments(s.db, round_id, municipality_id)) if round_id else {}
        self.show_comments(self.comment_theme, force=True)

    def show_comments(self, theme_id: str | None, force: bool = False) -> None:
        if theme_id == self.comment_theme and not force:
            return
        self.comment_theme = theme_id
        theme = next((t for t in self.template.themes if t.id == theme_id), None) if (
            self.template) else None
        self.comment_heading.setText(_("Comments on {theme}").format(
            theme=theme.title[current_language()]) if theme else "")
        for edit, kind in ((self.strengths, "strengths"), (self.development, "development_areas")):
            edit.setEnabled(theme is not None)
            edit.set_committed_text(self.comment_texts.get((theme_id, kind), ""))

    def save_comment(self, kind: str, edit) -> None:
        theme, text = self.comment_theme, edit.toPlainText()
        args = (self.round.currentData(), self.municipality.currentData())
        if theme and all(args):
            self.comment_texts[(theme, kind)] = text.strip()
            self.ctx.write(self, lambda s: assessment.set_comment(s, *args, theme, kind, text))

    def on_grid_answer_typed(self, statement_id: str, value) -> None:
        args = (self.round.currentData(), self.municipality.currentData(), self.sheet.value())
        self.ctx.door.run(
            lambda: assessment.record_answer(self.ctx.session, *args, statement_id, value),
            self.ctx.changed.emit, lambda exc: self.message.setText(message_for(exc)))

    def on_grid_answer_cleared(self, statement_id: str) -> None:
        args = (self.round.currentData(), self.municipality.currentData(), self.sheet.value())
        self.ctx.door.run(
            lambda: assessment.clear_answer(self.ctx.session, *args, statement_id),
            self.ctx.changed.emit, lambda exc: self.message.setText(message_for(exc)))
