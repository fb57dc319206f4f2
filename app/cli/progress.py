"""The command line's progress display: one line on standard error, only when it is a terminal."""

from __future__ import annotations

from typing import TextIO

from app.core.time_left import TimeLeftEstimator, format_time_left


class TerminalProgress:
    """A one-line progress display on standard error, only when it is a terminal."""

    def __init__(self, label: str, stream: TextIO) -> None:
        self._label = label
        self._stream = stream
        self._enabled = stream.isatty()
        self._estimator = TimeLeftEstimator()

    def update(self, fraction: float, _total_seconds: float) -> None:
        if not self._enabled:
            return
        left = format_time_left(self._estimator.seconds_left(fraction)) or "?"
        self._stream.write(f"\r{self._label}: {fraction:4.0%}  about {left} left   ")
        self._stream.flush()

    def close(self) -> None:
        if self._enabled:
            self._stream.write("\n")
            self._stream.flush()
