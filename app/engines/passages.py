"""Passages: the voice-activity chunks of a recording grouped into pieces of up to 30 s of speech.

A passage is what the local engine decodes at once: one Whisper window, cut at pauses rather
than every 30 s, so no word is split between windows, each passage can be decoded in its own
language, and a passage that repeats itself can be decoded again on its own. Speech is found
over a stream of chunks, and a PassageReader cuts each passage's speech out of a second pass
over the stream, so no more than a passage and a chunk of the recording is held at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import numpy as np

from app.engines.speech_detection import SpeechProbabilities, speech_stretches

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


def detect_speech(
    chunks: Iterable[np.ndarray] | np.ndarray, between_chunks: Callable[[], None] | None = None
) -> tuple[list[SpeechChunk], int]:
    """Silero voice activity (faster-whisper's own filter) over a stream, long stretches cut at their pauses.

    Returns the speech and the number of samples the stream had; ``between_chunks`` is called after
    each chunk (to stop on cancel).
    """
    from faster_whisper.vad import VadOptions

    probabilities = SpeechProbabilities()
    for chunk in [chunks] if isinstance(chunks, np.ndarray) else chunks:
        probabilities.feed(chunk)
        if between_chunks:
            between_chunks()
    settings = VadOptions(max_speech_duration_s=PASSAGE_SECONDS)
    total = probabilities.total_samples
    return [SpeechChunk(*stretch) for stretch in speech_stretches(probabilities.finish(), total, settings)], total


def fixed_pieces(total_samples: int, limit_seconds: float = PASSAGE_SECONDS) -> list[SpeechChunk]:
    """The whole recording as consecutive chunks of ``limit_seconds``: passages without voice-activity detection."""
    step = int(limit_seconds * SAMPLE_RATE)
    return [SpeechChunk(start, min(start + step, total_samples)) for start in range(0, total_samples, step)]


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



class PassageReader:
    """Cuts passages' speech out of a stream of chunks, in time order, keeping only what is still ahead."""

    def __init__(self, chunks: Iterator[np.ndarray]) -> None:
        self._chunks = chunks
        self._held = np.zeros(0, dtype=np.float32)
        self._held_from = 0  # the sample number of _held[0] in the whole recording
        self.most_samples_held = 0  # the largest the window ever was, for tests

    def samples(self, passage: Passage) -> np.ndarray:
        """The passage's speech; later calls must not ask for anything before this passage's start."""
        return np.concatenate([self._read(chunk.start, chunk.end) for chunk in passage.chunks])

    def _read(self, start: int, end: int) -> np.ndarray:
        if start < self._held_from:
            raise ValueError("passages must be read in time order")
        self._drop_before(start)
        while self._held_from + len(self._held) < end and (chunk := next(self._chunks, None)) is not None:
            self._held = np.concatenate([self._held, chunk])
            self._drop_before(start)
            self.most_samples_held = max(self.most_samples_held, len(self._held))
        return self._held[start - self._held_from:end - self._held_from].copy()

    def _drop_before(self, start: int) -> None:
        dropped = min(start - self._held_from, len(self._held))
        self._held = self._held[dropped:]
        self._held_from += dropped


def plain_probability(probability: float | None) -> float | None:
    """CTranslate2 gives numpy floats; the transcript holds plain ones (JSON writers and equality rely on it)."""
    return None if probability is None else float(probability)
