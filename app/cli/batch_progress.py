"""The transcribe command's progress display: a line per input on standard error.

On a terminal the block of lines is drawn once and each line is rewritten in place (ANSI cursor
moves, lines cut to the terminal's width so none wraps); messages wait until the block is done,
so they never break it. Elsewhere (a pipe, a log file) a plain line says when each input ends,
with several inputs only (one file's transcription stays quiet), and messages go out at once.
Called from the lane's threads: one lock guards the stream.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable
from enum import StrEnum
from typing import TextIO

from app.cli.display_width import cut_to_width
from app.cli.progress import time_left_words
from app.core.text_translation import translatable, translated
from app.core.time_left import TimeLeftEstimator


class Outcome(StrEnum):
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"


OUTCOME_WORDS = {Outcome.DONE: translatable("done"), Outcome.FAILED: translatable("failed"),
                 Outcome.CANCELLED: translatable("cancelled")}


class BatchProgress:
    def __init__(self, labels: list[str], stream: TextIO) -> None:
        self._labels = labels
        self._stream = stream
        self._in_place = stream.isatty()
        self._lock = threading.Lock()
        self._estimators = [TimeLeftEstimator() for _ in labels]
        self._deferred: list[Callable[[], None]] = []
        self._width = max(20, shutil.get_terminal_size().columns - 1)
        waiting = translated("waiting")
        self._lines = [self._cut(f"{label}: {waiting}") for label in labels]
        self._closed = False
        if self._in_place:
            self._stream.write("".join(f"{line}\n" for line in self._lines))
            self._stream.flush()

    def started(self, index: int) -> None:
        self._estimators[index].restart()
        self._show(index, translated("starting"))

    def update(self, index: int, fraction: float) -> None:
        if self._in_place:
            self._show(index, f"{fraction:4.0%}  {time_left_words(self._estimators[index], fraction)}")

    def ended(self, index: int, outcome: Outcome) -> None:
        words = translated(OUTCOME_WORDS[Outcome(outcome)])
        self._show(index, words)
        if not self._in_place and len(self._labels) > 1:
            with self._lock:
                self._stream.write(f"earshot: {self._labels[index]}: {words} ({index + 1}/{len(self._labels)})\n")
                self._stream.flush()

    def tell(self, report: Callable[[], None]) -> None:
        """Run ``report`` (which writes to standard error) now, or after the block on a terminal."""
        if self._in_place and not self._closed:
            self._deferred.append(report)
        else:
            report()

    def close(self) -> None:
        self._closed = True
        for report in self._deferred:
            report()
        self._deferred.clear()

    def _show(self, index: int, state: str) -> None:
        if not self._in_place:
            return
        with self._lock:
            self._lines[index] = line = self._cut(f"{self._labels[index]}: {state}")
            up = len(self._lines) - index
            self._stream.write(f"\x1b[{up}A\r{line}\x1b[K\x1b[{up}B\r")
            self._stream.flush()

    def _cut(self, line: str) -> str:
        return cut_to_width(line, self._width)
