"""Local recognition with faster-whisper (CTranslate2) on the CPU."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import ctranslate2

from app.core.audio import AudioFile, AudioSource
from app.core.errors import EngineError, ModelError
from app.core.text_translation import translated
from app.core.transcript import Segment
from app.engines.base import JobContext, TranscriptionEngine, TranscriptionOptions
from app.engines.cancellable_calls import CancellableCalls, cancellable_model
from app.engines.model_store import resolve_model
from app.engines.passage_decoder import PassageDecoder

if TYPE_CHECKING:
    from faster_whisper import WhisperModel

SAMPLING_SEED = 20_241_122


class FasterWhisperEngine(TranscriptionEngine):
    """Keeps the last loaded model so later jobs with the same model start at once.

    When a window fails faster-whisper's checks it is decoded again by sampling. CTranslate2 seeds
    each worker thread's random generator once, at its first draw, from the seed set before
    (``set_random_seed`` does not restart a generator already in use, CTranslate2 issue #1757); so
    the model is loaded with the seed set, and its CTranslate2 part (whose new worker threads draw
    anew) loaded again after a job that may have sampled. Each job then starts from the same random
    state: the same file and options give the same text. The tokenizer is kept: parsing it holds the
    GIL for its whole 50-300 ms, which stalled the window between two files of a batch.

    A job's model load and its CTranslate2 calls run through ``CancellableCalls``
    (app/engines/cancellable_calls.py): a cancel is heard at once, not when the call ends.
    """

    name = "local"

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loaded_key: tuple[str, int] | None = None
        self._loaded_model: WhisperModel | None = None
        self._random_state_used = False
        self._calls = CancellableCalls()

    def load_model(self, options: TranscriptionOptions, context: JobContext | None = None) -> WhisperModel:
        """The WhisperModel for ``options``, loaded once and reused.

        With a job's ``context``, a cancel stops the wait for a load at once; the load goes on unheard,
        and the next job finds its model loaded.
        """
        if context is None:
            return self._load_model(options, None)
        return self._calls.call(partial(self._load_model, options, context), context.cancel_event)

    def _load_model(self, options: TranscriptionOptions, context: JobContext | None) -> WhisperModel:
        from faster_whisper import WhisperModel  # heavy import, deferred until needed

        model_dir = resolve_model(options.model)
        key = (str(model_dir), options.cpu_threads)
        with self._lock:
            if self._loaded_key == key and self._loaded_model is not None:
                if self._random_state_used:
                    self._reseed(self._loaded_model, model_dir, options)
                return self._loaded_model
            if context:
                context.report_status(translated("Loading model"))
            self._loaded_model = None  # free the old model before loading the next one
            ctranslate2.set_random_seed(SAMPLING_SEED)  # taken by the new model's worker thread
            try:
                model = WhisperModel(
                    str(model_dir), device="cpu", compute_type="int8", cpu_threads=options.cpu_threads
                )
            except (RuntimeError, ValueError, OSError) as error:
                raise ModelError(translated(
                    "Cannot load the model “{model}”: {error}."
                ).format(model=options.model, error=error)) from error
            self._loaded_key, self._loaded_model = key, model
            self._random_state_used = False
            return model

    def _reseed(self, model: WhisperModel, model_dir: Path, options: TranscriptionOptions) -> None:
        """A fresh CTranslate2 model under the loaded WhisperModel: its worker threads draw from the seed again."""
        self._loaded_model = None  # on failure nothing half-made stays loaded
        del model.model  # free the old weights before loading them again
        ctranslate2.set_random_seed(SAMPLING_SEED)
        try:
            model.model = ctranslate2.models.Whisper(
                str(model_dir), device="cpu", compute_type="int8", intra_threads=options.cpu_threads)
        except (RuntimeError, ValueError, OSError) as error:
            self._loaded_key = None
            raise ModelError(translated(
                "Cannot load the model “{model}”: {error}."
            ).format(model=options.model, error=error)) from error
        self._loaded_model = model
        self._random_state_used = False

    def prepare(self, options: TranscriptionOptions, context: JobContext) -> None:
        self.load_model(options, context)

    def transcribe(
        self, audio: AudioSource, options: TranscriptionOptions, context: JobContext
    ) -> Iterator[Segment]:
        """Segments of a clip or a file, read as a stream (app/engines/passage_decoder.py): memory stays bounded."""
        model = self.load_model(options, context)
        _check_options_fit_model(options, model.model.is_multilingual)
        context.check_cancelled()
        context.report_status(translated("Recognising speech"))
        decoder = PassageDecoder(cancellable_model(model, self._calls, context.cancel_event), options)
        try:
            yield from decoder.segments(audio, context)
        except (RuntimeError, ValueError) as error:
            raise EngineError(translated("Recognition failed: {error}.").format(error=error)) from error
        finally:
            # a decoding given up on by a cancel goes on unheard, and may sample
            self._random_state_used = self._random_state_used or decoder.may_have_sampled or context.cancelled

    def transcribe_file(
        self, audio: AudioFile, options: TranscriptionOptions, context: JobContext
    ) -> Iterator[Segment]:
        return self.transcribe(audio, options, context)


def whisper_arguments(options: TranscriptionOptions) -> dict[str, Any]:
    """faster-whisper's transcribe() keyword arguments for ``options`` (voice activity and context aside)."""
    return {
        "language": options.language or None,
        "task": options.task,
        "beam_size": options.beam_size,
        "word_timestamps": options.word_timestamps,
        "initial_prompt": options.initial_prompt or None,
        "hotwords": options.hotwords or None,
    }


def _check_options_fit_model(options: TranscriptionOptions, multilingual: bool) -> None:
    if multilingual:
        return
    name = Path(options.model).name
    if options.task == "translate":
        raise ModelError(
            translated(
                "The model “{name}” only knows English and cannot translate; choose a multilingual model "
                "such as base."
            ).format(name=name)
        )
    if options.language and options.language != "en":
        raise ModelError(
            translated(
                "The model “{name}” only knows English; choose a multilingual model for “{language}”."
            ).format(name=name, language=options.language)
        )
