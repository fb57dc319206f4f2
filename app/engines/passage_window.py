"""A passage as one Whisper window: encoded once, and that encoding used to detect its language and to decode it.

A passage holds at most 30 s of speech, one window of Whisper's encoder. faster-whisper's
``transcribe`` computes the features and the encoder output itself, and its ``detect_language``
encodes the audio once more; the encoder is most of the cost of a window on the CPU, so
per-passage detection that way made a job 1.3 times slower. Here the window is encoded once
(``encode_passage``), CTranslate2's ``Whisper.detect_language`` reads that encoder output, and
faster-whisper's ``generate_segments`` decodes from it (it uses a given encoder output for the
window at the start of the features; a second window, when the last segment of the first is
unfinished, is encoded by faster-whisper as usual). The decoding options are faster-whisper's
own defaults, read from ``WhisperModel.transcribe``'s signature, so they follow the library.

A passage shorter than 30 s is followed in its window by silence, as Whisper heard its training
windows and as OpenAI's implementation pads them: the audio is padded with zeros before its
log-Mel features are computed, so the rest of the window holds the features of silence (the
spectrogram's floor). faster-whisper pads the features themselves with zeros, a level the model
never heard after speech; every passage ends that way, where bare faster-whisper meets it only in
a file's last window. A later window that holds less than 30 s of its passage (a reading's last, or
the window faster-whisper adds when a passage's last sentence is unfinished) is encoded the same
way: from its own audio followed by silence, as a passage of one window is, and as Whisper heard
its training windows (each 30 s example on its own, its features scaled to its own loudest frame).

The window that holds the end of the passage is decoded so that it leaves no speech for a window after it
(app/engines/passage_end.py): its beam search gives the best hypothesis that ends its text in the passage.

The segments come window by window (``DecodedWindow``), each with its window's encoder output: a
reading's later windows are encoded by faster-whisper as its seek moves, and their language is read
from those encodings without another pass of the encoder.
"""

from __future__ import annotations

import copy
import inspect
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

import numpy as np

from app.engines.base import TranscriptionOptions
from app.engines.passage_end import PassageEndDecoding

if TYPE_CHECKING:
    import ctranslate2
    from faster_whisper import WhisperModel
    from faster_whisper.transcribe import Segment as WhisperSegment

FRAMES_PER_SECOND = 100  # faster-whisper's Segment.seek counts 10 ms feature frames


@dataclass(frozen=True, slots=True)
class EncodedPassage:
    features: np.ndarray  # the passage's log-Mel features, [mels, frames]
    encoder_output: ctranslate2.StorageView  # the encoder's output for the first 30 s window of the features
    last_samples: np.ndarray  # the passage's last 30 s (and a frame): the audio of any window shorter than 30 s
    last_samples_start: int  # where last_samples starts in the passage, in samples


def encode_passage(model: WhisperModel, speech: np.ndarray) -> EncodedPassage:
    """The passage's features, and its first 30 s window encoded: padded with silence when the passage is shorter.

    A passage longer than a window (a reading) is decoded as bare faster-whisper decodes a file: every
    window that holds 30 s of it, the first too, is cut from the features of the whole passage.
    """
    extractor = model.feature_extractor
    features = extractor(speech)
    if len(speech) > extractor.n_samples:
        first_window = features[:, : extractor.nb_max_frames]
    else:
        first_window = window_in_silence(model, speech)
    tail = speech[-(extractor.n_samples + extractor.hop_length):]
    last_samples = tail.copy() if len(tail) < len(speech) else speech  # a view would keep a long passage alive
    return EncodedPassage(features, model.encode(first_window), last_samples, len(speech) - len(last_samples))


def window_in_silence(model: WhisperModel, audio: np.ndarray) -> np.ndarray:
    """A window's features from at most 30 s of audio followed by silence (zeros before the spectrogram, as
    OpenAI's implementation pads, so the rest of the window is the floor of the audio's own features)."""
    extractor = model.feature_extractor
    features: np.ndarray = extractor(audio, padding=extractor.n_samples)
    return features[:, : extractor.nb_max_frames]


@dataclass(frozen=True, slots=True)
class DecodedWindow:
    """The segments faster-whisper decoded from one 30 s window of a passage, and that window's encoder output."""

    segments: list[WhisperSegment]
    encoder_output: ctranslate2.StorageView

    @property
    def start(self) -> float:
        """Seconds into the passage."""
        return float(self.segments[0].seek / FRAMES_PER_SECOND)

    @property
    def text(self) -> str:
        return " ".join(segment.text.strip() for segment in self.segments)


def detect_language(model: WhisperModel, encoder_output: ctranslate2.StorageView) -> tuple[str, float]:
    """A window's most likely language and its probability, from the encoder output already computed."""
    token, probability = model.model.detect_language(encoder_output)[0][0]
    return token[2:-2], float(probability)  # "<|de|>" -> "de"


