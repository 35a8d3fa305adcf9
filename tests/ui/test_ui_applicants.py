"""Applicants, selection, own funding, sparring and the year in the window."""

import csv
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from ui_helpers import click_button

from ilmava_desktop.services.cohort.create import create_cohort
from ilmava_desktop.services.demo import content as demo_content
from ilmava_desktop.services.groups import sparring
from ilmava_desktop.services.municipalities import find_municipality
from ilmava_desktop.storage import queries
from ilmava_desktop.ui.door import DbDoor, InlineExecutor
from ilmava_desktop.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot):
    window = MainWindow(DbDoor(InlineExecutor()))
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()


def applications_file(path):
    """The demo's 18 applications as the organiser's spreadsheet would have them."""
    rows = [["Kunta", "Teema", "Viheliäinen ongelma", "Valtuuston ilmastotavoite", "Nykytila",
             "Haasteet", "Omarahoitus"]]
    for code, (theme, target, problem, state, challenges, _people) in (
            demo_content.MUNICIPALITIES.items()):
        rows.append([code, theme, problem, "kyllä" if target else "ei", state, challenges,
                     "kyllä"])
    for code, (theme, target, problem, state, challenges, funding) in (
            demo_content.NOT_SELECTED.items()):
        rows.append([code, theme, problem, "kyllä" if target else "ei", state, challenges,
                     "kyllä" if funding else "ei"])
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter=";").writerows(rows)
    return path


def test_from_18_applications_to_15_selected_with_one_key_each(window, qtbot, tmp_path):
    path = tmp_path / "haku.ilmava"
    create_cohort(path, "ILMAVA 2027").close()
    window.open_cohort(path)
    page = window.tools[0][1]
    dialog = page.open_import()
    dialog.load(applications_file(tmp_path / "hakemukset.csv"))
    click_button(qtbot, dialog, "Import")
    db = window.ctx.session.db
    assert {m.status for m in queries.municipalities(db)} == {"applicant"}
    assert page.proxy.rowCount() == 18
    assert page.count.text() == ("0 selected; the programme takes 10–15: 10 more needed · "
                                 "18 applicants waiting")

    # The applicants with the criteria as columns: Tornio has no council climate target.
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(page.model.columnCount())]
    assert headers[2:7] == ["Status", "Target", "State", "Challenges", "Funding"]
    tornio = find_municipality(db, "851")
    page.select(tornio)
    row = page.proxy.mapFromSource(page.model.index(page.model.row_of_id(tornio), 0)).row()
    assert page.proxy.index(row, 3).data() == "✗" and page.proxy.index(row, 6).data() == "✓"
    assert ("no council climate target — the programme asks applicants to have one"
            in page.details.status_line.text())

    # One key each, from the top of the list: + selects, - declines, and the cursor moves on.
    declined = set(demo_content.NOT_SELECTED)
    page.table.setFocus()
    page.table.setCurrentIndex(page.proxy.index(0, 0))
    for _row in range(page.proxy.rowCount()):
        current = page.model.row_at(page.proxy.mapToSource(page.table.currentIndex()).row())
        qtbot.keyClick(page.table, Qt.Key.Key_Minus if current.code in declined
                       else Qt.Key.Key_Plus)
    statuses = {m.code: m.status for m in queries.municipalities(db)}
    assert sorted(c for c, s in statuses.items() if s == "not_selected") == sorted(declined)
    assert sum(s == "selected" for s in statuses.values()) == 15
    assert page.count.text() == "15 selected; the programme takes 10–15"
    # Tornio was selected all the same, its missing target still said.
    assert statuses["851"] == "selected"
    page.select(tornio)
    assert "Status: selected" in page.details.status_line.text()
    assert "no council climate target" in page.details.status_line.text()
    # Ctrl+Z takes the last decision back.
    window.undo()
    assert "selected; the programme takes" in page.count.text()


def test_withdrawing_in_the_window_takes_a_municipality_out_of_the_days(demo_window_at, qtbot):
    window = demo_window_at(0)
    page = window.tools[0][1]
    db = window.ctx.session.db
    tampere = find_municipality(db, "837")
    page.select(tampere)
    qtbot.mouseClick(page.withdraw_button, Qt.MouseButton.LeftButton)
    assert queries.municipality(db, tampere).status == "withdrawn"
    assert "14 selected" in page.count.text()
    attendance = window.tools[1][1]
    shown = {group.name for group in attendance.groups}
    assert len(shown) == 14 and "Tampere" not in shown and "Turku – Åbo" in shown


