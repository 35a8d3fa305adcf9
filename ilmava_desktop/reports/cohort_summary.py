"""The cohort's publishable summary, drawn from plain data chosen to be safe to publish."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from ilmava_desktop.i18n import decimal
from ilmava_desktop.reports import charts
from ilmava_desktop.reports.municipality_report import MunicipalityReportRenderer
from ilmava_desktop.reports.pages import a4_document, numbered_canvas


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
    # The peer-review visits, in numbers only (a programme with visits): a sentence, then
    # the findings by theme (header row first). None: the programme has no visits.
    visits_text: str | None = None
    visit_rows: list[list[str]] = field(default_factory=list)


class CohortSummaryRenderer(MunicipalityReportRenderer):
    """The municipality report's look, the cohort's content."""

    def render(self, summary: CohortSummary) -> bytes:  # type: ignore[override]
        from reportlab.platypus import KeepTogether

        buffer = io.BytesIO()
        doc = a4_document(buffer, title=f"{summary.title} – {summary.cohort}",
                          author="ILMAVA Desktop", language=summary.language,
                          margin_mm=self.margin_mm, footer_mm=4)
        self.width = doc.width
        labels = summary.labels
        story = [self.p(summary.programme, "cover_kicker"), self.p(summary.title, "h1"),
                 self.p(f"{summary.cohort} · {summary.date}", "cover_sub")]
        if summary.demo_label:
            story.append(self.p(summary.demo_label, "demo"))
        story.append(self.p(summary.intro))
        if summary.profiles:
            series = [charts.Series(p.name, p.average) for p in summary.profiles]
            themes = summary.profiles[0].themes
            rows = [[labels["theme"]] + [p.name for p in summary.profiles]] + [
                [title] + [decimal(p.average.get(theme), summary.language)
                           for p in summary.profiles] for theme, title in themes]
            story.append(KeepTogether([
                self.p(labels["profile"], "h1"),
                charts.flowable(charts.theme_profile(themes, series, summary.profiles[0].scale,
                                                     self.width, language=summary.language)),
                self.table(rows)]))
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
