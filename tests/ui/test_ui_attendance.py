"""Check-in at the door, as the facilitator does it: keys typed, a badge scanned."""

import re

import pytest
from PySide6.QtCore import Qt
from ui_helpers import click_button, message_text, open_dialog

from ilmava_desktop.core.attendance import badge_code
from ilmava_desktop.services.attendance import attendance_id
from ilmava_desktop.storage import queries
from ilmava_desktop.storage.cohort_file import read_only


@pytest.fixture
def page(demo_window_at):
    page = demo_window_at(1, empty_door=True).tool_stack.currentWidget()
    page.day.setCurrentIndex(0)  # the opening day: 1–3 per municipality
    page.day.activated.emit(0)
    return page


def present(page):
    day_id = page.day.currentData()
    return {row["person_id"] for row in queries.attendance(page.ctx.session.db, day_id)}


def any_open(kind):
    try:
        return open_dialog(kind) is not None
    except AssertionError:
        return False


def person_named(page, name):
    return next(p for p in queries.people(page.ctx.session.db) if p.name == name)


def test_type_part_of_a_name_and_enter(page, qtbot):
    page.search.setFocus()
    qtbot.keyClicks(page.search, "aino esim")
    assert len(page.visible_people()) == 1
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert person_named(page, "Aino Esimerkki").id in present(page)
    assert page.search.text() == "" and page.search.hasFocus()
    assert re.fullmatch(r"✓ Aino Esimerkki \(Asikkala\) present at \d{1,2}:\d\d — "
                        r"Ctrl\+Z undoes it\.", page.message.text())
    assert page.model.rows[0].group.name == "Asikkala"
    assert page.municipality_text("Asikkala") == "1 of 2 · limits 1–3 · within the limits"
    aino = next(n for n, row in enumerate(page.model.rows)
                if row.person and row.person.name == "Aino Esimerkki")
    assert page.model.index(aino, 2).data()  # the time of the check-in


def test_arrow_keys_choose_among_several_matches(page, qtbot):
    qtbot.keyClicks(page.search, "lahti")
    assert len(page.visible_people()) == 4
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    chosen = page.model.rows[page.view.currentIndex().row()].person.name
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert person_named(page, chosen).id in present(page)


def type_into_focus(page, qtbot, text: str, key=None, modifier=Qt.KeyboardModifier.NoModifier):
    """Keys go where the user's keyboard sends them: to the focused widget."""
    page.window().activateWindow()
    page.search.setFocus()
    qtbot.waitUntil(lambda: page.window().focusWidget() is page.search)
    if text:
        qtbot.keyClicks(page.window().focusWidget(), text)
    if key is not None:
        qtbot.keyClick(page.window().focusWidget(), key, modifier)


def test_several_matches_and_enter_checks_in_nobody_and_shows_them(page, qtbot):
    type_into_focus(page, qtbot, "toimialajohtaja", Qt.Key.Key_Return)
    assert present(page) == set()
    assert len(page.visible_people()) == 8
    assert "8 people match “toimialajohtaja”" in page.message.text()
    assert page.search.text() == "toimialajohtaja"  # kept, to be narrowed down
    assert not page.view.currentIndex().isValid()  # nothing highlighted as if chosen


def test_a_row_chosen_with_the_arrows_lapses_with_the_next_keystroke(page, qtbot):
    type_into_focus(page, qtbot, "toimiala", Qt.Key.Key_Down)
    qtbot.keyClicks(page.window().focusWidget(), "johtaja")
    qtbot.keyClick(page.window().focusWidget(), Qt.Key.Key_Return)
    assert present(page) == set()
    qtbot.keyClick(page.window().focusWidget(), Qt.Key.Key_Down)
    qtbot.keyClick(page.window().focusWidget(), Qt.Key.Key_Down)
    chosen = page.model.rows[page.view.currentIndex().row()].person
    qtbot.keyClick(page.window().focusWidget(), Qt.Key.Key_Return)
    assert present(page) == {chosen.id}


def test_a_word_inside_another_word_matches_nobody(page, qtbot):
    type_into_focus(page, qtbot, "erkki")
    assert page.visible_people() == []
    type_into_focus(page, qtbot, "", Qt.Key.Key_Escape)
    type_into_focus(page, qtbot, "esim")
    assert {p.name.split()[1] for p in page.visible_people()} == {"Esimerkki"}


