"""Qt's own words in the user's language: stock buttons come from Qt's catalogue."""

from ilmava_desktop.i18n import set_language


def test_window_in_finnish_uses_qt_catalogue_for_stock_buttons(qtbot, qapp):
    from PySide6.QtWidgets import QDialogButtonBox

    from ilmava_desktop.app import install_qt_translations
    from ilmava_desktop.ui.municipalities.person_dialog import PersonDialog

    set_language("fi")
    translators = install_qt_translations(qapp, "fi")
    try:
        dialog = PersonDialog(None)
        qtbot.addWidget(dialog)
        save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
        assert save.text().replace("&", "") == "Tallenna"
        assert dialog.windowTitle() == "Lisää henkilö"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_swedish_stock_buttons_say_ok_as_swedish_writes_it(qtbot, qapp):
    """Qt's Swedish catalogue reads "Ok"; Swedish usage, and every other button, "OK"."""
    from PySide6.QtWidgets import QDialog, QDialogButtonBox

    from ilmava_desktop.app import install_qt_translations
    from ilmava_desktop.ui.feedback import show_error
    from ilmava_desktop.ui.widgets import dialog_buttons

    set_language("sv")
    translators = install_qt_translations(qapp, "sv")
    try:
        dialog = QDialog()
        qtbot.addWidget(dialog)
        box = dialog_buttons(dialog, QDialogButtonBox.StandardButton.Ok
                             | QDialogButtonBox.StandardButton.Cancel)
        assert box.button(QDialogButtonBox.StandardButton.Ok).text() == "OK"
        if translators:  # Qt's own Swedish catalogue (PySide6 6.6's wheel ships none)
            assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Avbryt"
        error = show_error(None, "Filen finns inte.")
        assert [b.text() for b in error.buttons()] == ["OK"]
        error.close()
    finally:
        set_language("en")
        for translator in translators:
            qapp.removeTranslator(translator)
