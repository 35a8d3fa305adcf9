"""The Visits tool in the window: teams chosen, interviewees added, the day planned and
moved, with the rules checked at once — from the keyboard."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_helpers import click_button, open_dialog

from ilmava_desktop.services import visits
from ilmava_desktop.services.municipalities import find_municipality

VISITS = 6


def visits_page(demo_window_at, qtbot):
    window = demo_window_at(0)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert window.tool_stack.currentIndex() == VISITS
    return window, window.tool_stack.currentWidget()


def type_into_focus(qtbot, text):
    qtbot.keyClicks(QApplication.focusWidget(), text)


def test_ctrl_7_shows_the_demo_visit_with_its_day_and_no_conflicts(demo_window_at, qtbot):
    _window, page = visits_page(demo_window_at, qtbot)
    tab = page.visit
    assert tab.choice.currentText() == "Porvoo – Borgå"
    assert tab.date.text() == "14 Oct 2026"  # as the English window writes dates
    assert tab.people_model.rowCount() == 7
    whats = [tab.slot_model.row_at(n).what for n in range(tab.slot_model.rowCount())]
    assert whats[0] == "Joint opening" and whats[-1] == "Joint debrief and feedback"
    assert "Visiting: Padasjoki" in tab.summary.text() or "Visiting: Asikkala" in \
        tab.summary.text()
    assert tab.conflicts.text().startswith("✓")
    for widget in (tab.choice, tab.date, tab.place, tab.people, tab.slots, tab.start):
        assert widget.accessibleName()


def test_a_slot_moved_into_a_clash_is_refused_in_words_then_moved_where_it_fits(
        demo_window_at, qtbot):
    window, page = visits_page(demo_window_at, qtbot)
    tab = page.visit
    tab.slots.setFocus()
    tab.slots.selectRow(1)
    assert tab.slot_start.text() == "9:45"  # as the English window writes times
    tab.slot_start.setFocus()
    tab.slot_start.selectAll()
    type_into_focus(qtbot, "9.15")  # a Finnish way of writing it too
    click_button(qtbot, tab, "Move")
    assert "would be in two places at 9:15" in page.message.text()
    assert tab.slot_model.row_at(1).time == "9:45–10:45"
    last = max(n for n in range(tab.slot_model.rowCount())
               if tab.slot_model.row_at(n).room)
    tab.slots.selectRow(last)
    tab.slot_start.selectAll()
    tab.slot_start.setFocus()
    type_into_focus(qtbot, "14:05")
    click_button(qtbot, tab, "Move")
    assert tab.slot_model.row_at(last).time == "14:05–15:05"
    assert "Ctrl+Z" in page.message.text()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert tab.slot_model.row_at(last).time == "14:00–15:00"


def test_plan_the_day_that_cannot_be_done_names_the_rule(demo_window_at, qtbot):
    _window, page = visits_page(demo_window_at, qtbot)
    tab = page.visit
    tab.rooms.setValue(1)
    click_button(qtbot, tab, "Plan the day")
    assert "7 interviews in 1 room need 7 a room" in page.message.text()
    tab.rooms.setValue(2)
    tab.start.setText("08:00")
    click_button(qtbot, tab, "Plan the day")
    assert tab.slot_model.row_at(0).time == "8:00–8:30"


def test_an_interviewee_added_from_the_keyboard_appears_and_the_count_is_checked(
        demo_window_at, qtbot):
    _window, page = visits_page(demo_window_at, qtbot)
    tab = page.visit
    tab.choice.setCurrentIndex(tab.choice.findText("Lahti"))
    assert "0 interviewees, fewer than 6" in tab.summary.text()
    dialog = tab.add_interviewee()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.name.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.name)
    type_into_focus(qtbot, "Kerttu Kysyja")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    type_into_focus(qtbot, "energia-asiantuntija")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.people_model.rowCount() == 1)
    assert tab.people_model.row_at(0).name == "Kerttu Kysyja"
    assert tab.people_model.row_at(0).group == "expert"
    assert "1 interviewee, fewer than 6" in tab.summary.text()
    tab.people.selectRow(0)
    click_button(qtbot, tab, "Delete")
    assert tab.people_model.rowCount() == 0


def test_a_team_is_chosen_by_ticking_people_and_warned_outside_two_to_three(
        demo_window_at, qtbot):
    window, page = visits_page(demo_window_at, qtbot)
    page.tabs.setCurrentIndex(1)
    teams = page.teams
    porvoo = next(n for n in range(teams.model.rowCount())
                  if teams.model.row_at(n).municipality == "Porvoo – Borgå")
    # A team without a warning says so in words, not with a bare ✓.
    assert teams.model.index(porvoo, 3).data() == "✓ in order"
    teams.table.selectRow(porvoo)
    click_button(qtbot, teams, "Choose the team…")
    dialog = open_dialog()
    dialog.list.setFocus()
    for row in range(dialog.list.count()):
        dialog.list.setCurrentRow(row)
        if dialog.list.item(row).checkState() == Qt.CheckState.Checked and row > 0:
            qtbot.keyClick(dialog.list, Qt.Key.Key_Space)
    click_button(qtbot, dialog, "OK")
    row = teams.model.row_at(porvoo)
    assert row.warning == "1 person in the review team, fewer than 2"
    session = window.ctx.session
    m_id = find_municipality(session.db, "638")
    assert len(visits.team_members(session.db, m_id)) == 1


def test_the_visits_themes_are_ticked_with_space(demo_window_at, qtbot):
    from ilmava_desktop.services.visits import guides

    window, page = visits_page(demo_window_at, qtbot)
    tab = page.visit
    titles = [tab.themes.item(i).text() for i in range(tab.themes.count())]
    assert titles[0] == "Leadership and strategic commitment" and len(titles) == 4
    before = [tab.themes.item(i).checkState() for i in range(4)]
    last = 3
    tab.themes.setFocus()
    tab.themes.setCurrentRow(last)
    qtbot.keyClick(tab.themes, Qt.Key.Key_Space)
    session = window.ctx.session
    porvoo = find_municipality(session.db, "638")
    expected = {["leadership", "organisation", "implementation", "partnerships"][i]
                for i in range(4) if (before[i] == Qt.CheckState.Checked) != (i == last)}
    assert set(guides.themes_of(session.db, porvoo)) == expected


def test_the_guide_is_imported_from_the_window(demo_window_at, qtbot, tmp_path, monkeypatch):
    import json

    from ilmava_desktop.services.visits import guides
    from ilmava_desktop.ui.visits import page as page_module

    _window, page = visits_page(demo_window_at, qtbot)
    data = guides.bundled_guide()
    path = tmp_path / "opas.json"
    body = guides.core.guide_json(data)
    body["themes"] = body["themes"][:2]
    path.write_text(json.dumps(body), "utf-8")
    monkeypatch.setattr(page_module, "ask_open", lambda _p, _t, _f, on_path: on_path(path))
    click_button(qtbot, page, "Import guide…")
    assert page.visit.themes.count() == 2
    assert "Ctrl+Z" in page.message.text()


def test_the_visit_pack_is_written_from_the_window(demo_window_at, qtbot, tmp_path,
                                                   monkeypatch):
    from ilmava_desktop.ui.visits import visit_tab

    _window, page = visits_page(demo_window_at, qtbot)
    target = tmp_path / "pack.pdf"
    monkeypatch.setattr(visit_tab, "ask_save", lambda _p, _t, _s, _f, on_path: on_path(target))
    click_button(qtbot, page.visit, "Visit pack (PDF)…")
    assert target.read_bytes().startswith(b"%PDF")
    assert str(target) in page.message.text()


def test_a_finding_written_in_the_window_goes_on_the_board(demo_window_at, qtbot):
    from ilmava_desktop.services.visits import findings

    window, page = visits_page(demo_window_at, qtbot)
    tab = page.visit
    dialog = tab.add_finding()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.text.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.text)
    type_into_focus(qtbot, "Budjetointi on johdon yhteinen asia")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    session = window.ctx.session
    porvoo = find_municipality(session.db, "638")
    written = findings.findings(session.db, porvoo)
    assert [(f.kind, f.text, f.confidential) for f in written] == [
        ("strength", "Budjetointi on johdon yhteinen asia", True)]
    assert "1 finding on the board." in tab.summary.text()
    assert visits.visit(session.db, porvoo).status == "findings_written"


def test_a_pair_without_a_shared_language_is_marked_in_the_pairs_list(demo_window_at, qtbot):
    from ilmava_desktop.services.groups.pairs import _pair_id

    window = demo_window_at(3)
    tool = window.tool_stack.currentWidget()
    tool.tabs.setCurrentIndex(1)
    session = window.ctx.session
    raasepori, lahti = find_municipality(session.db, "710"), find_municipality(session.db, "398")
    changes = session.write("pair", lambda tx: tx.put("review_pair", {
        "id": _pair_id(raasepori, lahti), "reviewer_id": raasepori, "reviewee_id": lahti}))
    window.ctx.changed.emit(changes)
    model = tool.pairs.model
    rows = [model.row_at(n) for n in range(model.rowCount())]
    marked = [r for r in rows if not r.shared_language]
    assert [(r.reviewer, r.reviewee) for r in marked] == [("Raseborg – Raasepori", "Lahti")]
    column = next(c for c in range(model.columnCount())
                  if model.headerData(c, Qt.Orientation.Horizontal) == "Language")
    row = rows.index(marked[0])
    assert model.index(row, column).data() == "▲ no shared language"


def test_the_motiva_demo_opens_in_the_window_on_its_visits(qtbot):
    import argparse

    from ilmava_desktop import app
    from ilmava_desktop.ui.door import DbDoor, InlineExecutor
    from ilmava_desktop.ui.main_window import MainWindow

    window = MainWindow(DbDoor(InlineExecutor()))
    qtbot.addWidget(window)
    window.show()
    app._open_initial(window, argparse.Namespace(demo="motiva", cohort=None))
    assert window.ctx.session is not None
    window.show_tool(VISITS)
    tab = window.tool_stack.currentWidget().visit
    assert tab.choice.count() == 6 and tab.choice.currentText() == "Lahti"
    assert "2 findings on the board." in tab.summary.text()


def test_a_preparation_meeting_is_set_changed_and_deleted_from_the_keyboard(
        demo_window_at, qtbot):
    window, page = visits_page(demo_window_at, qtbot)
    tab = page.visit
    panel = tab.preparations
    session = window.ctx.session
    porvoo = find_municipality(session.db, "638")
    found = visits.visit(session.db, porvoo)
    assert panel.model.rowCount() == len(found.reviewer_ids) >= 1
    assert panel.model.row_at(0).date == "not set"
    qtbot.keyClick(tab, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # the meetings' tab
    assert tab.below.currentWidget() is panel
    panel.table.setFocus()
    panel.table.selectRow(0)
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    dialog = open_dialog()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.date.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.date)
    type_into_focus(qtbot, "1.10.2026")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    type_into_focus(qtbot, "https://meet.example/porvoo")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.model.row_at(0).date == "1 Oct 2026")
    assert panel.model.row_at(0).place == "https://meet.example/porvoo"
    meeting = visits.visit(session.db, porvoo).preparations[0]
    assert (meeting.reviewer_id, meeting.date) == (found.reviewer_ids[0], "2026-10-01")
    # A wrong date is refused in words, the meeting kept.
    dialog = panel.edit()
    dialog.date.setText("1.13.2026")
    click_button(qtbot, dialog, "OK")
    assert "is not a date" in page.message.text()
    assert panel.model.row_at(0).date == "1 Oct 2026"
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    panel.table.setFocus()
    panel.table.selectRow(0)
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: panel.model.row_at(0).date == "not set")
    assert visits.visit(session.db, porvoo).preparations == []
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert panel.model.row_at(0).date == "1 Oct 2026"


def _interview_rows(tab):
    return [n for n in range(tab.slot_model.rowCount()) if tab.slot_model.row_at(n).room]


def test_alt_down_and_alt_up_move_an_interview_and_the_selection_follows(demo_window_at,
                                                                       qtbot):
    window, page = visits_page(demo_window_at, qtbot)
    tab = page.visit
    rows = _interview_rows(tab)
    first, second = rows[0], rows[1]
    who = tab.slot_model.row_at(first).what
    times = tab.slot_model.row_at(first).time
    tab.slots.setFocus()
    tab.slots.selectRow(first)
    qtbot.keyClick(tab.slots, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: tab.slot_model.row_at(second).what == who)
    assert tab.slot_model.row_at(first).time == times  # the slot stays; who is in it moves
    assert tab.slots.currentIndex().row() == second
    assert "Ctrl+Z" in page.message.text()
    qtbot.keyClick(tab.slots, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: tab.slot_model.row_at(first).what == who)
    # Before the first interview there is nothing to change places with: said in words.
    qtbot.keyClick(tab.slots, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert "first interview" in page.message.text()
    tab.slots.selectRow(0)
    qtbot.keyClick(tab.slots, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert "Only interviews change places" in page.message.text()
    assert tab.conflicts.text().startswith("✓")


def test_an_interview_dragged_onto_another_changes_places_with_it(demo_window_at, qtbot):
    _window, page = visits_page(demo_window_at, qtbot)
    tab = page.visit
    rows = _interview_rows(tab)
    first, last = rows[0], rows[-1]
    before = (tab.slot_model.row_at(first).what, tab.slot_model.row_at(last).what)
    model = tab.slot_model
    data = model.mimeData([model.index(first, 0)])
    assert model.canDropMimeData(data, Qt.DropAction.CopyAction, -1, -1, model.index(last, 2))
    model.dropMimeData(data, Qt.DropAction.CopyAction, -1, -1, model.index(last, 2))
    qtbot.waitUntil(lambda: tab.slot_model.row_at(last).what == before[0])
    assert tab.slot_model.row_at(first).what == before[1]
    # Dropped on the joint opening: refused in words, nothing moved.
    data = model.mimeData([model.index(first, 0)])
    model.dropMimeData(data, Qt.DropAction.CopyAction, -1, -1, model.index(0, 0))
    assert "Only interviews change places" in page.message.text()
    assert tab.slot_model.row_at(first).what == before[1]


def test_the_day_is_planned_with_group_interviews(demo_window_at, qtbot):
    window, page = visits_page(demo_window_at, qtbot)
    tab = page.visit
    tab.group_size.setValue(3)
    click_button(qtbot, tab, "Plan the day")
    porvoo = find_municipality(window.ctx.session.db, "638")
    found = visits.visit(window.ctx.session.db, porvoo)
    interviews = [s for s in found.schedule if s["kind"] == "interview"]
    assert max(len(s["interviewees"]) for s in interviews) > 1
    assert len(interviews) < len(found.interviewees)
    assert any(", " in tab.slot_model.row_at(n).what for n in _interview_rows(tab))
    assert tab.conflicts.text().startswith("✓")


def test_the_guides_texts_are_edited_in_the_window(demo_window_at, qtbot):
    from ilmava_desktop.services.visits import guides

    window, page = visits_page(demo_window_at, qtbot)
    click_button(qtbot, page, "Edit guide…")
    dialog = open_dialog()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    first_theme = dialog.tree.topLevelItem(0)
    assert first_theme.text(0) == "Leadership and strategic commitment"
    # The first question: its Swedish rewritten from the keyboard.
    dialog.tree.setFocus()
    dialog.tree.setCurrentItem(first_theme.child(0))
    dialog.fields["sv"].setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.fields["sv"])
    dialog.fields["sv"].selectAll()
    type_into_focus(qtbot, "Vilken vision har kommunen?")
    # A new theme with one question, typed in English.
    click_button(qtbot, dialog, "Add theme")
    type_into_focus(qtbot, "Citizens")
    click_button(qtbot, dialog, "Add question")
    type_into_focus(qtbot, "How are residents heard?")
    # A theme left without questions is refused in the dialog, which stays open.
    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(3))
    while dialog.tree.topLevelItem(3).childCount():
        dialog.tree.setCurrentItem(dialog.tree.topLevelItem(3).child(0))
        click_button(qtbot, dialog, "Remove")
    click_button(qtbot, dialog, "OK")
    assert "has no questions" in dialog.error.text() and dialog.isVisible()
    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(3))
    click_button(qtbot, dialog, "Remove")  # the whole theme goes
    click_button(qtbot, dialog, "OK")
    session = window.ctx.session
    edited = guides.guide(session.db)
    assert [t.id for t in edited.themes] == ["leadership", "organisation", "implementation",
                                             "theme1"]
    assert edited.themes[0].questions[0]["sv"] == "Vilken vision har kommunen?"
    assert edited.themes[0].questions[0]["fi"].startswith("Mitkä ovat kunnan")
    assert edited.themes[0].assessment_themes == ("strategy",)
    assert edited.themes[3].title == {"en": "Citizens"}
    assert edited.themes[3].questions == ({"en": "How are residents heard?"},)
    assert page.visit.themes.count() == 4
    assert "Ctrl+Z" in page.message.text()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [t.id for t in guides.guide(session.db).themes][-1] == "partnerships"


def test_an_interviews_roles_are_chosen_from_the_keyboard(demo_window_at, qtbot):
    window, page = visits_page(demo_window_at, qtbot)
    tab = page.visit
    tab.rooms.setValue(2)
    click_button(qtbot, tab, "Plan the day")  # the demo's day, planned with roles
    row = _interview_rows(tab)[0]
    assert "(leads)" in tab.slot_model.row_at(row).interviewers
    assert "(notes)" in tab.slot_model.row_at(row).interviewers
    tab.slots.setFocus()
    tab.slots.selectRow(row)
    dialog = tab.choose_roles()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    lead, notes = dialog.lead.currentData(), dialog.notes.currentData()
    dialog.lead.setCurrentIndex(dialog.lead.findData(notes))
    dialog.notes.setCurrentIndex(dialog.notes.findData(lead))
    click_button(qtbot, dialog, "OK")
    porvoo = find_municipality(window.ctx.session.db, "638")
    slot = visits.visit(window.ctx.session.db, porvoo).schedule[row]
    assert (slot["lead"], slot["notes"]) == (notes, lead)
    assert "Ctrl+Z" in page.message.text()
    dialog = tab.choose_roles()
    dialog.notes.setCurrentIndex(dialog.notes.findData(dialog.lead.currentData()))
    click_button(qtbot, dialog, "OK")
    assert "cannot both lead and take the notes" in page.message.text()
    tab.slots.selectRow(0)
    assert tab.choose_roles() is None
    assert "Only an interview" in page.message.text()


def test_the_visits_timeline_is_ticked_with_space(demo_window_at, qtbot):
    from ilmava_desktop.services.visits import timeline

    window, page = visits_page(demo_window_at, qtbot)
    dialog = page.visit.show_timeline()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    texts = [dialog.steps.item(n).text() for n in range(dialog.steps.count())]
    assert texts[0].startswith("16 Jul 2026") and "– Agreement on themes" in texts[0]
    assert "(from what is recorded)" in texts[1]
    # A late step says so beside its date, never alone at the line's end; one space apart.
    for text in texts:
        assert "  " not in text
        assert "▲ late" not in text or text.index("▲ late") < text.index(" – ")
    dialog.steps.setFocus()
    dialog.steps.setCurrentRow(0)
    qtbot.keyClick(dialog.steps, Qt.Key.Key_Space)
    porvoo = find_municipality(window.ctx.session.db, "638")
    steps = {s.key: s for s in timeline.timeline(window.ctx.session.db, porvoo)}
    assert steps["agreement"].done
    assert dialog.steps.item(0).checkState() == Qt.CheckState.Checked
    assert "Ctrl+Z" in dialog.message.text()
    # A step that follows what is recorded is not ticked by hand.
    dialog.steps.setCurrentRow(4)
    qtbot.keyClick(dialog.steps, Qt.Key.Key_Space)
    assert not timeline.timeline(window.ctx.session.db, porvoo)[4].done
    click_button(qtbot, dialog, "Close")
    assert not dialog.isVisible()


def test_the_schedule_model_passes_the_model_tester(demo_window_at, qtbot, qtmodeltester):
    _window, page = visits_page(demo_window_at, qtbot)
    assert page.visit.slot_model.rowCount() > 5
    qtmodeltester.check(page.visit.slot_model)
    qtmodeltester.check(page.visit.preparations.model)


def test_an_interviews_briefing_is_ticked_and_unticked(demo_window_at, qtbot):
    window, page = visits_page(demo_window_at, qtbot)
    tab = page.visit
    row = _interview_rows(tab)[0]
    who = tab.slot_model.row_at(row).what
    tab.slots.setFocus()
    tab.slots.selectRow(row)
    click_button(qtbot, tab, "Briefing given")
    assert tab.slot_model.row_at(row).what == f"{who} · briefed ✓"
    porvoo = find_municipality(window.ctx.session.db, "638")
    assert visits.visit(window.ctx.session.db, porvoo).schedule[row]["briefed"] is True
    click_button(qtbot, tab, "Briefing given")  # the selection stayed: untick
    assert tab.slot_model.row_at(row).what == who
    tab.slots.selectRow(0)
    click_button(qtbot, tab, "Briefing given")
    assert "Only an interview begins with the briefing" in page.message.text()


def test_both_teams_interview_together_when_nobody_is_then_in_two_places(demo_window_at,
                                                                          qtbot):
    window, page = visits_page(demo_window_at, qtbot)
    tab = page.visit
    rows = _interview_rows(tab)
    last, first = rows[-1], rows[0]
    tab.slots.setFocus()
    tab.slots.selectRow(last)
    dialog = tab.choose_roles()
    assert dialog.teams.count() == 3  # each team, and both together
    dialog.teams.setFocus()
    dialog.teams.setCurrentIndex(2)
    assert dialog.lead.count() == 1 + 5  # nobody, and the five visitors
    click_button(qtbot, dialog, "OK")
    porvoo = find_municipality(window.ctx.session.db, "638")
    found = visits.visit(window.ctx.session.db, porvoo)
    assert len(found.schedule[last]["interviewers"]) == 5
    assert tab.conflicts.text().startswith("✓")
    tab.slots.selectRow(first)
    dialog = tab.choose_roles()
    dialog.teams.setCurrentIndex(2)
    click_button(qtbot, dialog, "OK")
    assert "would be in two places" in page.message.text()


def test_the_visit_date_is_typed_and_shown_as_the_window_writes_dates(demo_window_at, qtbot):
    from ilmava_desktop.services.municipalities import find_municipality

    window, page = visits_page(demo_window_at, qtbot)
    tab = page.visit
    tab.date.setFocus()
    tab.date.selectAll()
    type_into_focus(qtbot, "21.10.2026")
    click_button(qtbot, tab, "Save details")
    porvoo = find_municipality(window.ctx.session.db, "638")
    assert visits.visit(window.ctx.session.db, porvoo).date == "2026-10-21"
    assert tab.date.text() == "21 Oct 2026"
    tab.date.setFocus()
    tab.date.selectAll()
    type_into_focus(qtbot, "next week")
    click_button(qtbot, tab, "Save details")
    assert "“next week” is not a date like 28 Jan 2027" in page.message.text()
    assert visits.visit(window.ctx.session.db, porvoo).date == "2026-10-21"


def test_the_finding_and_interviewee_dialogs_give_their_fields_room(demo_window_at, qtbot):
    """A finding is a sentence and a title can be long: their fields were 140 pixels."""
    _window, page = visits_page(demo_window_at, qtbot)
    finding = page.visit.add_finding()
    assert finding.text.width() >= 50 * finding.text.fontMetrics().averageCharWidth()
    finding.reject()
    person = page.visit.add_interviewee()
    assert person.title.width() >= 30 * person.title.fontMetrics().averageCharWidth()
    person.reject()
