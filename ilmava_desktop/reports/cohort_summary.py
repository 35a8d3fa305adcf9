"""The cohort's publishable summary, drawn from plain data chosen to be safe to publish."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from ilmava_desktop.i18n import decimal
from ilmava_desktop.reports import charts
from ilmava_desktop.reports.municipality_report import MunicipalityReportRenderer
from ilmava_desktop.reports.municipality_report_content import minus
from ilmava_desktop.reports.pages import a4_document, numbered_canvas
from ilmava_desktop.reports.styles import FONT


@dataclass(frozen=True)
class RoundProfile:
    name: str
    themes: list[tuple[str, str]]
    average: dict[str, float | None]
    counts: dict[str, dict[int | None, int]]
    levels: list[tuple[int | None, str]]
    scale: range
    municipalities: int
    sheets: int


@dataclass(frozen=True)
class CohortSummary:
    language: str
    title: str
    programme: str
    cohort: str
    date: str
    demo_label: str
    intro: str
    labels: dict[str, str]
    profiles: list[RoundProfile]
    lessons: list[str]
    ideas: list[str]
    task_rows: list[list[str]]
    attendance_rows: list[list[str]]
    source: str = ""  # the municipality list's source line, when municipalities are named
    logo: bytes = b""  # the programme's PNG
    accent: str = "#0A3D91"  # the programme's colour: headings and rules, never data
    # The peer-review visits, in numbers only (a programme with visits): a sentence, then
    # the findings by theme (header row first). None: the programme has no visits.
    visits_text: str | None = None
    visit_rows: list[list[str]] = field(default_factory=list)


class CohortSummaryRenderer(MunicipalityReportRenderer):
    """The municipality report's look, the cohort's content."""

    def render(self, summary: CohortSummary) -> bytes:  # type: ignore[override]
        from reportlab.platypus import KeepTogether

        self.styles = self.accented(summary.accent)
        buffer = io.BytesIO()
        doc = a4_document(buffer, title=f"{summary.title} – {summary.cohort}",
                          author="ILMAVA Desktop", language=summary.language,
                          margin_mm=self.margin_mm, footer_mm=4)
        self.width = doc.width
        labels = summary.labels
        heading = [self.p(summary.programme, "cover_kicker"), self.p(summary.title, "h1"),
                   self.p(f"{summary.cohort} · {summary.date}", "cover_sub")]
        if summary.demo_label:
            heading.append(self.p(summary.demo_label, "demo"))
        story = self.with_logo(heading, summary.logo)
        story.append(self.p(summary.intro))
        if summary.profiles:
            # The rounds wear the marks they wear in every municipality's report.
            series = [charts.Series(p.name, p.average,
                                    charts.FIRST_ROUND if n == 0 else charts.SECOND_ROUND)
                      for n, p in enumerate(summary.profiles[:2])]
            marks = [charts.SYMBOLS[charts.mark_of(s.slot).shape] for s in series]
            themes = summary.profiles[0].themes
            # The symbols head the numbers' columns; the chart's legend names them.
            rows = [[labels["theme"]] + marks] + [
                [f"{number} {title}"] + [minus(decimal(p.average.get(theme), summary.language))
                                         for p in summary.profiles[:2]]
                for number, (theme, title) in enumerate(themes, start=1)]
            table = self.table(rows)
            table.setStyle([("ALIGN", (1, 0), (-1, -1), "RIGHT")])
            story.append(KeepTogether([
                self.p(labels["profile"], "h1"),
                charts.flowable(charts.dumbbell(
                    themes, series, summary.profiles[0].scale, self.width,
                    language=summary.language,
                    scale_words=[label for value, label in summary.profiles[0].levels
                                 if value is not None])),
                table]))
            for profile in summary.profiles:
                story.append(KeepTogether([
                    self.p(f"{labels['spread']}: {profile.name}", "h2"),
                    self.p(labels["spread_note"], "muted"),
                    charts.flowable(charts.distribution(profile.themes, profile.counts,
                                                        profile.levels, self.width))]))
        for key, items in (("lessons", summary.lessons), ("ideas", summary.ideas)):
            story.append(self.p(labels[key], "h1"))
            story += self.bullets(items) if items else [self.p(labels["none"], "muted")]
        if summary.visits_text is not None:
            story.append(KeepTogether([self.p(labels["visits"], "h1"),
                                       self.p(summary.visits_text)] + (
                [self.table(summary.visit_rows)] if len(summary.visit_rows) > 1 else [])))
        story.append(self.p(labels["tasks"], "h1"))
        story.append(self.table(summary.task_rows))
        story.append(self.p(labels["attendance"], "h1"))
        story.append(self.table(summary.attendance_rows) if len(summary.attendance_rows) > 1
                     else self.p(labels["none"], "muted"))
        if summary.source:
            story.append(self.p(summary.source, "source"))
        doc.build(story, canvasmaker=numbered_canvas(labels["page"], summary.cohort))
        return buffer.getvalue()

    def with_logo(self, block: list, logo: bytes) -> list:
        """`block` with the programme's logo at its right, when there is one."""
        from reportlab.lib.units import mm
        from reportlab.platypus import Table

        from ilmava_desktop.reports.logo import logo_flowable

        drawn = logo_flowable(logo, 45 * mm, 22 * mm) if logo else None
        if drawn is None:
            return block
        table = Table([[block, drawn]], colWidths=[self.width - 50 * mm, 50 * mm],
                      hAlign="LEFT")
        table.setStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("ALIGN", (1, 0), (1, 0), "RIGHT"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 0)])
        return [table]
