"""Playing spoken sentences through an output device as they arrive, and saving them as one audio file.

``SpeechPlayer`` runs one thread that writes each queued sentence to a sounddevice output stream
in short slices, so ``stop()`` is heard within a slice (50 ms) and ``on_sentence_started`` tells a
view which part of the text is being read. A streamed sentence comes in pieces that share its span:
they play back to back and the sentence is announced once.
"""

from __future__ import annotations

import io
import queue
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np
import sounddevice
import soundfile

from app.core.atomic_write import write_bytes_atomically
from app.core.errors import SpeechOutputError
from app.core.sentences import TextSpan
from app.core.text_translation import translated
from app.engines.speech_output import SpokenSentence

_SLICE_SECONDS = 0.05
_END = None
SAVE_FORMATS = {".wav": "WAV", ".flac": "FLAC"}


class SpeechPlayer:
    """``add()`` sentences (from any thread) while earlier ones play; ``finish()`` then ``wait()``, or ``stop()``."""

    def __init__(self, device: int | str | None = None,
                 on_sentence_started: Callable[[TextSpan], None] | None = None) -> None:
        self._device = device
        self._on_sentence_started = on_sentence_started
        self._sentences: queue.Queue[SpokenSentence | None] = queue.Queue()
        self._stopped = threading.Event()
        self.error: SpeechOutputError | None = None
        self.first_sound = threading.Event()  # set once the first slice is in the device's buffer
        self._thread = threading.Thread(target=self._play, name="speech playback", daemon=True)
        self._thread.start()

    def add(self, sentence: SpokenSentence) -> None:
        self._sentences.put(sentence)

    def finish(self) -> None:
        """No more sentences will come: play what is queued, then end."""
        self._sentences.put(_END)

    def stop(self) -> None:
        """Drop what is queued and abort the device's buffer; returns at once (``wait()`` for the thread)."""
        self._stopped.set()
        self._sentences.put(_END)

    def wait(self, timeout: float | None = None) -> bool:
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _play(self) -> None:
        stream: sounddevice.OutputStream | None = None
        announced: TextSpan | None = None
        try:
            while not self._stopped.is_set():
                sentence = self._sentences.get()
                if sentence is None:
                    break
                if stream is None or stream.samplerate != sentence.sample_rate:
                    stream = self._reopened(stream, sentence.sample_rate)
                if self._on_sentence_started is not None and sentence.span != announced:
                    self._on_sentence_started(sentence.span)
                announced = sentence.span
                self._write(stream, sentence.samples, sentence.sample_rate)
        except sounddevice.PortAudioError as error:
            self.error = SpeechOutputError(translated(
                "Cannot play sound on the output device: {error}."
            ).format(error=error))
        finally:
            if stream is not None:
                if self._stopped.is_set():
                    stream.abort()  # now, not after the buffered audio
                else:
                    stream.stop()
                stream.close()

    def _reopened(self, stream: sounddevice.OutputStream | None, rate: int) -> sounddevice.OutputStream:
        if stream is not None:
            stream.stop()
            stream.close()
        opened = sounddevice.OutputStream(device=self._device, samplerate=rate, channels=1, dtype="float32")
        opened.start()
        return opened

    def _write(self, stream: sounddevice.OutputStream, samples: np.ndarray, rate: int) -> None:
        step = max(1, int(rate * _SLICE_SECONDS))
        for start in range(0, len(samples), step):
            if self._stopped.is_set():
                return
            stream.write(np.ascontiguousarray(samples[start:start + step], dtype=np.float32))
            self.first_sound.set()


def speech_file_format(path: Path) -> str:
    """soundfile's format for a speech file's extension; one sentence for any other."""
    audio_format = SAVE_FORMATS.get(Path(path).suffix.lower())
    if audio_format is None:
        raise SpeechOutputError(translated(
            "Speech is saved as .wav or .flac, not “{suffix}”."
        ).format(suffix=Path(path).suffix or path.name))
    return audio_format


def save_speech(sentences: Iterable[SpokenSentence], path: Path, pause_seconds: float = 0.0) -> Path:
    """All ``sentences`` in one WAV or FLAC file (by its extension), written atomically."""
    audio_format = speech_file_format(path)
    sentences = list(sentences)
    if not sentences:
        raise SpeechOutputError(translated("There is no speech to save."))
    rate = sentences[0].sample_rate
    if any(s.sample_rate != rate for s in sentences):
        raise SpeechOutputError(translated("The spoken sentences have different sample rates and cannot be joined."))
    pause = np.zeros(int(pause_seconds * rate), dtype=np.float32)
    joined = np.concatenate([part for s in sentences for part in (s.samples, pause)])
    buffer = io.BytesIO()
    soundfile.write(buffer, np.clip(joined, -1.0, 1.0), rate, format=audio_format, subtype="PCM_16")
    return write_bytes_atomically(Path(path), buffer.getvalue())
