"""Where the live buffer holds speech: Silero (the VAD inside faster-whisper) run on it before each pass.

Given silence, Whisper invents words ("Thank you." after the speaker has stopped is the classic),
and faster-whisper's own VAD keeps a trailing silence shorter than two seconds as speech. So a
live pass is never run on a buffer without speech, decodes only up to where the speech ends, and
keeps no word that lies outside every stretch of speech.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from faster_whisper.vad import VadOptions, get_speech_timestamps

from app.core.audio import SAMPLE_RATE

_SILENCE_MS = 300  # a shorter gap is part of the speech around it
_PAD_MS = 150  # kept on each side of a stretch of speech (a word's soft end)
_SHORTEST_SPEECH_MS = 200  # a click or a breath is not speech
_VAD = VadOptions(min_silence_duration_ms=_SILENCE_MS, speech_pad_ms=_PAD_MS,
                  min_speech_duration_ms=_SHORTEST_SPEECH_MS)
_WORD_TOLERANCE = 0.2  # Whisper's word times are this loose


@dataclass(frozen=True, slots=True)
class SpeechRegions:
    """Stretches of speech, padded, in seconds from the start of the samples they were found in."""

    spans: tuple[tuple[float, float], ...]
    seconds: float  # the length of those samples

    @property
    def has_speech(self) -> bool:
        return bool(self.spans)

    @property
    def speech_end(self) -> float:
        """Where the last stretch of speech ends (the length itself while it goes on)."""
        return self.spans[-1][1] if self.spans else 0.0

    @property
    def ends_in_speech(self) -> bool:
        """The samples end while someone speaks: their last word may be cut in two."""
        return bool(self.spans) and self.speech_end >= self.seconds

    @property
    def silence_at_end(self) -> float:
        return self.seconds - self.speech_end

    def holds(self, start: float, end: float) -> bool:
        """A word from ``start`` to ``end`` lies (at least partly) in speech."""
        return any(start < span_end + _WORD_TOLERANCE and end > span_start - _WORD_TOLERANCE
                   for span_start, span_end in self.spans)

    def pauses(self) -> list[tuple[float, float]]:
        """The silences between stretches of speech."""
        return [(a[1], b[0]) for a, b in zip(self.spans, self.spans[1:], strict=False)]


def find_speech(samples: np.ndarray) -> SpeechRegions:
    """Silero's stretches of speech in 16 kHz ``samples`` (about 2 ms of CPU a second of audio)."""
    found: list[dict[str, int]] = get_speech_timestamps(samples, _VAD) if len(samples) >= SAMPLE_RATE // 10 else []
    return SpeechRegions(tuple((r["start"] / SAMPLE_RATE, r["end"] / SAMPLE_RATE) for r in found),
                         len(samples) / SAMPLE_RATE)
