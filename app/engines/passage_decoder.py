"""Decoding a recording passage by passage: each in its own language, with context, guarded against loops.

The recording is read twice as a stream of chunks: once to find its speech (voice activity),
once to cut each passage out as it goes by, so memory does not grow with its length. The
voice-activity chunks are grouped into passages of up to 30 s of speech
(app/engines/passages.py). Each passage is one Whisper window, encoded once
(app/engines/passage_window.py): with the language on automatic and per-passage detection on,
its language is read from that encoder output, and the same output is decoded, with the text
before it as its prompt (Whisper's context). A reading is a passage of several windows, decoded
by faster-whisper's own seek (each window starts where the text of the one before ended, prompted
with it; where the seek would pass over speech, the passage is decoded on from the text's end); with
detection per passage, each later window's language is read from its own encoding,
and a window surely in another language is decoded again from its start in that language, without
the prompt (a reading may hold a change of language). A passage whose text repeats itself or its prompt
(app/engines/loop_guard.py), or that fails faster-whisper's checks at temperature 0 after a prompt (it fell back
to sampling), is decoded again without the prompt, from the same encoding. In fast
mode, runs of passages in one language are decoded side by side in one batch instead
(app/engines/batched_passages.py).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Generator, Iterator
from typing import TYPE_CHECKING

import numpy as np

from app.core.audio import AudioSource
from app.core.transcript import Segment, Word
from app.engines.base import JobContext, TranscriptionOptions
from app.engines.batched_passages import BATCH_PASSAGES, decode_batch
from app.engines.loop_guard import is_loop
from app.engines.passage_window import (
    FRAMES_PER_SECOND,
    DecodedWindow,
    EncodedPassage,
    decode_passage,
    detect_language,
    encode_passage,
)
from app.engines.passages import (
    SAMPLE_RATE,
    Passage,
    PassageReader,
    detect_speech,
    group_into_passages,
    plain_probability,
    quiet_pieces,
)

if TYPE_CHECKING:
    import ctranslate2
    from faster_whisper import BatchedInferencePipeline, WhisperModel
    from faster_whisper.transcribe import Segment as WhisperSegment

SWITCH_CONFIDENCE = 0.5  # a passage changes the language only when its detection is this sure
PROMPT_RESET_TEMPERATURE = 0.5  # as faster-whisper: no context from text sampled hotter than this
CONTEXT_SEGMENTS = 8  # the prompt: the last segments' text (Whisper keeps its last 223 tokens)
SKIPPED_SPEECH_SECONDS = 2.0  # a reading holds no pause this long (the voice-activity filter's end of speech)


class PassageDecoder:
    """One job's decoding: ``segments`` yields the recording's segments in time order."""

    def __init__(self, model: WhisperModel, options: TranscriptionOptions) -> None:
        self._model = model
        self._options = options
        self._multilingual = bool(model.model.is_multilingual)
        self.windows_decoded_again = 0  # windows decoded again without the prompt (loops, sampling), for tests
        self.may_have_sampled = False  # a window fell back to sampling (or a passage came out empty)
        self.reader = PassageReader(iter(()))  # the job's second pass over the audio; its window, for tests
        self._pipeline: BatchedInferencePipeline | None = None  # fast mode's, made at its first batch
        self._context: deque[str] = deque(maxlen=CONTEXT_SEGMENTS)  # text the next passage is prompted with

    def segments(self, audio: AudioSource, context: JobContext) -> Iterator[Segment]:
        passages, total_samples = self._passages(audio, context)
        duration = total_samples / SAMPLE_RATE
        self.reader = PassageReader(audio.chunks())
        decoded = self._fast_segments(passages, context) if self._options.fast_mode else self._passage_segments(
            passages, context
        )
        for segment in decoded:
            yield segment
            context.report_progress(segment.end, duration)

    def _passage_segments(self, passages: list[Passage], context: JobContext) -> Iterator[Segment]:
        language = self._fixed_language()
        for passage in passages:
            encoded = encode_passage(self._model, self.reader.samples(passage))
            detected, probability = self._language_of(encoded.encoder_output, language)
            if context.language is None:
                context.report_language(detected, probability)
            if detected != language:
                self._context.clear()  # the text before, in another language, is no context for this one
            language = yield from self._decode_guarded(encoded, passage, detected, context)
            context.check_cancelled()

    def _fixed_language(self) -> str | None:
        """The language every passage is decoded in, or None when it is detected."""
        return self._options.language or (None if self._multilingual else "en")

    def _language_of(self, encoder_output: ctranslate2.StorageView, current: str | None) -> tuple[str, float]:
        if current is not None and not self._detects_each_passage():
            return current, 1.0
        language, probability = detect_language(self._model, encoder_output)
        if current is not None and language != current and probability < SWITCH_CONFIDENCE:
            return current, 1.0
        return language, probability

    def _detects_each_passage(self) -> bool:
        return not self._options.language and self._multilingual and self._options.language_per_passage

    def _decode_guarded(
        self, encoded: EncodedPassage, passage: Passage, language: str, context: JobContext
    ) -> Generator[Segment, None, str]:
        """The passage's segments, window by window; from a window that repeats itself or the text before it,
        that fell back to sampling after that text, or that is in another language, decoded again without that
        text. Returns the passage's last language.

        A passage of one window may still be decoded in two (faster-whisper decodes an unfinished last
        sentence in a second window prompted with the first), and a reading is decoded in several: each
        window is checked, and each window kept is given out at once (a reading's first minutes do not wait
        for its last), with a cancel honoured between windows.
        """
        prompt = self._prompt()
        kept_any = False
        again: DecodedWindow | None = None  # the window decoded again, from its encoding
        while True:
            restart: tuple[DecodedWindow, str] | None = None
            previous_text, previous_temperature = prompt, 0.0
            for index, window in enumerate(self._decoded(encoded, language, prompt, again)):
                switched = self._window_language(window, language) if index else language
                had_prompt = bool(previous_text) and previous_temperature <= PROMPT_RESET_TEMPERATURE
                if switched != language or (had_prompt and (
                    is_loop(window.text, previous_text) or _sampled(window)  # the prompt is the suspect
                )):
                    restart = window, switched
                    break
                kept_any = True
                self._remember(window.segments)
                yield from (_restore_times(segment, passage, language) for segment in window.segments)
                context.check_cancelled()
                previous_text, previous_temperature = window.text, window.segments[-1].temperature or 0.0
            if restart is None:
                break
            if restart[1] == language:
                self.windows_decoded_again += 1
            else:
                self._context.clear()
            (again, language), prompt = restart, ""  # the window decoded again is not checked: no prompt
        if not kept_any:
            self.may_have_sampled = True  # an empty passage cannot tell whether a window sampled
        return language

    def _window_language(self, window: DecodedWindow, language: str) -> str:
        """A later window's language (a reading's), from its own encoding, when each passage's is detected:
        another only when the detection is sure of it."""
        if not self._detects_each_passage():
            return language
        return self._language_of(window.encoder_output, language)[0]

    def _prompt(self) -> str:
        if self._options.condition_on_previous_text and self._context:
            return " ".join(self._context)
        return self._options.initial_prompt or ""

    def _remember(self, recognised: list[WhisperSegment]) -> None:
        _remember_in(self._context, recognised)

    def _decoded(
        self, encoded: EncodedPassage, language: str, prompt: str, again: DecodedWindow | None
    ) -> Iterator[DecodedWindow]:
        """The passage's windows from its start (or ``again``'s), none of its speech passed over.

        A window whose text ends on a single timestamp tells faster-whisper there is no more speech in it, and
        its seek moves a whole window on; the voice-activity filter knows better: a reading holds no pause of
        SKIPPED_SPEECH_SECONDS (but in the passage it took in), and a passage of one window is its speech joined
        without its pauses (translating multilingual.mp3, a window gave one sentence and the next 25 s of German
        were never decoded). Where the next window, or the passage's end, is further than that from the end of
        the text, the passage is decoded on from there, prompted with the text before it; once from each point.
        """
        start, encoding = (again.start, again.encoder_output) if again else (0.0, None)
        passage_end = (encoded.features.shape[-1] - 1) / FRAMES_PER_SECOND  # as faster-whisper counts frames
        windows = decode_passage(self._model, encoded, language, prompt, self._options, start, encoding)
        context: deque[str] = deque([prompt] if prompt else [], maxlen=CONTEXT_SEGMENTS)
        text_end: float | None = None
        while True:
            window = next(windows, None)
            next_start = passage_end if window is None else window.start
            if text_end is not None and text_end != start and next_start - text_end > SKIPPED_SPEECH_SECONDS:
                start, text_end = text_end, None
                windows = decode_passage(self._model, encoded, language, " ".join(context), self._options, start)
                continue
            if window is None:
                return
            if _sampled(window):
                self.may_have_sampled = True
            _remember_in(context, window.segments)
            text_end = window.segments[-1].end
            yield window

    def _fast_segments(self, passages: list[Passage], context: JobContext) -> Iterator[Segment]:
        """Fast mode: runs of passages in one language as one batch; a passage that loops is decoded again alone."""
        if self._pipeline is None:
            from faster_whisper import BatchedInferencePipeline

            self._pipeline = BatchedInferencePipeline(self._model)
        for language, run in self._language_runs(passages, context):
            decoded = decode_batch(self._pipeline, run, language, self._options)
            for (passage, speech), segments in zip(run, decoded, strict=True):
                if is_loop(" ".join(s.text for s in segments)):
                    self.windows_decoded_again += 1
                    self._context.clear()
                    yield from self._decode_guarded(encode_passage(self._model, speech), passage, language, context)
                else:
                    yield from segments
            context.check_cancelled()

    def _language_runs(
        self, passages: list[Passage], context: JobContext
    ) -> Iterator[tuple[str, list[tuple[Passage, np.ndarray]]]]:
        """Consecutive passages in one language, each with its speech, at most a batch at a time."""
        language = self._fixed_language()
        run: list[tuple[Passage, np.ndarray]] = []
        for passage in passages:
            speech = self.reader.samples(passage)
            if language is None or self._detects_each_passage():  # only then is the passage encoded twice
                detected, probability = self._language_of(encode_passage(self._model, speech).encoder_output, language)
            else:
                detected, probability = language, 1.0
            if context.language is None:
                context.report_language(detected, probability)
            if run and language is not None and (detected != language or len(run) == BATCH_PASSAGES):
                yield language, run
                run = []
            language = detected
            run.append((passage, speech))
        if run and language is not None:
            yield language, run

    def _passages(self, audio: AudioSource, context: JobContext) -> tuple[list[Passage], int]:
        """The recording's passages and its length in samples, from a first pass over the stream."""
        if self._options.vad_filter:
            # fast mode's batches take passages of one window
            speech, total = detect_speech(audio.chunks(), context.check_cancelled, not self._options.fast_mode)
            return group_into_passages(speech), total
        pieces, total = quiet_pieces(audio.chunks(), context.check_cancelled)
        return [Passage((piece,)) for piece in pieces], total


def _remember_in(context: deque[str], recognised: list[WhisperSegment]) -> None:
    """Whisper's context: the last segments' text, none from before a window sampled hotter than
    PROMPT_RESET_TEMPERATURE (faster-whisper resets its prompt after such a window)."""
    for segment in recognised:
        if (segment.temperature or 0.0) > PROMPT_RESET_TEMPERATURE:
            context.clear()
        else:
            context.append(segment.text.strip())


def _sampled(window: DecodedWindow) -> bool:
    """The window's text failed faster-whisper's checks (compression ratio, log-probability) at temperature 0."""
    return any((segment.temperature or 0.0) > 0.0 for segment in window.segments)


def _restore_times(recognised: WhisperSegment, passage: Passage, language: str | None) -> Segment:
    words = [
        Word(passage.original_seconds(w.start, at_start=True), passage.original_seconds(w.end), w.word.strip(),
             plain_probability(w.probability))
        for w in recognised.words or []
    ]
    return Segment(
        start=words[0].start if words else passage.original_seconds(recognised.start, at_start=True),
        end=words[-1].end if words else passage.original_seconds(recognised.end),
        text=recognised.text.strip(),
        words=words,
        language=language,
    )