def test_own_funding_is_edited_in_the_details(demo_window_at, qtbot):
    window = demo_window_at(0)
    page = window.tools[0][1]
    db = window.ctx.session.db
    kuhmo = find_municipality(db, "290")
    page.select(kuhmo)
    details = page.details
    assert details.paid.text() == "" and details.invoiced.text() == "6 Feb 2026"
    assert details.amount.placeholderText() == "2,000"  # thousands as English groups them
    details.paid.setFocus()
    details.paid.setText("3.11.2026")
    qtbot.keyClick(details.paid, Qt.Key.Key_Return)
    m = queries.municipality(db, kuhmo)
    assert m.funding_paid == date(2026, 11, 3) and m.own_funding_paid
    details.amount.setText("1,500")
    details.amount.editingFinished.emit()
    assert queries.municipality(db, kuhmo).funding_amount == 1500
    assert details.amount.text() == "1,500"
    details.amount.setText("1.5")  # not a whole number of euros: said, the amount kept
    details.amount.editingFinished.emit()
    assert "“1.5” is not a whole number" in details.said.text()
    assert queries.municipality(db, kuhmo).funding_amount == 1500
    details.invoiced.setText("huomenna")
    details.invoiced.editingFinished.emit()
    assert "not a date" in details.said.text()
    assert queries.municipality(db, kuhmo).funding_invoiced == date(2026, 2, 6)


def test_sparring_sessions_are_added_and_marked_publishable_in_the_groups_tool(demo_window_at,
                                                                               qtbot):
    window = demo_window_at(3)
    tool = window.tool_stack.currentWidget()
    tool.tabs.setCurrentWidget(tool.sparring)
    tab = tool.sparring
    db = window.ctx.session.db
    assert tab.municipality_model.rowCount() == 15
    assert "Period 4" in tab.period.text()
    assert tab.load_model.rowCount() == len(sparring.load(db))
    tornio = find_municipality(db, "851")
    row = tab.municipality_model.row_of_id(tornio)
    tab.municipalities.setCurrentIndex(tab.municipality_model.index(row, 0))
    before = tab.session_model.rowCount()
    assert before >= 2
    dialog = tab.open_add()
    dialog.minutes.setValue(75)
    dialog.online.setChecked(True)
    dialog.next_step.setPlainText("Tavoiteluonnos valtuustolle")
    dialog.notes.setPlainText("Vain meille")
    dialog.accept()
    assert tab.session_model.rowCount() == before + 1
    added = [s for s in sparring.sessions(db, tornio) if s.next_step ==
             "Tavoiteluonnos valtuustolle"]
    assert len(added) == 1 and added[0].minutes == 75 and added[0].online
    assert not added[0].publishable
    new_row = next(r for r in range(tab.session_model.rowCount())
                   if tab.session_model.row_at(r).id == added[0].id)
    tab.sessions.setCurrentIndex(tab.session_model.index(new_row, 0))
    qtbot.mouseClick(tab.publish_button, Qt.MouseButton.LeftButton)
    assert next(s for s in sparring.sessions(db, tornio) if s.id == added[0].id).publishable
    window.undo()
    assert not next(s for s in sparring.sessions(db, tornio) if s.id == added[0].id).publishable


def test_the_year_is_in_view_above_the_tools_and_in_attendance(demo_window_at, qtbot):
    window = demo_window_at(1)
    strip = window.year_strip
    assert strip.isVisible()
    for name in ("Opening, self-assessment and orientation", "Sparring for each municipality"):
        assert name in strip.text() or name in strip.toolTip()  # named where there is room
    attendance = window.tool_stack.currentWidget()
    assert "This day: period" in attendance.year.text()
    assert "Now:" in attendance.year.text()
    QApplication.processEvents()


