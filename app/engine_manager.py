"""The one bridge between engines and Qt: jobs run on a long-lived worker thread.

Jobs are queued and run one at a time (recognition uses every core; two at once
would only slow both). The worker never touches widgets and never emits the public signals
itself: it posts them through a GuiThreadRelay, so the manager emits them on the GUI
thread (see app/gui_thread_relay.py for why). Each job has its own cancel event, set by
cancel() whether the job is queued or running; the engine checks it between segments, the UI
is told at once and the manager drops whatever the cancelled job still produces. Any exception
of a job becomes that job's one-sentence failure: the worker always goes on with the next.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from app.core.audio import open_audio_file
from app.core.errors import Cancelled, EarshotError
from app.core.time_left import TimeLeftEstimator
from app.engines.base import JobContext, TranscriptionEngine, TranscriptionOptions, run_transcription
from app.gui_thread_relay import GuiThreadRelay

log = logging.getLogger(__name__)


@dataclass(slots=True)
class PreparationJob:
    """Load an engine's model ahead of time (loading holds the GIL for a moment: do it early)."""

    id: int
    engine: TranscriptionEngine
    options: TranscriptionOptions
    cancel_event: threading.Event = field(default_factory=threading.Event)


@dataclass(slots=True)
class TranscriptionJob:
    id: int
    media_path: Path
    engine: TranscriptionEngine
    options: TranscriptionOptions
    channel: int | None = None
    cancel_event: threading.Event = field(default_factory=threading.Event)


Job = TranscriptionJob | PreparationJob


class EngineManager(QObject):
    job_queued = Signal(int)
    job_started = Signal(int)
    status_changed = Signal(int, str)
    segment_recognised = Signal(int, object)  # Segment
    progress_changed = Signal(int, float, float)  # fraction done, seconds left (-1: unknown)
    job_finished = Signal(int, object)  # Transcript
    job_failed = Signal(int, str)  # one sentence for the user
    job_cancelled = Signal(int)
    engine_prepared = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._changes = threading.Condition()  # guards the four fields below
        self._queued: deque[Job] = deque()
        self._live: dict[int, Job] = {}  # queued or running, by id
        self._cancelled_ids: set[int] = set()
        self._closing = False
        self._relay = GuiThreadRelay(self)
        self._worker = _Worker(self)
        self._worker.start()

    def submit_transcription(
        self,
        media_path: str | Path,
        engine: TranscriptionEngine,
        options: TranscriptionOptions,
        channel: int | None = None,
    ) -> int:
        job = TranscriptionJob(next(self._ids), Path(media_path), engine, options, channel)
        self._enqueue(job)
        self.job_queued.emit(job.id)
        return job.id

    def submit_preparation(self, engine: TranscriptionEngine, options: TranscriptionOptions) -> int:
        """Load a model ahead of time; a newer choice for the same engine drops the older ones still queued."""
        job = PreparationJob(next(self._ids), engine, options)
        with self._changes:
            for stale in [j for j in self._queued if isinstance(j, PreparationJob) and j.engine is engine]:
                self._queued.remove(stale)
                del self._live[stale.id]
        self._enqueue(job)
        return job.id

    def _enqueue(self, job: Job) -> None:
        with self._changes:
            self._queued.append(job)
            self._live[job.id] = job
            self._changes.notify()

    def cancel(self, job_id: int) -> None:
        """Stop the job, queued or running; the UI hears job_cancelled at once, the engine stops at its next check."""
        with self._changes:
            if job_id in self._cancelled_ids:
                return
            self._cancelled_ids.add(job_id)
            job = self._live.get(job_id)
            if job is not None:
                job.cancel_event.set()
        self.job_cancelled.emit(job_id)

    def is_cancelled(self, job_id: int) -> bool:
        with self._changes:
            return job_id in self._cancelled_ids

    def shutdown(self, patience_ms: int = 5000) -> None:
        """Cancel every job, queued and running, and join the worker; call before the application quits.

        The running engine stops at its next check; a model load cannot be interrupted, so after
        ``patience_ms`` this logs and keeps waiting rather than let Qt abort on a live thread.
        """
        with self._changes:
            self._closing = True
            self._queued.clear()
            for job in self._live.values():
                self._cancelled_ids.add(job.id)
                job.cancel_event.set()
            self._changes.notify_all()
        if not self._worker.wait(patience_ms):
            log.warning("waiting for the worker thread to finish its current step")
            self._worker.wait()

    def next_job(self) -> Job | None:
        """Called on the worker thread: the next queued job, or None once the manager shuts down."""
        with self._changes:
            while not self._queued and not self._closing:
                self._changes.wait()
            return None if self._closing else self._queued.popleft()

    def job_done(self, job: Job) -> None:
        with self._changes:
            self._live.pop(job.id, None)

    def post_event(self, signal_name: str, job_id: int, *arguments: object) -> None:
        """Called on the worker thread: emit a signal on the GUI thread, unless the job was cancelled."""
        self._relay.post(self._emit_unless_cancelled, signal_name, (job_id, *arguments))

    def _emit_unless_cancelled(self, signal_name: str, arguments: tuple[Any, ...]) -> None:
        if not self.is_cancelled(arguments[0]):
            getattr(self, signal_name).emit(*arguments)


