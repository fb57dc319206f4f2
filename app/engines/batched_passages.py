"""Fast mode: the passages of a run decoded side by side in one batch (faster-whisper's BatchedInferencePipeline).

Each passage (up to 30 s of speech) is one item of the batch, so the encoder and the beam search
run on several windows at once: quicker on long files, but every passage is decoded without the
text before it (no context across windows) and without faster-whisper's fallback to sampling
when a window fails its checks. A passage whose text repeats itself is decoded again by the
sequential path (app/engines/passage_decoder.py).
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

import numpy as np

from app.core.transcript import Segment, Word
from app.engines.base import TranscriptionOptions
from app.engines.passages import SAMPLE_RATE, Passage, plain_probability

if TYPE_CHECKING:
    from faster_whisper import BatchedInferencePipeline
    from faster_whisper.transcribe import Segment as WhisperSegment

BATCH_PASSAGES = 8  # faster-whisper's default batch size; 4 minutes of speech at most


def decode_batch(
    pipeline: BatchedInferencePipeline,
    run: list[tuple[Passage, np.ndarray]],
    language: str | None,
    options: TranscriptionOptions,
) -> list[list[Segment]]:
    """Each passage's segments, in the passages' order, with times in the whole recording."""
    starts, offset = [], 0
    for _passage, speech in run:
        starts.append(offset)
        offset += len(speech)
    clips = [
        {"start": start / SAMPLE_RATE, "end": (start + len(speech)) / SAMPLE_RATE}
        for start, (_passage, speech) in zip(starts, run, strict=True)
    ]
    decoded, _info = pipeline.transcribe(
        np.concatenate([speech for _passage, speech in run]),
        language=language,
        task=options.task,
        beam_size=options.beam_size,
        word_timestamps=options.word_timestamps,
        initial_prompt=options.initial_prompt or None,
        hotwords=options.hotwords or None,
        clip_timestamps=clips,
        batch_size=len(run),
        without_timestamps=False,  # segments of a sentence or so, not one per passage
    )
    per_passage: list[list[Segment]] = [[] for _ in run]
    for recognised in decoded:
        index = max(0, bisect.bisect_right(starts, round(recognised.start * SAMPLE_RATE)) - 1)
        passage, clip_start = run[index][0], starts[index] / SAMPLE_RATE
        per_passage[index].append(_in_recording(recognised, passage, clip_start, language))
    return per_passage


def _in_recording(recognised: WhisperSegment, passage: Passage, clip_start: float, language: str | None) -> Segment:
    def at(seconds: float, at_start: bool = False) -> float:
        return passage.original_seconds(max(0.0, seconds - clip_start), at_start=at_start)

    words = [Word(at(w.start, True), at(w.end), w.word.strip(), plain_probability(w.probability))
             for w in recognised.words or []]
    return Segment(
        start=words[0].start if words else at(recognised.start, True),
        end=words[-1].end if words else at(recognised.end),
        text=recognised.text.strip(),
        words=words,
        language=language,
    )

