"""The window as a facilitator uses it: keys typed, rows shown, files written, errors shown."""

import hashlib

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from ui_helpers import click_button, message_text, open_dialog

from ilmava_desktop.services.demo import create_demo
from ilmava_desktop.storage import queries
from ilmava_desktop.ui.door import DbDoor, InlineExecutor
from ilmava_desktop.ui.main_window import MainWindow
from ilmava_desktop.ui.municipalities.add_dialog import AddMunicipalityDialog
from ilmava_desktop.ui.municipalities.person_dialog import PersonDialog


@pytest.fixture
def window(qtbot):
    window = MainWindow(DbDoor(InlineExecutor()))
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()


@pytest.fixture
def demo_window(window, tmp_path):
    path = tmp_path / "demo.ilmava"
    create_demo(path).close()
    window.open_cohort(path)
    return window


def page(window):
    return window.tools[0][1]


def shown_names(window):
    p = page(window)
    return [p.proxy.index(row, 1).data() for row in range(p.proxy.rowCount())]


def test_demo_shows_its_municipalities_and_the_demo_label(demo_window):
    assert len(shown_names(demo_window)) == 18  # 18 applied, 15 selected
    assert "Porvoo – Borgå" in shown_names(demo_window)
    assert demo_window.demo_banner.isVisible()
    assert demo_window.demo_banner.text() == "Demo data – fictional"
    assert "esimerkkikohortti" in demo_window.windowTitle()


def test_typing_in_search_filters_by_name_in_either_language_or_person(demo_window, qtbot):
    search = page(demo_window).search
    qtbot.keyClicks(search, "borgå")
    assert shown_names(demo_window) == ["Porvoo – Borgå"]
    search.clear()
    qtbot.keyClicks(search, "Modellgren")  # a person of Raasepori
    assert shown_names(demo_window) == ["Raseborg – Raasepori"]
    qtbot.keyClick(search, Qt.Key.Key_Escape)


