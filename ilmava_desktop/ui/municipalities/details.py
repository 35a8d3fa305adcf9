"""A municipality's application data and development task, saved as it is edited."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ilmava_desktop.core import selection as selection_core
from ilmava_desktop.core.dates import format_date, parse_date
from ilmava_desktop.core.model import Municipality
from ilmava_desktop.i18n import _, current_language, parse_whole, whole
from ilmava_desktop.resources import wicked_problem_themes
from ilmava_desktop.services import municipalities as municipality_service
from ilmava_desktop.services.municipalities import selection as selection_service
from ilmava_desktop.services.municipalities import update_municipality
from ilmava_desktop.ui.context import AppContext
from ilmava_desktop.ui.ops import run_op
from ilmava_desktop.ui.widgets import CommittingTextEdit, heading, say_whole_text_in_tooltip

NARROW = 380  # pixels: below this, the forms' labels go above their fields


class MunicipalityDetails(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.municipality_id: str | None = None
        self.title = heading("", 1)
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)

        language = current_language()
        self.theme = QComboBox()
        self.theme.setAccessibleName(_("Theme of the development task"))
        self.theme.addItem(_("— not chosen —"), None)
        for theme_id, labels in wicked_problem_themes().items():
            self.theme.addItem(labels[language], theme_id)
        # A theme is read whole: the combo is as wide as the longest theme's name, and the
        # page gives the details that room beside the list.
        self.theme.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        # ... and in a narrower window gives way (its whole name in its tooltip) rather than
        # push the panel past its edge.
        self.theme.setMinimumWidth(160)
        say_whole_text_in_tooltip(self.theme)
        self.problem = CommittingTextEdit(_("Wicked problem"))
        self.problem.setMaximumHeight(80)
        self.target = QComboBox()
        self.target.setAccessibleName(_("Council climate target"))
        for text, value in ((_("not known"), None), (_("yes"), True), (_("no"), False)):
            self.target.addItem(text, value)
        self.state = CommittingTextEdit(_("Current state"))
        self.state.setMaximumHeight(70)
        self.challenges = CommittingTextEdit(_("Challenges"))
        self.challenges.setMaximumHeight(70)
        self.status_line = QLabel()
        self.status_line.setWordWrap(True)
        self.status_line.setAccessibleName(_("Status and what the application lacks"))
        self.said = QLabel()
        self.said.setWordWrap(True)
        self.funding = QCheckBox(_("Own funding committed"))
        self.amount = QLineEdit()
        self.amount.setAccessibleName(_("Own funding in euros"))
        self.invoiced = QLineEdit()
        self.invoiced.setAccessibleName(_("Own funding invoiced on"))
        self.paid = QLineEdit()
        self.paid.setAccessibleName(_("Own funding paid on"))
        for edit in (self.invoiced, self.paid):
            edit.setPlaceholderText(_("d.m.yyyy"))

        task = QGroupBox(_("Development task"))
        task_form = QFormLayout(task)
        task_form.addRow(_("&Theme:"), self.theme)
        task_form.addRow(_("&Wicked problem:"), self.problem)
        application = QGroupBox(_("Application"))
        app_form = QFormLayout(application)
        app_form.addRow(_("C&ouncil climate target:"), self.target)
        app_form.addRow(_("Current &state:"), self.state)
        app_form.addRow(_("&Challenges:"), self.challenges)
        app_form.addRow("", self.funding)
        money = QGroupBox(_("Own funding"))
        money_form = QFormLayout(money)
        money_form.addRow(_("A&mount (€):"), self.amount)
        money_form.addRow(_("I&nvoiced:"), self.invoiced)
        money_form.addRow(_("&Paid:"), self.paid)
        # Labels above their fields where the panel is narrow: a theme's whole name and the
        # texts get the panel's width.
        task_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        for form in (app_form, money_form):
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.side_forms = (app_form, money_form)
        for form in (task_form, app_form, money_form):
            for row in range(form.rowCount()):
                label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
                field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
                if label and field and isinstance(label.widget(), QLabel):
                    label.widget().setBuddy(field.widget())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.status_line)
        layout.addWidget(self.said)
        layout.addWidget(task)
        layout.addWidget(application)
        layout.addWidget(money)

        self.theme.activated.connect(lambda _i: self._save(theme=self.theme.currentData()))
        self.target.activated.connect(lambda _i: self._save(council_target=self.target.currentData()))
        self.funding.clicked.connect(lambda checked: self._save(funding_committed=checked))
        self.amount.editingFinished.connect(self._save_amount)
        self.invoiced.editingFinished.connect(lambda: self._save_date("invoiced", self.invoiced))
        self.paid.editingFinished.connect(lambda: self._save_date("paid", self.paid))
        self.problem.editing_finished.connect(
            lambda: self._save(wicked_problem=self.problem.toPlainText()))
        self.state.editing_finished.connect(
            lambda: self._save(current_state=self.state.toPlainText()))
        self.challenges.editing_finished.connect(
            lambda: self._save(challenges=self.challenges.toPlainText()))
        ctx.changed.connect(self.on_ctx_changed)
        self.show_municipality(None)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """In a narrow pane (a projector's 1024 pixels) every label goes above its field:
        beside it, the texts had a word's width."""
        super().resizeEvent(event)
        policy = (QFormLayout.RowWrapPolicy.WrapAllRows if event.size().width() < NARROW
                  else QFormLayout.RowWrapPolicy.WrapLongRows)
        for form in self.side_forms:
            if form.rowWrapPolicy() != policy:
                form.setRowWrapPolicy(policy)

    def show_municipality(self, municipality_id: str | None) -> None:
        self.municipality_id = municipality_id
        municipality = (self.ctx.read(lambda s: municipality_service.municipality(s.db, municipality_id))
                        if municipality_id else None)
        self._fill(municipality)

    def on_ctx_changed(self, changes) -> None:
        if changes.touches("municipality") and self.municipality_id:
            self.show_municipality(self.municipality_id)

    def _fill(self, m: Municipality | None) -> None:
        for widget in (self.theme, self.problem, self.target, self.state, self.challenges,
                       self.funding, self.amount, self.invoiced, self.paid):
            widget.setEnabled(m is not None)
        if m is None:
            self.title.setText(_("No municipality chosen"))
            self.subtitle.setText(_("Choose a municipality from the list, or add one."))
            self.status_line.setText("")
            for edit in (self.problem, self.state, self.challenges):
                edit.set_committed_text("")
            for line in (self.amount, self.invoiced, self.paid):
                line.setText("")
            return
        language = current_language()
        self.title.setText(m.name(language))
        self.subtitle.setText(_("{code} · {region} · reports in {language}").format(
            code=m.code, region=m.region(language),
            language={"fi": _("Finnish"), "sv": _("Swedish")}[m.main_language]))
        self.theme.setCurrentIndex(max(0, self.theme.findData(m.theme)))
        self.target.setCurrentIndex(max(0, self.target.findData(m.council_target)))
        self.funding.setChecked(selection_core.criteria(m).own_funding)
        missing = selection_core.missing(m, language)
        status = _("Status: {status}").format(
            status=selection_core.status_label(m.status, language))
        self.status_line.setText(status + ("\n" + _("Missing: {what}").format(
            what="; ".join(missing)) if missing else ""))
        self.status_line.setStyleSheet("color: #8a4b00;" if missing else "")
        funding = self.ctx.read(lambda s: selection_service.funding_of(s.db, m.id))
        self.amount.setText("" if m.funding_amount is None else whole(m.funding_amount))
        self.amount.setPlaceholderText(whole(funding.amount) if funding and funding.amount
                                       is not None else "")
        self.invoiced.setText(format_date(m.funding_invoiced))
        self.paid.setText(format_date(m.funding_paid) if m.funding_paid else (
            _("paid") if m.own_funding_paid else ""))
        self.problem.set_committed_text(m.wicked_problem)
        self.state.set_committed_text(m.current_state)
        self.challenges.set_committed_text(m.challenges)

    def _save(self, **fields) -> None:
        row_id = self.municipality_id
        if row_id:
            run_op(self.ctx, lambda s: update_municipality(s, row_id, **fields), parent=self,
                   say=self.said)

    def _save_amount(self) -> None:
        row_id, text = self.municipality_id, self.amount.text()
        if not row_id or self.ctx.session is None:
            return
        try:
            amount = parse_whole(text)
        except ValueError:
            self.said.setText(_("“{text}” is not a whole number").format(text=text.strip()))
            return
        current = self.ctx.read(lambda s: municipality_service.municipality(s.db, row_id))
        if current is not None and current.funding_amount == amount:
            return
        run_op(self.ctx, lambda s: selection_service.set_funding(s, row_id, amount=amount),
               parent=self, say=self.said)

    def _save_date(self, which: str, edit: QLineEdit) -> None:
        row_id, text = self.municipality_id, edit.text().strip()
        if not row_id or self.ctx.session is None:
            return
        current = self.ctx.read(lambda s: municipality_service.municipality(s.db, row_id))
        if current is None:
            return
        before = current.funding_invoiced if which == "invoiced" else current.funding_paid
        if which == "paid" and text == _("paid") and current.own_funding_paid:
            return
        try:
            value = parse_date(text)
        except ValueError:
            self.said.setText(_("“{text}” is not a date like 28.1.2027").format(text=text))
            return
        if value == before:
            return
        run_op(self.ctx, lambda s: selection_service.set_funding(s, row_id, **{which: value}),
               parent=self, say=self.said)
