"""WAV and raw PCM decoded while they arrive: any chunking gives the file's samples; bad shapes are one sentence."""

from __future__ import annotations

import io
import struct

import numpy as np
import pytest
import soundfile

from app.core.errors import SpeechOutputError
from app.core.streamed_audio import MAX_HEADER_BYTES, OPENAI_PCM_RATE, StreamedAudioDecoder

RATE = 22_050


def tone(seconds: float = 0.5, channels: int = 1) -> np.ndarray:
    times = np.arange(int(seconds * RATE)) / RATE
    mono = (0.5 * np.sin(2 * np.pi * 440 * times)).astype(np.float32)
    return mono if channels == 1 else np.stack([mono] * channels, axis=1)


def wav_bytes(samples: np.ndarray, subtype: str = "PCM_16") -> bytes:
    buffer = io.BytesIO()
    soundfile.write(buffer, samples, RATE, format="WAV", subtype=subtype)
    return buffer.getvalue()


def decoded(data: bytes, chunk: int, audio_format: str = "wav") -> tuple[np.ndarray, StreamedAudioDecoder]:
    decoder = StreamedAudioDecoder(audio_format)
    pieces = [decoder.feed(data[start:start + chunk]) for start in range(0, len(data), chunk)]
    decoder.finish()
    return np.concatenate(pieces), decoder


@pytest.mark.parametrize("chunk", [1, 7, 44, 1000, 10**6])
@pytest.mark.parametrize("subtype", ["PCM_16", "PCM_32", "FLOAT"])
def test_any_chunking_gives_the_files_samples(chunk: int, subtype: str) -> None:
    data = wav_bytes(tone(), subtype)
    expected, rate = soundfile.read(io.BytesIO(data), dtype="float32")
    samples, decoder = decoded(data, chunk)
    assert decoder.sample_rate == rate == RATE
    np.testing.assert_allclose(samples, expected, atol=1e-4)


def test_stereo_is_mixed_to_mono_and_a_streaming_header_with_unknown_sizes_is_read() -> None:
    data = bytearray(wav_bytes(tone(channels=2)))
    data[4:8] = data[40:44] = struct.pack("<I", 0xFFFFFFFF)  # what a server that streams sends
    samples, _decoder = decoded(bytes(data), 333)
    np.testing.assert_allclose(samples, soundfile.read(io.BytesIO(wav_bytes(tone())), dtype="float32")[0],
                               atol=1e-4)


def test_raw_pcm_is_openais_24_khz_16_bit_mono() -> None:
    values = (tone() * 32767).astype("<i2")
    samples, decoder = decoded(values.tobytes() + b"\x01", 101, "pcm")  # a stray odd byte is not a sample
    assert decoder.sample_rate == OPENAI_PCM_RATE and len(samples) == len(values)


@pytest.mark.parametrize(("data", "reason"), [
    (b"<html><body>Bad gateway</body></html>", "does not start as WAV"),
    (wav_bytes(tone(), "PCM_24"), r"format 1, 24-bit samples"),
    (b"RIFF\0\0\0\0WAVEdata\0\0\0\0" + bytes(100), "samples come before their format"),
    (b"RIFF\0\0\0\0WAVEJUNK" + struct.pack("<I", MAX_HEADER_BYTES + 1), "header is too large"),
    (wav_bytes(tone())[:30], "ended before the WAV header did"),
])
def test_what_is_not_sane_audio_is_one_sentence(data: bytes, reason: str) -> None:
    with pytest.raises(SpeechOutputError, match=f"^The server's speech stream is not audio .*{reason}"):
        decoded(data, 64)


def test_a_silly_sample_rate_or_channel_count_is_refused() -> None:
    data = bytearray(wav_bytes(tone()))
    data[24:28] = struct.pack("<I", 3)  # 3 Hz
    with pytest.raises(SpeechOutputError, match=r"\(1 channel\(s\) at 3 Hz\)"):
        decoded(bytes(data), 64)


def test_a_header_with_no_samples_is_empty_speech() -> None:
    with pytest.raises(SpeechOutputError, match=r"^The server sent empty speech audio\.$"):
        decoded(wav_bytes(np.zeros(0, dtype=np.float32)), 64)
