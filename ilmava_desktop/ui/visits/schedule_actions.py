"""The Visits tab's day: planned, an interview moved or swapped (a drag, Alt+Up/Down), its
roles chosen; each action reads the widgets and asks the service, which checks the rules."""

from __future__ import annotations

from ilmava_desktop.core import visits as core
from ilmava_desktop.i18n import _
from ilmava_desktop.services.visits import schedule
from ilmava_desktop.ui.visits.roles_dialog import RolesDialog


class ScheduleActions:
    """Mixed into the visit tab: uses its widgets, `current`, `_host`, `_write` and `say`."""

    def slot_chosen(self) -> None:
        index = self.slots.currentIndex()
        if self.current is None or not index.isValid():
            return
        slot = self.current.schedule[index.row()]
        self.slot_start.setText(schedule.shown_time(slot["start"]))
        self.slot_room.setValue(slot.get("room") or 0)

    def plan(self) -> None:
        if (host := self._host()) is None:
            return
        day, start, rooms = self.date.text().strip(), self.start.text(), self.rooms.value()
        group_size = self.group_size.value()
        if not day:
            if self.message:
                self.message.setText(_("Give the visit a date first."))
            self.date.setFocus()
            return
        self._write(lambda s: schedule.plan(s, host_id=host, day=day, start=start,
                                            rooms=rooms or None, group_size=group_size))

    def move_slot(self) -> None:
        index = self.slots.currentIndex()
        if (host := self._host()) is None or not index.isValid():
            if self.message and host is not None:
                self.message.setText(_("Choose a slot of the schedule first."))
            return
        start, room, number = self.slot_start.text(), self.slot_room.value(), index.row()
        self._write(lambda s: schedule.move_slot(s, host_id=host, index=number, start=start,
                                                 **({"room": room} if room else {})))

    def swap_slots(self, first: int, second: int) -> None:
        if (host := self._host()) is None:
            return
        self._write(lambda s: schedule.swap_slots(s, host_id=host, first=first, second=second),
                    done=lambda _changes: self.slots.selectRow(second))

    def step_slot(self, row: int, step: int) -> None:
        if (host := self._host()) is None:
            return
        self._write(lambda s: schedule.swap_with_neighbour(s, host_id=host, index=row,
                                                           step=step),
                    done=lambda changes: self.slots.selectRow(changes.result))

    def choose_roles(self) -> RolesDialog | None:
        index = self.slots.currentIndex()
        if (host := self._host()) is None or self.current is None or not index.isValid():
            self.say(_("Choose an interview of the schedule first."))
            return None
        number, slot = index.row(), self.current.schedule[index.row()]
        if slot["kind"] != core.INTERVIEW:
            self.say(_("Only an interview has an interviewer and a note-taker."))
            return None
        current = self.current

        def read(session):
            return (schedule.names(session.db, current),
                    schedule.team_members(session.db, current),
                    schedule.slot_teams(session.db, current, number))

        names, teams, chosen = self.ctx.read(read)
        dialog = RolesDialog(f"{schedule.shown_time(slot['start'])} {self.slot_model.row_at(number).what}",
                             [(team_id, name, [(p, names.get(p, "?")) for p in members])
                              for team_id, name, members in teams], chosen,
                             slot.get("lead"), slot.get("notes"), self)
        dialog.accepted.connect(lambda: self._write(
            lambda s: schedule.set_roles(s, host_id=host, index=number, **dialog.values()),
            done=lambda _changes: self.slots.selectRow(number)))
        dialog.open()
        return dialog

    def toggle_briefing(self) -> None:
        index = self.slots.currentIndex()
        if (host := self._host()) is None or self.current is None or not index.isValid():
            self.say(_("Choose an interview of the schedule first."))
            return
        number = index.row()
        given = not self.current.schedule[number].get("briefed", False)
        self._write(lambda s: schedule.set_briefed(s, host_id=host, index=number, given=given),
                    done=lambda _changes: self.slots.selectRow(number))
