"""What the batch queue needs of the job runner, and nothing more.

The port submits the batch's transcription jobs and translates the runner's one signal,
``job_event(job_id, event)``, into the five the panel follows, for those jobs only: the panel never
sees the runner's other kinds of work, nor another part of the window's transcriptions.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Signal, SignalInstance

from app.engines.base import TranscriptionEngine, TranscriptionOptions
from app.jobs.events import FINAL_EVENTS, JobCancelled, JobEvent, JobFailed, JobFinished, JobProgress, JobStarted
from app.jobs.job import Job, LaneKind
from app.jobs.transcription_jobs import TranscribeFileJob

LOCAL_LANE_CAPACITY = 1  # local recognition uses every core: one file at a time


class TranscriptionRunner(Protocol):
    job_event: SignalInstance

    def submit(self, job: Job[object]) -> int: ...

    def cancel(self, job_id: int) -> None: ...

    def capacity(self, lane: LaneKind) -> int | None: ...


class RunnerPort(QObject):
    """The runner's transcription jobs as the batch queue sees them: submit, cancel, and five signals."""

    job_started = Signal(int)
    progress_changed = Signal(int, float, float)  # fraction done, seconds left (-1: unknown)
    job_finished = Signal(int, object)  # Transcript
    job_failed = Signal(int, str)  # one sentence
    job_cancelled = Signal(int)

    def __init__(self, runner: TranscriptionRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._jobs: set[int] = set()  # the batch's jobs not ended yet
        runner.job_event.connect(self._translate)

    def submit_transcription(self, media_path: Path, engine: TranscriptionEngine,
                             options: TranscriptionOptions) -> int:
        job_id = self._runner.submit(TranscribeFileJob(media_path, engine, options, streams_segments=False))
        self._jobs.add(job_id)
        return job_id

    def cancel(self, job_id: int) -> None:
        self._runner.cancel(job_id)

    def lane_capacity(self, remote: bool) -> int:
        """How many of the batch's jobs of this kind to keep submitted at once (the runner's lanes decide the rest)."""
        if not remote:
            return LOCAL_LANE_CAPACITY
        return self._runner.capacity(LaneKind.REMOTE) or 1

    def _translate(self, job_id: int, event: JobEvent) -> None:
        if job_id not in self._jobs:
            return
        if isinstance(event, FINAL_EVENTS):
            self._jobs.discard(job_id)
        if isinstance(event, JobStarted):
            self.job_started.emit(job_id)
        elif isinstance(event, JobProgress):
            left = -1.0 if event.seconds_left is None else event.seconds_left
            self.progress_changed.emit(job_id, event.fraction, left)
        elif isinstance(event, JobFinished):
            self.job_finished.emit(job_id, event.result)
        elif isinstance(event, JobFailed):
            self.job_failed.emit(job_id, event.message)
        elif isinstance(event, JobCancelled):
            self.job_cancelled.emit(job_id)
