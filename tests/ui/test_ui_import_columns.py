"""The import preview in the window: every column of the file and its use, chosen from a list
when the guess is wrong or missing, and remembered for the next file headed alike."""

from pathlib import Path

from ui_helpers import click_button

from ilmava_desktop.services.assessment import answer_import
from ilmava_desktop.storage import queries

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"


def municipalities_page(demo_window_at):
    window = demo_window_at(0)
    return window, window.tool_stack.currentWidget()


def uses(dialog) -> dict:
    table = dialog.column_table
    return {table.item(row, 0).toolTip(): table.cellWidget(row, 1).currentData()
            for row in range(table.rowCount())}


def choose(dialog, header: str, field: str) -> None:
    combo = dialog.column_table.combo(header)
    combo.setCurrentIndex(combo.findData(field))
    combo.activated.emit(combo.currentIndex())


def test_a_forms_export_shows_each_column_and_its_use(demo_window_at):
    window, page = municipalities_page(demo_window_at)
    dialog = page.open_import()
    dialog.load(FIXTURES / "google_hakemukset.csv")
    assert dialog.plan is not None and dialog.plan.kind == "applications"
    assert uses(dialog) == {
        "Aikaleima": "", "Sähköpostiosoite": "", "Kunta": "municipality",
        "Valitse kehittämistehtävänne teema": "theme",
        "Kuvaile viheliäinen ongelma lyhyesti": "wicked_problem",
        "Onko valtuusto asettanut ilmastotavoitteen?": "council_target",
        "Kuvaile nykytila": "current_state", "Mitkä ovat suurimmat haasteet?": "challenges",
        "Yhteyshenkilön puhelinnumero": ""}
    assert "3 columns of the file are not used" in dialog.columns_label.text()
    assert "“Yhteyshenkilön puhelinnumero”" in dialog.columns_label.text()
    combo = dialog.column_table.combo("Kunta")
    assert combo.accessibleName() == "Use of the column Kunta"
    assert combo.itemText(0) == "not used" and combo.currentText() == "municipality"
    # Kuhmo's "Ilmasto" fits several themes: the row is imported, the theme left unset.
    results = [(dialog.model.index(r, 0).data(), dialog.model.index(r, 1).data())
               for r in range(dialog.model.rowCount())]
    assert ("4", "note") in results and ("4", "update") in results  # the demo has Kuhmo
    dialog.apply()
    kuopio = queries.municipality_by_code(window.ctx.session.db, "297")
    assert (kuopio.theme, kuopio.council_target) == ("procurement", True)
    assert "ohjaa valintoja" in kuopio.wicked_problem and kuopio.current_state
    tornio = queries.municipality_by_code(window.ctx.session.db, "851")
    assert (tornio.theme, tornio.council_target) == ("land_use", False)


def test_the_user_chooses_a_columns_use_and_the_next_file_is_read_alike(demo_window_at,
                                                                         qtbot, tmp_path):
    window, page = municipalities_page(demo_window_at)
    path = tmp_path / "osallistujat.csv"
    path.write_text("Paikkakunta;Henkilö;Yhteystieto\n"
                    "Lahti;Liisa Listalla;liisa@lahti.example\n", "utf-8-sig")
    dialog = page.open_import()
    dialog.load(path)
    assert dialog.plan is None and "no municipality column" in dialog.summary.text()
    assert uses(dialog) == {"Paikkakunta": "", "Henkilö": "", "Yhteystieto": ""}
    choose(dialog, "Paikkakunta", "municipality")
    assert "neither name columns" in dialog.summary.text()
    choose(dialog, "Henkilö", "name")
    assert dialog.plan is not None and "1 to add" in dialog.summary.text()
    choose(dialog, "Yhteystieto", "email")
    assert uses(dialog) == {"Paikkakunta": "municipality", "Henkilö": "name",
                            "Yhteystieto": "email"}
    click_button(qtbot, dialog, "Import")
    person = next(p for p in queries.people(window.ctx.session.db)
                  if p.name == "Liisa Listalla")
    assert person.email == "liisa@lahti.example"
    # The next list headed alike: read the same way, nothing to choose again.
    later = tmp_path / "lisaa.csv"
    later.write_text("Paikkakunta;Henkilö;Yhteystieto;Huom\n"
                     "Porvoo;Pekka Perässä;pekka@porvoo.example;\n", "utf-8")
    again = page.open_import()
    again.load(later)
    assert again.plan is not None and "1 to add" in again.summary.text()
    assert uses(again) == {"Paikkakunta": "municipality", "Henkilö": "name",
                           "Yhteystieto": "email", "Huom": ""}


