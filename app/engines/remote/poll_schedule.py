"""How often a service that works in the background is asked whether it is done."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PollSchedule:
    first_interval: float = 1.0
    longest_interval: float = 5.0
    growth: float = 1.5
    give_up_after: float = 3 * 3600.0

    def intervals(self) -> Iterator[float]:
        interval = self.first_interval
        while True:
            yield interval
            interval = min(self.longest_interval, interval * self.growth)
