"""Waveform peaks computed off the GUI thread (a thin helper until the job runner takes this over).

One QThreadPool thread runs app.core.peak_cache.peaks_for; progress (with the peaks so far) and
the result come back through GuiThreadRelay, and the signals are emitted on the GUI thread. A new
load or cancel() sets the running job's cancel event; results of a superseded load are dropped.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, QThreadPool, Signal

from app.core.errors import Cancelled, EarshotError
from app.core.peak_cache import peaks_for
from app.core.peak_pyramid import PeakPyramid
from app.gui_thread_relay import GuiThreadRelay

log = logging.getLogger(__name__)


class PeaksLoader(QObject):
    progressed = Signal(object, float)  # PeakPyramid of what is ready (NaN where not), fraction done
    finished = Signal(object)  # PeakPyramid
    failed = Signal(str)  # one sentence

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._relay = GuiThreadRelay(self)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._generation = 0
        self._cancel = threading.Event()

    def load(self, path: str | Path) -> None:
        self.cancel()
        self._generation += 1
        generation, cancel = self._generation, threading.Event()
        self._cancel = cancel
        self._pool.start(lambda: self._run(Path(path), generation, cancel))

    def cancel(self) -> None:
        self._cancel.set()

    def shutdown(self) -> None:
        """Cancel and wait for the worker: call before the application quits."""
        self.cancel()
        self._pool.waitForDone()

    def _run(self, path: Path, generation: int, cancel: threading.Event) -> None:
        def progress(fraction: float, partial: np.ndarray) -> None:
            if fraction < 1.0:
                self._relay.post(self._deliver_progress, generation, PeakPyramid.from_base(partial), fraction)

        try:
            pyramid = peaks_for(path, progress, cancel)
        except Cancelled:
            return
        except EarshotError as error:
            self._relay.post(self._deliver_failure, generation, error.message)
            return
        except Exception:  # a bug: logged with its trace, shown as one sentence
            log.exception("computing the waveform of %s failed", path)
            self._relay.post(self._deliver_failure, generation, self.tr("The waveform could not be drawn."))
            return
        self._relay.post(self._deliver_result, generation, pyramid)

    def _deliver_progress(self, generation: int, pyramid: PeakPyramid, fraction: float) -> None:
        if generation == self._generation:
            self.progressed.emit(pyramid, fraction)

    def _deliver_result(self, generation: int, pyramid: PeakPyramid) -> None:
        if generation == self._generation:
            self.finished.emit(pyramid)

    def _deliver_failure(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self.failed.emit(message)