def decode_passage(
    model: WhisperModel,
    encoded: EncodedPassage,
    language: str,
    prompt: str,
    options: TranscriptionOptions,
    start: float = 0.0,
    start_encoding: ctranslate2.StorageView | None = None,
) -> Iterator[DecodedWindow]:
    """The passage's segments (times from the passage's start), decoded in ``language`` after ``prompt``, window
    by window.

    From ``start`` seconds into the passage when it is not 0 (a window decoded again after a loop or a change
    of language, from ``start_encoding``, the encoding that window came with; without it faster-whisper encodes
    the window again).
    """
    from faster_whisper.tokenizer import Tokenizer

    tokenizer = Tokenizer(model.hf_tokenizer, model.model.is_multilingual, task=options.task, language=language)
    whisper_options = _whisper_options(tokenizer, options, prompt, start)
    encoder_output = encoded.encoder_output if start == 0 else None
    window_model = copy.copy(model)  # the job's model, its encodings noted for this decoding
    short_windows_in_silence = _ShortWindowsInSilence(model, encoded)
    encodings = _LastEncoding(short_windows_in_silence, encoder_output, None if start == 0 else start_encoding)
    content_frames = encoded.features.shape[-1] - 1  # as faster-whisper counts them
    if start == 0 and content_frames <= model.feature_extractor.nb_max_frames:
        encodings.frames_to_passage_end = content_frames  # the first window, given: the whole passage
    window_model.encode = encodings
    window_model.model = PassageEndDecoding(
        model.model, lambda: encodings.frames_to_passage_end, tokenizer.timestamp_begin
    )
    segments: Iterator[WhisperSegment] = window_model.generate_segments(
        encoded.features, tokenizer, whisper_options, False, encoder_output
    )
    return _windows(segments, encodings)


class _ShortWindowsInSilence:
    """A model's ``encode`` for one passage: a window faster-whisper padded with zero features (it holds less than
    30 s of the passage: the passage's last) is encoded from its own audio followed by silence instead.

    faster-whisper cuts every later window from the passage's features and pads the last with zeros
    (``pad_or_trim``); the columns of zeros tell how much of the window is the passage's, so where it starts
    (it ends where the passage does). A window whose unpadded part is not the passage's features there is
    encoded as given.
    """

    def __init__(self, model: WhisperModel, encoded: EncodedPassage) -> None:
        self._model = model
        self._features = encoded.features
        self._last_samples, self._last_samples_start = encoded.last_samples, encoded.last_samples_start

    def __call__(self, window: np.ndarray) -> ctranslate2.StorageView:
        return self._model.encode(self._in_silence(window))

    def _in_silence(self, window: np.ndarray) -> np.ndarray:
        holding = _frames_before_zeros(window)
        if holding == window.shape[-1]:
            return window  # a full window
        content_frames = self._features.shape[-1] - 1  # as faster-whisper counts them
        seek = content_frames - holding
        if seek < 0 or not np.array_equal(window[:, :holding], self._features[:, seek:content_frames]):
            return window
        start = seek * self._model.feature_extractor.hop_length - self._last_samples_start
        return window_in_silence(self._model, self._last_samples[max(0, start):])


def _frames_before_zeros(window: np.ndarray) -> int:
    """The frames of a window before its trailing columns of zero features (faster-whisper's padding)."""
    filled = np.flatnonzero(window.any(axis=0))
    return int(filled[-1]) + 1 if len(filled) else 0


class _LastEncoding:
    """A model's ``encode``, keeping its last output: the window faster-whisper is decoding (or the first one,
    encoded before), and the frames it holds of the passage when it holds the passage's end (faster-whisper padded
    it with zeros).

    faster-whisper encodes every window after the start of the features itself, even one given: a window
    decoded again from its start gets its encoding back from ``again`` rather than a second encoder pass
    (the first window faster-whisper encodes is the one at ``start``, cut from the same features).
    """

    def __init__(
        self,
        encode: Callable[[np.ndarray], ctranslate2.StorageView],
        first: ctranslate2.StorageView | None,
        again: ctranslate2.StorageView | None = None,
    ) -> None:
        self._encode = encode
        self._again = again
        self.output = first
        self.frames_to_passage_end: int | None = None

    def __call__(self, features: np.ndarray) -> ctranslate2.StorageView:
        holding = _frames_before_zeros(features)
        self.frames_to_passage_end = holding if holding < features.shape[-1] else None
        self.output = self._encode(features) if self._again is None else self._again
        self._again = None
        return self.output


def _windows(segments: Iterable[WhisperSegment], encodings: _LastEncoding) -> Iterator[DecodedWindow]:
    """Consecutive segments decoded from the same window (the same ``seek``), with its encoder output.

    faster-whisper encodes a window, decodes it and gives out its segments before it encodes the next, so the
    last encoding at a window's first segment is that window's.
    """
    window: list[WhisperSegment] = []
    output = encodings.output
    for segment in segments:
        if window and segment.seek != window[0].seek:
            yield DecodedWindow(window, output)
            window = []
        if not window:
            output = encodings.output
        window.append(segment)
    if window:
        yield DecodedWindow(window, output)


def _whisper_options(tokenizer: Any, options: TranscriptionOptions, prompt: str, start: float) -> Any:
    """faster-whisper's TranscriptionOptions: its defaults, with Earshot's choices and the prompt."""
    from faster_whisper.transcribe import TranscriptionOptions as WhisperOptions
    from faster_whisper.transcribe import get_suppressed_tokens

    chosen = {
        **_library_defaults(),
        "beam_size": options.beam_size,
        "word_timestamps": options.word_timestamps,
        "initial_prompt": prompt or None,
        "hotwords": options.hotwords or None,
        "condition_on_previous_text": options.condition_on_previous_text,
        "clip_timestamps": [start],
    }
    temperature = chosen.pop("temperature")
    chosen["temperatures"] = list(temperature) if isinstance(temperature, list | tuple) else [temperature]
    # a copy: for a list without -1 it extends the list it is given, here faster-whisper's own default
    chosen["suppress_tokens"] = get_suppressed_tokens(tokenizer, list(chosen["suppress_tokens"]))
    names = {field.name for field in fields(WhisperOptions)}
    return WhisperOptions(**{name: value for name, value in chosen.items() if name in names})


def _library_defaults() -> dict[str, Any]:
    from faster_whisper import WhisperModel

    parameters = inspect.signature(WhisperModel.transcribe).parameters
    return {name: p.default for name, p in parameters.items() if p.default is not inspect.Parameter.empty}
