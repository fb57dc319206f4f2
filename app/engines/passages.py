"""Passages: the voice-activity chunks of a recording grouped into pieces of up to 30 s of speech.

A passage is what the local engine decodes at once: one Whisper window, cut at pauses rather
than every 30 s, so no word is split between windows, each passage can be decoded in its own
language, and a passage that repeats itself can be decoded again on its own. A reading (over
READING_SECONDS, a window, of speech without a two-second pause) is one passage of several windows
instead, decoded as bare faster-whisper decodes a file. Speech is found
over a stream of chunks, and a PassageReader cuts each passage's speech out of a second pass
over the stream, so no more than a passage and a chunk of the recording is held at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

import numpy as np

from app.core.silence_split import FrameLoudness
from app.engines.pause_cuts import PauseRules, cut_at_pauses
from app.engines.speech_detection import SpeechProbabilities, speech_stretches

SAMPLE_RATE = 16_000
PASSAGE_SECONDS = 30.0
# A stretch of speech longer than a window without a pause of 2 s (a reading, a monologue) is decoded as bare
# faster-whisper decodes a file: one passage over several windows, each starting where the last one's text ended
# (measured against 45 s and the 90 s before: the lowest error, file by file; see README's accuracy section)
READING_SECONDS = PASSAGE_SECONDS
LONGEST_READING_SECONDS = 300.0  # such a passage is cut at its longest pause before this (memory stays bounded)
LEAD_IN_SECONDS = 1.0  # of the pause before a passage, decoded with it
LEAD_IN_LIMIT_SECONDS = 29.0  # a passage led in stays this short (see _lead_in)
# Silero's own default (faster-whisper's is 0): a lone word is 300 ms or more of speech; a blip of 100 ms in
# music or noise, decoded as a passage, is where Whisper makes up a word ("Oh" on 60 s of plucked tones)
SHORTEST_SPEECH_MS = 250


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
    lead_in: int = 0  # samples of the pause before the speech, decoded with it (the first chunk starts there)

    def samples(self, audio: np.ndarray) -> np.ndarray:
        """The passage's speech, its chunks joined without the pauses between them."""
        return np.concatenate([audio[chunk.start:chunk.end] for chunk in self.chunks])

    def original_seconds(self, seconds: float, at_start: bool = False) -> float:
        """The time in the whole recording of ``seconds`` into the joined speech.

        A time on the seam of two chunks is the end of the first, or with ``at_start`` the start
        of the second. No time is earlier than the speech: Whisper often starts a window's first
        segment at 0, in the lead-in.
        """
        remaining = max(round(seconds * SAMPLE_RATE), self.lead_in)
        for chunk in self.chunks:
            if remaining < chunk.length or (remaining == chunk.length and not at_start):
                return round((chunk.start + remaining) / SAMPLE_RATE, 3)
            remaining -= chunk.length
        return round(self.chunks[-1].end / SAMPLE_RATE, 3)

    @property
    def end_seconds(self) -> float:
        return self.chunks[-1].end / SAMPLE_RATE


def detect_speech(
    chunks: Iterable[np.ndarray] | np.ndarray,
    between_chunks: Callable[[], None] | None = None,
    readings: bool = True,
) -> tuple[list[SpeechChunk], int]:
    """Silero voice activity (faster-whisper's own filter) over a stream, long stretches cut at their longest pauses.

    With ``readings``, a stretch longer than READING_SECONDS is a reading, cut only every LONGEST_READING_SECONDS
    or so, and decoded across windows; without (fast mode), a long stretch is cut into passages of one window
    (up to 30 s).

    Returns the speech and the number of samples the stream had; ``between_chunks`` is called after
    each chunk (to stop on cancel).
    """
    from faster_whisper.vad import VadOptions

    probabilities = SpeechProbabilities()
    for chunk in [chunks] if isinstance(chunks, np.ndarray) else chunks:
        probabilities.feed(chunk)
        if between_chunks:
            between_chunks()
    settings = VadOptions(min_speech_duration_ms=SHORTEST_SPEECH_MS)
    total = probabilities.total_samples
    speech = probabilities.finish()
    rules = PauseRules(
        silence_below=settings.neg_threshold or max(settings.threshold - 0.15, 0.01),
        limit=int(PASSAGE_SECONDS * SAMPLE_RATE),
        pad=settings.speech_pad_ms * SAMPLE_RATE // 1000,
    )
    reading_rules = replace(rules, limit=int(LONGEST_READING_SECONDS * SAMPLE_RATE))
    pieces = [
        SpeechChunk(*piece)
        for start, end in speech_stretches(speech, total, settings)
        for piece in cut_at_pauses(
            start, end, speech, reading_rules if readings and end - start > READING_SECONDS * SAMPLE_RATE else rules
        )
    ]
    return pieces, total


