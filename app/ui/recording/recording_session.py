"""One recording made in the window: the Recorder, its live transcription, and how it ended.

The one owner of the recording's state. ``start`` opens the input (after the live engine is
ready, so no audio arrives before there is somewhere to send it); the GUI polls ``level`` and
``elapsed_seconds`` (immutable readings the writer thread replaces whole: no lock, and nothing in
PortAudio's callback ever touches Qt). ``stop`` closes the file and finishes the live text off
the GUI thread; ``ended`` then carries the outcome. A device that vanishes or a full disk ends
the recording by itself: the same ``ended``, with the sentence in ``outcome.error``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from app.core.recording import InputDevice, LevelReading, Recorder, RecordingResult
from app.core.recording.recorder import SILENT
from app.core.transcript import Transcript
from app.engines.base import TranscriptionOptions
from app.ui.background_calls import BackgroundCalls
from app.ui.recording.live_runner import LiveTranscriptionRunner

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class RecordingOutcome:
    path: Path
    seconds: float
    error: str | None  # why it ended by itself (the file holds what was recorded)
    live_transcript: Transcript | None  # None when live transcription was off or never started


class RecordingSession(QObject):
    started = Signal()
    ended = Signal(object)  # RecordingOutcome
    start_failed = Signal(str)

    def __init__(self, live: LiveTranscriptionRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.live = live
        self._calls = BackgroundCalls(self)
        self._recorder: Recorder | None = None
        self._live_on = False
        self._stopping = False

    @property
    def is_recording(self) -> bool:
        return self._recorder is not None

    @property
    def level(self) -> LevelReading:
        return self._recorder.level if self._recorder is not None else SILENT

    @property
    def elapsed_seconds(self) -> float:
        return self._recorder.elapsed_seconds if self._recorder is not None else 0.0

    @property
    def path_name(self) -> str:
        return self._recorder.path.name if self._recorder is not None else ""

    @property
    def paused(self) -> bool:
        return self._recorder is not None and self._recorder.paused

    def start(self, path: Path, device: InputDevice, live: tuple[str, TranscriptionOptions] | None) -> None:
        """Record from ``device`` into ``path``; with ``live`` (model choice, options), transcribe as it comes."""
        self._live_on = live is not None
        self._stopping = False
        if live is None:
            self._open_input(path, device)
            return
        choice, options = live
        self.live.prepare(choice, options, lambda: self._open_input(path, device), self.start_failed.emit)

    def pause(self) -> None:
        if self._recorder is not None:
            self._recorder.pause()

    def resume(self) -> None:
        if self._recorder is not None:
            self._recorder.resume()

    def stop(self) -> None:
        """Close the file and finish the live text off the GUI thread; ``ended`` follows."""
        recorder = self._recorder
        if recorder is None or self._stopping:
            return
        self._stopping = True
        self._calls.run(recorder.stop, self._recorder_stopped, self._stop_failed, name="recording-stop")

    def abandon(self) -> None:
        """The window closes: stop recording now (the file is kept), drop the live text."""
        self._calls.stop()
        self.live.cancel()
        recorder, self._recorder = self._recorder, None
        if recorder is not None:
            recorder.stop()

    def _open_input(self, path: Path, device: InputDevice) -> None:
        """Open the input off the GUI thread: a sound server under load can take seconds to open a stream."""
        def opened() -> Recorder:
            recorder = Recorder(path, device, on_audio=self.live.feed if self._live_on else None,
                                on_error=lambda _error: self._calls.report(self.stop))
            recorder.start()
            return recorder

        self._calls.run(opened, self._on_opened, self._on_open_failed, name="recording-start")

    def _on_opened(self, recorder: Recorder) -> None:
        self._recorder = recorder
        log.info("recording from %s into %s at %d Hz", recorder.device.name, recorder.path.name, recorder.sample_rate)
        self.started.emit()

    def _on_open_failed(self, message: str) -> None:
        self.live.cancel()
        self.start_failed.emit(message)

    def _recorder_stopped(self, result: RecordingResult) -> None:
        error = result.error.message if result.error is not None else None
        if not self._live_on:
            self._end(result, error, None)
            return
        self.live.finish(lambda transcript: self._end(result, error, transcript))

    def _stop_failed(self, message: str) -> None:
        recorder, self._recorder = self._recorder, None
        self.live.cancel()
        if recorder is not None:
            self.ended.emit(RecordingOutcome(recorder.path, recorder.elapsed_seconds, message, None))

    def _end(self, result: RecordingResult, error: str | None, transcript: Transcript | None) -> None:
        self._recorder = None
        self._stopping = False
        if transcript is not None:
            transcript.media_path = str(result.path)
        self.ended.emit(RecordingOutcome(result.path, result.seconds, error, transcript))
