"""The window's icon set: every icon is there and draws, and its licence ships with it."""

from ilmava_desktop.resources import resource_path
from ilmava_desktop.ui.icons import NAMES, TOOLS, icon


def test_every_icon_draws_dark_and_light(qapp):
    from PySide6.QtGui import QIcon

    for name in NAMES:
        for mode, expect_light in ((QIcon.Mode.Normal, False), (QIcon.Mode.Selected, True)):
            image = icon(name).pixmap(24, 24, mode).toImage()
            assert not image.isNull(), name
            drawn = [image.pixelColor(x, y) for x in range(24) for y in range(24)
                     if image.pixelColor(x, y).alpha() > 200]
            assert drawn, (name, mode)  # not an empty picture
            lightness = sum(c.lightness() for c in drawn) / len(drawn)
            assert (lightness > 200) == expect_light, (name, mode, lightness)


def test_the_icons_licence_is_shipped():
    text = resource_path("icons/LICENSE-tabler-icons.txt").read_text("utf-8")
    assert text.startswith("MIT License")


def test_each_tool_and_file_action_has_its_icon(qtbot):
    from ilmava_desktop.ui.door import DbDoor, InlineExecutor
    from ilmava_desktop.ui.main_window import MainWindow

    window = MainWindow(DbDoor(InlineExecutor()))
    qtbot.addWidget(window)
    assert len(TOOLS) == window.navigation.count()
    for row in range(window.navigation.count()):
        assert not window.navigation.item(row).icon().isNull()
    for key in ("new", "open", "save_copy", "close", "undo", "redo", "about"):
        assert not window.actions[key].icon().isNull(), key
