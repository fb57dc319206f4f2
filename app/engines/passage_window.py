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
a file's last window.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

import numpy as np

from app.engines.base import TranscriptionOptions

if TYPE_CHECKING:
    import ctranslate2
    from faster_whisper import WhisperModel
    from faster_whisper.transcribe import Segment as WhisperSegment


@dataclass(frozen=True, slots=True)
class EncodedPassage:
    features: np.ndarray  # the passage's log-Mel features, [mels, frames]
    encoder_output: ctranslate2.StorageView  # the encoder's output for the first 30 s window of the features


def encode_passage(model: WhisperModel, speech: np.ndarray) -> EncodedPassage:
    """The passage's features, and its first 30 s window encoded: padded with silence when the passage is shorter.

    A passage longer than a window (a reading) is decoded as bare faster-whisper decodes a file: every
    window, the first too, is cut from the features of the whole passage.
    """
    extractor = model.feature_extractor
    features = extractor(speech)
    if len(speech) > extractor.n_samples:
        first_window = features[:, : extractor.nb_max_frames]
    else:
        first_window = extractor(speech, padding=extractor.n_samples)[:, : extractor.nb_max_frames]
    return EncodedPassage(features, model.encode(first_window))


def detect_language(model: WhisperModel, encoded: EncodedPassage) -> tuple[str, float]:
    """The passage's most likely language and its probability, from the encoder output already computed."""
    token, probability = model.model.detect_language(encoded.encoder_output)[0][0]
    return token[2:-2], float(probability)  # "<|de|>" -> "de"


def decode_passage(
    model: WhisperModel,
    encoded: EncodedPassage,
    language: str,
    prompt: str,
    options: TranscriptionOptions,
    start: float = 0.0,
) -> Iterator[WhisperSegment]:
    """The passage's segments (times from the passage's start), decoded in ``language`` after ``prompt``.

    From ``start`` seconds into the passage when it is not 0 (a window decoded again after a loop):
    faster-whisper then encodes that window itself.
    """
    from faster_whisper.tokenizer import Tokenizer

    tokenizer = Tokenizer(model.hf_tokenizer, model.model.is_multilingual, task=options.task, language=language)
    whisper_options = _whisper_options(tokenizer, options, prompt, start)
    encoder_output = encoded.encoder_output if start == 0 else None
    segments: Iterator[WhisperSegment] = model.generate_segments(
        encoded.features, tokenizer, whisper_options, False, encoder_output
    )
    return segments


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
