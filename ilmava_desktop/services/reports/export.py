"""Writing the reports: one PDF per municipality, and the cohort's summary."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from ilmava_desktop.reports.cohort_summary import CohortSummaryRenderer
from ilmava_desktop.reports.municipality_report import MunicipalityReportRenderer
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


def write_report(db, municipality_id: str, folder: Path, language: str | None = None,
                 names: bool = False) -> Path:
    municipality = queries.municipality(db, municipality_id)
    data = municipality_report.build(db, municipality_id, language, names)
    return write_pdf(render_report(data), Path(folder) / file_name(municipality))


def write_summary(db, target: Path, language: str = "fi",
                  name_municipalities: bool = False) -> Path:
    data = cohort_summary.build(db, language, name_municipalities)
    return write_pdf(CohortSummaryRenderer().render(data), target)
