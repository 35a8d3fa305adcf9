"""The Reports tool: each municipality's PDF, previewed, exported one, some or all at once,
and the cohort's publishable summary."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ilmava_desktop.i18n import _, current_language
from ilmava_desktop.services import municipalities as municipality_service
from ilmava_desktop.services.reports import export as report_export
from ilmava_desktop.services.reports import preview as report_preview
from ilmava_desktop.ui.context import AppContext
from ilmava_desktop.ui.feedback import message_for
from ilmava_desktop.ui.file_dialogs import ask_save
from ilmava_desktop.ui.icons import icon_button
from ilmava_desktop.ui.ops import run_op
from ilmava_desktop.ui.reports.batch import ReportBatch
from ilmava_desktop.ui.reports.pages_view import PagesView
from ilmava_desktop.ui.reports.texts import ReportTextEditor
from ilmava_desktop.ui.when_shown import WhenShown
from ilmava_desktop.ui.widgets import above_and_below, heading, labelled_form

OWN_LANGUAGE = "own"


A4_WIDTH_POINTS = 595  # a report page's width; the preview's scale is pixels per point


class ReportsPage(QWidget):
    NAME = "reports"
    _batch_finished = Signal(list, bool)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, executor=None):
        super().__init__(parent)
        self.ctx = ctx
        self.executor = executor  # None: a worker thread of its own for each batch
        self.batch: ReportBatch | None = None
        self.folder: Path | None = None
        self.municipalities = QListWidget()
        self.municipalities.setAccessibleName(_("Municipalities to report on"))
        self.municipalities.currentItemChanged.connect(lambda *_a: self.preview())
        self.language = QComboBox()
        self.language.setAccessibleName(_("Language of the reports"))
        for data, label in ((OWN_LANGUAGE, _("Each municipality's own")), ("fi", "Suomi"),
                            ("sv", "Svenska"), ("en", "English")):
            self.language.addItem(label, data)
        self.language.activated.connect(lambda _i: self.preview())
        self.names = QCheckBox(_("&Name the participants"))
        self.names.setToolTip(_("By default the reports give roles and counts, not names"))
        self.names.toggled.connect(lambda _b: self.preview())
        self.all_button = QPushButton(_("Choose &all"))
        self.all_button.clicked.connect(lambda: self.check_all(True))
        self.none_button = QPushButton(_("Choose n&one"))
        self.none_button.clicked.connect(lambda: self.check_all(False))
        self.export_button = icon_button(_("Ex&port the chosen reports…"), "export")
        self.export_button.clicked.connect(self.choose_folder)
        self.cancel_button = QPushButton(_("&Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setEnabled(False)
        self.open_button = QPushButton(_("Open &the folder"))
        self.open_button.clicked.connect(self.open_folder)
        self.open_button.setEnabled(False)
        self.summary_button = icon_button(_("Cohort &summary (PDF)…"), "print")
        self.summary_button.setToolTip(_("Fit to publish: no confidential card, no names"))
        self.summary_button.clicked.connect(self.choose_summary_file)
        self.name_municipalities = QCheckBox(_("Name the &municipalities in the summary"))
        self.progress = QProgressBar()
        self.progress.setAccessibleName(_("Export progress"))
        self.progress.setTextVisible(True)
        self.progress.hide()  # shown while reports are written, and after
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.preview_pages = PagesView()
        self.texts = ReportTextEditor(ctx)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.municipalities, 1)
        choose = QHBoxLayout()
        choose.addWidget(self.all_button)
        choose.addWidget(self.none_button)
        left_layout.addLayout(choose)
        left_layout.addLayout(labelled_form([(_("&Language:"), self.language)]))
        left_layout.addWidget(self.names)
        left_layout.addWidget(self.export_button)
        left_layout.addWidget(self.progress)
        actions = QHBoxLayout()
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.open_button)
        left_layout.addLayout(actions)
        left_layout.addSpacing(12)
        left_layout.addWidget(self.name_municipalities)
        left_layout.addWidget(self.summary_button)
        # The texts' heading names whose they are; texts and preview share the height,
        # the divider between them movable (the preview had a third of a laptop's height).
        self.texts_heading = heading(_("Summary and next steps"), 2)
        editing = QWidget()
        editing_layout = QVBoxLayout(editing)
        editing_layout.setContentsMargins(0, 0, 0, 0)
        editing_layout.addWidget(self.texts_heading)
        editing_layout.addWidget(self.texts)
        previewing = QWidget()
        previewing_layout = QVBoxLayout(previewing)
        previewing_layout.setContentsMargins(0, 0, 0, 0)
        previewing_layout.addWidget(heading(_("Preview"), 2))
        previewing_layout.addWidget(self.preview_pages, 1)
        right = above_and_below(editing, previewing, (2, 3))
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([320, 700])
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Reports"), 1))
        layout.addWidget(split, 1)
        layout.addWidget(self.message)
        self.load_when_shown = WhenShown(self, self.load)
        # The preview drawn again for a new width, once the window has stopped changing.
        self.redraw = QTimer(self)
        self.redraw.setSingleShot(True)
        self.redraw.setInterval(200)
        self.redraw.timeout.connect(self.preview)
        self.drawn_for = 0
        ctx.cohort_opened.connect(self.cohort_ready)
        # A change anywhere may change a report: the preview is redrawn when next seen.
        ctx.changed.connect(WhenShown(self, self.preview))

    # -- choosing ------------------------------------------------------------------------------

    def cohort_ready(self) -> None:
        """A cohort was opened (or this page was built after it was)."""
        self.load_when_shown()

    def load(self) -> None:
        language = current_language()
        self.municipalities.clear()
        for m in self.ctx.read(lambda s: municipality_service.taking_part(s.db)):
            item = QListWidgetItem(m.name(language))
            item.setData(Qt.ItemDataRole.UserRole, m.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.municipalities.addItem(item)
        if self.municipalities.count():
            self.municipalities.setCurrentRow(0)

    def check_all(self, checked: bool) -> None:
        for i in range(self.municipalities.count()):
            self.municipalities.item(i).setCheckState(
                Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def chosen_ids(self) -> list[str]:
        return [self.municipalities.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.municipalities.count())
                if self.municipalities.item(i).checkState() == Qt.CheckState.Checked]

    def report_language(self) -> str | None:
        data = self.language.currentData()
        return None if data == OWN_LANGUAGE else data

    # -- preview -------------------------------------------------------------------------------

    def preview(self) -> None:
        item = self.municipalities.currentItem()
        self.texts.show_for(item.data(Qt.ItemDataRole.UserRole) if (
            item is not None and self.ctx.session is not None) else None)
        self.texts_heading.setText(_("Summary and next steps: {municipality}").format(
            municipality=item.text()) if item is not None else _("Summary and next steps"))
        if item is None or self.ctx.session is None:
            self.preview_pages.show_pages([])
            return
        municipality_id = item.data(Qt.ItemDataRole.UserRole)
        language, names = self.report_language(), self.names.isChecked()
        # The same PDF the export writes, its pages drawn as wide as the pane has room for
        # (at most a little over their printed size): at 1024 pixels a page wider than the
        # pane was read by scrolling sideways.
        pane = self.preview_pages
        room = pane.viewport().width() - pane.verticalScrollBar().sizeHint().width() - 40
        fit = room / A4_WIDTH_POINTS if room > 200 else 1.1
        scale = self.devicePixelRatioF() * min(1.1, max(0.5, fit))
        self.drawn_for = pane.viewport().width()
        self.preview_pages.show_pages(self.ctx.read(lambda s: report_preview.report_pages(
            s.db, municipality_id, language=language, names=names, scale=scale)))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if self.isVisible() and abs(self.preview_pages.viewport().width() - self.drawn_for) > 40:
            self.redraw.start()

    # -- export --------------------------------------------------------------------------------

    def choose_folder(self) -> QFileDialog | None:
        if not self.chosen_ids():
            self.message.setText(_("Choose at least one municipality."))
            return None
        dialog = QFileDialog(self, _("Folder for the reports"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly)
        dialog.fileSelected.connect(lambda path: self.export_to(Path(path)))
        dialog.open()
        return dialog

    def export_to(self, folder: Path) -> None:
        ids = self.chosen_ids()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            language, names = self.report_language(), self.names.isChecked()
            jobs = self.ctx.read(lambda s: report_export.report_jobs(s.db, ids, folder,
                                                                      language, names))
        except Exception as exc:  # a folder that cannot be made: said, nothing written
            self.message.setText(message_for(exc))
            return
        self.folder = folder
        self.batch = ReportBatch(jobs, self.executor, self)
        self.batch.progress.connect(self.on_progress)
        self.batch.finished.connect(self.on_finished)
        self.batch.finished.connect(self._batch_finished)
        self.batch.failed.connect(self.on_failed)
        self.progress.setRange(0, len(jobs))
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.setEnabled(True)
        self.export_button.setEnabled(False)
        self.open_button.setEnabled(False)
        self.message.setText(_("Writing {n} reports…").format(n=len(jobs)))
        self.batch.start()

    def finished_signal(self):
        """The signal a batch gives when it ends; the page makes one batch per export."""
        return self._batch_finished

    def on_progress(self, done: int, total: int, path: str) -> None:
        self.progress.setValue(done)
        self.message.setText(_("{done} of {total}: {name}").format(
            done=done, total=total, name=Path(path).name))

    def on_finished(self, written: list, cancelled: bool) -> None:
        self.cancel_button.setEnabled(False)
        self.export_button.setEnabled(True)
        self.open_button.setEnabled(bool(written))
        self.message.setText((_("Cancelled after {n} reports; those are in {folder}.") if
                              cancelled else _("Wrote {n} reports to {folder}.")).format(
            n=len(written), folder=self.folder))

    def on_failed(self, text: str) -> None:
        self.cancel_button.setEnabled(False)
        self.export_button.setEnabled(True)
        self.message.setText(text)

    def cancel(self) -> None:
        if self.batch is not None and self.batch.running:
            self.batch.cancel()

    def open_folder(self) -> None:
        if self.folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))

    def choose_summary_file(self) -> QFileDialog:
        return ask_save(self, _("Save as PDF"), _("lessons of the cohort") + ".pdf",
                        _("PDF files (*.pdf)"), self.write_summary)

    def write_summary(self, path: Path) -> None:
        language = self.report_language() or current_language()
        named = self.name_municipalities.isChecked()
        run_op(self.ctx, lambda s: report_export.write_summary(s.db, path, language, named),
               say=self.message)