def test_zero_matches_say_so_and_offer_the_walk_in_with_the_typed_name(page, qtbot):
    from ilmava_desktop.ui.attendance.new_attendee import NewAttendeeDialog

    type_into_focus(page, qtbot, "Ville Vieras", Qt.Key.Key_Return)
    assert "No one matches “Ville Vieras”" in page.message.text()
    assert page.walk_in_offer.isVisible() and "Ville Vieras" in page.walk_in_offer.text()
    qtbot.mouseClick(page.walk_in_offer, Qt.MouseButton.LeftButton)
    dialog = open_dialog(NewAttendeeDialog)
    assert dialog.name.text() == "Ville Vieras"
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert person_named(page, "Ville Vieras").id in present(page)
    assert not page.walk_in_offer.isVisible()


def test_scanning_a_badge_checks_in_at_once(page, qtbot):
    person = person_named(page, "Helena Fiktiivinen")
    cohort = queries.cohort(page.ctx.session.db)
    qtbot.keyClicks(page.search, badge_code(cohort.id, person.token))
    qtbot.keyClick(page.search, Qt.Key.Key_Return)  # a USB scanner ends with Enter
    assert person.id in present(page)
    qtbot.keyClicks(page.search, badge_code("00000000-x", person.token))
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert "another cohort" in page.message.text()


def test_over_the_limit_is_stopped_then_overridden_then_undone(page, qtbot):
    lahti = [p for p in queries.people(page.ctx.session.db)
             if p.municipality_id == queries.municipality_by_code(page.ctx.session.db, "398").id]
    for person in lahti[:3]:
        qtbot.keyClicks(page.search, person.name)
        qtbot.keyClick(page.search, Qt.Key.Key_Return)
    qtbot.keyClicks(page.search, lahti[3].name)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert lahti[3].id not in present(page)
    assert "3 of its 3 places" in page.message.text()
    assert page.override_button.isVisible()
    qtbot.keyClick(page.search, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert lahti[3].id in present(page)
    row = page.ctx.session.db["attendance"].get(
        attendance_id(page.day.currentData(), lahti[3].id))
    assert row["over_limit"] == 1
    assert page.municipality_text("Lahti") == "4 of 4 · limits 1–3 · over the maximum"
    type_into_focus(page, qtbot, "", Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert lahti[3].id not in present(page)
    assert page.municipality_text("Lahti") == "3 of 4 · limits 1–3 · within the limits"


CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_ctrl_z_in_the_search_field_undoes_check_ins_and_the_saved_file_agrees(page, qtbot):
    window = page.window()
    names = ["Aino Esimerkki", "Helena Fiktiivinen", "Seppo Harjoitus"]
    for name in names:
        type_into_focus(page, qtbot, name, Qt.Key.Key_Return)
    assert len(present(page)) == 3
    for _press in range(3):
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Z, CTRL)
    assert present(page) == set()
    assert window.focusWidget() is page.search
    said = window.statusBar().currentMessage()
    assert said.startswith("Undone: ") and "Aino Esimerkki" in said
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Z, CTRL_SHIFT)
    assert present(page) == {person_named(page, "Aino Esimerkki").id}
    said = window.statusBar().currentMessage()
    assert said.startswith("Redone: ") and "Aino Esimerkki" in said
    # Text typed since is the field's own to undo first; the cohort is left alone.
    qtbot.keyClicks(window.focusWidget(), "hel")
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Z, CTRL)
    assert page.search.text() == "" and len(present(page)) == 1
    path = page.ctx.session.path
    day_id = page.day.currentData()
    window.close()
    db = read_only(path)
    try:
        rows = db.execute("SELECT person_id FROM attendance WHERE day_id = ? AND deleted = 0",
                          [day_id]).fetchall()
    finally:
        db.conn.close()
    assert [r[0] for r in rows] == [person_named_in(path, "Aino Esimerkki")]


def person_named_in(path, name):
    db = read_only(path)
    try:
        return db.execute("SELECT id FROM person WHERE name = ?", [name]).fetchone()[0]
    finally:
        db.conn.close()


def test_escape_clears_and_missing_only_hides_who_came(page, qtbot):
    qtbot.keyClicks(page.search, "Aino Esimerkki")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    qtbot.keyClicks(page.search, "zzz")
    qtbot.keyClick(page.search, Qt.Key.Key_Escape)
    assert page.search.text() == ""
    before = len(page.visible_people())
    page.missing_only.setChecked(True)
    assert len(page.visible_people()) == before - 1


