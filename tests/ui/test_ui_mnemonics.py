"""Alt and a letter: on no page, in no language, does a field's or a button's letter take
the menu bar's (Alt+T opened Finnish "Tiedosto" and also meant "Teema", so it did neither
at once)."""

import re

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QTabBar, QWidget


def letter(text: str) -> str | None:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def letters_in_view(window) -> dict[str, list[str]]:
    """Each Alt letter of the fields, buttons and tabs in view, with their words."""
    found: dict[str, list[str]] = {}
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QAbstractButton):
            texts = [widget.text()]
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            texts = [widget.text()]
        elif isinstance(widget, QGroupBox):
            texts = [widget.title()]
        elif isinstance(widget, QTabBar):
            texts = [widget.tabText(i) for i in range(widget.count())]
        else:
            continue
        for text in texts:
            if key := letter(text):
                found.setdefault(key, []).append(text.replace("&", ""))
    return found


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_no_page_takes_a_menus_alt_letter(qtbot, tmp_path, language):
    from ilmava_desktop.i18n import current_language, set_language
    from ilmava_desktop.services.demo import create_demo
    from ilmava_desktop.ui.door import DbDoor, InlineExecutor
    from ilmava_desktop.ui.main_window import MainWindow

    before = current_language()
    set_language(language)
    try:
        window = MainWindow(DbDoor(InlineExecutor()))
        qtbot.addWidget(window)
        window.show()
        window.resize(1366, 768)
        create_demo(tmp_path / "demo.ilmava").close()
        window.open_cohort(tmp_path / "demo.ilmava")
        menus = {letter(action.text()) for action in window.menuBar().actions()}
        taken = []
        for index, (_name, tool) in enumerate(window.tools):
            window.show_tool(index)
            tabs = getattr(tool, "tabs", None)
            for tab in range(tabs.count() if tabs is not None else 1):
                if tabs is not None:
                    tabs.setCurrentIndex(tab)
                QApplication.processEvents()
                taken += [(index, tab, key, words) for key, words in
                          letters_in_view(window).items() if key in menus]
        assert taken == []
    finally:
        set_language(before)