class _Worker(QThread):
    """Runs queued jobs until the manager shuts down; no exception of a job ends it."""

    def __init__(self, manager: EngineManager) -> None:
        super().__init__()
        self._manager = manager

    def run(self) -> None:
        while (job := self._manager.next_job()) is not None:
            try:
                if self._manager.is_cancelled(job.id):
                    continue
                if isinstance(job, PreparationJob):
                    self._prepare(job)
                else:
                    self._run_job(job)
            except Cancelled:
                pass
            except EarshotError as error:
                self._manager.post_event("job_failed", job.id, error.message)
            except Exception as error:  # a bug: tell the user in one sentence, keep the trace in the log
                log.exception("job %d failed unexpectedly", job.id)
                self._manager.post_event("job_failed", job.id, _unexpected_failure(job, error))
            finally:
                self._manager.job_done(job)

    def _prepare(self, job: PreparationJob) -> None:
        try:
            job.engine.prepare(job.options, JobContext(cancel_event=job.cancel_event))
        except EarshotError as error:  # the transcription that needs it reports it to the user too
            log.warning("could not prepare %s: %s", job.engine.name, error)
            raise
        self._manager.post_event("engine_prepared", job.id)

    def _run_job(self, job: TranscriptionJob) -> None:
        manager = self._manager
        manager.post_event("job_started", job.id)
        estimator = TimeLeftEstimator()

        def report_progress(fraction: float, _total: float) -> None:
            manager.post_event("progress_changed", job.id, fraction, _or_unknown(estimator.seconds_left(fraction)))

        context = JobContext(
            on_progress=report_progress,
            on_status=lambda message: manager.post_event("status_changed", job.id, message),
            cancel_event=job.cancel_event,
        )
        context.report_status("Reading audio")
        audio = open_audio_file(job.media_path, job.channel)  # decoded by the engine, streamed where it can
        context.check_cancelled()
        estimator.restart()
        transcript = run_transcription(
            job.engine, audio, job.options, context,
            on_segment=lambda segment: manager.post_event("segment_recognised", job.id, segment),
        )
        manager.post_event("job_finished", job.id, transcript)


def _unexpected_failure(job: Job, error: Exception) -> str:
    reason = str(error).rstrip(".") or type(error).__name__
    if isinstance(job, PreparationJob):
        return f"Loading the model failed unexpectedly: {reason}."
    return f"Transcription failed unexpectedly: {reason}."


def _or_unknown(seconds: float | None) -> float:
    return -1.0 if seconds is None else seconds
