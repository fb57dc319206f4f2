"""Live transcription for the window: a LiveTranscriptionJob in the job runner's real-time lane.

``prepare`` submits the job, which makes the engine ready on the lane's thread (a remote
profile's key from the keyring, a local model loaded) and then recognises there; its news comes
back on the GUI thread through the runner's ``job_event`` and leaves here as signals. ``feed``
may be called from any thread (the recorder's writer) and never blocks; ``finish`` lets the job
recognise what still waits and gives the live transcript; ``cancel`` stops it at once.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QObject, Signal

from app.core.errors import EngineError
from app.core.transcript import Segment, Transcript
from app.engines.base import TranscriptionEngine, TranscriptionOptions
from app.jobs.events import JobCancelled, JobEvent, JobFailed, JobFinished, PartialResult, SegmentRecognised
from app.jobs.live_job import LiveLag, LiveReady, LiveTranscriptionJob, TentativeText
from app.jobs.runner import JobRunner
from app.ui.remote_engine_choice import RemoteEngineChoice

if TYPE_CHECKING:  # faster-whisper loads when a recording first transcribes live, not when the window opens
    from app.engines.live.session import LiveListeners, LiveSession

log = logging.getLogger(__name__)


class LiveTranscriptionRunner(QObject):
    committed = Signal(object)  # list[Segment] that will never change
    tentative_changed = Signal(str)  # the current guess beyond them
    lag_changed = Signal(float)  # seconds of audio waiting for recognition
    failed = Signal(str)  # one sentence; recording goes on without live text

    def __init__(self, runner: JobRunner, local_engine: TranscriptionEngine, remote: RemoteEngineChoice,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._local_engine = local_engine
        self._remote = remote
        self._job: LiveTranscriptionJob | None = None
        self._ready = False
        self._on_ready: Callable[[], None] = lambda: None
        self._on_failed: Callable[[str], None] = lambda _message: None
        self._on_done: Callable[[Transcript], None] | None = None
        self._committed: list[Segment] = []  # the live transcript so far, should the job fail
        runner.job_event.connect(self._on_job_event)

    @property
    def is_ready(self) -> bool:
        return self._ready

    def prepare(self, choice: str, options: TranscriptionOptions, on_ready: Callable[[], None],
                on_failed: Callable[[str], None]) -> None:
        """Submit the live job for ``choice``; ``on_ready()`` on the GUI thread once its engine is ready."""
        live_options = replace(options, beam_size=1, word_timestamps=True)  # greedy passes: the lag is the point
        self._on_ready, self._on_failed = on_ready, on_failed
        self._ready, self._on_done, self._committed = False, None, []
        self._job = LiveTranscriptionJob(
            lambda listeners, cancel_event: self._session_for(choice, live_options, listeners, cancel_event))
        self._runner.submit(self._job)

    def feed(self, block: np.ndarray, sample_rate: int) -> None:
        """A recorded mono float32 block, from the recorder's writer thread; queued, never waits."""
        job = self._job
        if job is not None:
            job.feed(block, sample_rate)

    def finish(self, on_done: Callable[[Transcript], None]) -> None:
        """Recognise what is still waiting, then ``on_done(live transcript)`` on the GUI thread."""
        job = self._job
        if job is None:  # never started, or it failed: what was committed is the live text
            on_done(Transcript(segments=list(self._committed)))
            return
        self._on_done = on_done
        job.finish()

    def cancel(self) -> None:
        """Stop at once (the window closes): what was waiting is not recognised."""
        job, self._job = self._job, None
        self._on_done = None
        if job is not None:
            self._runner.cancel(job.id)

    def _session_for(self, choice: str, options: TranscriptionOptions, listeners: LiveListeners,
                     cancel_event: threading.Event) -> LiveSession:
        """On the lane's thread: the engine for ``choice`` made ready, and its live session."""
        engine, options = self._remote.engine_for(choice, self._local_engine, options)
        if engine is self._local_engine:
            from app.engines.faster_whisper_engine import FasterWhisperEngine
            from app.engines.live.local import LocalLiveTranscriber

            if not isinstance(engine, FasterWhisperEngine):
                raise EngineError("This engine cannot transcribe live.")
            return LocalLiveTranscriber(engine.load_model(options), options, listeners, cancel_event)
        from app.engines.live.remote import RemoteLiveTranscriber

        return RemoteLiveTranscriber(engine, options, listeners, cancel_event)

    def _on_job_event(self, job_id: int, event: JobEvent) -> None:
        job = self._job
        if job is None or job_id != job.id:
            return
        if isinstance(event, SegmentRecognised):
            self._committed.append(event.segment)
            self.committed.emit([event.segment])
        elif isinstance(event, PartialResult):
            self._on_partial(event.value)
        elif isinstance(event, JobFinished):
            self._job = None
            self._done(event.result if isinstance(event.result, Transcript) else Transcript())
        elif isinstance(event, JobFailed):
            self._job = None
            self._failed(event.message)
        elif isinstance(event, JobCancelled):
            self._job = None

    def _on_partial(self, value: object) -> None:
        if isinstance(value, TentativeText):
            self.tentative_changed.emit(value.text)
        elif isinstance(value, LiveLag):
            self.lag_changed.emit(value.seconds)
        elif isinstance(value, LiveReady):
            self._ready = True
            self._on_ready()

    def _failed(self, message: str) -> None:
        if not self._ready:  # the engine never became ready: the recording does not start
            self._on_failed(message)
            return
        log.warning("live transcription failed: %s", message)
        self.failed.emit(message)
        if self._on_done is not None:  # it failed while finishing: the recording ends with what was committed
            self._done(Transcript(segments=list(self._committed)))

    def _done(self, transcript: Transcript) -> None:
        on_done, self._on_done = self._on_done, None
        if on_done is not None:
            on_done(transcript)
