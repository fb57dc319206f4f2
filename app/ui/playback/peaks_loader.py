"""Waveform peaks computed off the GUI thread: a WaveformPeaksJob in the job runner's light lane.

Progress (with the peaks so far) and the result arrive as the job's events on the GUI thread. A new
load or cancel() cancels the job before it; only the current job's events reach the signals.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from app.jobs.events import JobEvent, JobFailed, JobFinished, PartialResult
from app.jobs.peaks_job import PeaksSoFar, WaveformPeaksJob
from app.jobs.runner import JobRunner


class PeaksLoader(QObject):
    progressed = Signal(object, float)  # PeakPyramid of what is ready (NaN where not), fraction done
    finished = Signal(object)  # PeakPyramid
    failed = Signal(str)  # one sentence

    def __init__(self, runner: JobRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._job_id: int | None = None
        runner.job_event.connect(self._on_job_event)

    def load(self, path: str | Path) -> None:
        self.cancel()
        self._job_id = self._runner.submit(WaveformPeaksJob(Path(path)))

    def cancel(self) -> None:
        if self._job_id is not None:
            self._runner.cancel(self._job_id)
            self._job_id = None

    def shutdown(self) -> None:
        """Cancel the computation (before the application quits; the runner joins its lanes)."""
        self.cancel()

    def _on_job_event(self, job_id: int, event: JobEvent) -> None:
        if job_id != self._job_id:
            return
        if isinstance(event, PartialResult) and isinstance(event.value, PeaksSoFar):
            self.progressed.emit(event.value.pyramid, event.value.fraction)
        elif isinstance(event, JobFinished):
            self._job_id = None
            self.finished.emit(event.result)
        elif isinstance(event, JobFailed):
            self._job_id = None
            self.failed.emit(event.message)