def test_walk_in_and_substitute_from_the_keyboard(page, qtbot):
    from ilmava_desktop.ui.attendance.new_attendee import NewAttendeeDialog

    qtbot.keyClicks(page.search, "kuhmo")
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    qtbot.keyClick(page.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: any_open(NewAttendeeDialog))  # a button shortcut animates its click
    dialog = open_dialog(NewAttendeeDialog)
    assert dialog.municipality.currentText() == "Kuhmo"
    qtbot.keyClicks(dialog.name, "Uusi Tulija")
    qtbot.keyClicks(dialog.title_field, "Kaupunginvaltuutettu")
    assert dialog.role.currentData() == "elected_official"  # suggested from the title
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert person_named(page, "Uusi Tulija").id in present(page)
    assert person_named(page, "Uusi Tulija").role == "elected_official"

    qtbot.keyClicks(page.search, "seppo")
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    qtbot.keyClick(page.search, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: any_open(NewAttendeeDialog))
    dialog = open_dialog(NewAttendeeDialog)
    qtbot.keyClicks(dialog.name, "Sijainen Esimerkki")
    click_button(qtbot, dialog, "OK")
    substitute = person_named(page, "Sijainen Esimerkki")
    rows = queries.attendance(page.ctx.session.db, page.day.currentData())
    row = next(r for r in rows if r["person_id"] == substitute.id)
    assert row["kind"] == "substitute"
    assert row["substitute_for"] == person_named(page, "Seppo Harjoitus").id


def test_export_from_the_page(page, tmp_path):
    page.export_to(tmp_path / "läsnäolo")
    assert (tmp_path / "läsnäolo.xlsx").exists()
    assert "läsnäolo.xlsx" in page.message.text()


