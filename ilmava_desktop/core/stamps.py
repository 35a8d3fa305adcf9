"""Modification stamps: a hybrid logical clock, so copies of a cohort can be merged.

A stamp is 'MMMMMMMMMMMMM.CCCC.DEVICE': wall-clock milliseconds, a counter for
changes within one millisecond (or while the wall clock stands behind a stamp
already seen), and the device id. Stamps compare correctly as plain strings,
so the newest edit of a row wins in either direction of a merge.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Stamp:
    millis: int
    counter: int
    device: str

    def __str__(self) -> str:
        return f"{self.millis:013d}.{self.counter:04d}.{self.device}"

    @classmethod
    def parse(cls, text: str) -> Stamp:
        millis, counter, device = text.split(".", 2)
        return cls(int(millis), int(counter), device)


@dataclass
class HybridClock:
    device: str
    wall_millis: Callable[[], int] = field(default=lambda: time.time_ns() // 1_000_000)
    _last: Stamp | None = None

    def now(self) -> str:
        wall = self.wall_millis()
        last = self._last
        if last is None or wall > last.millis:
            stamp = Stamp(wall, 0, self.device)
        else:
            stamp = Stamp(last.millis, last.counter + 1, self.device)
        self._last = stamp
        return str(stamp)

    def observe(self, text: str) -> None:
        """Never issue a stamp older than one already in the file (a clock set back)."""
        seen = Stamp.parse(text)
        if self._last is None or seen > self._last:
            self._last = Stamp(seen.millis, seen.counter, self.device)
