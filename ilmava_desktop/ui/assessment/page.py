"""The Self-assessment tool: enter a sheet with the keyboard; the results build beside it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ilmava_desktop.core import assessment as core
from ilmava_desktop.i18n import _, current_language, decimal
from ilmava_desktop.services import assessment
from ilmava_desktop.services import municipalities as municipality_service
from ilmava_desktop.services.assessment.documents import write_paper_form
from ilmava_desktop.ui.assessment.projector import ProjectorView
from ilmava_desktop.ui.assessment.results_panel import LiveResults, ResultsPanel, ThemeGap
from ilmava_desktop.ui.assessment.round_dialog import RoundDialog
from ilmava_desktop.ui.assessment.sheet_grid import SheetGrid, SheetModel
from ilmava_desktop.ui.assessment.template_dialog import TemplateDialog
from ilmava_desktop.ui.context import AppContext
from ilmava_desktop.ui.file_dialogs import ask_save
from ilmava_desktop.ui.icons import icon, icon_button
from ilmava_desktop.ui.ops import run_op
from ilmava_desktop.ui.when_shown import WhenShown
from ilmava_desktop.ui.widgets import CommittingTextEdit, heading, labelled_form, say_whole_text_in_tooltip


class AssessmentPage(QWidget):
    NAME = "assessment"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.template = None
        # Per municipality with answers in the round: its theme scores, answer counts and
        # sheets. One key press re-reads one municipality; the cohort is summed from these.
        self.tally: assessment.RoundTally | None = None
        self.round = QComboBox()
        self.round.setAccessibleName(_("Round"))
        self.add_round_button = icon_button(_("New &round…"), "new")
        self.add_round_button.clicked.connect(self.ask_round_name)
        self.municipality = QComboBox()
        self.municipality.setAccessibleName(_("Municipality"))
        self.sheet = QSpinBox()
        self.sheet.setRange(1, core.MAX_SHEET)
        self.sheet.setAccessibleName(_("Sheet"))
        self.sheets_label = QLabel()
        for widget in (self.round, self.municipality):
            widget.activated.connect(lambda _i: self.load_sheet())
            widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            widget.setMinimumContentsLength(14)
        # A round's name is read whole ("Tjänstemannaledning, januari 2026"); a municipality's
        # shorter name takes what is left.
        self.round.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        say_whole_text_in_tooltip(self.round, self.municipality)
        self.round.setMinimumWidth(160)  # gives way in a narrow window
        self.municipality.setMinimumWidth(110)
        self.sheets_label.setWordWrap(True)
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
        self.comment_heading.setWordWrap(True)  # a long theme name wraps in a narrow window
        self.strengths = CommittingTextEdit(_("Strengths of the theme"))
        self.development = CommittingTextEdit(_("Development areas of the theme"))
        for edit, kind in ((self.strengths, "strengths"), (self.development, "development_areas")):
            edit.setMaximumHeight(64)
            edit.editing_finished.connect(lambda e=edit, k=kind: self.save_comment(k, e))
        self.comment_theme: str | None = None
        self.comment_texts: dict[tuple[str, str], str] = {}

        self.panel = ResultsPanel()
        for combo in (self.panel.first_round, self.panel.second_round):
            combo.activated.connect(lambda _i: self.show_gaps())
        self.projector_button = QPushButton(_("&Projector view"))
        self.projector_button.setIcon(icon("projector"))
        self.projector_button.setToolTip(_("Large, high-contrast results for the room (F5)"))
        self.projector_button.clicked.connect(self.open_projector)
        self.projector: ProjectorView | None = None
        projector_key = QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.open_projector)
        projector_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.live: LiveResults | None = None

        pickers = QHBoxLayout()
        pickers.addLayout(labelled_form([(_("R&ound:"), self.round)]))
        pickers.addWidget(self.add_round_button)
        pickers.addLayout(labelled_form([(_("&Municipality:"), self.municipality)]), 2)
        # The sheet being typed heads the answers it holds (one row of round, municipality
        # and sheet would not fit a projector's 1024 pixels).
        sheet_row = QHBoxLayout()
        sheet_row.addLayout(labelled_form([(_("&Sheet:"), self.sheet)]))
        sheet_row.addWidget(self.sheets_label, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(sheet_row)
        left_layout.addWidget(self.statement)
        left_layout.addWidget(self.scale)
        left_layout.addWidget(self.grid, 1)
        left_layout.addWidget(self.message)
        left_layout.addWidget(self.comment_heading)
        left_layout.addLayout(labelled_form([(_("Stre&ngths:"), self.strengths),
                                             (_("&Development areas:"), self.development)]))
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        results_heading = QHBoxLayout()
        results_heading.addWidget(heading(_("Results"), 2), 1)
        results_heading.addWidget(self.projector_button)
        right_layout.addLayout(results_heading)
        right_layout.addWidget(self.panel, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        # The results read whole at 1024 pixels too: at 650:400 their themes had a word's width.
        splitter.setSizes([560, 440])
        self.import_button = icon_button(_("&Import answers…"), "import")
        self.import_button.setToolTip(_("A round's answers from a survey export or a list, "
                                        "as CSV or XLSX"))
        self.import_button.clicked.connect(self.open_import)
        self.template_button = QPushButton(_("&Template…"))
        self.template_button.setToolTip(_("The themes, statements and scale new rounds use"))
        self.template_button.clicked.connect(self.open_template)
        self.form_button = icon_button(_("P&aper form (PDF)"), "print")
        self.form_button.setToolTip(_("The template as a form to print, in the language chosen"))
        form_menu = QMenu(self.form_button)
        for language, label in (("fi", "Suomeksi"), ("sv", "På svenska"), ("en", "In English")):
            form_menu.addAction(label, lambda lang=language: self.choose_form_file(lang))
        self.form_button.setMenu(form_menu)
        top = QHBoxLayout()
        top.addWidget(heading(_("Self-assessment"), 1), 1)
        top.addWidget(self.import_button)
        top.addWidget(self.template_button)
        top.addWidget(self.form_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(pickers)
        layout.addWidget(splitter, 1)
        self.setFocusProxy(self.grid)
        self.load_when_shown = WhenShown(self, self.load_choices)
        ctx.cohort_opened.connect(self.cohort_ready)
        ctx.changed.connect(self.on_ctx_changed)

    # -- choices ---------------------------------------------------------------------

    def cohort_ready(self) -> None:
        """A cohort was opened (or this page was built after it was)."""
        self.load_when_shown()

    def load_choices(self) -> None:
        language = current_language()
        kept_round, kept_municipality = self.round.currentData(), self.municipality.currentData()
        rounds = self.ctx.read(lambda s: assessment.rounds(s.db))
        municipalities = self.ctx.read(lambda s: municipality_service.taking_part(s.db))
        self.round.clear()
        for r in rounds:
            self.round.addItem(r.name_in(language), r.id)
        self.panel.set_rounds([(r.name_in(language), r.id) for r in rounds])
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
        if not self.isVisible():  # a change elsewhere: read it all when shown
            if changes.touches("assessment_round", "municipality", "template", "answer",
                               "theme_comment", "cohort"):
                self.load_when_shown()
            return
        if changes.touches("assessment_round", "municipality", "template"):
            self.load_choices()
        elif len(typed := changes.only("answer")) == 1:
            self.reload_municipality(next(iter(typed)))  # one key press (or its undo)
        elif changes.touches("answer"):
            self.load_sheet(keep_row=True)
        elif changes.touches("cohort"):  # the programme profile's gap threshold
            self.show_gaps()

    def ask_round_name(self) -> RoundDialog:
        dialog = RoundDialog(self)
        dialog.accepted.connect(lambda: run_op(
            self.ctx, lambda s: assessment.add_round(s, **dialog.names()), parent=self))
        dialog.open()
        return dialog

    def open_import(self):
        """The answers import for the round chosen; without a round, first make one."""
        from ilmava_desktop.ui.assessment.answer_import_dialog import AnswerImportDialog

        round_id = self.round.currentData()
        if round_id is None:
            self.message.setText(_("No rounds yet: add one with New round…"))
            return None
        round_name = self.ctx.read(lambda s: assessment.find_round(s.db, round_id).name)
        dialog = AnswerImportDialog(self.ctx, round_name, self)
        dialog.open()
        return dialog

    def open_template(self) -> TemplateDialog:
        dialog = TemplateDialog(self.ctx, self)
        dialog.open()
        return dialog

    def choose_form_file(self, language: str) -> None:
        name = {"fi": "itsearviointilomake", "sv": "sjalvvarderingsblankett",
                "en": "self-assessment-form"}[language]
        ask_save(self, _("Save as PDF"), f"{name}.pdf", _("PDF files (*.pdf)"),
                 lambda path: self.write_form(path, language))

    def write_form(self, path: Path, language: str) -> None:
        round_name = self.round.currentText() or None
        run_op(self.ctx, lambda s: write_paper_form(s, path, language, round_name),
               say=self.message)

    # -- the sheet -------------------------------------------------------------------

    def load_sheet(self, keep_row: bool = False) -> None:
        """Read the round once: every municipality's scores are kept for the cohort average."""
        round_id, municipality_id = self.round.currentData(), self.municipality.currentData()
        if not (self.ctx.session and round_id and municipality_id):
            self.sheet_model.set_sheet(None, {}, current_language())
            self.show_live(None)
            self.show_gaps()
            return

        def read(session):
            current = next(r for r in assessment.rounds(session.db) if r.id == round_id)
            template = assessment.template(session.db, current.template_id)
            by_municipality: dict[str, list] = {}
            for answer in assessment.answers(session.db, round_id):
                by_municipality.setdefault(answer.municipality_id, []).append(answer)
            return template, by_municipality

        self.template, by_municipality = self.ctx.read(read)
        self.tally = assessment.RoundTally(self.template)
        for m_id, given in by_municipality.items():
            self.tally.keep(m_id, given)
        self.load_comments()
        self.show_municipality(by_municipality.get(municipality_id, []), keep_row)

    def reload_municipality(self, answer_id: str) -> None:
        """After one answer: only its municipality's answers are read again."""
        round_id, current = self.round.currentData(), self.municipality.currentData()

        def read(session):
            where = assessment.answer_place(session.db, answer_id)
            if where is None or where[0] != round_id or where[1] != current:
                return where, None
            return where, assessment.municipality_answers(session.db, round_id, current)

        def show(found) -> None:
            where, given = found
            if (round_id, current) != (self.round.currentData(),
                                       self.municipality.currentData()):
                return  # another sheet was chosen meanwhile and read in full
            if where is None or where[0] != round_id:
                return  # another round's answer: nothing shown here changed
            if given is None:  # an undo in another municipality moves the average
                self.load_sheet(keep_row=True)
                return
            self.tally.keep(current, given)
            self.show_municipality(given, keep_row=True)

        # Not waited for: the grid takes the next key press while this is read.
        self.ctx.read_then(read, show)

    def show_municipality(self, given: list, keep_row: bool) -> None:
        sheet = self.sheet.value()
        language = current_language()
        row = self.grid.currentIndex().row()
        values = {a.statement_id: a.value for a in given if a.sheet == sheet}
        if keep_row:
            self.sheet_model.update_values(self.template, values, language)
        else:
            self.sheet_model.set_sheet(self.template, values, language)
        self.sheets_label.setText(_("{n} sheets entered").format(n=len({a.sheet for a in given})))
        self.show_live(self.live_results(given))
        self.show_gaps()
        # Each key with its words kept on one line (no-break spaces): the line wraps only
        # between them, never inside "0/E En osaa sanoa".
        keys = [f"{level.value} {level.label[language]}" for level in self.template.scale]
        # E is the Finnish "En osaa sanoa": a key hint only in Finnish (it works in every
        # language), 0 everywhere.
        # A word joiner each side of the slash: lines break after "/" otherwise ("0/" and
        # "E En osaa sanoa" on two lines).
        no_answer_keys = "0\u2060/\u2060E" if language == "fi" else "0"
        keys.append(f"{no_answer_keys} {self.template.no_answer[language]}")
        keys.append("⌫ " + _("clear"))
        self.scale.setText("   ".join(key.replace(" ", "\u00a0") for key in keys))
        self.grid.selectRow(max(0, row) if keep_row else 0)
        self.show_statement()

    def live_results(self, given: list) -> LiveResults:
        language, template, tally = current_language(), self.template, self.tally
        return LiveResults(
            round_name=self.round.currentText(), municipality=self.municipality.currentText(),
            themes=[(t.id, t.title[language]) for t in template.themes],
            own=core.theme_scores(template, given), cohort=tally.cohort(),
            own_sheets=core.sheet_count(given), cohort_sheets=tally.cohort_sheets,
            municipalities_answered=tally.municipalities_answered, counts=tally.pooled_counts(),
            levels=[(level.value, level.label[language]) for level in template.scale]
            + [(None, template.no_answer[language])],
            scale=template.values)

    def show_live(self, live: LiveResults | None) -> None:
        self.live = live
        self.panel.show_results(live)
        if self.projector is not None and self.projector.isVisible():
            self.projector.show_results(live)

    def open_projector(self) -> None:
        if self.projector is None:
            self.projector = ProjectorView(self)
        self.projector.show_results(self.live)
        self.projector.show()
        self.projector.raise_()
        self.projector.activateWindow()

    def show_gaps(self) -> None:
        """The two chosen rounds side by side for this municipality (officials, politicians)."""
        first_id, second_id = (self.panel.first_round.currentData(),
                               self.panel.second_round.currentData())
        municipality_id = self.municipality.currentData()
        if not (first_id and second_id and municipality_id and self.template) or (
                first_id == second_id):
            self.panel.show_gaps([], _("Choose two different rounds to compare them."),
                                 None, [], range(1, 6))
            return

        def read(session):
            scores = []
            for round_id in (first_id, second_id):
                current = next(r for r in assessment.rounds(session.db) if r.id == round_id)
                template = assessment.template(session.db, current.template_id)
                given = assessment.municipality_answers(session.db, round_id, municipality_id)
                scores.append(core.theme_scores(template, given))
            return scores, assessment.gap_threshold(session.db)

        (first, second), threshold = self.ctx.read(read)
        all_gaps = core.gaps(first, second)
        largest = {g.theme_id for g in core.largest_gaps(all_gaps, threshold=threshold)}
        titles = {t.id: t.title[current_language()] for t in self.template.themes}
        names = (self.panel.first_round.currentText(), self.panel.second_round.currentText())
        note = _("{municipality}: 1 = {first}, 2 = {second}; the largest gaps of {threshold} "
                 "or more are marked ▲.").format(
            municipality=self.municipality.currentText(), first=names[0], second=names[1],
            threshold=decimal(threshold))
        self.panel.show_gaps(
            [ThemeGap(g.theme_id, titles.get(g.theme_id, g.theme_id), g.first, g.second, g.gap,
                      g.theme_id in largest) for g in all_gaps], note, names,
            list(titles.items()), self.template.values)

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
        round_id, municipality_id = self.round.currentData(), self.municipality.currentData()
        if theme and round_id and municipality_id:
            self.comment_texts[(theme, kind)] = text.strip()
            run_op(self.ctx, lambda s: assessment.set_comment(
                s, round_id=round_id, municipality_id=municipality_id, theme_id=theme, kind=kind,
                text=text), parent=self)

    def sheet_place(self) -> dict:
        """Which sheet the grid is typing into."""
        return {"round_id": self.round.currentData(),
                "municipality_id": self.municipality.currentData(), "sheet": self.sheet.value()}

    def on_grid_answer_typed(self, statement_id: str, value) -> None:
        place = self.sheet_place()
        run_op(self.ctx, lambda s: assessment.record_answer(
            s, **place, statement_id=statement_id, value=value), say=self.message, quiet=True,
            failed=self.on_answer_refused)

    def on_grid_answer_cleared(self, statement_id: str) -> None:
        place = self.sheet_place()
        run_op(self.ctx, lambda s: assessment.clear_answer(s, **place, statement_id=statement_id),
               say=self.message, quiet=True, failed=self.on_answer_refused)

    def on_answer_refused(self, _exc: BaseException) -> None:
        # The grid showed the key at once; what the sheet really holds is shown again.
        self.load_sheet(keep_row=True)
