"""Passages: the voice-activity chunks of a recording grouped into pieces of up to 30 s of speech.

A passage is what the local engine decodes at once: one Whisper window, cut at pauses rather
than every 30 s, so no word is split between windows, each passage can be decoded in its own
language, and a passage that repeats itself can be decoded again on its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

SAMPLE_RATE = 16_000
PASSAGE_SECONDS = 30.0


@dataclass(frozen=True, slots=True)
class SpeechChunk:
    """Sample offsets of a stretch of speech in the whole recording."""

    start: int
    end: int

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Passage:
    chunks: tuple[SpeechChunk, ...]

    def samples(self, audio: np.ndarray) -> np.ndarray:
        """The passage's speech, its chunks joined without the pauses between them."""
        return np.concatenate([audio[chunk.start:chunk.end] for chunk in self.chunks])

    def original_seconds(self, seconds: float, at_start: bool = False) -> float:
        """The time in the whole recording of ``seconds`` into the joined speech.

        A time on the seam of two chunks is the end of the first, or with ``at_start`` the start
        of the second.
        """
        remaining = round(seconds * SAMPLE_RATE)
        for chunk in self.chunks:
            if remaining < chunk.length or (remaining == chunk.length and not at_start):
                return round((chunk.start + remaining) / SAMPLE_RATE, 3)
            remaining -= chunk.length
        return round(self.chunks[-1].end / SAMPLE_RATE, 3)

    @property
    def end_seconds(self) -> float:
        return self.chunks[-1].end / SAMPLE_RATE


def detect_speech(audio: np.ndarray) -> list[SpeechChunk]:
    """Silero voice activity (faster-whisper's own filter), long stretches cut at their pauses."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    settings = VadOptions(max_speech_duration_s=PASSAGE_SECONDS)
    return [SpeechChunk(c["start"], c["end"]) for c in get_speech_timestamps(audio, settings)]


def group_into_passages(chunks: Iterable[SpeechChunk], limit_seconds: float = PASSAGE_SECONDS) -> list[Passage]:
    """Consecutive chunks joined while their speech fits in ``limit_seconds``."""
    limit = int(limit_seconds * SAMPLE_RATE)
    passages: list[Passage] = []
    current: list[SpeechChunk] = []
    for chunk in chunks:
        if current and sum(c.length for c in current) + chunk.length > limit:
            passages.append(Passage(tuple(current)))
            current = []
        current.append(chunk)
    if current:
        passages.append(Passage(tuple(current)))
    return passages