def test_a_session_is_edited_and_the_municipalitys_log_written(demo_window_at, qtbot,
                                                               tmp_path):
    window = demo_window_at(3)
    tool = window.tool_stack.currentWidget()
    tool.tabs.setCurrentWidget(tool.sparring)
    tab = tool.sparring
    db = window.ctx.session.db
    tornio = find_municipality(db, "851")
    tab.municipalities.setCurrentIndex(
        tab.municipality_model.index(tab.municipality_model.row_of_id(tornio), 0))
    tab.sessions.setCurrentIndex(tab.session_model.index(0, 0))
    first = tab.session_model.row_at(0)
    dialog = tab.open_edit()
    assert dialog.minutes.value() == first.held.minutes
    assert dialog.next_step.toPlainText() == first.held.next_step
    dialog.topic.setText("Tavoitteet teollisuuden kanssa")
    dialog.minutes.setValue(100)
    dialog.accept()
    edited = next(s for s in sparring.sessions(db, tornio) if s.id == first.id)
    assert (edited.topic, edited.minutes, edited.notes) == (
        "Tavoitteet teollisuuden kanssa", 100, first.held.notes)
    assert tab.session_model.row_at(0).topic == "Tavoitteet teollisuuden kanssa"
    tab.write_log(tmp_path / "tornio.xlsx", tornio)
    import openpyxl

    rows = list(openpyxl.load_workbook(tmp_path / "tornio.xlsx").active.iter_rows(
        values_only=True))
    assert len(rows) == len(sparring.sessions(db, tornio)) + 1
    assert {row[1] for row in rows[1:]} == {"Tornio"}
    assert str(tmp_path / "tornio.xlsx") in tab.message.text()


def test_the_programmes_year_and_range_are_edited_in_a_dialog(demo_window_at, qtbot):
    from ilmava_desktop.services.cohort import programme as programme_service

    window = demo_window_at(0)
    page = window.tools[0][1]
    dialog = page.open_year()
    assert [number for number, _s, _e in dialog.periods] == [1, 2, 3, 4, 5]
    assert (dialog.low.value(), dialog.high.value(), dialog.funding.value()) == (10, 15, 2000)
    assert dialog.funding.text() == "€2,000"
    QApplication.processEvents()  # the range's two numbers read as one range, side by side
    assert dialog.high.x() - (dialog.low.x() + dialog.low.width()) < 60
    _number, start, end = dialog.periods[3]
    start.setDate(start.date().addDays(14))
    dialog.high.setValue(14)
    dialog.save()
    shown = programme_service.programme(window.ctx.session.db)
    assert shown.period(4).start == date(2026, 5, 15) and shown.selection == (10, 14)
    assert page.count.text() == "15 selected; the programme takes 10–14: 1 too many"
    assert "15 May – 31 Aug 2026" in programme_service.where_now(window.ctx.session.db, "en",
                                                        date(2026, 6, 1))
    # An end before its start is refused in words and nothing is written.
    dialog = page.open_year()
    _number, start, end = dialog.periods[0]
    end.setDate(start.date().addDays(-1))
    dialog.save()
    assert "cannot end before it starts" in dialog.said.text() and dialog.isVisible()
    window.undo()
    assert programme_service.programme(window.ctx.session.db).selection == (10, 15)


def test_a_sessions_next_step_takes_lines_of_its_own(demo_window_at, qtbot):
    """The next step agreed is a sentence or two: Enter starts a new line in it (it was one
    line that showed only its end), Tab moves on."""
    window = demo_window_at(3)
    tool = window.tool_stack.currentWidget()
    tool.tabs.setCurrentWidget(tool.sparring)
    tab = tool.sparring
    tab.sessions.setCurrentIndex(tab.session_model.index(0, 0))
    dialog = tab.open_edit()
    field = dialog.next_step
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "Luonnos valtuustolle")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.keyClicks(field, "Viestinta kuntalaisille")
    assert dialog.isVisible()  # Enter did not close the dialog
    assert dialog.values()["next_step"] == "Luonnos valtuustolle\nViestinta kuntalaisille"
    dialog.reject()


def test_the_criteria_marks_are_explained_in_their_headings_tooltips(demo_window_at):
    from PySide6.QtCore import Qt

    page = demo_window_at(0).tools[0][1]
    tips = [page.model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
            for c in range(3, 7)]
    assert tips[0] == "Target — Council climate target: ✓ the council has set one, ✗ not yet"
    assert all("✓" in tip and "✗" in tip for tip in tips)
    assert "Municipalities & people" in [h.text() for h in page.findChildren(QLabel, "heading1")]


def test_a_sessions_people_are_said_apart_from_its_topic(demo_window_at):
    """"Climate communication … kunnanjohtaja, …" read as one topic: the people follow on
    a line that says who they are."""
    window = demo_window_at(3)
    tool = window.tool_stack.currentWidget()
    tool.tabs.setCurrentWidget(tool.sparring)
    tab = tool.sparring
    row = next(r for r in range(tab.session_model.rowCount())
               if tab.session_model.row_at(r).participants)
    topic, who = tab.session_model.index(row, 1).data().split("\n")
    assert who == "with: " + tab.session_model.row_at(row).participants
