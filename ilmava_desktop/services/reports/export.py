"""Writing the reports: one PDF per municipality, and the cohort's summary."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ilmava_desktop.reports.cohort_summary import CohortSummaryRenderer
from ilmava_desktop.reports.municipality_report import MunicipalityReportRenderer
from ilmava_desktop.reports.municipality_report_content import MunicipalityReport
from ilmava_desktop.services.output_files import write_pdf
from ilmava_desktop.services.reports import cohort_summary, municipality_report
from ilmava_desktop.storage import queries


def file_name(municipality) -> str:
    """'638-porvoo.pdf': the code and the Finnish name in plain letters."""
    plain = unicodedata.normalize("NFKD", municipality.name_fi).encode("ascii", "ignore")
    slug = re.sub(r"[^a-z0-9]+", "-", plain.decode().lower()).strip("-")
    return f"{municipality.code}-{slug}.pdf"


def render_report(data) -> bytes:
    return MunicipalityReportRenderer().render(data)


@dataclass(frozen=True)
class ReportJob:
    """One report to write: its plain data, read from the cohort, and its file."""

    data: MunicipalityReport
    target: Path


def report_jobs(db, municipality_ids: list[str], folder: Path, language: str | None = None,
                names: bool = False) -> list[ReportJob]:
    """Every chosen report's data, read before any rendering starts: rendering needs no
    database, so a batch can render on a worker while the window keeps the cohort."""
    by_id = {m.id: m for m in queries.municipalities(db)}
    return [ReportJob(municipality_report.build(db, municipality_id, language, names),
                      Path(folder) / file_name(by_id[municipality_id]))
            for municipality_id in municipality_ids]


def write_job(job: ReportJob) -> Path:
    return write_pdf(render_report(job.data), job.target)


def write_report(db, municipality_id: str, folder: Path, language: str | None = None,
                 names: bool = False) -> Path:
    return write_job(report_jobs(db, [municipality_id], folder, language, names)[0])


def write_summary(db, target: Path, language: str = "fi",
                  name_municipalities: bool = False) -> Path:
    data = cohort_summary.build(db, language, name_municipalities)
    return write_pdf(CohortSummaryRenderer().render(data), target)
