"""Where the cohort is in its year: the programme's periods in a strip, the current one
marked, with a sentence for screen readers."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtGui import QFontMetrics
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
        self.periods: list[tuple[int, str, str, str]] = []
        self.where = ""
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
        self.periods, self.where = periods, where
        self.choose_detail()
        self.setAccessibleName(_("The programme's year"))
        self.setAccessibleDescription(where)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.choose_detail()

    def choose_detail(self) -> None:
        """The most the strip can say on one line: every period named; then the past ones by
        their number alone; then the future ones too (the current one always named whole,
        and when none is current, the sentence saying where the year is). On a projector's
        1024 pixels the whole strip took two lines above every tool."""
        if not self.periods:
            return
        metrics = QFontMetrics(self.font())
        room = self.contentsRect().width() or self.width()
        current = any(state == "now" for *_rest, state in self.periods)
        for detail in ("all", "past", "none"):
            shown, plain = self._parts(detail)
            if not current and detail != "all":
                shown += " — " + escape(self.where, quote=False)
                plain += " — " + self.where
            # The current period is bold: a tenth more room than the plain text measures.
            if metrics.horizontalAdvance(plain) * 1.1 <= room:
                break
        self.setText(shown)
        # What the strip left unnamed is in its tooltip, each period on a line of its own.
        self.setToolTip(self.where if detail == "all" else "\n".join(
            [self.where, ""] + [f"{number} {name} {dates}"
                                for number, name, dates, _state in self.periods]))

    def _parts(self, detail: str) -> tuple[str, str]:
        """The strip as rich text and as plain text, naming the periods `detail` allows."""
        parts, plain = [], []
        for number, name, dates, state in self.periods:
            named = detail == "all" or state == "now" or (detail == "past" and state != "past")
            text = f"{number} {name}" if named else str(number)
            if state == "now":
                parts.append(f"<b>▶ {escape(text, quote=False)} {escape(dates, quote=False)}</b>")
                plain.append(f"▶ {text} {dates}")
            elif state == "past":
                parts.append(f"<span style='color:#666'>✓ {escape(text, quote=False)}</span>")
                plain.append(f"✓ {text}")
            else:
                parts.append(escape(text, quote=False))
                plain.append(text)
        return " · ".join(parts), " · ".join(plain)
