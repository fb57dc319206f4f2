"""Proofreading: the words the recogniser was unsure of, and stepping from one to the next."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from app.core.transcript import Transcript, Word

UNCERTAIN_BELOW = 0.5


@dataclass(frozen=True, slots=True, order=True)
class WordPosition:
    segment: int
    word: int


def is_uncertain(word: Word, threshold: float = UNCERTAIN_BELOW) -> bool:
    """Below ``threshold``; a word without a probability (typed, or from an engine without one) is not."""
    return word.probability is not None and word.probability < threshold


def uncertain_words(transcript: Transcript, threshold: float = UNCERTAIN_BELOW) -> Iterator[WordPosition]:
    for s, segment in enumerate(transcript.segments):
        for w, word in enumerate(segment.words):
            if is_uncertain(word, threshold):
                yield WordPosition(s, w)


def next_uncertain_word(transcript: Transcript, after: WordPosition | None,
                        threshold: float = UNCERTAIN_BELOW) -> WordPosition | None:
    """The first uncertain word after ``after`` (from the top when None), wrapping round; None if there is none."""
    segments = transcript.segments
    if not segments:
        return None
    start = WordPosition(0, -1) if after is None else after
    first = min(max(start.segment, 0), len(segments) - 1)
    for step in range(len(segments) + 1):
        s = (first + step) % len(segments)
        for w, word in enumerate(segments[s].words):
            if is_uncertain(word, threshold) and (step or WordPosition(s, w) > start):
                return WordPosition(s, w)
    return None


def previous_uncertain_word(transcript: Transcript, before: WordPosition | None,
                            threshold: float = UNCERTAIN_BELOW) -> WordPosition | None:
    """The last uncertain word before ``before`` (from the bottom when None), wrapping round."""
    segments = transcript.segments
    if not segments:
        return None
    last = len(segments) - 1
    start = WordPosition(last, len(segments[last].words)) if before is None else before
    first = min(max(start.segment, 0), last)
    for step in range(len(segments) + 1):
        s = (first - step) % len(segments)
        words = segments[s].words
        for w in range(len(words) - 1, -1, -1):
            if is_uncertain(words[w], threshold) and (step or WordPosition(s, w) < start):
                return WordPosition(s, w)
    return None
