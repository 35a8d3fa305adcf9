"""The visit pack: what a review team takes to a peer-review visit.

The day's programme, the visiting teams with their preparation meetings, the interviewees
(name and group), the host's self-assessment beside the cohort's average, and the interview
guide's questions, each with room to write notes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from ilmava_desktop.reports.pages import a4_document, numbered_canvas
from ilmava_desktop.reports.styles import ACCENT, FONT, FONT_BOLD, INK, MUTED, RULE, register_fonts
from ilmava_desktop.reports.text import plain


@dataclass(frozen=True)
class PackTheme:
    title: str
    questions: list[str]


@dataclass(frozen=True)
class VisitPack:
    title: str
    subtitle: str                 # cohort, date and place
    language_note: str            # why the pack is not in the host's language, or ""
    headings: dict[str, str]      # programme, teams, interviewees, guide, notes
    schedule_columns: tuple[str, str, str, str]
    schedule: list[tuple[str, str, str, str]]  # time, room, what, interviewers
    teams: list[tuple[str, list[str]]]         # municipality, its visitors
    interviewee_columns: tuple[str, str]
    interviewees: list[tuple[str, str]]        # name, group
    briefing: str                 # said at the start of every interview
    themes: list[PackTheme]
    closing_question: str
    empty: str                    # said where a section has nothing yet
    footer_left: str
    footer: str                   # "{page} / {pages}" is filled in
    author: str
    language: str
    # Each visiting team's preparation meeting, in words, beside its team ("" if not set).
    preparations: dict[str, str] = field(default_factory=dict)
    # The host's self-assessment: theme, its score, the cohort's average (written out).
    profile_columns: tuple[str, str, str] = ("", "", "")
    profile: list[tuple[str, str, str]] = field(default_factory=list)
    profile_note: str = ""


class VisitPackRenderer:
    margin_mm = 16
    note_lines = 3                # lines to write on under each question
    time_mm, room_mm = 30, 20     # "09:45–10:45" and "huone 2" on one line

    def render(self, pack: VisitPack) -> bytes:
        from reportlab.platypus import PageBreak, Spacer

        register_fonts()
        buffer = io.BytesIO()
        doc = a4_document(buffer, title=pack.title, author=pack.author,
                          language=pack.language, margin_mm=self.margin_mm)
        styles = self._styles()
        story = [plain(pack.title, styles["title"]), plain(pack.subtitle, styles["subtitle"])]
        if pack.language_note:
            story.append(plain(pack.language_note, styles["note"]))
        story += self._programme(pack, doc.width, styles)
        story += self._teams(pack, styles)
        story += self._interviewees(pack, doc.width, styles)
        story += [PageBreak()]
        # The host's own answers head the questions: what not to ask again.
        story += self._profile(pack, doc.width, styles)
        story += self._guide(pack, doc.width, styles)
        story.append(Spacer(1, 1))
        doc.build(story, canvasmaker=numbered_canvas(pack.footer, pack.footer_left))
        return buffer.getvalue()

    def _styles(self) -> dict:
        from reportlab.lib import colors
        from reportlab.lib.styles import ParagraphStyle

        ink, muted, accent = colors.Color(*INK), colors.Color(*MUTED), colors.Color(*ACCENT)
        body = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=12.5, textColor=ink)
        return {
            "title": ParagraphStyle("title", fontName=FONT_BOLD, fontSize=17, leading=21,
                                    textColor=accent),
            "subtitle": ParagraphStyle("subtitle", parent=body, fontSize=10.5, leading=14,
                                       textColor=muted, spaceAfter=6),
            "note": ParagraphStyle("note", parent=body, fontName=FONT_BOLD, spaceAfter=6),
            "head": ParagraphStyle("head", fontName=FONT_BOLD, fontSize=12.5, leading=16,
                                   textColor=accent, spaceBefore=10, spaceAfter=4),
            "theme": ParagraphStyle("theme", fontName=FONT_BOLD, fontSize=11.5, leading=15,
                                    textColor=ink, spaceBefore=8, spaceAfter=2),
            "body": body,
            "strong": ParagraphStyle("strong", parent=body, fontName=FONT_BOLD),
            "muted": ParagraphStyle("muted", parent=body, textColor=muted),
        }

    def _table(self, rows, widths, header: bool = True):
        from reportlab.lib import colors
        from reportlab.platypus import Table, TableStyle

        table = Table(rows, colWidths=widths, repeatRows=1 if header else 0, hAlign="LEFT")
        # A table names its font even for empty cells: ours, never an unembedded Helvetica.
        commands = [("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.Color(*RULE)),
                    ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]
        if header:
            commands.append(("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.Color(*INK)))
        table.setStyle(TableStyle(commands))
        return table

    def _programme(self, pack: VisitPack, width: float, styles) -> list:
        from reportlab.lib.units import mm

        story = [plain(pack.headings["programme"], styles["head"])]
        if not pack.schedule:
            return story + [plain(pack.empty, styles["muted"])]
        rows = [[plain(c, styles["strong"]) for c in pack.schedule_columns]]
        rows += [[plain(time, styles["body"]), plain(room, styles["body"]),
                  plain(what, styles["body"]), plain(who, styles["muted"])]
                 for time, room, what, who in pack.schedule]
        fixed = self.time_mm * mm + self.room_mm * mm
        return story + [self._table(rows, [self.time_mm * mm, self.room_mm * mm,
                                           (width - fixed) * 0.45, (width - fixed) * 0.55])]

    def _teams(self, pack: VisitPack, styles) -> list:
        story = [plain(pack.headings["teams"], styles["head"])]
        for municipality, people in pack.teams:
            story.append(plain(f"{municipality}: " + (", ".join(people) or "–"),
                               styles["body"]))
            if pack.preparations.get(municipality):
                story.append(plain(pack.preparations[municipality], styles["muted"]))
        return story

    def _profile(self, pack: VisitPack, width: float, styles) -> list:
        """The host's own self-assessment beside the cohort's average: what not to ask again
        and where to look."""
        from reportlab.platypus import KeepTogether

        if not pack.profile:
            return []
        rows = [[plain(c, styles["strong"]) for c in pack.profile_columns]]
        rows += [[plain(theme, styles["body"]), plain(own, styles["body"]),
                  plain(average, styles["body"])] for theme, own, average in pack.profile]
        table = self._table(rows, [width * 0.6, width * 0.2, width * 0.2])
        return [KeepTogether([plain(pack.headings["profile"], styles["head"]), table,
                              plain(pack.profile_note, styles["muted"])])]

    def _interviewees(self, pack: VisitPack, width: float, styles) -> list:
        story = [plain(pack.headings["interviewees"], styles["head"])]
        if not pack.interviewees:
            return story + [plain(pack.empty, styles["muted"])]
        rows = [[plain(c, styles["strong"]) for c in pack.interviewee_columns]]
        rows += [[plain(name, styles["body"]), plain(group, styles["body"])]
                 for name, group in pack.interviewees]
        return story + [self._table(rows, [width * 0.55, width * 0.45])]

    def _guide(self, pack: VisitPack, width: float, styles) -> list:
        from reportlab.lib import colors
        from reportlab.lib.units import mm
        from reportlab.platypus import KeepTogether, Table, TableStyle

        story = [plain(pack.headings["guide"], styles["head"]),
                 plain(pack.briefing, styles["muted"])]
        def lines():
            # A new flowable for each question: platypus lays each one out only once.
            table = Table([[""]] * self.note_lines, colWidths=[width], rowHeights=8 * mm)
            table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT),
                                       ("LINEBELOW", (0, 0), (-1, -1), 0.4,
                                        colors.Color(*RULE))]))
            return table

        number = 0
        for theme in pack.themes + [PackTheme(pack.headings["closing"],
                                              [pack.closing_question])]:
            heading = [plain(theme.title, styles["theme"])]
            for question in theme.questions:
                number += 1
                # A theme's heading stays with its first question, never alone at a page end.
                story.append(KeepTogether(heading + [plain(f"{number}. {question}",
                                                           styles["body"]), lines()]))
                heading = []
        return story
