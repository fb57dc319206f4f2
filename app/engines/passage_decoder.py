"""Decoding a recording passage by passage: each in its own language, with context, guarded against loops.

The recording's voice-activity chunks are grouped into passages of up to 30 s of speech
(app/engines/passages.py). Each passage is decoded by faster-whisper with the previous
passage's text as its prompt (Whisper's context across windows), unless the language changed.
A passage whose text repeats itself or its predecessor is decoded again without the prompt
(app/engines/loop_guard.py). With the language on automatic and per-passage detection on, each
passage's language is detected from its own speech.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import numpy as np

from app.core.audio import AudioClip
from app.core.transcript import Segment, Word
from app.engines.base import JobContext, TranscriptionOptions
from app.engines.loop_guard import is_loop
from app.engines.passages import SAMPLE_RATE, Passage, SpeechChunk, detect_speech, group_into_passages

if TYPE_CHECKING:
    from faster_whisper import WhisperModel
    from faster_whisper.transcribe import Segment as WhisperSegment


class PassageDecoder:
    """One job's decoding: ``segments`` yields the recording's segments in time order."""

    def __init__(self, model: WhisperModel, options: TranscriptionOptions) -> None:
        self._model = model
        self._options = options
        self._multilingual = bool(model.model.is_multilingual)
        self.passages_decoded_again = 0  # loops caught by the guard, for tests and benchmarks
        self.may_have_sampled = False  # a window fell back to sampling (or a passage came out empty)

    def segments(self, audio: AudioClip, context: JobContext) -> Iterator[Segment]:
        samples = audio.samples
        duration = len(samples) / SAMPLE_RATE
        previous_text, previous_language = "", None
        language = self._options.language or (None if self._multilingual else "en")
        for passage in self._passages(samples):
            speech = passage.samples(samples)
            if self._should_detect(language):
                language, probability, _all = self._model.detect_language(audio=speech)
                if context.language is None:
                    context.report_language(language, probability)
            elif context.language is None:
                context.report_language(language, 1.0)
            with_context = self._options.condition_on_previous_text and language == previous_language
            carried = previous_text if with_context else ""
            recognised = self.decode(speech, language, carried)
            for whisper_segment in recognised:
                yield _restore_times(whisper_segment, passage, language)
                context.report_progress(passage.original_seconds(whisper_segment.end), duration)
            previous_text, previous_language = _text(recognised), language
            context.check_cancelled()

    def decode(self, speech: np.ndarray, language: str | None, carried: str) -> list[WhisperSegment]:
        """One passage's segments; again without the carried text if they look like a loop."""
        recognised = self._decode_once(speech, language, carried)
        if carried and is_loop(_text(recognised), carried):
            self.passages_decoded_again += 1
            recognised = self._decode_once(speech, language, "")
        return recognised

    def _decode_once(self, speech: np.ndarray, language: str | None, carried: str) -> list[WhisperSegment]:
        segments, _info = self._model.transcribe(speech, **self._arguments(language, carried))
        recognised = list(segments)
        # a window that sampled shows it in its segments' temperature; an empty passage cannot tell
        if not recognised or any((s.temperature or 0.0) > 0.0 for s in recognised):
            self.may_have_sampled = True
        return recognised

    def _arguments(self, language: str | None, carried: str) -> dict[str, Any]:
        options = self._options
        prompt = " ".join(p for p in (options.initial_prompt, carried) if p)
        return {
            "language": language,
            "task": options.task,
            "beam_size": options.beam_size,
            "word_timestamps": options.word_timestamps,
            "initial_prompt": prompt or None,
            "hotwords": options.hotwords or None,
            "condition_on_previous_text": options.condition_on_previous_text,  # a passage over one window
            "vad_filter": False,  # done once for the whole recording, in _passages
        }

    def _should_detect(self, language: str | None) -> bool:
        if self._options.language or not self._multilingual:
            return False
        return language is None or self._options.language_per_passage

    def _passages(self, samples: np.ndarray) -> list[Passage]:
        if self._options.vad_filter:
            return group_into_passages(detect_speech(samples))
        return [Passage((SpeechChunk(0, len(samples)),))] if len(samples) else []


def _text(recognised: list[WhisperSegment]) -> str:
    return " ".join(s.text.strip() for s in recognised)


def _restore_times(recognised: WhisperSegment, passage: Passage, language: str | None) -> Segment:
    words = [
        Word(
            passage.original_seconds(w.start, at_start=True),
            passage.original_seconds(w.end),
            w.word.strip(),
            w.probability,
        )
        for w in recognised.words or []
    ]
    return Segment(
        start=words[0].start if words else passage.original_seconds(recognised.start, at_start=True),
        end=words[-1].end if words else passage.original_seconds(recognised.end),
        text=recognised.text.strip(),
        words=words,
        language=language,
    )
