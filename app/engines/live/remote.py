"""Live transcription through a remote engine: each piece of speech is sent as soon as it closes.

A piece closes at a pause (the Silero VAD inside faster-whisper finds speech followed by at least
``pause_seconds`` of silence) or when it reaches ``max_piece_seconds``. Each closed piece goes to
the engine's ordinary ``transcribe`` (for an OpenAI-compatible profile, one upload), and its
segments, moved onto the recording's timeline, are committed. Silence is never sent.
"""

from __future__ import annotations

import threading

import numpy as np
from faster_whisper.vad import VadOptions, get_speech_timestamps

from app.core.audio import SAMPLE_RATE, AudioClip
from app.engines.base import TranscriptionEngine, TranscriptionOptions
from app.engines.live.session import LiveListeners, LiveSession
from app.engines.remote.audio_pieces import shifted

PAUSE_SECONDS = 0.6
MAX_PIECE_SECONDS = 20.0
CHECK_EVERY_SECONDS = 0.5
SILENCE_KEEP_SECONDS = 1.0
_PAD_SECONDS = 0.2


class RemoteLiveTranscriber(LiveSession):
    def __init__(
        self,
        engine: TranscriptionEngine,
        options: TranscriptionOptions,
        listeners: LiveListeners | None = None,
        cancel_event: threading.Event | None = None,
        pause_seconds: float = PAUSE_SECONDS,
        max_piece_seconds: float = MAX_PIECE_SECONDS,
    ) -> None:
        super().__init__(options, listeners, cancel_event)
        self.engine_name = engine.name
        self._engine = engine
        self._pause_seconds = pause_seconds
        self._max_piece_seconds = max_piece_seconds
        self._audio = np.zeros(0, dtype=np.float32)  # not yet sent, starting at _offset
        self._offset = 0.0
        self._unchecked_samples = 0
        self._vad = VadOptions(
            min_silence_duration_ms=int(pause_seconds * 1000), speech_pad_ms=int(_PAD_SECONDS * 1000)
        )

    @property
    def processed_seconds(self) -> float:
        return self._offset

    def take_audio(self, samples: np.ndarray, ending: bool) -> None:
        if samples.size:
            self._audio = np.concatenate([self._audio, samples])
            self._unchecked_samples += len(samples)
        if ending:
            if self._speech_regions():
                self._send(len(self._audio))
            return
        if self._unchecked_samples >= CHECK_EVERY_SECONDS * SAMPLE_RATE:
            self._unchecked_samples = 0
            self._send_closed_pieces()

    def _send_closed_pieces(self) -> None:
        while True:
            regions = self._speech_regions()
            if not regions:
                if len(self._audio) > 3 * SILENCE_KEEP_SECONDS * SAMPLE_RATE:
                    self._drop(len(self._audio) - int(SILENCE_KEEP_SECONDS * SAMPLE_RATE))
                return
            end = self._first_closed_end(regions)
            if end is None and len(self._audio) > self._max_piece_seconds * SAMPLE_RATE:
                end = next((r["end"] for r in reversed(regions[:-1]) if r["end"] > SAMPLE_RATE), len(self._audio))
            if end is None:
                return
            self._send(end)

    def _first_closed_end(self, regions: list[dict[str, int]]) -> int | None:
        """The end of the first stretch of speech followed by a pause, if one has closed."""
        for region, following in zip(regions, [*(r["start"] for r in regions[1:]), len(self._audio)], strict=True):
            if (following - region["end"]) / SAMPLE_RATE >= self._pause_seconds - _PAD_SECONDS:
                return region["end"]
        return None

    def _speech_regions(self) -> list[dict[str, int]]:
        if len(self._audio) < SAMPLE_RATE // 2:
            return []
        regions: list[dict[str, int]] = get_speech_timestamps(self._audio, self._vad)
        return regions

    def _send(self, end: int) -> None:
        piece, offset = self._audio[:end], self._offset
        self.show_tentative("…")
        segments = list(self._engine.transcribe(AudioClip(piece), self.options, self.context))
        self._drop(end)
        self.commit([shifted(s, offset) for s in segments if s.text.strip()])
        self.show_tentative("")
        self.report_lag()

    def _drop(self, samples: int) -> None:
        self._audio = self._audio[samples:]
        self._offset += samples / SAMPLE_RATE
