"""Encoding decoded samples back into a small audio file for upload to a remote service."""

from __future__ import annotations

import io
from typing import Literal

import numpy as np
import soundfile

EncodedFormat = Literal["flac", "wav"]

MIME_TYPES: dict[EncodedFormat, str] = {"flac": "audio/flac", "wav": "audio/wav"}


def encode_audio(samples: np.ndarray, sample_rate: int, audio_format: EncodedFormat = "flac") -> bytes:
    """16-bit PCM in a FLAC or WAV container: lossless, and understood by every service."""
    buffer = io.BytesIO()
    clipped = np.clip(samples, -1.0, 1.0)
    soundfile.write(buffer, clipped, sample_rate, format=audio_format.upper(), subtype="PCM_16")
    return buffer.getvalue()
