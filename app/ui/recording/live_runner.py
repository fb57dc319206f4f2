"""Live transcription for the window, behind one small class (the job runner's real-time lane can take it over).

``prepare`` makes the engine ready off the GUI thread (a remote profile's key from the keyring, a
local model loaded) and builds the session; the session recognises on its own worker thread
(``app/engines/live/session.py``) and this class hands what it reports to the GUI thread as
signals. ``feed`` may be called from any thread (the recorder's writer) and never blocks;
``finish`` recognises what is still waiting on a thread and gives the live transcript.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QObject, Signal

from app.core.errors import EngineError
from app.core.transcript import Segment, Transcript
from app.engines.base import TranscriptionEngine, TranscriptionOptions
from app.ui.background_calls import BackgroundCalls
from app.ui.remote_engine_choice import RemoteEngineChoice

if TYPE_CHECKING:  # faster-whisper loads when a recording first transcribes live, not when the window opens
    from app.engines.live.session import LiveSession

log = logging.getLogger(__name__)


class LiveTranscriptionRunner(QObject):
    committed = Signal(object)  # list[Segment] that will never change
    tentative_changed = Signal(str)  # the current guess beyond them
    lag_changed = Signal(float)  # seconds of audio waiting for recognition
    failed = Signal(str)  # one sentence; recording goes on without live text

    def __init__(self, local_engine: TranscriptionEngine, remote: RemoteEngineChoice,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._local_engine = local_engine
        self._remote = remote
        self._calls = BackgroundCalls(self)
        self._session: LiveSession | None = None

    @property
    def is_ready(self) -> bool:
        return self._session is not None

    def prepare(self, choice: str, options: TranscriptionOptions, on_ready: Callable[[], None],
                on_failed: Callable[[str], None]) -> None:
        """Make the engine for ``choice`` ready and start the session; then ``on_ready()`` on the GUI thread."""
        live_options = replace(options, beam_size=1, word_timestamps=True)  # greedy passes: the lag is the point

        def ready(session: LiveSession) -> None:
            self._session = session
            session.start()
            on_ready()

        self._calls.run(lambda: self._session_for(choice, live_options), ready, on_failed, name="live-preparation")

    def feed(self, block: np.ndarray, sample_rate: int) -> None:
        """A recorded mono float32 block, from the recorder's writer thread; queued, never waits."""
        if self._session is not None:
            self._session.feed(block, sample_rate)

    def finish(self, on_done: Callable[[Transcript], None]) -> None:
        """Recognise what is still waiting, then ``on_done(live transcript)`` on the GUI thread."""
        session, self._session = self._session, None
        if session is None:
            on_done(Transcript())
            return
        self._calls.run(session.stop, on_done, lambda message: self._failed_at_finish(session, message, on_done),
                        name="live-finish")

    def cancel(self) -> None:
        """Stop at once (the window closes): what was waiting is not recognised."""
        session, self._session = self._session, None
        self._calls.stop()
        if session is not None:
            session.cancel_event.set()  # its worker notices within 0.1 s and ends; nothing waits for it

    def _session_for(self, choice: str, options: TranscriptionOptions) -> LiveSession:
        engine, options = self._remote.engine_for(choice, self._local_engine, options)
        from app.engines.live.session import LiveListeners

        report = self._calls.report
        listeners = LiveListeners(
            on_committed=lambda segments: report(self._emit_committed, segments),
            on_tentative=lambda text: report(self.tentative_changed.emit, text),
            on_lag=lambda seconds: report(self.lag_changed.emit, seconds),
            on_error=lambda error: report(self.failed.emit, error.message),
        )
        if engine is self._local_engine:
            from app.engines.faster_whisper_engine import FasterWhisperEngine
            from app.engines.live.local import LocalLiveTranscriber

            if not isinstance(engine, FasterWhisperEngine):
                raise EngineError("This engine cannot transcribe live.")
            return LocalLiveTranscriber(engine.load_model(options), options, listeners)
        from app.engines.live.remote import RemoteLiveTranscriber

        return RemoteLiveTranscriber(engine, options, listeners)

    def _emit_committed(self, segments: list[Segment]) -> None:
        self.committed.emit(segments)

    def _failed_at_finish(self, session: LiveSession, message: str, on_done: Callable[[Transcript], None]) -> None:
        log.warning("live transcription failed at the end: %s", message)
        self.failed.emit(message)
        on_done(session.transcript())
