"""`--screenshots DIR`: every main view of the opened cohort as DIR/NN-name.png."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from ilmava_desktop.i18n import _
from ilmava_desktop.resources import resource_path
from ilmava_desktop.services.municipalities import people as people_service
from ilmava_desktop.ui.attendance.invitations_dialog import InvitationsDialog
from ilmava_desktop.ui.attendance.new_attendee import NewAttendeeDialog
from ilmava_desktop.ui.audit import Audit
from ilmava_desktop.ui.main_window import MainWindow
from ilmava_desktop.ui.municipalities.add_dialog import AddMunicipalityDialog
from ilmava_desktop.ui.municipalities.person_dialog import PersonDialog
from ilmava_desktop.ui.screenshot_dialogs import dialog_views

TOOL_NAMES = ["municipalities", "attendance", "self-assessment", "groups", "board", "reports",
              "visits"]


# The audit of the run under way (--audit): every screen saved is looked at as it is saved.
_auditing: list[Audit] = []


def _settle() -> None:
    for _round in range(3):
        QApplication.processEvents()


def _save(widget: QWidget, folder: Path, number: int, name: str) -> Path:
    _settle()
    path = folder / f"{number:02d}-{name}.png"
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    for audit in _auditing:
        audit.look_at(widget, name)
    return path


def take_screenshots(window: MainWindow, folder: Path, audit: Audit | None = None,
                     size: tuple[int, int] | None = None) -> list[Path]:
    """Every view as a PNG; with `audit`, each looked at for cut and faint text as well."""
    _auditing[:] = [audit] if audit else []
    try:
        return _take(window, folder, size)
    finally:
        _auditing.clear()


def _take(window: MainWindow, folder: Path, size: tuple[int, int] | None) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    if size:
        window.resize(*size)
    window.show()
    written = []
    for index, name in enumerate(TOOL_NAMES):
        window.show_tool(index)
        written.append(_save(window, folder, index + 1, name))
    window.show_tool(0)
    page = window.tools[0][1]
    number = len(TOOL_NAMES)

    # The first person's details, or an empty person's in a cohort without people yet.
    people = window.ctx.read(lambda s: people_service.people(s.db)) if window.ctx.session else []
    person = people[0] if people else None
    dialogs = [("person-dialog", PersonDialog(person, window)),
               ("add-municipality", AddMunicipalityDialog(
                   {row.code for row in page.model.rows()}, window))]
    if window.ctx.session:
        import_dialog = page.open_import()
        import_dialog.load(resource_path("demo/ilmoittautumiset-esimerkki.csv"))
        dialogs.append(("import-preview", import_dialog))
        attendance = window.tools[1][1]
        municipalities = [(g.id, g.name) for g in attendance.groups]
        dialogs.append(("walk-in", NewAttendeeDialog(
            _("Walk-in"), _("Add someone who was not registered and check them in."),
            municipalities, municipalities[0][0] if municipalities else None, window)))
        dialogs.append(("invitations", InvitationsDialog(window.ctx, window)))
    for name, dialog in dialogs:
        number += 1
        dialog.show()
        written.append(_save(dialog, folder, number, name))
        dialog.reject()
    if window.ctx.session:
        number = _assessment_views(window, folder, number, written)
        number = _board_views(window, folder, number, written)
        number = _groups_views(window, folder, number, written)
        number = _visits_views(window, folder, number, written)
        number = dialog_views(window, number, written,
                              lambda widget, n, name: _save(widget, folder, n, name))
        window.lifecycle.close_cohort()
    written.append(_save(window, folder, number + 1, "start"))
    return written


def _assessment_views(window: MainWindow, folder: Path, number: int, written: list) -> int:
    """The self-assessment's other tabs, and its projector view, on the current municipality."""
    index = TOOL_NAMES.index("self-assessment")
    window.show_tool(index)
    page = window.tools[index][1]
    for tab, name in ((1, "self-assessment-cohort"), (2, "self-assessment-compare")):
        page.panel.setCurrentIndex(tab)
        number += 1
        written.append(_save(window, folder, number, name))
    page.panel.setCurrentIndex(0)
    dialog = page.open_template()
    number += 1
    written.append(_save(dialog, folder, number, "assessment-template"))
    dialog.reject()
    page.open_projector()
    number += 1
    written.append(_save(page.projector, folder, number, "projector"))
    page.projector.close()
    window.show_tool(0)
    return number


def _board_views(window: MainWindow, folder: Path, number: int, written: list) -> int:
    """The board's columns by municipality, and the board on the projector."""
    index = TOOL_NAMES.index("board")
    window.show_tool(index)
    page = window.tools[index][1]
    page.group_by.setCurrentIndex(page.group_by.findData("municipality"))
    page.show_cards()
    number += 1
    written.append(_save(window, folder, number, "board-by-municipality"))
    page.group_by.setCurrentIndex(page.group_by.findData("kind"))
    page.show_cards()
    projector = page.open_projector()
    projector.showNormal()
    projector.resize(1280, 720)
    number += 1
    written.append(_save(projector, folder, number, "board-projector"))
    projector.close()
    window.show_tool(0)
    return number


def _groups_views(window: MainWindow, folder: Path, number: int, written: list) -> int:
    """The pairs, the sparrers and the sparring, the other tabs of the Groups tool."""
    index = TOOL_NAMES.index("groups")
    window.show_tool(index)
    tool = window.tools[index][1]
    for tab, name in ((1, "groups-pairs"), (2, "groups-sparrers"), (3, "groups-sparring")):
        tool.tabs.setCurrentIndex(tab)
        number += 1
        written.append(_save(window, folder, number, name))
    tool.tabs.setCurrentIndex(0)
    window.show_tool(0)
    return number


def _visits_views(window: MainWindow, folder: Path, number: int, written: list) -> int:
    """The review teams, the other tab of the Visits tool (its dialogs are among the
    dialogs')."""
    index = TOOL_NAMES.index("visits")
    window.show_tool(index)
    page = window.tools[index][1]
    page.tabs.setCurrentIndex(1)
    number += 1
    written.append(_save(window, folder, number, "visits-teams"))
    page.tabs.setCurrentIndex(0)
    window.show_tool(0)
    return number
