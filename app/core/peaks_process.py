"""A long file's waveform peaks computed in a child process, so its decode never holds the caller's GIL.

Decoding a three-hour MP3 with PyAV runs Python for each of its ~450,000 frames; on threads of the
window's process that held the GIL often enough to stall the event loop for tens of milliseconds
(the GUI thread blocked while a worker holding the GIL waited for a core). A child process started
with ``spawn`` (the same on every platform, and it copies no Qt state) decodes at a lower priority
(in a scheduling group of its own on Linux, and at idle priority while media plays: it then takes
only a core nothing else wants) and sends its peaks in pieces as they are reduced; this side puts
them together, so the strip draws what is ready. Setting the cancel event kills the child at once.
Files under IN_PROCESS_UNDER_SECONDS are computed on the calling thread: their decode is shorter
than starting a process.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path

import numpy as np

from app.core.errors import AudioDecodeError, Cancelled, EarshotError
from app.core.peak_pyramid import PeakPyramid
from app.core.text_translation import language_in_use, translated, use_language, use_locale_language
from app.core.thread_priority import IDLE_WHILE_PLAYING, leave_the_window_s_group, lower_this_thread
from app.core.waveform_peaks import PartialPeaks, PeaksProgress, audio_duration, compute_peaks

IN_PROCESS_UNDER_SECONDS = 120.0
CHILD_NICENESS = 10  # the decode takes the cores the window leaves (POSIX; elsewhere normal priority); idle
# priority while media plays (thread_priority.IDLE_WHILE_PLAYING, Linux)
# Each wake-up of the receiving thread takes the window's GIL for a moment, and under load a thread holding
# it can wait for a core while the GUI thread waits for it: the receiver wakes a few times a second only.
POLL_SECONDS = 0.25  # how soon a cancel kills the child (the window hears of the cancel at once anyway)
PROGRESS_INTERVAL_SECONDS = 0.5  # the child sends its pieces together, and a partial pyramid is rebuilt, this often


def compute_peaks_in_process(
    path: str | Path, progress: PeaksProgress | None = None, cancel_event: threading.Event | None = None
) -> PeakPyramid:
    """compute_peaks (same results, progress and errors), in a child process for a long file."""
    path = Path(path)
    cancel_event = cancel_event or threading.Event()
    duration = audio_duration(path) if path.is_file() else None
    if duration is None or duration < IN_PROCESS_UNDER_SECONDS:
        return compute_peaks(path, progress, cancel_event)
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child_main, args=(str(path), sender, language_in_use()), name="waveform-peaks",
                            daemon=True)
    child.start()
    sender.close()  # the child holds its own copy: when it ends, recv sees the end of the pipe
    pid = child.pid
    assert pid is not None  # started
    IDLE_WHILE_PLAYING.add(pid)  # it takes only a free core while media plays
    partial = PartialPeaks(progress, PROGRESS_INTERVAL_SECONDS) if progress is not None else None
    try:  # once it speaks it leads its own session: its group can go idle too
        base = _received_base(path, receiver, partial, cancel_event, lambda: IDLE_WHILE_PLAYING.add(pid))
    finally:
        IDLE_WHILE_PLAYING.discard(pid)
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()
    if progress is not None:
        progress(1.0, base)
    return PeakPyramid.from_base(base)


def _received_base(
    path: Path, receiver: Connection, partial: PartialPeaks | None, cancel_event: threading.Event,
    first_message: Callable[[], None],
) -> np.ndarray:
    """The child's messages until its result: ("pieces", total, [(first, rows), …]), ("done", base),
    ("failed", sentence) or ("crashed", what)."""
    heard = False
    while True:
        if cancel_event.is_set():
            raise Cancelled()
        if not receiver.poll(POLL_SECONDS):
            continue
        try:
            message = receiver.recv()
        except (EOFError, OSError) as error:
            raise AudioDecodeError(translated(
                "Cannot draw the waveform of “{name}”: its decoder stopped unexpectedly."
            ).format(name=path.name)) from error
        if not heard:
            heard = True
            first_message()
        kind = message[0] if isinstance(message, tuple) and message else None
        if kind == "pieces" and len(message) == 3 and isinstance(message[2], list):
            total = message[1]
            for piece in message[2]:
                if partial is not None and isinstance(piece, tuple) and len(piece) == 2 and _is_piece(total, *piece):
                    partial.add(total, *piece)
        elif kind == "done" and len(message) == 2 and _is_rows(message[1]):
            base: np.ndarray = message[1]
            return base
        elif kind == "failed" and len(message) == 2:
            raise AudioDecodeError(str(message[1]))
        elif kind == "crashed" and len(message) == 2:
            raise RuntimeError(f"the waveform's peaks process failed: {message[1]}")
        else:
            raise AudioDecodeError(translated(
                "Cannot draw the waveform of “{name}”: its decoder sent nonsense."
            ).format(name=path.name))


def _is_rows(rows: object) -> bool:
    return isinstance(rows, np.ndarray) and rows.dtype == np.float32 and rows.ndim == 2 and rows.shape[1] == 2


def _is_piece(total: object, first: object, rows: object) -> bool:
    return isinstance(total, int) and isinstance(first, int) and first >= 0 and _is_rows(rows)


def _child_main(path: str, sender: Connection, language: str | None) -> None:
    """In the child: compute, sending each piece as it is ready, then the whole base or the one sentence
    (in the window's language)."""
    if language is None:
        use_locale_language()
    else:
        use_language(language)
    leave_the_window_s_group()  # before its first message
    if not lower_this_thread(CHILD_NICENESS) and hasattr(os, "nice"):  # elsewhere than Linux: the process
        with contextlib.suppress(OSError):
            os.nice(CHILD_NICENESS)
    try:
        pyramid = compute_peaks(path, on_piece=_PieceSender(sender).add)
    except EarshotError as error:
        sender.send(("failed", error.message))
    except Exception as error:  # a bug: the parent reports it as the job's unexpected failure
        sender.send(("crashed", f"{type(error).__name__}: {error}"))
    else:
        sender.send(("done", pyramid.base))
    finally:
        sender.close()


class _PieceSender:
    """In the child: the range threads' pieces, sent together at most every PROGRESS_INTERVAL_SECONDS."""

    def __init__(self, sender: Connection) -> None:
        self._sender = sender
        self._lock = threading.Lock()
        self._pending: list[tuple[int, np.ndarray]] = []
        self._last_sent = 0.0

    def add(self, total: int, first: int, rows: np.ndarray) -> None:
        with self._lock:
            self._pending.append((first, rows))
            now = time.monotonic()
            if now - self._last_sent >= PROGRESS_INTERVAL_SECONDS:
                self._sender.send(("pieces", total, self._pending))
                self._pending, self._last_sent = [], now
