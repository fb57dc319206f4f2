"""What the batch queue needs of the job runner, and nothing more.

The job runner (app/jobs/) keeps the engine manager's methods and signals for transcription jobs:
the panel uses only those, through this port, and never the runner's other kinds of work.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Signal, SignalInstance

from app.engines.base import TranscriptionEngine, TranscriptionOptions

LOCAL_LANE_CAPACITY = 1  # local recognition uses every core: one file at a time
REMOTE_LANE_CAPACITY = 4  # the runner's default for remote jobs


class TranscriptionRunner(Protocol):
    job_started: SignalInstance
    progress_changed: SignalInstance
    job_finished: SignalInstance
    job_failed: SignalInstance
    job_cancelled: SignalInstance

    def submit_transcription(self, media_path: str | Path, engine: TranscriptionEngine,
                             options: TranscriptionOptions, channel: int | None = None) -> int: ...

    def cancel(self, job_id: int) -> None: ...


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
        runner.job_started.connect(self.job_started)
        runner.progress_changed.connect(self.progress_changed)
        runner.job_finished.connect(self.job_finished)
        runner.job_failed.connect(self.job_failed)
        runner.job_cancelled.connect(self.job_cancelled)

    def submit_transcription(self, media_path: Path, engine: TranscriptionEngine,
                             options: TranscriptionOptions, channel: int | None = None) -> int:
        return self._runner.submit_transcription(media_path, engine, options, channel)

    def cancel(self, job_id: int) -> None:
        self._runner.cancel(job_id)

    @staticmethod
    def lane_capacity(remote: bool) -> int:
        """How many of the batch's jobs of this kind to keep submitted at once (the runner's lanes decide the rest)."""
        return REMOTE_LANE_CAPACITY if remote else LOCAL_LANE_CAPACITY
