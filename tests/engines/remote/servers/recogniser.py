"""The fake servers' recognition: the real bundled tiny.en model run on the audio they received.

A server must answer from what was sent, so it decodes the uploaded bytes (a file
that does not decode is refused like a real service would) and runs faster-whisper
on them. Results are cached by the decoded samples, so sending the same audio again
in another test costs nothing (the same audio: same length, samples equal but for
the last bit that FLAC and WAV encoders may round differently).
"""

from __future__ import annotations

import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from app.core.audio import AudioClip, decode_audio
from app.core.errors import AudioDecodeError
from app.core.transcript import Segment
from app.engines.base import JobContext, TranscriptionOptions, run_transcription
from app.engines.faster_whisper_engine import FasterWhisperEngine


class UndecodableAudio(Exception):
    pass


@dataclass(frozen=True)
class Recognised:
    duration: float
    segments: list[Segment]
    language: str


_lock = threading.Lock()  # one recognition at a time: the model is shared
_cache: list[tuple[np.ndarray, Recognised]] = []
_SAME_SAMPLE = 1e-3


def _cached(samples: np.ndarray) -> Recognised | None:
    for cached_samples, recognised in _cache:
        if len(cached_samples) == len(samples) and np.max(np.abs(cached_samples - samples), initial=0) < _SAME_SAMPLE:
            return recognised
    return None


def decode_upload(data: bytes, suffix: str = ".bin", channel: int | None = None) -> AudioClip:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(data)
        try:
            return decode_audio(path, channel)
        except AudioDecodeError as error:
            raise UndecodableAudio(str(error)) from error


class Recogniser:
    """Speech to segments with the session's local engine (the conftest ``local_engine``)."""

    def __init__(self, engine: FasterWhisperEngine) -> None:
        self._engine = engine

    def recognise(self, clip: AudioClip) -> Recognised:
        with _lock:
            known = _cached(clip.samples)
            if known is None:
                options = TranscriptionOptions(
                    model="tiny.en", language="en", word_timestamps=True, beam_size=1, vad_filter=False
                )
                transcript = run_transcription(self._engine, clip, options, JobContext())
                known = Recognised(clip.duration, transcript.segments, "en")
                _cache.append((clip.samples.copy(), known))
            return known

    def recognise_upload(self, data: bytes, suffix: str = ".bin", channel: int | None = None) -> Recognised:
        return self.recognise(decode_upload(data, suffix, channel))
