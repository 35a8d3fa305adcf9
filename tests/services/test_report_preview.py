"""The preview is the exported PDF's own pages, rasterised."""

from ilmava_desktop.services.reports import preview
from ilmava_desktop.storage import queries


def test_the_preview_has_the_pdfs_pages_and_text(demo):
    raseborg = next(m for m in queries.municipalities(demo.db) if m.code == "710")
    pages = preview.report_pages(demo.db, raseborg.id, language=None, names=False, scale=0.5)
    assert 2 <= len(pages) <= 3
    first = pages[0]
    # A4 at half of 72 dpi: 298 × 421 pixels, three bytes each.
    assert (first.width, first.height) == (298, 421)
    assert len(first.rgb) == first.stride * first.height
    assert "Raseborg" in first.text and "Självvärdering" in " ".join(p.text for p in pages)
