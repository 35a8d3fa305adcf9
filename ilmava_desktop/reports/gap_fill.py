"""Short sections that may stand earlier in a document, in a gap that would stay empty.

A section kept whole (a chart with its heading, a table of sparring sessions) that does not
fit at the foot of a page leaves the rest of that page blank and starts the next one; a short
section from the document's end (the participants table) fits in that blank more often than
not, and moved there it no longer stands alone on a last page of its own. The layout is made
in one pass: a `GapSlot` placed before each such section draws the short one when it fits and
the section after the slot would not; the short section's own place (`Remaining`) then holds
nothing. Text is never shrunk: the short section either fits as it is or stays at the end.
"""

from __future__ import annotations

from reportlab.platypus import KeepTogether
from reportlab.platypus.flowables import Flowable, _Container, _listWrapOn


class Movable:
    """Flowables that stand together, at one slot or at their own place at the end."""

    def __init__(self, flowables: list):
        self.flowables = list(flowables)
        self.placed = False


class GapSlot(_Container, Flowable):
    """Draws the first of `choices` (each a list of Movables) that fits in the space left on
    the page, when `following` (a KeepTogether) will not fit there and so starts the next page
    anyway; otherwise takes no space."""

    def __init__(self, choices: list[list[Movable]], following, frame_height: float,
                 space: float = 4.0):
        Flowable.__init__(self)
        self.choices, self.following = choices, following
        self.frame_height, self.space = frame_height, space
        self._content: list = []
        self._chosen: list[Movable] = []

    def getSpaceBefore(self, content=None) -> float:  # noqa: N802 (reportlab's name)
        return 0

    def getSpaceAfter(self, content=None) -> float:  # noqa: N802
        return 0

    def wrap(self, available_width, available_height):
        self.width, self.height, self._content, self._chosen = available_width, 0, [], []
        if not isinstance(self.following, KeepTogether):
            return available_width, 0
        needed = _height(self.following._content, available_width, self.canv)
        if needed <= available_height or needed > self.frame_height:
            return available_width, 0  # it uses the space here, or splits from here anyway
        for choice in self.choices:
            if any(m.placed for m in choice):
                continue
            content = opened([f for m in choice for f in m.flowables])
            height = _listWrapOn(content, available_width, self.canv)[1]
            if height + self.space <= available_height:
                self._content, self._chosen = content, choice
                self._content_height, self.height = height, height + self.space
                break
        return available_width, self.height

    def split(self, available_width, available_height):
        return []  # it fits whole or takes no space: never split

    def drawOn(self, canvas, x, y, _sW=0, scale=1.0, content=None, aW=None):  # noqa: N803
        if not self._content:
            return
        for movable in self._chosen:
            movable.placed = True
        # The space is above the content (the first heading's own space is dropped at the
        # top of a container, as at the top of a page).
        total, self.height = self.height, self._content_height
        try:
            _Container.drawOn(self, canvas, x, y, _sW, scale, self._content, aW)
        finally:
            self.height = total


def opened(flowables: list) -> list:
    """The flowables with each KeepTogether opened: it reports an impossible height to force
    its own split, and what a slot draws is kept together by the slot itself."""
    flat: list = []
    for item in flowables:
        flat += opened(item._content) if isinstance(item, KeepTogether) else [item]
    return flat


def _height(flowables: list, width: float, canvas) -> float:
    """The height of flowables stacked."""
    return _listWrapOn(opened(flowables), width, canvas)[1]


class Remaining(Flowable):
    """At the short section's own place: its flowables, unless a slot drew them earlier."""

    def __init__(self, movable: Movable):
        Flowable.__init__(self)
        self.movable = movable

    def wrap(self, available_width, available_height):
        if not self.movable.placed:
            frame = self._doctemplateAttr("frame")
            frame.add_generated_content(*self.movable.flowables)
        return 0, 0

    def draw(self) -> None:
        pass
