"""Audio decoded while it arrives: a WAV stream (header, then samples) or raw PCM, byte chunks in, samples out.

A server that streams speech sends a WAV header and then samples for as long as it speaks; the
header's sizes are unknown when it is sent (0 or 0xFFFFFFFF), so they are ignored and the samples
read to the end of the reply. ``pcm`` is the OpenAI speech API's raw format: 24 kHz, 16-bit signed
little-endian, mono. Every byte is untrusted: the header must describe PCM or float samples of a
sane shape, the chunks before the samples are capped, and a chunk split mid-frame is carried over.
"""

from __future__ import annotations

import struct
from typing import Any

import numpy as np

from app.core.errors import SpeechOutputError
from app.core.text_translation import translatable, translated

STREAMED_FORMATS = ("wav", "pcm")
REMOTE_SPEECH_FORMATS = (*STREAMED_FORMATS, "flac", "mp3")  # what /audio/speech may be asked for
OPENAI_PCM_RATE = 24_000
MAX_HEADER_BYTES = 64 * 1024  # fmt plus any LIST/fact chunks before the samples; real headers are < 100 bytes
SAMPLE_RATES = range(8_000, 192_001)
MAX_CHANNELS = 8
_PCM, _FLOAT, _EXTENSIBLE = 1, 3, 0xFFFE
_SAMPLE_TYPES: dict[tuple[int, int], np.dtype[Any]] = {
    (_PCM, 16): np.dtype("<i2"), (_PCM, 32): np.dtype("<i4"), (_FLOAT, 32): np.dtype("<f4"),
}
_NOT_AUDIO = translatable("The server's speech stream is not audio this app can read")


class StreamedAudioDecoder:
    """``feed(chunk)`` returns the mono float32 samples the chunk completed; ``sample_rate`` once known."""

    def __init__(self, audio_format: str) -> None:
        if audio_format not in STREAMED_FORMATS:
            raise ValueError(f"cannot decode {audio_format} while it arrives")
        self._pending = bytearray()
        self._header_done = audio_format == "pcm"
        self.sample_rate: int | None = OPENAI_PCM_RATE if self._header_done else None
        self._channels = 1
        self._sample_type: np.dtype[Any] = np.dtype("<i2")
        self.samples_decoded = 0

    def feed(self, chunk: bytes) -> np.ndarray:
        self._pending += chunk
        if not self._header_done:
            self._read_header()
            if not self._header_done:
                return np.zeros(0, dtype=np.float32)
        frame_bytes = self._channels * self._sample_type.itemsize
        whole = len(self._pending) - len(self._pending) % frame_bytes
        raw, self._pending = bytes(self._pending[:whole]), self._pending[whole:]
        samples = _mono_float(np.frombuffer(raw, dtype=self._sample_type), self._channels)
        self.samples_decoded += len(samples)
        return samples

    def finish(self) -> None:
        """The stream ended: one sentence if it never held a header or a sample."""
        if not self._header_done:
            raise SpeechOutputError(translated(
                "{NOT_AUDIO} (it ended before the WAV header did)."
            ).format(NOT_AUDIO=translated(_NOT_AUDIO)))
        if self.samples_decoded == 0:
            raise SpeechOutputError(translated("The server sent empty speech audio."))

    def _read_header(self) -> None:
        data = bytes(self._pending)
        if len(data) >= 12 and (data[:4] != b"RIFF" or data[8:12] != b"WAVE"):
            raise SpeechOutputError(
                translated("{NOT_AUDIO} (it does not start as WAV).").format(NOT_AUDIO=translated(_NOT_AUDIO))
            )
        position, format_found = 12, False
        while position + 8 <= len(data):
            name, size = data[position:position + 4], struct.unpack_from("<I", data, position + 4)[0]
            if name == b"data":
                if not format_found:
                    raise SpeechOutputError(translated(
                        "{NOT_AUDIO} (its samples come before their format)."
                    ).format(NOT_AUDIO=translated(_NOT_AUDIO)))
                self._pending = self._pending[position + 8:]
                self._header_done = True
                return
            if size > MAX_HEADER_BYTES or position + 8 + size > MAX_HEADER_BYTES:
                raise SpeechOutputError(translated(
                    "{NOT_AUDIO} (its header is too large)."
                ).format(NOT_AUDIO=translated(_NOT_AUDIO)))
            if position + 8 + size > len(data):
                return  # the rest of this chunk has not arrived yet
            if name == b"fmt ":
                self._read_format(data[position + 8:position + 8 + size])
                format_found = True
            position += 8 + size + size % 2  # RIFF chunks are padded to an even size
        if len(data) > MAX_HEADER_BYTES:
            raise SpeechOutputError(
                translated("{NOT_AUDIO} (its header is too large).").format(NOT_AUDIO=translated(_NOT_AUDIO))
            )

    def _read_format(self, chunk: bytes) -> None:
        if len(chunk) < 16:
            raise SpeechOutputError(translated(
                "{NOT_AUDIO} (its format chunk is cut short)."
            ).format(NOT_AUDIO=translated(_NOT_AUDIO)))
        tag, channels, rate, _byte_rate, _align, bits = struct.unpack_from("<HHIIHH", chunk)
        if tag == _EXTENSIBLE and len(chunk) >= 26:
            tag = struct.unpack_from("<H", chunk, 24)[0]  # the sub-format GUID starts with the plain tag
        sample_type = _SAMPLE_TYPES.get((tag, bits))
        if sample_type is None:
            raise SpeechOutputError(translated(
                "{NOT_AUDIO} (format {tag}, {bits}-bit samples)."
            ).format(NOT_AUDIO=translated(_NOT_AUDIO), tag=tag, bits=bits))
        if not 1 <= channels <= MAX_CHANNELS or rate not in SAMPLE_RATES:
            raise SpeechOutputError(translated(
                "{NOT_AUDIO} ({channels} channel(s) at {rate} Hz)."
            ).format(NOT_AUDIO=translated(_NOT_AUDIO), channels=channels, rate=rate))
        self.sample_rate, self._channels, self._sample_type = rate, channels, sample_type


def _mono_float(values: np.ndarray, channels: int) -> np.ndarray:
    if values.dtype.kind == "i":
        samples = values.astype(np.float32) / float(2 ** (8 * values.dtype.itemsize - 1))
    else:
        samples = np.nan_to_num(values.astype(np.float32), nan=0.0, posinf=1.0, neginf=-1.0)
    if channels > 1:
        samples = samples.reshape(-1, channels).mean(axis=1)
    return np.ascontiguousarray(samples, dtype=np.float32)
