"""A long file's waveform peaks computed in a child process, so its decode never holds the caller's GIL.

Decoding a three-hour MP3 with PyAV runs Python for each of its ~450,000 frames; on threads of the
window's process that held the GIL often enough to stall the event loop for tens of milliseconds
(the GUI thread blocked while a worker holding the GIL waited for a core). A child process started
with ``spawn`` (the same on every platform, and it copies no Qt state) decodes at a lower priority
and sends its peaks in pieces as they are reduced; this side puts them together, so the strip draws
what is ready. Setting the cancel event kills the child at once. Files under
IN_PROCESS_UNDER_SECONDS are computed on the calling thread: their decode is shorter than starting a
process.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import threading
from multiprocessing.connection import Connection
from pathlib import Path

import numpy as np

from app.core.errors import AudioDecodeError, Cancelled, EarshotError
from app.core.peak_pyramid import PeakPyramid
from app.core.waveform_peaks import PartialPeaks, PeaksProgress, audio_duration, compute_peaks

IN_PROCESS_UNDER_SECONDS = 120.0
CHILD_NICENESS = 10  # the decode takes the cores the window leaves (POSIX; elsewhere normal priority)
POLL_SECONDS = 0.05  # how soon a cancel is seen while the child works
PROGRESS_INTERVAL_SECONDS = 0.5  # each report rebuilds a partial pyramid here, holding the GIL a few ms


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
    child = context.Process(target=_child_main, args=(str(path), sender), name="waveform-peaks", daemon=True)
    child.start()
    sender.close()  # the child holds its own copy: when it ends, recv sees the end of the pipe
    partial = PartialPeaks(progress, PROGRESS_INTERVAL_SECONDS) if progress is not None else None
    try:
        base = _received_base(path, receiver, partial, cancel_event)
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()
    if progress is not None:
        progress(1.0, base)
    return PeakPyramid.from_base(base)


def _received_base(
    path: Path, receiver: Connection, partial: PartialPeaks | None, cancel_event: threading.Event
) -> np.ndarray:
    """The child's messages until its result: ("piece", total, first, rows), ("done", base), ("failed", sentence)."""
    while True:
        if cancel_event.is_set():
            raise Cancelled()
        if not receiver.poll(POLL_SECONDS):
            continue
        try:
            message = receiver.recv()
        except (EOFError, OSError) as error:
            raise AudioDecodeError(
                f"Cannot draw the waveform of “{path.name}”: its decoder stopped unexpectedly."
            ) from error
        kind = message[0] if isinstance(message, tuple) and message else None
        if kind == "piece" and len(message) == 4:
            total, first, rows = message[1:]
            if partial is not None and _is_piece(total, first, rows):
                partial.add(total, first, rows)
        elif kind == "done" and len(message) == 2 and _is_rows(message[1]):
            base: np.ndarray = message[1]
            return base
        elif kind == "failed" and len(message) == 2:
            raise AudioDecodeError(str(message[1]))
        elif kind == "crashed" and len(message) == 2:
            raise RuntimeError(f"the waveform's peaks process failed: {message[1]}")
        else:
            raise AudioDecodeError(f"Cannot draw the waveform of “{path.name}”: its decoder sent nonsense.")


def _is_rows(rows: object) -> bool:
    return isinstance(rows, np.ndarray) and rows.dtype == np.float32 and rows.ndim == 2 and rows.shape[1] == 2


def _is_piece(total: object, first: object, rows: object) -> bool:
    return isinstance(total, int) and isinstance(first, int) and first >= 0 and _is_rows(rows)


def _child_main(path: str, sender: Connection) -> None:
    """In the child: compute, sending each piece as it is ready, then the whole base or the one sentence."""
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(CHILD_NICENESS)
    sending = threading.Lock()  # the range threads send their pieces through the one pipe

    def send_piece(total: int, first: int, rows: np.ndarray) -> None:
        with sending:
            sender.send(("piece", total, first, rows))

    try:
        pyramid = compute_peaks(path, on_piece=send_piece)
    except EarshotError as error:
        sender.send(("failed", error.message))
    except Exception as error:  # a bug: the parent reports it as the job's unexpected failure
        sender.send(("crashed", f"{type(error).__name__}: {error}"))
    else:
        sender.send(("done", pyramid.base))
    finally:
        sender.close()
