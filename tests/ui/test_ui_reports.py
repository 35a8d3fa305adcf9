"""Reports from the window: previewed, exported on a worker with progress, cancelled."""

from PySide6.QtCore import Qt


def reports_page(demo_window_at):
    window = demo_window_at(5)
    return window.tool_stack.currentWidget()


def test_preview_shows_the_chosen_municipalitys_report(demo_window_at):
    page = reports_page(demo_window_at)
    lahti = next(i for i in range(page.municipalities.count())
                 if page.municipalities.item(i).text() == "Lahti")
    page.municipalities.setCurrentRow(lahti)
    assert page.texts_heading.text() == "Summary and next steps: Lahti"  # whose texts
    # The preview is the PDF's own pages: as many as the exported file, with its text.
    pages = page.preview_pages.pages
    assert 2 <= len(pages) <= 3 and not pages[0].pixmap().isNull()
    assert pages[0].pixmap().width() < pages[0].pixmap().height()  # A4 upright
    text = page.preview_pages.texts()
    assert "Lahti" in text and "Hankintojen hiilijalanjälki on laskematta" in text
    page.language.setCurrentIndex(page.language.findData("sv"))
    page.language.activated.emit(page.language.currentIndex())
    assert "Deltagare" in page.preview_pages.texts()


def test_the_preview_follows_a_change_to_the_report(demo_window_at):
    page = reports_page(demo_window_at)
    page.municipalities.setCurrentRow(0)
    page.texts.summary.setPlainText("Uusi yhteenveto esikatselussa.")
    page.texts.summary.editing_finished.emit()
    assert "Uusi yhteenveto esikatselussa." in page.preview_pages.texts()


def test_export_all_on_a_worker_with_progress(demo_window_at, qtbot, tmp_path):
    import sys

    page = reports_page(demo_window_at)
    usual = sys.getswitchinterval()
    with qtbot.waitSignal(page.finished_signal(), timeout=60000):
        page.export_to(tmp_path / "raportit")
        assert page.cancel_button.isEnabled()  # the window is free while the worker renders
        # and takes the interpreter back often enough to paint between the worker's turns
        assert sys.getswitchinterval() < usual
    assert sys.getswitchinterval() == usual
    files = sorted(p.name for p in (tmp_path / "raportit").iterdir())
    assert len(files) == 15 and "398-lahti.pdf" in files
    assert page.progress.value() == 15 and page.open_button.isEnabled()
    assert "15" in page.message.text()


def test_cancel_stops_between_two_reports(demo_window_at, qtbot, tmp_path):
    import sys

    usual = sys.getswitchinterval()
    page = reports_page(demo_window_at)
    page.check_all(False)
    for i in range(4):
        page.municipalities.item(i).setCheckState(Qt.CheckState.Checked)
    with qtbot.waitSignal(page.finished_signal(), timeout=60000):
        page.export_to(tmp_path / "osa")
        page.cancel()
    written = list((tmp_path / "osa").iterdir())
    assert 1 <= len(written) < 4
    assert sys.getswitchinterval() == usual
    assert "Cancelled" in page.message.text()


def test_nothing_chosen_is_said(demo_window_at):
    page = reports_page(demo_window_at)
    page.check_all(False)
    assert page.choose_folder() is None
    assert "at least one" in page.message.text()


def test_summary_from_the_window(demo_window_at, tmp_path):
    page = reports_page(demo_window_at)
    page.write_summary(tmp_path / "kooste.pdf")
    assert (tmp_path / "kooste.pdf").read_bytes().startswith(b"%PDF")


def test_the_facilitator_drafts_and_writes_the_summary_and_next_steps(demo_window_at):
    from ilmava_desktop.services.reports import texts

    page = reports_page(demo_window_at)
    lahti = next(i for i in range(page.municipalities.count())
                 if page.municipalities.item(i).text() == "Lahti")
    page.municipalities.setCurrentRow(lahti)
    municipality_id = page.municipalities.item(lahti).data(Qt.ItemDataRole.UserRole)
    page.texts.draft_button.click()
    saved = texts.report_text(page.ctx.session.db, municipality_id)
    # The draft starts from the most voted development areas.
    assert saved.next_steps[0] == "Hankintojen hiilijalanjälki on laskematta"
    page.texts.summary.setPlainText("Lahti käyttää hankintoja ilmastotyön välineenä.")
    page.texts.summary.editing_finished.emit()  # as when the field is left
    saved = texts.report_text(page.ctx.session.db, municipality_id)
    assert saved.summary == "Lahti käyttää hankintoja ilmastotyön välineenä."


def test_the_preview_fits_its_pane_at_a_projectors_width(demo_window_at, qtbot):
    """At 1024 pixels a page drawn at its printed size was wider than the pane: it is drawn
    as wide as the pane has room for, and again when the window is resized."""
    from PySide6.QtWidgets import QApplication

    page = reports_page(demo_window_at)
    window = page.window()
    for width in (1024, 1366):
        window.resize(width, 700)
        QApplication.processEvents()
        page.preview()
        drawn = page.preview_pages.pages[0].pixmap().width()
        assert drawn <= page.preview_pages.viewport().width()
        assert not page.preview_pages.horizontalScrollBar().isVisible()
