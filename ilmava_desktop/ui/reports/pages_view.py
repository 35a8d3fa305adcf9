"""The report's pages, one under another, as images of the PDF itself."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from ilmava_desktop.i18n import _
from ilmava_desktop.services.reports.preview import PageImage


class PagesView(QScrollArea):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(_("Preview of the report"))
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.inner = QWidget()
        self.inner.setStyleSheet("background: #8a939e;")  # pages stand out as paper
        self.column = QVBoxLayout(self.inner)
        self.column.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.column.setSpacing(12)
        self.setWidget(self.inner)
        self.pages: list[QLabel] = []

    def show_pages(self, pages: list[PageImage]) -> None:
        for label in self.pages:
            label.deleteLater()
        self.pages = []
        for number, page in enumerate(pages, start=1):
            image = QImage(page.rgb, page.width, page.height, page.stride,
                           QImage.Format.Format_RGB888)
            label = QLabel()
            # QImage borrows the bytes: the pixmap is a copy that outlives them.
            label.setPixmap(QPixmap.fromImage(image.copy()))
            label.setAccessibleName(_("Page {page} of {pages}").format(page=number,
                                                                       pages=len(pages)))
            label.setAccessibleDescription(page.text)
            self.column.addWidget(label)
            self.pages.append(label)

    def texts(self) -> str:
        """Everything the pages say, in order (what a screen reader reads)."""
        return "\n".join(label.accessibleDescription() for label in self.pages)