def test_badges_and_signin_sheet_from_the_page(page, tmp_path):
    page.write_pdf("badges", tmp_path / "kyltit.pdf")
    page.write_pdf("signin", tmp_path / "lista.pdf")
    assert (tmp_path / "kyltit.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "lista.pdf").read_bytes().startswith(b"%PDF")
    assert "lista.pdf" in page.message.text()


def test_the_list_model_passes_the_model_tester(page, qtmodeltester):
    qtmodeltester.check(page.model)


def test_days_are_added_and_edited_from_the_page(page, qtbot):
    from datetime import date

    from PySide6.QtCore import QDate

    from ilmava_desktop.ui.attendance.days_dialog import DayDialog, DaysDialog

    days = page.open_days()
    assert days.model.rowCount() == 4
    dialog = days.add_day()
    dialog.date.setDate(QDate(2026, 11, 24))
    qtbot.keyClicks(dialog.title, "Tyopaja")  # QtTest types ASCII only
    qtbot.keyClicks(dialog.title_sv, "Verkstad")
    qtbot.keyClicks(dialog.title_en, "Workshop")
    qtbot.keyClicks(dialog.venue, "Helsinki")
    dialog.invitees.setCurrentIndex(dialog.invitees.findData("none"))
    dialog.maximum.setValue(2)
    dialog.minimum.setValue(3)
    click_button(qtbot, dialog, "Save")
    assert dialog.isVisible() and "minimum" in dialog.error.text()
    dialog.minimum.setValue(1)
    click_button(qtbot, dialog, "Save")
    assert days.model.rowCount() == 5
    added = next(d for d in queries.days(page.ctx.session.db) if d.date == date(2026, 11, 24))
    assert (added.venue, added.min_attendance, added.max_attendance) == ("Helsinki", 1, 2)
    assert (added.title_in("sv"), added.title_in("en")) == ("Verkstad", "Workshop")
    assert page.day.count() == 5
    # The window speaks English: its list of days shows the English title.
    assert any("Workshop" in page.day.itemText(n) for n in range(page.day.count()))
    # Editing the day shows its titles in every language.
    days.table.selectRow(4)
    edit = days.edit_day()
    assert (edit.title.text(), edit.title_sv.text(), edit.title_en.text()) == (
        "Tyopaja", "Verkstad", "Workshop")
    edit.reject()
    days.table.selectRow(4)
    assert queries.invited(page.ctx.session.db, added.id) == set()  # it invited nobody
    days.remove_day()  # nothing on it yet: removed without asking
    assert days.model.rowCount() == 4 and page.day.count() == 4
    assert isinstance(days, DaysDialog) and DayDialog


def test_removing_a_day_with_check_ins_asks_saying_how_many(page, qtbot):
    from PySide6.QtWidgets import QMessageBox

    fill_lahti(page, qtbot)
    days = page.open_days()
    days.table.selectRow(0)
    days.remove_day()
    assert "has 3 check-ins and 42 invited people" in message_text()
    click_button(qtbot, open_dialog(QMessageBox), "Keep the day")
    assert days.model.rowCount() == 4
    days.remove_day()
    click_button(qtbot, open_dialog(QMessageBox), "Remove the day")
    assert days.model.rowCount() == 3 and page.day.count() == 3


def fill_lahti(page, qtbot):
    lahti_id = queries.municipality_by_code(page.ctx.session.db, "398").id
    lahti = [p for p in queries.people(page.ctx.session.db) if p.municipality_id == lahti_id]
    for person in lahti[:3]:
        type_into_focus(page, qtbot, person.name, Qt.Key.Key_Return)
    return lahti


def test_a_walk_in_over_the_limit_is_recorded_with_ctrl_enter_keeping_the_name(page, qtbot):
    from ilmava_desktop.ui.attendance.new_attendee import NewAttendeeDialog

    lahti = fill_lahti(page, qtbot)
    type_into_focus(page, qtbot, "lahti", Qt.Key.Key_Down)
    qtbot.keyClick(page.window().focusWidget(), Qt.Key.Key_N, CTRL_SHIFT)
    qtbot.waitUntil(lambda: any_open(NewAttendeeDialog))
    dialog = open_dialog(NewAttendeeDialog)
    assert dialog.municipality.currentText() == "Lahti"
    qtbot.keyClicks(dialog.name, "Valtteri Vieras")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert "3 of its 3 places" in page.message.text()
    assert page.override_button.isVisible()
    assert "Valtteri Vieras" in page.override_button.text()
    assert not any(p.name == "Valtteri Vieras" for p in queries.people(page.ctx.session.db))
    type_into_focus(page, qtbot, "", Qt.Key.Key_Return, CTRL)
    walk_in = person_named(page, "Valtteri Vieras")
    row = page.ctx.session.db["attendance"].get(attendance_id(page.day.currentData(), walk_in.id))
    assert (row["kind"], row["over_limit"]) == ("walk_in", 1)
    assert walk_in.municipality_id == lahti[0].municipality_id
    assert not page.override_button.isVisible()


def test_a_substitute_over_the_limit_is_recorded_with_the_button(page, qtbot):
    from ilmava_desktop.ui.attendance.new_attendee import NewAttendeeDialog

    lahti = fill_lahti(page, qtbot)
    type_into_focus(page, qtbot, lahti[3].name, Qt.Key.Key_U, CTRL_SHIFT)
    qtbot.waitUntil(lambda: any_open(NewAttendeeDialog))
    dialog = open_dialog(NewAttendeeDialog)
    qtbot.keyClicks(dialog.name, "Sanna Sijainen")
    click_button(qtbot, dialog, "OK")
    assert page.override_button.isVisible() and "Sanna Sijainen" in page.override_button.text()
    qtbot.mouseClick(page.override_button, Qt.MouseButton.LeftButton)
    substitute = person_named(page, "Sanna Sijainen")
    row = page.ctx.session.db["attendance"].get(
        attendance_id(page.day.currentData(), substitute.id))
    assert (row["kind"], row["over_limit"], row["substitute_for"]) == (
        "substitute", 1, lahti[3].id)


def test_the_politicians_day_counts_and_lists_only_its_invited(page, qtbot):
    page.day.setCurrentIndex(2)  # the first day of period 5: the political leadership
    page.day.activated.emit(2)
    assert page.municipality_text("Asikkala") == "0 of 1 · limits 2–5 · under the minimum"
    shown = {p.name for p in page.visible_people()}
    assert "Liisa Mallikas" in shown and "Aino Esimerkki" not in shown  # an official
    page.missing_only.setChecked(True)
    assert "Liisa Mallikas" in {p.name for p in page.visible_people()}
    page.missing_only.setChecked(False)
    # An official who came all the same is found, marked, checked in and so invited.
    type_into_focus(page, qtbot, "aino esim")
    aino = next(n for n, row in enumerate(page.model.rows)
                if row.person and row.person.name == "Aino Esimerkki")
    assert page.model.index(aino, 2).data() == "(not invited)"
    qtbot.keyClick(page.window().focusWidget(), Qt.Key.Key_Return)
    assert person_named(page, "Aino Esimerkki").id in present(page)
    assert page.municipality_text("Asikkala") == "1 of 2 · limits 2–5 · under the minimum"
    assert "(not invited)" in page.model.index(
        next(n for n, row in enumerate(page.model.rows)
             if row.person and row.person.name == "Aino Esimerkki"), 2).data()


def test_invitations_are_ticked_in_the_grid_from_the_keyboard(page, qtbot, qtmodeltester):
    from ilmava_desktop.ui.attendance.invitations_dialog import FIXED_COLUMNS

    dialog = page.open_invitations()
    qtmodeltester.check(dialog.model)
    grid = dialog.model.grid
    politicians_day = FIXED_COLUMNS + 2
    row = next(n for n, p in enumerate(grid.people) if p.name == "Aino Esimerkki")
    dialog.table.setFocus()
    dialog.table.setCurrentIndex(dialog.model.index(row, politicians_day))
    header = dialog.model.headerData(politicians_day, Qt.Orientation.Horizontal)
    assert header.endswith("10 invited")
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    aino = person_named(page, "Aino Esimerkki")
    day_id = grid.days[2].id
    assert aino.id in queries.invited(page.ctx.session.db, day_id)
    assert dialog.model.index(row, politicians_day).data(
        Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert dialog.model.headerData(politicians_day, Qt.Orientation.Horizontal).endswith(
        "11 invited")
    qtbot.keyClick(dialog.table, Qt.Key.Key_M)  # the whole of Asikkala to the day
    asikkala = {p.id for p in grid.people if p.municipality == "Asikkala"}
    assert asikkala <= queries.invited(page.ctx.session.db, day_id)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)  # and Aino taken back again
    assert aino.id not in queries.invited(page.ctx.session.db, day_id)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.isActiveWindow())
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Z, CTRL)  # undone where the hands are
    assert aino.id in queries.invited(page.ctx.session.db, day_id)
    assert dialog.model.index(row, politicians_day).data(
        Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert dialog.message.text().startswith("Undone: ")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Z, CTRL_SHIFT)
    assert aino.id not in queries.invited(page.ctx.session.db, day_id)
    dialog.reject()
    page.day.setCurrentIndex(2)
    page.day.activated.emit(2)
    assert page.municipality_text("Asikkala") == (
        f"0 of {len(asikkala) - 1} · limits 2–5 · under the minimum")


