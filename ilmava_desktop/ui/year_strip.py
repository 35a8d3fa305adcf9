"""Where the cohort is in its year: the programme's periods in a strip, the current one
marked, with a sentence for screen readers."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtWidgets import QLabel, QWidget

from ilmava_desktop.i18n import _, current_language
from ilmava_desktop.ui.context import AppContext


class YearStrip(QLabel):
    """"1 Avajaiset · 2 … · ▶ 4 Kuntakohtainen sparraus 1.5.–31.8.2026 · 5 …"."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 today: date | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.today = today
        self.setObjectName("yearStrip")
        self.setWordWrap(True)
        self.setTextFormat(self.textFormat().RichText)
        ctx.cohort_opened.connect(self.refresh)
        ctx.changed.connect(lambda changes: changes.touches("cohort") and self.refresh())

    def refresh(self) -> None:
        # Imported here: the window's first frame is drawn before any cohort is read.
        from ilmava_desktop.services.cohort import programme as programme_service

        if self.ctx.session is None:
            self.clear()
            return
        language = current_language()
        today = self.today or date.today()
        periods, where = self.ctx.read(lambda s: (
            programme_service.timeline(s.db, language, today),
            programme_service.where_now(s.db, language, today)))
        self.setVisible(bool(periods))
        parts = []
        for number, name, dates, state in periods:
            text = f"{number} {escape(name)}"
            if state == "now":
                parts.append(f"<b>▶ {text} {escape(dates)}</b>")
            elif state == "past":
                parts.append(f"<span style='color:#666'>✓ {text}</span>")
            else:
                parts.append(text)
        self.setText(" · ".join(parts))
        self.setToolTip(where)
        self.setAccessibleName(_("The programme's year"))
        self.setAccessibleDescription(where)
        self.where = where
