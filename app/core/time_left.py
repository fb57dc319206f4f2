"""Estimating the time a job has left from how far it has come."""

from __future__ import annotations

import time
from collections.abc import Callable

from app.core.text_translation import translated


class TimeLeftEstimator:
    """Seconds left, extrapolated from the elapsed time and the fraction done."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._started = clock()

    def restart(self) -> None:
        self._started = self._clock()

    def seconds_left(self, fraction: float) -> float | None:
        if fraction <= 0.0:
            return None
        elapsed = self._clock() - self._started
        return max(0.0, float(elapsed * (1.0 - fraction) / fraction))


def format_time_left(seconds: float | None) -> str:
    """``12 s``, ``3 min 05 s``; empty when unknown."""
    if seconds is None:
        return ""
    whole = round(seconds)
    if whole < 60:
        return translated("{whole} s").format(whole=whole)
    minutes, secs = divmod(whole, 60)
    if minutes < 60:
        return translated("{minutes} min {secs:02d} s").format(minutes=minutes, secs=secs)
    hours, minutes = divmod(minutes, 60)
    return translated("{hours} h {minutes:02d} min").format(hours=hours, minutes=minutes)