def quiet_pieces(
    chunks: Iterable[np.ndarray], between_chunks: Callable[[], None] | None = None
) -> tuple[list[SpeechChunk], int]:
    """Without voice activity: the whole recording in pieces of up to 30 s, cut at its quietest moments.

    Each piece is decoded as one window, so a cut at a pause keeps words whole. Returns the pieces and
    the number of samples; ``between_chunks`` is called after each chunk (to stop on cancel).
    """
    loudness = FrameLoudness(SAMPLE_RATE)
    for chunk in chunks:
        loudness.feed(chunk)
        if between_chunks:
            between_chunks()
    return [SpeechChunk(start, end) for start, end in loudness.pieces(PASSAGE_SECONDS)], loudness.total_samples


def group_into_passages(chunks: Iterable[SpeechChunk], limit_seconds: float = PASSAGE_SECONDS) -> list[Passage]:
    """Consecutive chunks joined while their speech fits in ``limit_seconds``, each passage with its lead-in.

    A reading (a chunk longer than that) takes in the passage before it, pauses and all, when that passage
    starts at most ``limit_seconds`` (a window) before the reading: bare faster-whisper hears both in the
    reading's first window, and a short passage decoded alone (a title, "Sonnet 2") came out differently
    ("Two." for "2.") and prompted the reading with it (the sonnet's error 0.089, against 0.057 taken in).
    """
    limit = int(limit_seconds * SAMPLE_RATE)
    groups: list[list[SpeechChunk]] = []
    for chunk in chunks:
        if chunk.length > limit and groups and chunk.start - groups[-1][0].start <= limit:
            groups[-1] = [SpeechChunk(groups[-1][0].start, chunk.end)]  # the reading takes in the passage before
        elif not groups or sum(c.length for c in groups[-1]) + chunk.length > limit:
            groups.append([chunk])
        else:
            groups[-1].append(chunk)
    passages: list[Passage] = []
    for group in groups:
        previous_end = passages[-1].chunks[-1].end if passages else 0
        lead_in = _lead_in(group[0], previous_end, sum(c.length for c in group))
        first = SpeechChunk(group[0].start - lead_in, group[0].end)
        passages.append(Passage((first, *group[1:]), lead_in))
    return passages


def _lead_in(first: SpeechChunk, previous_end: int, passage_length: int) -> int:
    """Samples of the pause before the passage to decode with it: up to LEAD_IN_SECONDS.

    Whisper heard its training windows with the quiet before the speech; voice activity cuts 0.4 s
    before it. The passage is kept under LEAD_IN_LIMIT_SECONDS: when speech runs to the very end of
    the window, Whisper leaves its last sentence unfinished and decodes it again in a window of its
    own, where it tends to make text up. A reading (a passage longer than a window) is led in too.
    """
    pause = first.start - previous_end
    if passage_length > PASSAGE_SECONDS * SAMPLE_RATE:  # a reading, over several windows anyway
        return min(int(LEAD_IN_SECONDS * SAMPLE_RATE), pause)
    room = min(int(LEAD_IN_SECONDS * SAMPLE_RATE), int(LEAD_IN_LIMIT_SECONDS * SAMPLE_RATE) - passage_length, pause)
    return max(0, room)


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