def test_answers_from_a_webropol_export_in_the_window(demo_window_at, qtbot):
    window = demo_window_at(2)
    page = window.tool_stack.currentWidget()
    db = window.ctx.session.db
    from ilmava_desktop.services import assessment

    dialog = page.open_import()
    dialog.load(FIXTURES / "webropol_itsearviointi.csv")
    assert dialog.plan is not None and dialog.plan.shape == answer_import.WIDE
    assert "One row per respondent" in dialog.summary.text()
    shown = uses(dialog)
    assert shown["Kunta"] == "municipality" and shown["Vastaajan numero"] == ""
    assert shown["Vahvuudet"] == "strengths"
    assert sum(1 for field in shown.values() if "." in field) == 30  # every statement
    rows = [dialog.model.index(r, 3).data() for r in range(dialog.model.rowCount())]
    assert rows[:3] == ["sheet 1", "sheet 2", "sheet 1"]  # Lahti, Lahti, Porvoo
    combo = dialog.column_table.combo("Vastausaika")
    assert combo.findData("strategy.1") > 0  # a statement can be chosen for any column
    click_button(qtbot, dialog, "Import")
    lahti = queries.municipality_by_code(db, "398").id
    given = {(a.sheet, a.statement_id): a.value
             for a in assessment.answers(db, page.round.currentData())
             if a.municipality_id == lahti}
    # Lahti's first respondent: "3 - Kehittymässä", then 4, 2, 3, not answered, 5.
    assert [given.get((1, f"strategy.{n}")) for n in (1, 2, 3, 4)] == [3, 4, 2, 3]
    assert given[(2, "finance.2")] is None  # "En osaa sanoa"


def test_a_hosts_list_of_interviewees_previewed_with_its_columns(demo_window_at, qtbot,
                                                                  tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    window = demo_window_at(0)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    tab = window.tool_stack.currentWidget().visit
    tab.choice.setCurrentIndex(tab.choice.findText("Lahti"))
    path = tmp_path / "haastateltavat.xlsx"
    import openpyxl

    book = openpyxl.Workbook()
    for row in (["Aikaleima", "Haastateltavan nimi", "Tehtävä tai yksikkö", "Puhelin"],
                ["2026-09-01", "Kerttu Kysyjä", "energia-asiantuntija", "040 1"],
                ["2026-09-01", "Ville Valtuutettu", "kaupunginvaltuutettu", "040 2"]):
        book.active.append(row)
    book.save(path)
    dialog = tab.import_list()
    dialog.load(path)
    assert uses(dialog) == {"Aikaleima": "", "Haastateltavan nimi": "name",
                            "Tehtävä tai yksikkö": "title", "Puhelin": ""}
    assert "2 added" in dialog.summary.text()
    # A row per interviewee added, with the title, interview group and e-mail read.
    assert [[dialog.model.index(r, c).data() for c in (0, 1, 3, 4)]
            for r in range(dialog.model.rowCount())] == [
        ["2", "add", "Kerttu Kysyjä", "energia-asiantuntija · expert"],
        ["3", "add", "Ville Valtuutettu", "kaupunginvaltuutettu · elected official"]]
    click_button(qtbot, dialog, "Import")
    qtbot.waitUntil(lambda: tab.people_model.rowCount() == 2)


def test_a_theme_that_fits_several_is_picked_with_the_keyboard(demo_window_at, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    window, page = municipalities_page(demo_window_at)
    dialog = page.open_import()
    dialog.load(FIXTURES / "google_hakemukset.csv")
    qtbot.waitUntil(lambda: dialog.plan is not None)
    assert "1 theme in the file fits several themes or none" in dialog.themes_label.text()
    table = dialog.theme_table
    assert table.texts == [["4", "Kuhmo", "Ilmasto"]]
    combo = table.combo(4)
    assert combo.accessibleName() == "Theme meant on line 4: “Ilmasto”"
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "leave unset", "Linking climate work to the budget", "Procurement as a climate tool",
        "Climate communication and resident participation",
        "Making the statutory climate plan work"]
    dialog.activateWindow()
    dialog.choose_button.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.choose_button)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is combo)
    # Each key replans the preview; the keyboard stays on the line's list.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: dialog.picks == {(4, 0): "budget"})
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table.combo(4))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: table.combo(4).currentData() == "procurement")
    # Tab goes on from the list to the dialog's buttons.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() in dialog.buttons.buttons()
    results = [(dialog.model.index(r, 0).data(), dialog.model.index(r, 1).data())
               for r in range(dialog.model.rowCount())]
    assert ("4", "note") not in results and ("4", "update") in results
    click_button(qtbot, dialog, "Import")
    kuhmo = queries.municipality_by_code(window.ctx.session.db, "290")
    assert kuhmo.theme == "procurement"
    assert "Pieni kunta" in kuhmo.wicked_problem
