"""The command line's progress display: one line on standard error, only when it is a terminal."""

from __future__ import annotations

from typing import TextIO

from app.core.text_translation import translated
from app.core.time_left import TimeLeftEstimator, format_time_left


def time_left_words(estimator: TimeLeftEstimator, fraction: float) -> str:
    """"about 12 s left" (a question mark until there is anything to go by)."""
    left = format_time_left(estimator.seconds_left(fraction)) or "?"
    return translated("about {time_left} left").format(time_left=left)


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
        self._stream.write(f"\r{self._label}: {fraction:4.0%}  {time_left_words(self._estimator, fraction)}   ")
        self._stream.flush()

    def close(self) -> None:
        if self._enabled:
            self._stream.write("\n")
            self._stream.flush()
