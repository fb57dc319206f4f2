"""What every live transcription shares: audio fed from the recorder, a worker thread, lag, callbacks.

``feed`` only puts the block into an unbounded queue, so the recorder's writer never waits and
nothing is dropped when recognition falls behind: the audio waits in the queue and
``waiting_seconds`` says how much. The worker resamples to 16 kHz and hands the engine-specific
subclass whatever has arrived; the subclass decides when a pass is worth running.
"""

from __future__ import annotations

import logging
import queue
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from app.core.audio import SAMPLE_RATE
from app.core.errors import Cancelled, EarshotError, EngineError
from app.core.stream_resampler import StreamResampler
from app.core.text_translation import translated
from app.core.transcript import Segment, Transcript
from app.engines.base import JobContext, TranscriptionOptions

log = logging.getLogger(__name__)

SegmentsListener = Callable[[list[Segment]], None]
TextListener = Callable[[str], None]
LagListener = Callable[[float], None]
ErrorListener = Callable[[EarshotError], None]
_END = None


@dataclass(frozen=True, slots=True)
class LiveListeners:
    """Who hears what a live session does; each callback runs on the session's worker thread.

    ``on_committed`` gets segments that will never change, ``on_tentative`` the current guess
    beyond them (replacing the previous guess), ``on_lag`` the seconds of audio waiting for
    recognition after each pass, ``on_error`` the one sentence the session stopped with.
    """

    on_committed: SegmentsListener | None = None
    on_tentative: TextListener | None = None
    on_lag: LagListener | None = None
    on_error: ErrorListener | None = None


class LiveSession(ABC):
    """``start()``, ``feed()`` blocks as they are recorded, ``stop()`` for the final transcript.

    Or, on a thread of the caller's (a job runner's lane): ``run()``, which recognises until
    ``close_input()`` (or the cancel event), then ``transcript()``.
    """

    engine_name = "live"

    def __init__(
        self,
        options: TranscriptionOptions,
        listeners: LiveListeners | None = None,
        cancel_event: threading.Event | None = None,
    ) -> None:
        self.options = options
        self.context = JobContext(cancel_event=cancel_event)
        self.committed: list[Segment] = []
        self.error: EarshotError | None = None
        self._listeners = listeners or LiveListeners()
        self._blocks: queue.Queue[tuple[np.ndarray, int] | None] = queue.Queue()
        self._resampler: StreamResampler | None = None
        self._received_samples = 0  # 16 kHz samples taken off the queue
        self._fed_seconds = 0.0  # written by the feeding thread only
        self._worker: threading.Thread | None = None

    @property
    def cancel_event(self) -> threading.Event:
        return self.context.cancel_event

    @property
    def received_seconds(self) -> float:
        return self._received_samples / SAMPLE_RATE

    @property
    def waiting_seconds(self) -> float:
        """Audio fed but not yet recognised: how far behind the speaker recognition is."""
        return max(0.0, self._fed_seconds - self.processed_seconds)

    @property
    @abstractmethod
    def processed_seconds(self) -> float:
        """How much of the stream, from its start, recognition has been run on."""

    def start(self) -> None:
        self._worker = threading.Thread(target=self.run, name=f"{self.engine_name} live transcription", daemon=True)
        self._worker.start()

    def feed(self, block: np.ndarray, sample_rate: int) -> None:
        """A mono float32 block, from any one thread (the recorder's ``on_audio``); never blocks."""
        self._fed_seconds += len(block) / sample_rate
        self._blocks.put((block, sample_rate))

    def close_input(self) -> None:
        """No more audio will come: ``run`` recognises what was fed, commits the rest and returns."""
        self._blocks.put(_END)

    def stop(self, timeout: float | None = None) -> Transcript:
        """Recognise everything fed so far, commit the rest, and give the live transcript."""
        self.close_input()
        if self._worker is not None:
            self._worker.join(timeout)
        return self.transcript()

    def cancel(self) -> None:
        """Stop at once, without recognising what is still waiting."""
        self.cancel_event.set()
        self._blocks.put(_END)
        if self._worker is not None:
            self._worker.join()

    def transcript(self) -> Transcript:
        return Transcript(
            segments=list(self.committed), language=self.context.language or self.options.language,
            duration=self.received_seconds, engine=self.engine_name, options=self.options.as_dict(),
        )

    @abstractmethod
    def take_audio(self, samples: np.ndarray, ending: bool) -> None:
        """Newly arrived 16 kHz audio (possibly empty); ``ending``: no more will come, finish up."""

    def commit(self, segments: list[Segment]) -> None:
        if not segments:
            return
        self.committed.extend(segments)
        if self._listeners.on_committed is not None:
            self._listeners.on_committed(segments)

    def report_lag(self) -> None:
        if self._listeners.on_lag is not None:
            self._listeners.on_lag(self.waiting_seconds)

    def show_tentative(self, text: str) -> None:
        if self._listeners.on_tentative is not None:
            self._listeners.on_tentative(text)

    def run(self) -> None:
        """Recognise the audio as it is fed, on the calling thread, until the input closes or the session is
        cancelled; a failure ends it as ``error`` (one sentence, also told to ``on_error``)."""
        try:
            ending = False
            while not ending:
                samples, ending = self._arrived()
                self.context.check_cancelled()
                self.take_audio(samples, ending)
                self.report_lag()
        except Cancelled:
            return
        except EarshotError as error:
            self._fail(error)
        except Exception as error:  # a bug: logged with its trace, told as one sentence
            log.exception("live transcription failed")
            self._fail(EngineError(translated(
                "Live transcription stopped because of an unexpected error ({error})."
            ).format(error=error)))

    def _arrived(self) -> tuple[np.ndarray, bool]:
        """All the audio queued now (waiting up to 0.1 s for some), resampled; and whether the stream ended."""
        pieces: list[np.ndarray] = []
        ending = False
        try:
            item = self._blocks.get(timeout=0.1)
            while True:
                if item is _END:
                    ending = True
                    break
                pieces.append(self._resampled(*item))
                item = self._blocks.get_nowait()
        except queue.Empty:
            pass
        if ending and self._resampler is not None:
            pieces.append(self._resampler.flush())
        samples = np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.float32)
        self._received_samples += len(samples)
        return samples, ending

    def _resampled(self, block: np.ndarray, sample_rate: int) -> np.ndarray:
        if self._resampler is None or self._resampler.source_rate != sample_rate:
            self._resampler = StreamResampler(sample_rate)
        return self._resampler.resample(block)

    def _fail(self, error: EarshotError) -> None:
        self.error = error
        if self._listeners.on_error is not None:
            self._listeners.on_error(error)
