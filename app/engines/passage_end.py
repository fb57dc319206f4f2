"""A window that holds the end of its passage: decoded so that it leaves no speech for a window after it.

Whisper ends a window's text on a pair of timestamps when it takes a sentence to run on past the window: the
second opens a segment it leaves unfinished, and faster-whisper (as OpenAI's whisper) seeks to the first and
decodes what follows in a next window. In a window that holds the end of its passage nothing runs on (the
voice-activity filter found no speech after it), yet beam search's best hypothesis sometimes stops so: sonnet 2's
last window stopped after "warm and thou" at 22.34 s of its 24 s (average log-probability −0.219), and its tail,
decoded alone, said "feelst it cold"; the beam's four other hypotheses finish the line, "warm when thou fields it
cold." (−0.230 to −0.237). In such a window the best hypothesis that leaves no next window is taken; when none
does, the best as before. Beam search goes on until as many hypotheses as the beam holds have finished anyway, so
asking CTranslate2 for all of them costs nothing; sampling is left as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

FRAMES_PER_TIMESTAMP = 2  # a timestamp step is 20 ms, two feature frames (faster-whisper's input_stride)


@dataclass(frozen=True, slots=True)
class _Hypothesis:
    """One of CTranslate2's hypotheses, as faster-whisper reads a generation result (its first)."""

    sequences_ids: list[list[int]]
    scores: list[float]
    no_speech_prob: float


class PassageEndDecoding:
    """A CTranslate2 Whisper model whose beam search, in a window that holds the end of its passage, gives the best
    hypothesis that leaves no next window; the rest as it is.

    ``frames_to_passage_end`` tells, for the window being decoded, how many of its feature frames the passage
    still has (None when the passage goes on past the window).
    """

    def __init__(
        self, model: Any, frames_to_passage_end: Callable[[], int | None], timestamp_begin: int
    ) -> None:
        self._model = model
        self._frames_to_passage_end = frames_to_passage_end
        self._begin = timestamp_begin

    def __getattr__(self, name: str) -> Any:
        return getattr(self._model, name)

    def generate(self, features: Any, prompts: list[list[int]], **options: Any) -> Any:
        beam = options.get("beam_size", 1)
        frames = self._frames_to_passage_end()
        if frames is None or "sampling_temperature" in options or beam < 2 or len(prompts) != 1:
            return self._model.generate(features, prompts, **options)
        result = self._model.generate(features, prompts, **{**options, "num_hypotheses": beam})[0]
        hypotheses = result.sequences_ids
        ending = (i for i, tokens in enumerate(hypotheses) if not leaves_a_next_window(tokens, frames, self._begin))
        best = next(ending, 0)
        return [_Hypothesis([hypotheses[best]], [result.scores[best]], result.no_speech_prob)]


def leaves_a_next_window(tokens: list[int], frames: int, timestamp_begin: int) -> bool:
    """faster-whisper's seek after a window's ``tokens`` (``_split_segments_by_timestamps``) falls short of the
    ``frames`` the window holds: the text does not end on a single timestamp, and its last pair of timestamps comes
    before them. (Text without a pair moves the seek a whole window on.)"""
    if len(tokens) >= 2 and tokens[-2] < timestamp_begin <= tokens[-1]:
        return False
    pairs = [i for i in range(1, len(tokens)) if tokens[i] >= timestamp_begin and tokens[i - 1] >= timestamp_begin]
    return bool(pairs) and (tokens[pairs[-1] - 1] - timestamp_begin) * FRAMES_PER_TIMESTAMP < frames