def test_at_a_projectors_width_names_keep_their_room_and_the_counts_read_whole(page, qtbot):
    """At 1024 pixels the names and roles share what the time and the count leave: the
    names once got 30 pixels ("F…") beside fixed columns of 710."""
    from PySide6.QtWidgets import QApplication

    window = page.window()
    window.resize(1024, 700)
    QApplication.processEvents()
    view, model = page.view, page.model
    header = view.horizontalHeader()
    assert header.sectionSize(0) >= 150
    assert abs(header.sectionSize(0) - header.sectionSize(1)) <= 1
    bold = model.data(model.index(0, 3), Qt.ItemDataRole.FontRole)
    from PySide6.QtGui import QFontMetrics

    count = model.data(model.index(0, 3))
    assert QFontMetrics(bold).horizontalAdvance(count) <= header.sectionSize(3)


def test_the_walk_ins_title_hint_is_in_the_windows_language(page):
    """The hint shows a title in the window's language (it said "kaupunginjohtaja" in
    English); a title typed in any of the three is understood."""
    from ilmava_desktop.core.roles import role_from_title
    from ilmava_desktop.ui.attendance.new_attendee import NewAttendeeDialog

    dialog = NewAttendeeDialog("Walk-in", "", [("m", "Lahti")], "m", page)
    hint = dialog.title_field.placeholderText()
    assert hint == "e.g. municipal manager"
    assert role_from_title(hint.removeprefix("e.g. ")) == "municipal_manager"
    dialog.reject()


def test_a_days_date_is_edited_as_the_window_writes_dates(page):
    """The date field of a day reads "28 Jan 2026" in English, as every list of days does
    (it read "28.1.2026" beside them)."""
    days = page.open_days()
    days.table.selectRow(0)
    dialog = days.edit_day()
    assert dialog.date.text() == "28 Jan 2026"
    # Who it invites is set elsewhere once the day exists, and the dialog says where.
    from PySide6.QtWidgets import QLabel

    assert not dialog.invitees.isEnabled()
    assert "(who is invited is changed in Invitations…)" in [
        label.text() for label in dialog.findChildren(QLabel)]
    dialog.reject()
    days.reject()
