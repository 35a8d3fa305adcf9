"""Lists that take in only what our own lists drag out."""

from __future__ import annotations


class AcceptsOnly:
    """A mix-in for item views: drags of any other kind (files, text) are refused."""

    accepted_mime = ""

    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.mimeData().hasFormat(self.accepted_mime):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasFormat(self.accepted_mime):
            super().dragMoveEvent(event)  # the view draws where the drop would go
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropped_ids(self, event) -> list[str]:
        return [i for i in bytes(event.mimeData().data(self.accepted_mime)).decode(
            "utf-8").split("\n") if i]
