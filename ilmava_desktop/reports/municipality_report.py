"""A municipality's report: its strengths and development areas, drawn from plain data.

The renderer knows reportlab and the data classes (reports/municipality_report_content.py),
nothing of the cohort file: the service builds the data (in the report's language), this
draws it on A4.
"""

from __future__ import annotations

import io

from ilmava_desktop.i18n import decimal
from ilmava_desktop.reports import charts
from ilmava_desktop.reports.gap_fill import GapSlot, Movable, Remaining, opened
from ilmava_desktop.reports.municipality_report_content import (
    MunicipalityReport,
    Profile,
    ThemeNotes,
    minus,
)
from ilmava_desktop.reports.pages import a4_document, numbered_canvas
from ilmava_desktop.reports.styles import ACCENT, FONT, FONT_BOLD, INK, MUTED, RULE, register_fonts
from ilmava_desktop.reports.text import plain


class MunicipalityReportRenderer:
    margin_mm = 18

    def __init__(self):
        from reportlab.lib import colors
        from reportlab.lib.styles import ParagraphStyle

        register_fonts()
        ink, muted = colors.Color(*INK), colors.Color(*MUTED)
        self.styles = {
            "cover_kicker": ParagraphStyle("kicker", fontName=FONT, fontSize=11, leading=15,
                                           textColor=colors.Color(*ACCENT)),
            "cover_title": ParagraphStyle("cover", fontName=FONT_BOLD, fontSize=26, leading=30,
                                          textColor=ink, spaceBefore=4),
            "cover_second": ParagraphStyle("second", fontName=FONT_BOLD, fontSize=16,
                                           leading=20, textColor=ink),
            "side": ParagraphStyle("side", fontName=FONT, fontSize=10, leading=13,
                                   textColor=ink, spaceAfter=3),
            "side_label": ParagraphStyle("side_label", fontName=FONT, fontSize=8.5,
                                         leading=11, textColor=muted),
            "cover_sub": ParagraphStyle("sub", fontName=FONT, fontSize=13, leading=18,
                                        textColor=muted),
            "demo": ParagraphStyle("demo", fontName=FONT_BOLD, fontSize=10, leading=13,
                                   textColor=colors.Color(0.55, 0.35, 0.0), spaceBefore=4),
            # keepWithNext: a heading never stands alone at the foot of a page.
            "h1": ParagraphStyle("h1", fontName=FONT_BOLD, fontSize=15, leading=19,
                                 textColor=colors.Color(*ACCENT), spaceBefore=8, spaceAfter=6,
                                 keepWithNext=1),
            "h2": ParagraphStyle("h2", fontName=FONT_BOLD, fontSize=11.5, leading=15,
                                 textColor=ink, spaceBefore=6, spaceAfter=3, keepWithNext=1),
            "body": ParagraphStyle("body", fontName=FONT, fontSize=10, leading=14,
                                   textColor=ink, spaceAfter=4),
            "muted": ParagraphStyle("muted", fontName=FONT, fontSize=9, leading=12,
                                    textColor=muted, spaceAfter=4),
            "cell": ParagraphStyle("cell", fontName=FONT, fontSize=9, leading=11.5,
                                   textColor=ink),
            "head": ParagraphStyle("head", fontName=FONT_BOLD, fontSize=9, leading=11.5,
                                   textColor=ink),
            "source": ParagraphStyle("source", fontName=FONT, fontSize=8, leading=10,
                                     textColor=muted, spaceBefore=6),
            "lead": ParagraphStyle("lead", fontName=FONT, fontSize=11.5, leading=16,
                                   textColor=ink, spaceAfter=6),
            "bullet_small": ParagraphStyle("bullet_small", fontName=FONT, fontSize=9,
                                           leading=12, textColor=ink, leftIndent=10,
                                           bulletIndent=1, spaceAfter=2, bulletFontName=FONT),
            "bullet": ParagraphStyle("bullet", fontName=FONT, fontSize=10, leading=13.5,
                                     textColor=ink, leftIndent=12, bulletIndent=2,
                                     spaceAfter=2, bulletFontName=FONT),
        }

    def render(self, report: MunicipalityReport) -> bytes:
        self.styles = self.accented(report.accent)
        buffer = io.BytesIO()
        doc = a4_document(buffer, title=report.title, author="ILMAVA Desktop",
                          language=report.language, margin_mm=self.margin_mm, footer_mm=4,
                          subject=report.cohort)
        self.width = doc.width
        from reportlab.platypus import KeepTogether

        # Conclusions before evidence: who and what, strengths and development areas and the
        # next steps first, then the assessment they rest on, the municipality's own cards
        # and who took part. No page breaks: each section follows the last (the themes'
        # notes fill the first page), a heading always kept with what it heads.
        story = self.cover(report)
        for section in (self.summary, self.next_steps, self.task, self.application,
                        self.visit, self.notes):
            story += section(report)
        # The own cards and the participants are short: where a section kept whole (the
        # sparring, the chart) leaves the foot of a page blank, they stand there together
        # rather than on a last page of their own; otherwise at the end, where they are kept
        # together too: the participants never stand alone on the last page.
        tail = Movable([KeepTogether(opened(self.own_cards(report)
                                            + self.participants(report)))])
        for section in (self.sparring, self.assessment):
            part = section(report)
            if part:
                story.append(GapSlot([[tail]], part[0], doc.height))
            story += part
        story.append(Remaining(tail))
        doc.build(story, canvasmaker=numbered_canvas(report.labels["page"], report.footer))
        return buffer.getvalue()

    # -- sections -------------------------------------------------------------------------------

    def p(self, text: str, style: str = "body"):
        return plain(text, self.styles[style])

    def accented(self, accent: str) -> dict:
        """The styles with headings in the programme's colour; one set a colour, made once
        (a style's look is cached with it, so it is never changed in place)."""
        from reportlab.lib import colors
        from reportlab.lib.styles import ParagraphStyle

        if not hasattr(self, "_by_accent"):
            self._base_styles, self._by_accent = self.styles, {}
        if accent not in self._by_accent:
            base = self._base_styles
            colour = colors.HexColor(accent)
            self._by_accent[accent] = {**base, **{
                key: ParagraphStyle(f"{key}-{accent}", parent=base[key], textColor=colour)
                for key in ("h1", "cover_kicker")}}
        self.accent = accent
        return self._by_accent[accent]

    # Table cells are padded by reportlab's default of 6 points on each side.
    cell_padding = 12

    def fitted_widths(self, rows: list[list[str]], widths: list[float]) -> list[float]:
        """`widths` widened where a column is narrower than its longest word, taken from the
        columns with room to spare: no word is ever broken without a hyphen ("Henk/ilöt")."""
        from reportlab.pdfbase.pdfmetrics import stringWidth

        needed = [0.0] * len(widths)
        for number, row in enumerate(rows):
            font = FONT_BOLD if number == 0 else FONT
            for column, value in enumerate(row):
                for word in str(value).split():
                    needed[column] = max(needed[column],
                                         stringWidth(word, font, 9) + self.cell_padding + 0.5)
        widths = list(widths)
        short = sum(max(0.0, n - w) for n, w in zip(needed, widths, strict=True))
        spare = [max(0.0, w - n) for n, w in zip(needed, widths, strict=True)]
        if short and sum(spare) >= short:
            share = short / sum(spare)
            widths = [max(w, n) if n > w else w - s * share
                      for n, w, s in zip(needed, widths, spare, strict=True)]
        return widths

    def content_widths(self, rows: list[list[str]]) -> list[float]:
        """Each column as wide as its longest line, when the page has room for them all;
        else the columns that fit their fair share keep their width and the wider ones share
        what is left by their length. A date or a count never takes a title's room."""
        from reportlab.pdfbase.pdfmetrics import stringWidth

        natural = [max(stringWidth(str(row[column]), FONT_BOLD if number == 0 else FONT, 9)
                       for number, row in enumerate(rows)) + self.cell_padding + 1
                   for column in range(len(rows[0]))]
        if sum(natural) <= self.width:
            return natural
        fair = self.width / len(natural)
        narrow = sum(w for w in natural if w <= fair)
        wide = sum(w for w in natural if w > fair)
        return [w if w <= fair else (self.width - narrow) * w / wide for w in natural]

    def table(self, rows: list[list[str]], widths: list[float] | None = None,
              numeric_from: int | None = None):
        from reportlab.lib import colors
        from reportlab.platypus import Table, TableStyle

        head, cell = self.styles["head"], self.styles["cell"]
        if widths is None:
            widths = self.content_widths(rows)
        widths = self.fitted_widths(rows, widths)

        from reportlab.pdfbase.pdfmetrics import stringWidth

        def cell_of(value, style, width):
            # A text that fits its column on one line is drawn as a plain string, far faster
            # than a paragraph; only what has to wrap is one.
            text = " ".join(str(value).split())
            font = FONT_BOLD if style is head else FONT
            if width is not None and stringWidth(text, font, 9) <= width - self.cell_padding:
                return text
            return plain(text, style)

        data = [[cell_of(v, head, w) for v, w in zip(rows[0], widths, strict=False)]] + [
            [cell_of(v, cell, w) for v, w in zip(row, widths, strict=False)]
            for row in rows[1:]]
        table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
        # A table names its own font even for cells it leaves to paragraphs: ours, so no
        # unembedded Helvetica ends up in the file.
        style = [("FONTNAME", (0, 0), (-1, -1), FONT), ("FONTSIZE", (0, 0), (-1, -1), 9),
                 ("FONTNAME", (0, 0), (-1, 0), FONT_BOLD), ("LEADING", (0, 0), (-1, -1), 11.5),
                 ("TEXTCOLOR", (0, 0), (-1, -1), colors.Color(*INK)),
                 ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.Color(*INK)),
                 ("LINEBELOW", (0, 1), (-1, -1), 0.3, colors.Color(*RULE)),
                 ("VALIGN", (0, 0), (-1, -1), "TOP"),
                 ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5)]
        table.setStyle(TableStyle(style))
        return table

    def cover(self, r: MunicipalityReport) -> list:
        """A tinted block: the programme and cohort, the municipality (a bilingual one's
        second name on its own line rather than shrunk), what the report is and its date."""
        from reportlab.lib import colors
        from reportlab.platypus import Table

        first, _dash, second = r.municipality.partition(" – ")
        block = [self.p(f"{r.programme} · {r.cohort}", "cover_kicker"),
                 self.p(first, "cover_title")]
        if second:
            block.append(self.p(second, "cover_second"))
        block.append(self.p(f"{r.labels['notes']} · {r.date}", "cover_sub"))
        if r.demo_label:
            block.append(self.p(r.demo_label, "demo"))
        from reportlab.lib.units import mm

        from ilmava_desktop.reports.logo import logo_flowable

        # The programme's logo at the block's right, at most 45 × 22 mm.
        logo = logo_flowable(r.logo, 45 * mm, 22 * mm) if r.logo else None
        cells, widths = [block], [self.width]
        if logo is not None:
            cells, widths = [block, logo], [self.width - 52 * mm, 52 * mm]
        table = Table([cells], colWidths=widths, hAlign="LEFT")
        table.setStyle([("FONTNAME", (0, 0), (-1, -1), FONT),
                        ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#F2F4F7")),
                        ("LINEABOVE", (0, 0), (-1, 0), 3, colors.HexColor(r.accent)),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 10),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                        ("TOPPADDING", (0, 0), (-1, -1), 8),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 10)])
        return [table]

    def columns(self, left: list, right: list, left_share: float = 0.65):
        """Two columns side by side on the page, tops aligned."""
        from reportlab.lib.units import mm
        from reportlab.platypus import Table

        gutter = 6 * mm
        left_width = (self.width - gutter) * left_share
        table = Table([[left, right]], colWidths=[left_width + gutter,
                                                 self.width - left_width - gutter],
                      hAlign="LEFT")
        table.setStyle([("FONTNAME", (0, 0), (-1, -1), FONT),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (0, -1), gutter),
                        ("RIGHTPADDING", (1, 0), (1, -1), 0),
                        ("TOPPADDING", (0, 0), (-1, -1), 0)])
        return table

    def task(self, r: MunicipalityReport) -> list:
        """The development task beside the key facts (a programme without tasks: the
        application's current state and challenges there instead)."""
        if "task" not in r.sections:
            main = []
            for label, text in ((r.labels["state"], r.current_state),
                                (r.labels["challenges"], r.challenges)):
                main += [self.p(label, "h1"), self.p(text or "–")]
            side = [self.p(r.labels["facts"], "h1")]
            for label, value in r.key_facts:
                side += [self.p(label, "side_label"), self.p(value, "side")]
            return [self.columns(main, side)]
        main = [self.p(r.labels["task"], "h1")]
        if not (r.theme or r.wicked_problem):
            main.append(self.p(r.labels["none"], "muted"))
        if r.theme:
            main += [self.p(r.labels["theme"], "h2"), self.p(r.theme)]
        if r.wicked_problem:
            main += [self.p(r.labels["wicked"], "h2"), self.p(r.wicked_problem)]
        side = [self.p(r.labels["facts"], "h1")]
        for label, value in r.key_facts:
            side += [self.p(label, "side_label"), self.p(value, "side")]
        return [self.columns(main, side)]

    def application(self, r: MunicipalityReport) -> list:
        """The application's current state and challenges, side by side."""
        if "task" not in r.sections or not (r.current_state or r.challenges):
            return []
        halves = []
        for label, text in ((r.labels["state"], r.current_state),
                            (r.labels["challenges"], r.challenges)):
            halves.append([self.p(label, "h2"), self.p(text or "–")])
        return [self.columns(halves[0], halves[1], 0.5)]

    def own_cards(self, r: MunicipalityReport) -> list:
        """The municipality's own ideas, lessons and questions from the board, in thirds."""
        kinds = [k for k in ("idea", "lesson", "question") if r.own_cards.get(k)]
        if not kinds:
            return []
        from reportlab.lib.units import mm
        from reportlab.platypus import KeepTogether, Table

        gutter = 5 * mm
        width = (self.width - 2 * gutter) / 3
        # 9 pt in a third of the page: a 24-letter compound (Ilmastokumppanuussopimus) fits.
        cells = [[self.p(r.labels[k], "h2")] + (
            [plain(item, self.styles["bullet_small"], bullet="•") for item in r.own_cards[k]]
            if r.own_cards.get(k) else [self.p("–", "side")])
            for k in ("idea", "lesson", "question")]
        table = Table([cells], colWidths=[width + gutter, width + gutter, width],
                      hAlign="LEFT")
        table.setStyle([("FONTNAME", (0, 0), (-1, -1), FONT),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (1, -1), gutter),
                        ("RIGHTPADDING", (2, 0), (2, -1), 0)])
        return [KeepTogether([self.p(r.labels["own"], "h1"), table])]

    def participants(self, r: MunicipalityReport) -> list:
        from reportlab.lib.units import mm
        from reportlab.pdfbase.pdfmetrics import stringWidth

        story = [self.p(r.labels["participants"], "h1")]
        if len(r.participants) <= 1:
            return story + [self.p(r.labels["none"], "muted")] + self.caption(r)
        header = r.participants[0]
        days = len(header) - 2

        def widest(column: int) -> float:
            return max(stringWidth(str(row[column]), FONT_BOLD if row is header else FONT, 9)
                       for row in r.participants) + self.cell_padding + 1

        # The text columns get what their longest entry needs, at least 45 mm (the longest
        # Finnish and Swedish compounds at 10 pt) and at most half the page; the days share
        # the rest while their heads fit whole, else the days become rows.
        first = min(max(widest(0), 45 * mm), self.width / 2)
        # With names the second column is the role, a text; else the count of people.
        second = min(max(widest(1), 45 * mm), self.width / 3) if r.names_shown else widest(1)
        day_width = max((widest(2 + d) for d in range(days)), default=0)
        if first + second + days * day_width <= self.width:
            rest = (self.width - first - second) / days if days else 0
            story.append(self.table(r.participants, [first, second] + [rest] * days))
        else:
            story.append(self.table(self.days_as_rows(r), [
                55 * mm, 22 * mm, self.width - 77 * mm]))
        return story + self.caption(r, r.participants_note)

    def caption(self, r: MunicipalityReport, note: str = "") -> list:
        """The note under the participants and the municipality list's source on one line."""
        text = " ".join(part for part in (note, r.source) if part)
        return [self.p(text, "source")] if text else []

    def days_as_rows(self, r: MunicipalityReport) -> list[list[str]]:
        """One row a day: its date and title, how many came and who (roles or names)."""
        header, rows = r.participants[0], r.participants[1:]
        if not r.names_shown:
            rows = rows[:-1]  # the total row: its numbers are the "present" column here
        out = [[r.labels["day"], r.labels["present"], r.labels["who"]]]
        for day, label in enumerate(r.participant_days or header[2:]):
            column = 2 + day
            if r.names_shown:
                came = [row[0] for row in rows if row[column]]
                out.append([label, str(len(came)), ", ".join(came) or "–"])
            else:
                came = [(row[0], int(row[column] or 0)) for row in rows]
                out.append([label, str(sum(n for _role, n in came)), ", ".join(
                    role if n == 1 else f"{role} ×{n}" for role, n in came if n) or "–"])
        return out

    def assessment(self, r: MunicipalityReport) -> list:
        """The profile as a dumbbell chart across the page, its table under it (every value
        the chart shows, for those who cannot see it) and the notable differences in words."""
        from reportlab.platypus import KeepTogether

        heading = self.p(r.labels["assessment"], "h1")
        profile = r.profile
        if profile is None:
            return [heading, self.p(r.labels["none"], "muted")]
        themes = [(row.theme, row.title) for row in profile.rows]
        chart = profile.chart_series()
        if profile.legend:
            chart = [charts.Series(name, s.values, s.slot)
                     for name, s in zip(profile.legend, chart, strict=True)]
        drawing = charts.flowable(charts.dumbbell(
            themes, chart, profile.scale, self.width, language=r.language,
            scale_words=profile.scale_words))
        # The table is kept whole (it is how the chart is read aloud) but may start the next
        # page: kept with the chart, a short first page would be left half empty.
        return [KeepTogether([heading, self.p(r.labels["chart"], "muted"), drawing]),
                KeepTogether([self.profile_table(r, profile)])] + self.differences(r, profile)

    def profile_table(self, r: MunicipalityReport, profile: Profile):
        """Theme | ● | ◆ | Δ ◆−● | cohort | Δ ●−cohort: symbols for heads, as in the chart's
        legend; a flagged gap bold with ▲ or ▼, so colour never carries it."""
        from reportlab.lib.units import mm
        from reportlab.pdfbase.pdfmetrics import stringWidth

        marks = [charts.SYMBOLS[charts.mark_of(slot).shape]
                 for slot in charts.slots(profile.chart_series())]
        rounds = marks[:-1]
        header = [r.labels["theme"]] + rounds + (
            [f"Δ {rounds[1]}−{rounds[0]}"] if len(rounds) == 2 else []) + [r.labels["cohort"]]
        compared = any(row.cohort_gap is not None for row in profile.rows)
        if compared:
            header.append(f"Δ {rounds[0]}−{marks[-1]}")
        rows, bold = [header], []

        def signed(gap: float | None, flagged: bool) -> str:
            if gap is None:
                return "–"
            text = minus(decimal(gap, r.language, sign=True))
            return text + ((" ▲" if gap > 0 else " ▼") if flagged else "")

        for number, row in enumerate(profile.rows, start=1):
            values = [minus(decimal(v, r.language)) for v in row.values]
            line = [f"{number} {row.title}"] + values[:-1]
            if len(rounds) == 2:
                flagged = row.theme in profile.marked
                if flagged:
                    bold.append((len(line), number))
                line.append(signed(row.gap, flagged))
            line.append(values[-1])
            if compared:
                flagged = row.theme in profile.marked_cohort
                if flagged:
                    bold.append((len(line), number))
                line.append(signed(row.cohort_gap, flagged))
            rows.append(line)
        numeric = [max(stringWidth(str(line[c]), FONT_BOLD, 9) for line in rows)
                   + self.cell_padding + 1 for c in range(1, len(header))]
        widths = [self.width - sum(numeric)] + numeric
        table = self.table(rows, widths)
        from reportlab.platypus import TableStyle

        table.setStyle(TableStyle(
            [("ALIGN", (1, 0), (-1, -1), "RIGHT")]
            + [("FONTNAME", cell, cell, FONT_BOLD) for cell in bold]))
        table.spaceBefore = 2 * mm
        return table

    def differences(self, r: MunicipalityReport, profile: Profile) -> list:
        """The notable differences as sentences with their direction and both values, in a
        tinted box; or a line saying there were none worth a mark."""
        from reportlab.lib import colors
        from reportlab.platypus import KeepTogether, Table

        inside = [self.p(r.labels["largest"], "h2")]
        if profile.largest:
            inside += [plain(line, self.styles["bullet"], bullet="•") for line in profile.largest]
        else:
            inside.append(self.p(r.labels["no_gaps"]))
        inside += [self.p(line) for line in profile.dont_know]
        box = Table([[inside]], colWidths=[self.width], hAlign="LEFT")
        box.setStyle([("FONTNAME", (0, 0), (-1, -1), FONT),
                      ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#F2F4F7")),
                      ("LEFTPADDING", (0, 0), (-1, -1), 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                      ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)])
        box.spaceBefore = 8
        return [KeepTogether([box])]

    def bullets(self, items: list[str]) -> list:
        return [plain(item, self.styles["bullet"], bullet="•") for item in items]

    def notes(self, r: MunicipalityReport) -> list:
        heading = self.p(r.labels["notes"], "h1")
        if not r.notes:
            return [heading, self.p(r.labels["none"], "muted")]
        # The section's heading travels with its first theme, never alone on a page.
        return self.theme_blocks(r, r.notes, heading)

    def visit(self, r: MunicipalityReport) -> list:
        """The peer-review visit: its facts in two columns, then the findings by theme."""
        if "visits" not in r.sections:
            return []
        from ilmava_desktop.reports.peer_review_section import peer_review_story

        return peer_review_story(self, r)

    def theme_blocks(self, r: MunicipalityReport, notes: list[ThemeNotes],
                     heading=None) -> list:
        """Each theme's strengths and development areas kept together, the heading (if
        any) with the first."""
        from reportlab.platypus import KeepTogether

        story = []
        for number, theme in enumerate(notes):
            block = ([heading] if number == 0 and heading is not None else []) + [
                self.p(theme.title, "h2")]
            if theme.strengths:
                block += [self.p(r.labels["strengths"] + ":", "muted")] + self.bullets(
                    theme.strengths)
            if theme.development:
                block += [self.p(r.labels["development"] + ":", "muted")] + self.bullets(
                    theme.development)
            story.append(KeepTogether(block))
        return story

    def sparring(self, r: MunicipalityReport) -> list:
        """The sessions with the sparrer: when, how long, the topic and the step agreed."""
        if "sparrer" not in r.sections or not r.sparring:
            return []
        from reportlab.platypus import KeepTogether

        header = r.sparring[0]
        story = [self.p(r.labels["sparring"], "h1")]
        if r.sparring_summary:
            story.append(self.p(r.sparring_summary))
        if len(r.sparring) == 1:
            return [KeepTogether(story + [self.p(r.labels["none"], "muted")])]
        shares = [0.13, 0.1, 0.32, 0.45] if len(header) == 4 else [0.12, 0.09, 0.24, 0.3, 0.25]
        table = self.table(r.sparring, [self.width * share for share in shares])
        return [KeepTogether(story + [table])]

    def summary(self, r: MunicipalityReport) -> list:
        """The facilitator's summary in lead type, its paragraphs as written."""
        if not r.summary:
            return []
        return [self.p(r.labels["summary"], "h1")] + [
            self.p(part, "lead") for part in r.summary.split("\n\n") if part.strip()]

    def next_steps(self, r: MunicipalityReport) -> list:
        story = [self.p(r.labels["next"], "h1")]
        if not r.next_steps:
            return story + [self.p(r.labels["none"], "muted")]
        return story + [plain(step, self.styles["bullet"], bullet=f"{number}.")
                        for number, step in enumerate(r.next_steps, start=1)]
