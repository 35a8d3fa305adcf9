"""Helpers for window tests: find the dialog a click opened, press its buttons."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QPushButton


def open_dialog(kind=QDialog):
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, kind) and widget.isVisible():
            return widget
    raise AssertionError(f"no open {kind.__name__}")


def click_button(qtbot, dialog, text: str) -> None:
    for button in dialog.findChildren(QPushButton):
        if button.text().replace("&", "") == text and button.isVisible():
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            return
    shown = [b.text() for b in dialog.findChildren(QPushButton)]
    raise AssertionError(f"no button {text!r}; buttons: {shown}")


def message_text() -> str:
    return open_dialog(QMessageBox).text()


class FakeClock:
    """Time for the window's timers, moved on by the test instead of waited for.

    `install(monkeypatch, module)` puts fake timers in place of a module's QTimer; they
    fire, in order, when `advance` moves the clock past their deadline.
    """

    def __init__(self):
        self.now_ms = 0
        self.timers: list[FakeTimer] = []

    def install(self, monkeypatch, module) -> "FakeClock":
        monkeypatch.setattr(module, "QTimer", lambda *_args: FakeTimer(self))
        return self

    def advance(self, seconds: float, step_ms: int = 100) -> None:
        end = self.now_ms + round(seconds * 1000)
        while self.now_ms < end:
            self.now_ms = min(end, self.now_ms + step_ms)
            for timer in list(self.timers):
                if timer.deadline is not None and timer.deadline <= self.now_ms:
                    timer.deadline = None if timer.single_shot else self.now_ms + timer.interval
                    timer.timeout.emit()


class _FakeSignal:
    def __init__(self):
        self.slots = []

    def connect(self, slot) -> None:
        self.slots.append(slot)

    def emit(self) -> None:
        for slot in list(self.slots):
            slot()


class FakeTimer:
    def __init__(self, clock: FakeClock):
        self.clock = clock
        self.timeout = _FakeSignal()
        self.single_shot = False
        self.interval = 0
        self.deadline: int | None = None
        clock.timers.append(self)

    def setSingleShot(self, single: bool) -> None:  # noqa: N802 (Qt's name)
        self.single_shot = single

    def start(self, interval: int | None = None) -> None:
        if interval is not None:
            self.interval = interval
        self.deadline = self.clock.now_ms + self.interval

    def stop(self) -> None:
        self.deadline = None

    def isActive(self) -> bool:  # noqa: N802 (Qt's name)
        return self.deadline is not None

    def remainingTime(self) -> int:  # noqa: N802 (Qt's name)
        return -1 if self.deadline is None else max(0, self.deadline - self.clock.now_ms)
