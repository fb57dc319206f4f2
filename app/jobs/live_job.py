"""Live transcription of a recording as it is made, in the real-time lane: never queued behind recognition.

The job makes its session on the lane's thread (a model load, a key from the keyring), says so
with a LiveReady partial result, and then recognises on that same thread whatever ``feed`` gives
it (from the recorder's writer thread; never blocks) until ``finish``. Committed segments come
as SegmentRecognised events, the tentative tail and the lag as partial results; the result is
the live transcript. Cancel stops it without recognising what still waits.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from app.core.transcript import Segment, Transcript
from app.engines.live.session import LiveListeners, LiveSession
from app.jobs.job import Job, JobReport, LaneKind

SessionFactory = Callable[[LiveListeners, threading.Event], LiveSession]


@dataclass(frozen=True, slots=True)
class LiveReady:
    """The engine is ready: audio fed from now on is recognised."""


@dataclass(frozen=True, slots=True)
class TentativeText:
    text: str  # the current guess beyond the committed text, replacing the previous one


@dataclass(frozen=True, slots=True)
class LiveLag:
    seconds: float  # audio waiting for recognition


class LiveTranscriptionJob(Job[Transcript]):
    what = "Live transcription"

    def __init__(self, make_session: SessionFactory) -> None:
        """``make_session(listeners, cancel_event)`` builds the session, on the lane's thread."""
        super().__init__()
        self._make_session = make_session
        self._lock = threading.Lock()  # guards the three fields below: feed and finish come from other threads
        self._session: LiveSession | None = None
        self._early: list[tuple[np.ndarray, int]] = []  # fed before the session existed
        self._input_closed = False

    @property
    def lane(self) -> LaneKind:
        return LaneKind.REAL_TIME

    def feed(self, block: np.ndarray, sample_rate: int) -> None:
        """A recorded mono float32 block, from any one thread; queued, never waits."""
        with self._lock:
            if self._session is None:
                self._early.append((block, sample_rate))
                return
            session = self._session
        session.feed(block, sample_rate)

    def finish(self) -> None:
        """No more audio: recognise what waits, then the job finishes with the live transcript."""
        with self._lock:
            self._input_closed = True
            if self._session is not None:
                self._session.close_input()

    def run(self, report: JobReport) -> Transcript:
        def committed(segments: list[Segment]) -> None:
            for segment in segments:
                report.segment(segment)

        listeners = LiveListeners(
            on_committed=committed,
            on_tentative=lambda text: report.partial(TentativeText(text)),
            on_lag=lambda seconds: report.partial(LiveLag(seconds)),
        )
        session = self._make_session(listeners, self.cancel_event)
        report.check_cancelled()
        with self._lock:
            for block, sample_rate in self._early:
                session.feed(block, sample_rate)
            self._early.clear()
            self._session = session
            if self._input_closed:
                session.close_input()
        report.partial(LiveReady())
        session.run()
        report.check_cancelled()
        if session.error is not None:
            raise session.error
        return session.transcript()