def test_editing_the_wicked_problem_saves_and_undo_restores(demo_window, qtbot):
    p = page(demo_window)
    p.select(p.model.rows()[0].id)
    field = p.details.problem
    before = field.toPlainText()
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "Uusi ongelma")
    p.table.setFocus()  # leaving the field commits it
    qtbot.waitUntil(lambda: not field.hasFocus())
    db = demo_window.ctx.session.db
    assert queries.municipality(db, p.current_id()).wicked_problem == "Uusi ongelma"
    qtbot.keyClick(demo_window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert queries.municipality(db, p.current_id()).wicked_problem == before
    assert field.toPlainText() == before


def test_theme_combo_change_is_saved(demo_window):
    p = page(demo_window)
    p.select(p.model.rows()[0].id)
    combo = p.details.theme
    combo.setCurrentIndex(combo.findData("budget"))
    combo.activated.emit(combo.currentIndex())
    assert queries.municipality(demo_window.ctx.session.db, p.current_id()).theme == "budget"


def test_add_a_municipality_from_the_official_list_with_the_keyboard(demo_window, qtbot):
    p = page(demo_window)
    qtbot.mouseClick(p.add_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(AddMunicipalityDialog)
    qtbot.keyClicks(dialog.search, "salo")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert "Salo" in shown_names(demo_window)
    assert p.details.title.text() == "Salo"
    qtbot.keyClick(demo_window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Salo" not in shown_names(demo_window)
    qtbot.keyClick(demo_window, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert "Salo" in shown_names(demo_window)


def test_add_person_checks_the_email_and_then_saves(demo_window, qtbot):
    p = page(demo_window)
    before = p.people.model.rowCount()
    qtbot.mouseClick(p.people.add_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(PersonDialog)
    qtbot.keyClicks(dialog.name, "Tiina Testaaja")
    qtbot.keyClicks(dialog.title, "Kaupunginjohtaja")
    assert dialog.role.currentData() == "municipal_manager"  # suggested from the title
    qtbot.keyClicks(dialog.email, "ei-osoite")
    click_button(qtbot, dialog, "Save")
    assert dialog.isVisible() and "not an e-mail address" in dialog.error.text()
    dialog.email.clear()
    qtbot.keyClicks(dialog.email, "tiina@asikkala.example")
    click_button(qtbot, dialog, "Save")
    assert not dialog.isVisible()
    names = [p.people.model.row_at(r).name for r in range(p.people.model.rowCount())]
    assert p.people.model.rowCount() == before + 1 and "Tiina Testaaja" in names


def test_delete_person_asks_then_erases(demo_window, qtbot):
    p = page(demo_window)
    p.people.table.selectRow(0)
    person_id = p.people.selected_id()
    qtbot.mouseClick(p.people.delete_button, Qt.MouseButton.LeftButton)
    box = open_dialog(QMessageBox)
    assert "erase" in box.text()
    click_button(qtbot, box, "Delete")
    row = demo_window.ctx.session.db["person"].get(person_id)
    assert row["deleted"] == 1 and row["email"] == ""
    assert p.people.model.row_of_id(person_id) is None


def test_remove_municipality_can_be_cancelled(demo_window, qtbot):
    p = page(demo_window)
    qtbot.mouseClick(p.remove_button, Qt.MouseButton.LeftButton)
    click_button(qtbot, open_dialog(QMessageBox), "Cancel")
    assert len(shown_names(demo_window)) == 18  # 18 applied, 15 selected


def test_import_preview_then_import(demo_window, qtbot):
    from ilmava_desktop.resources import resource_path

    p = page(demo_window)
    people_before = len(queries.people(demo_window.ctx.session.db))
    dialog = p.open_import()
    dialog.load(resource_path("demo/ilmoittautumiset-esimerkki.csv"))
    assert "4 to add" in dialog.summary.text() and "1 rejected" in dialog.summary.text()
    results = [dialog.model.index(r, 1).data() for r in range(dialog.model.rowCount())]
    assert results.count("rejected") == 1
    shown = [dialog.model.index(r, 2).data() for r in range(dialog.model.rowCount())]
    assert "Salo (new in the cohort)" in shown and "Porvoo – Borgå" in shown
    assert len(queries.people(demo_window.ctx.session.db)) == people_before  # nothing written yet
    click_button(qtbot, dialog, "Import")
    assert len(queries.people(demo_window.ctx.session.db)) == people_before + 4
    assert "Salo" in shown_names(demo_window)


def test_import_of_an_unusable_file_says_why(demo_window, tmp_path):
    bad = tmp_path / "kuva.csv"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    dialog = page(demo_window).open_import()
    dialog.load(bad)
    assert dialog.summary.text() == "kuva.csv is not a CSV or XLSX file."
    assert not dialog.import_button.isEnabled()


def test_opening_a_foreign_file_shows_one_sentence_and_leaves_it(window, tmp_path):
    path = tmp_path / "muistio.ilmava"
    path.write_text("kauppalista")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    window.open_cohort(path)
    assert message_text() == "muistio.ilmava is not an ILMAVA cohort file."
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert window.ctx.session is None and not window.lifecycle.opening
    assert window.status.text() == ""  # nothing is still "Opening…"
    assert window.screens.currentWidget() is window.start_page  # not an empty tool area
    open_dialog(QMessageBox).close()


def test_changes_are_saved_to_the_file_automatically(demo_window, qtbot):
    path = demo_window.ctx.session.path
    before = path.read_bytes()
    p = page(demo_window)
    combo = p.details.target
    combo.setCurrentIndex(2)
    combo.activated.emit(2)
    assert demo_window.lifecycle.autosave.isActive()
    qtbot.waitUntil(lambda: path.read_bytes() != before, timeout=5000)
    assert "Saved at" in demo_window.status.text()


def test_crash_recovery_is_offered_on_the_next_open(window, qtbot, tmp_path):
    from ilmava_desktop.services.cohort.session import CohortSession
    from ilmava_desktop.services.municipalities import add_municipality
    from ilmava_desktop.storage import locks

    path = tmp_path / "demo.ilmava"
    create_demo(path).close()
    crashed = CohortSession.open(path)
    add_municipality(crashed, "734")  # Salo, never saved back
    crashed.db.close()
    locks.release(path)
    window.open_cohort(path)
    box = open_dialog(QMessageBox)
    assert "not saved" in box.text()
    click_button(qtbot, box, "Recover the changes")
    assert "Salo" in shown_names(window)


def test_keyboard_switches_tools_and_closes_the_cohort(demo_window, qtbot):
    qtbot.keyClick(demo_window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert demo_window.tool_stack.currentIndex() == 1
    assert demo_window.tool_stack.currentWidget().day.count() == 4
    qtbot.keyClick(demo_window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert demo_window.ctx.session is None
    assert demo_window.screens.currentWidget() is demo_window.start_page
    assert demo_window.start_page.recent.count() >= 1


def test_every_control_has_an_accessible_name_or_text(demo_window):
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QWidget,
    )

    controls = (QLineEdit, QComboBox, QAbstractItemView, QPlainTextEdit, QAbstractButton)
    unnamed = []
    for tool in range(len(demo_window.tools)):  # every tool, as each is shown
        demo_window.show_tool(tool)
        for widget in demo_window.findChildren(QWidget):
            if not isinstance(widget, controls):
                continue
            if type(widget).__name__ in ("QToolButton", "QHeaderView") or widget.parent() is None:
                continue
            name = widget.accessibleName() or getattr(widget, "text", lambda: "")()
            if not name and widget.isVisibleTo(demo_window):
                unnamed.append(f"{type(widget).__name__} in {type(widget.parent()).__name__}")
    assert sorted(set(unnamed)) == []


def test_item_models_pass_the_model_tester(demo_window, qtmodeltester):
    qtmodeltester.check(page(demo_window).model)
    qtmodeltester.check(page(demo_window).people.model)


def test_screenshots_option_writes_every_view(tmp_path, qapp):
    from ilmava_desktop.app import main

    assert main(["--demo", "--lang", "en", "--screenshots", str(tmp_path / "shots")]) == 0
    names = sorted(p.name for p in (tmp_path / "shots").iterdir())
    assert names[:6] == ["01-municipalities.png", "02-attendance.png", "03-self-assessment.png",
                         "04-groups.png", "05-board.png", "06-reports.png"]
    assert all((tmp_path / "shots" / n).stat().st_size > 5000 for n in names)


def test_new_cohort_from_the_dialog(window, qtbot, tmp_path):
    from ilmava_desktop.ui.cohort_dialogs import NewCohortDialog

    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = open_dialog(NewCohortDialog)
    dialog.year.setValue(2031)  # the name's example follows the year
    assert dialog.name.placeholderText() == "e.g. ILMAVA 2031"
    click_button(qtbot, dialog, "OK")
    assert dialog.isVisible() and dialog.error.text() == "A cohort needs a name."
    qtbot.keyClicks(dialog.name, "ILMAVA 2027")
    dialog.location.setText(str(tmp_path / "ilmava-2027.ilmava"))
    click_button(qtbot, dialog, "OK")
    assert window.ctx.session is not None
    assert window.windowTitle().startswith("ILMAVA 2027")
    assert not window.demo_banner.isVisible()
    assert page(window).details.title.text() == "No municipality chosen"
    assert (tmp_path / "ilmava-2027.ilmava").exists()


def test_a_cohort_open_on_another_laptop_is_warned_about(window, qtbot, tmp_path):
    import json

    path = tmp_path / "demo.ilmava"
    create_demo(path).close()
    from datetime import UTC, datetime
    path.with_name(path.name + ".lock").write_text(json.dumps({
        "host": "toinen-lapari", "user": "maija", "pid": 1,
        "time": datetime.now(UTC).isoformat(timespec="seconds")}))
    window.open_cohort(path)
    box = open_dialog(QMessageBox)
    assert "toinen-lapari" in box.text()
    click_button(qtbot, box, "Cancel")
    assert window.ctx.session is None
    assert window.screens.currentWidget() is window.start_page
    window.open_cohort(path)
    box = open_dialog(QMessageBox)
    click_button(qtbot, box, "Open anyway")
    assert window.ctx.session is not None


def test_a_file_changed_on_disk_is_not_overwritten(demo_window, qtbot):
    path = demo_window.ctx.session.path
    p = page(demo_window)
    combo = p.details.target
    combo.setCurrentIndex(2)
    combo.activated.emit(2)
    with path.open("ab") as f:  # a sync client rewrote the file meanwhile
        f.write(b"\0" * 4096)
    changed = path.read_bytes()
    demo_window.lifecycle.save_now()
    box = open_dialog(QMessageBox)
    assert "changed by someone else" in box.text()
    assert path.read_bytes() == changed
    click_button(qtbot, box, "Later")
    # Closing the window does not drop the work silently either: it stays open and asks.
    demo_window.close()
    assert demo_window.isVisible()
    box = open_dialog(QMessageBox)
    assert "Close anyway?" in box.text()
    click_button(qtbot, box, "Close anyway")
    assert not demo_window.isVisible() and demo_window.ctx.session is None
    from ilmava_desktop.storage.cohort_file import recoverable
    assert recoverable(path) is not None  # offered again on the next open


def test_list_sorts_by_the_shown_name_and_numbers_as_numbers(demo_window, qtbot):
    p = page(demo_window)
    names = shown_names(demo_window)
    # Collation follows the window's locale (ä sorts after z in Finnish, with a in English),
    # so check what holds in every one of them.
    assert names[0] == "Alajärvi" and names[-1] == "Turku – Åbo"  # 18 applied
    assert names.index("Padasjoki") < names.index("Porvoo – Borgå") < names.index("Tampere")
    people = p.model.columnCount() - 1
    p.table.sortByColumn(people, Qt.SortOrder.DescendingOrder)
    counts = [int(p.proxy.index(row, people).data()) for row in range(p.proxy.rowCount())]
    assert counts == sorted(counts, reverse=True) and counts[0] == 5


def test_recent_cohorts_open_with_enter(window, qtbot, tmp_path):
    path = tmp_path / "demo.ilmava"
    create_demo(path).close()
    window.open_cohort(path)
    window.lifecycle.close_cohort()
    recent = window.start_page.recent
    # Its name and programme, when it was last opened and where; no first-run line now.
    name, when_where = recent.currentItem().text().split("\n")
    assert name == ("ILMAVA 2026 – esimerkkikohortti · "
                    "ILMAVA – climate leadership coaching for municipalities")
    assert when_where.startswith("last opened ") and when_where.endswith(str(tmp_path))
    assert window.start_page.first_run.isHidden()
    recent.setFocus()
    qtbot.keyClick(recent, Qt.Key.Key_Return)
    assert window.ctx.session is not None and window.ctx.session.path == path
    window.lifecycle.close_cohort()
    moved = tmp_path / "moved.ilmava"
    path.rename(moved)
    window.on_cohort_closed()
    assert recent.currentItem().text().endswith("the file is not there now (is the stick in?)")


def test_a_recent_cohorts_programme_is_named_in_the_language_read_now(window, tmp_path):
    """Opened in an English window, listed later in a Finnish one: the programme's Finnish
    name, not the English it was opened in."""
    from ilmava_desktop.i18n import current_language, set_language

    path = tmp_path / "demo.ilmava"
    create_demo(path).close()
    window.open_cohort(path)
    window.lifecycle.close_cohort()
    before = current_language()
    set_language("fi")
    try:
        window.on_cohort_closed()
        name = window.start_page.recent.currentItem().text().split("\n")[0]
    finally:
        set_language(before)
    assert name == ("ILMAVA 2026 – esimerkkikohortti · "
                    "ILMAVA – kuntien ilmastojohtamisen valmennus")


def test_empty_recent_list_ignores_enter(window, qtbot):
    assert not window.start_page.first_run.isHidden()  # what the app is for, said first
    assert window.start_page.first_run.text().startswith("For the facilitators of")
    recent = window.start_page.recent
    recent.setFocus()
    qtbot.keyClick(recent, Qt.Key.Key_Return)
    assert window.ctx.session is None


def test_open_recent_menu_lists_and_opens_cohorts(window, tmp_path):
    first, second = tmp_path / "a.ilmava", tmp_path / "b.ilmava"
    for path in (first, second):
        create_demo(path).close()
        window.open_cohort(path)
    window.fill_recent_menu()
    entries = [a.text() for a in window.recent_menu.actions()]
    assert entries[0].startswith("b.ilmava") and entries[1].startswith("a.ilmava")
    window.recent_menu.actions()[1].trigger()
    assert window.ctx.session.path.resolve() == first.resolve()


def test_person_export_writes_json_and_a_failure_says_so(demo_window, tmp_path):
    import json

    p = page(demo_window)
    p.people.table.selectRow(0)
    person_id = p.people.selected_id()
    data = demo_window.ctx.read(lambda s: __import__(
        "ilmava_desktop.services.municipalities.people", fromlist=["x"]).export_person(s, person_id))
    p.people.write_export(tmp_path / "henkilö.json", data)
    assert json.loads((tmp_path / "henkilö.json").read_text("utf-8"))["id"] == person_id
    p.people.write_export(tmp_path / "irrotettu" / "henkilö.json", data)
    assert message_text() == f"The folder {tmp_path / 'irrotettu'} does not exist."
    open_dialog(QMessageBox).close()


def test_the_window_fits_a_1280_pixel_laptop_screen_in_every_language(qtbot, tmp_path):
    from ilmava_desktop.i18n import set_language

    for language in ("fi", "sv", "en"):
        set_language(language)
        window = MainWindow(DbDoor(InlineExecutor()))
        qtbot.addWidget(window)
        path = tmp_path / f"demo-{language}.ilmava"
        create_demo(path).close()
        window.open_cohort(path)  # before showing: long labels must not widen the window
        window.show()
        for tool in range(len(window.tools)):
            window.show_tool(tool)
            assert window.minimumSizeHint().width() <= 1280, (language, tool)
        assert window.width() <= 1280
        window.close()
    set_language("en")


def test_tools_are_built_when_first_shown_and_hidden_ones_wait(demo_window_at, qtbot):
    window = demo_window_at(0)
    assert set(window.built) == {0}  # the window opened with one tool built
    window.show_tool(3)
    groups = window.tool_stack.currentWidget()
    assert groups.groups.grouping_choice.count() == 1  # built late, it read the cohort
    window.show_tool(2)
    page = window.tool_stack.currentWidget()
    page.grid.setFocus()
    qtbot.keyClick(page.grid, Qt.Key.Key_3)
    # The Groups tool is out of sight: it refreshes when shown, not on every key.
    assert groups.groups.show_when_shown.pending
    window.show_tool(3)
    assert not groups.groups.show_when_shown.pending


class HeldExecutor(InlineExecutor):
    """Work waits until released (a cohort on a slow stick, still opening); then inline."""

    def __init__(self):
        self.held = []
        self.holding = True

    def submit(self, fn, /, *args, **kwargs):
        if not self.holding:
            return super().submit(fn, *args, **kwargs)
        from concurrent.futures import Future

        future = Future()
        self.held.append((future, fn))
        return future

    def release(self):
        self.holding = False
        while self.held:
            future, fn = self.held.pop(0)
            try:
                future.set_result(fn())
            except BaseException as exc:
                future.set_exception(exc)


def test_a_second_open_while_one_is_on_its_way_is_ignored(qtbot, tmp_path):
    executor = HeldExecutor()
    window = MainWindow(DbDoor(executor))
    qtbot.addWidget(window)
    window.show()
    path = tmp_path / "demo.ilmava"
    create_demo(path).close()
    window.open_cohort(path)
    assert window.status.text() == "Opening…"
    # The window as it will be, its tool area saying so; no tool can be chosen yet.
    assert window.tool_stack.currentWidget().text() == "Opening…"
    assert window.tool_stack.currentWidget().isVisible()
    assert not window.navigation.isEnabled()
    window.lifecycle.open_demo()
    assert len(executor.held) == 1  # the demo waits for the file being opened
    executor.release()
    qtbot.waitUntil(lambda: window.ctx.session is not None)
    assert window.ctx.session.path == path and not window.lifecycle.opening
    assert window.navigation.isEnabled()
    assert window.tool_stack.currentWidget() is window.tool(0)
    assert window.tool(0).isVisible()
    window.lifecycle.close_for_quit()


def test_the_shortcuts_the_window_names_are_the_ones_it_has(window):
    """Qt's standard keys differ by system (Save as has none on Windows)."""
    shortcuts = {key: action.shortcut().toString() for key, action in window.actions.items()}
    assert shortcuts["save_copy"] == "Ctrl+Shift+S"
    assert (shortcuts["undo"], shortcuts["redo"], shortcuts["close"]) == (
        "Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+W")


def test_the_about_box_names_the_source_of_the_municipality_list(qtbot):
    from PySide6.QtWidgets import QWidget

    from ilmava_desktop.ui.cohort_dialogs import show_about

    parent = QWidget()
    qtbot.addWidget(parent)
    box = show_about(parent, "fi")
    assert "Lähde: Tilastokeskus, kuntaluokitus 2026 (CC BY 4.0)" in box.text()
    box.close()


def test_a_new_cohort_is_created_for_the_programme_chosen(window, qtbot, tmp_path):
    from ilmava_desktop.services.cohort import programme
    from ilmava_desktop.ui.cohort_dialogs import NewCohortDialog

    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = open_dialog(NewCohortDialog)
    qtbot.keyClicks(dialog.name, "Vertaisoppiminen 2027")
    dialog.programme.setCurrentIndex(dialog.programme.findData("motiva"))
    dialog.location.setText(str(tmp_path / "motiva-2027.ilmava"))
    click_button(qtbot, dialog, "OK")
    profile = window.ctx.read(lambda s: programme.programme(s.db))
    assert profile.kind == "motiva" and profile.organiser == "Motiva"
