"""Decoding a recording run by run: each run of passages in its own language, with context, guarded against loops.

The recording is read twice as a stream of chunks: once to find its speech (voice activity),
once to cut each passage out as it goes by, so memory does not grow with its length. The
voice-activity chunks are grouped into passages of up to 30 s of speech
(app/engines/passages.py). With the language on automatic and per-passage detection on, each
passage's language is detected from its own speech, and consecutive passages in the same
language form a run. A run's speech is joined and decoded as faster-whisper decodes a whole
file: 30 s windows, each with the previous window's text as its prompt (Whisper's context).
A window whose text repeats itself or the window before (app/engines/loop_guard.py) is decoded
again, and the run continues from there, without that prompt. In fast mode a run's passages are
decoded side by side in one batch instead (app/engines/batched_passages.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import numpy as np

from app.core.audio import AudioSource
from app.core.transcript import Segment, Word
from app.engines.base import JobContext, TranscriptionOptions
from app.engines.batched_passages import BATCH_PASSAGES, decode_batch
from app.engines.loop_guard import is_loop
from app.engines.passages import (
    SAMPLE_RATE,
    Passage,
    PassageReader,
    detect_speech,
    fixed_pieces,
    group_into_passages,
    plain_probability,
)

if TYPE_CHECKING:
    from faster_whisper import BatchedInferencePipeline, WhisperModel
    from faster_whisper.transcribe import Segment as WhisperSegment

RUN_PASSAGES = 4  # at most 2 minutes of speech decoded at once, so segments keep coming
SWITCH_CONFIDENCE = 0.5  # a passage changes the language only when its detection is this sure
PROMPT_RESET_TEMPERATURE = 0.5  # faster-whisper drops the prompt after a window sampled hotter
FRAMES_PER_SECOND = 100  # faster-whisper's Segment.seek counts 10 ms feature frames


class PassageDecoder:
    """One job's decoding: ``segments`` yields the recording's segments in time order."""

    def __init__(self, model: WhisperModel, options: TranscriptionOptions) -> None:
        self._model = model
        self._options = options
        self._multilingual = bool(model.model.is_multilingual)
        self.windows_decoded_again = 0  # loops caught by the guard, for tests and benchmarks
        self.may_have_sampled = False  # a window fell back to sampling (or a run came out empty)
        self.reader = PassageReader(iter(()))  # the job's second pass over the audio; its window, for tests
        self._pipeline: BatchedInferencePipeline | None = None  # fast mode's, made at its first batch

    def segments(self, audio: AudioSource, context: JobContext) -> Iterator[Segment]:
        passages, total_samples = self._passages(audio, context)
        duration = total_samples / SAMPLE_RATE
        self.reader = PassageReader(audio.chunks())
        user_prompt = self._options.initial_prompt or ""
        carried = user_prompt
        run_passages = BATCH_PASSAGES if self._options.fast_mode else RUN_PASSAGES
        for language, run in self._language_runs(passages, context, run_passages):
            recognised: list[Segment] = []
            for segment in self._run_segments(run, language, carried):
                recognised.append(segment)
                yield segment
                context.report_progress(segment.end, duration)
            if not recognised:
                self.may_have_sampled = True  # an empty run cannot tell whether a window sampled
            with_context = self._options.condition_on_previous_text and recognised
            carried = " ".join(s.text for s in recognised[-8:]) if with_context else user_prompt
            context.check_cancelled()

    def _run_segments(
        self, run: list[tuple[Passage, np.ndarray]], language: str | None, carried: str
    ) -> Iterator[Segment]:
        if self._options.fast_mode:
            yield from self._batch_segments(run, language)
            return
        speech = Passage(tuple(c for passage, _samples in run for c in passage.chunks))
        yield from self._decode_run(np.concatenate([samples for _passage, samples in run]), language, carried, speech)

    def _batch_segments(self, run: list[tuple[Passage, np.ndarray]], language: str | None) -> Iterator[Segment]:
        """Fast mode: the run as one batch; a passage that loops is decoded again on its own, in sequence."""
        if self._pipeline is None:
            from faster_whisper import BatchedInferencePipeline

            self._pipeline = BatchedInferencePipeline(self._model)
        decoded = decode_batch(self._pipeline, run, language, self._options)
        for (passage, speech), segments in zip(run, decoded, strict=True):
            if is_loop(" ".join(s.text for s in segments)):
                self.windows_decoded_again += 1
                yield from self._decode_run(speech, language, "", passage)
            else:
                yield from segments

    def _language_runs(
        self, passages: list[Passage], context: JobContext, run_passages: int
    ) -> Iterator[tuple[str | None, list[tuple[Passage, np.ndarray]]]]:
        """Consecutive passages in one language, each with its speech, at most ``run_passages`` at a time."""
        language = self._options.language or (None if self._multilingual else "en")
        run: list[tuple[Passage, np.ndarray]] = []
        for passage in passages:
            speech = self.reader.samples(passage)
            detected = self._detected_language(speech, language)
            if context.language is None:
                context.report_language(*detected)
            if run and (detected[0] != language or len(run) == run_passages):
                yield language, run
                run = []
            language = detected[0]
            run.append((passage, speech))
        if run:
            yield language, run

    def _detected_language(self, speech: np.ndarray, current: str | None) -> tuple[str | None, float]:
        if self._options.language or not self._multilingual:
            return current, 1.0
        if current is not None and not self._options.language_per_passage:
            return current, 1.0
        language, probability, _all = self._model.detect_language(audio=speech)
        if current is not None and language != current and probability < SWITCH_CONFIDENCE:
            return current, 1.0
        return language, probability

    def _passages(self, audio: AudioSource, context: JobContext) -> tuple[list[Passage], int]:
        """The recording's passages and its length in samples, from a first pass over the stream."""
        if self._options.vad_filter:
            speech, total = detect_speech(audio.chunks(), context.check_cancelled)
            return group_into_passages(speech), total
        total = 0
        for chunk in audio.chunks():
            total += len(chunk)
            context.check_cancelled()
        return [Passage((piece,)) for piece in fixed_pieces(total)], total

    def _decode_run(self, speech: np.ndarray, language: str | None, carried: str, run: Passage) -> Iterator[Segment]:
        """The run's segments; from a looping window on, decoded again without the prompt."""
        start_seconds, prompt = 0.0, carried
        while True:
            decoded = self._transcribe(speech, language, prompt, start_seconds)
            loop_at = None
            previous_text, previous_temperature = prompt, 0.0
            for window in _windows(decoded):
                text = " ".join(s.text.strip() for s in window)
                had_prompt = bool(previous_text) and previous_temperature <= PROMPT_RESET_TEMPERATURE
                if had_prompt and is_loop(text, previous_text):
                    loop_at = window[0].seek / FRAMES_PER_SECOND
                    break
                for recognised in window:
                    yield _restore_times(recognised, run, language)
                previous_text, previous_temperature = text, window[-1].temperature or 0.0
            if loop_at is None:
                return
            self.windows_decoded_again += 1
            start_seconds, prompt = loop_at, ""  # the window after a loop is not checked: no prompt

    def _transcribe(
        self, speech: np.ndarray, language: str | None, prompt: str, start: float
    ) -> Iterator[WhisperSegment]:
        segments, _info = self._model.transcribe(speech, **self._arguments(language, prompt, start))
        for segment in segments:
            if (segment.temperature or 0.0) > 0.0:
                self.may_have_sampled = True
            yield segment

    def _arguments(self, language: str | None, prompt: str, start: float) -> dict[str, Any]:
        options = self._options
        return {
            "language": language,
            "task": options.task,
            "beam_size": options.beam_size,
            "word_timestamps": options.word_timestamps,
            "initial_prompt": prompt or None,
            "hotwords": options.hotwords or None,
            "condition_on_previous_text": options.condition_on_previous_text,
            "clip_timestamps": [start],
            "vad_filter": False,  # done once for the whole recording, in _passages
        }


def _windows(segments: Iterable[WhisperSegment]) -> Iterator[list[WhisperSegment]]:
    """Consecutive segments decoded from the same 30 s window (the same ``seek``)."""
    window: list[WhisperSegment] = []
    for segment in segments:
        if window and segment.seek != window[0].seek:
            yield window
            window = []
        window.append(segment)
    if window:
        yield window


def _restore_times(recognised: WhisperSegment, run: Passage, language: str | None) -> Segment:
    words = [
        Word(run.original_seconds(w.start, at_start=True), run.original_seconds(w.end), w.word.strip(),
             plain_probability(w.probability))
        for w in recognised.words or []
    ]
    return Segment(
        start=words[0].start if words else run.original_seconds(recognised.start, at_start=True),
        end=words[-1].end if words else run.original_seconds(recognised.end),
        text=recognised.text.strip(),
        words=words,
        language=language,
    )
