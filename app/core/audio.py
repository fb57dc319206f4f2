"""Decoding media files of any common container to 16 kHz mono float32 samples.

PyAV bundles FFmpeg's libraries, so every container FFmpeg reads (wav, flac, mp3,
m4a, ogg/opus, webm, mp4, mkv, mov, ...) decodes without a system FFmpeg.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import av
import av.error
import numpy as np

from app.core.errors import AudioDecodeError

SAMPLE_RATE = 16_000

MEDIA_EXTENSIONS = (
    ".wav", ".flac", ".mp3", ".m4a", ".aac", ".ogg", ".oga", ".opus", ".webm",
    ".mp4", ".m4v", ".mkv", ".mov", ".avi", ".wma", ".aiff", ".aif", ".mka",
)


@dataclass(slots=True)
class AudioClip:
    """Decoded speech ready for recognition: mono float32 at SAMPLE_RATE."""

    samples: np.ndarray
    source: Path | None = None
    channel: int | None = None

    @property
    def sample_rate(self) -> int:
        return SAMPLE_RATE

    @property
    def duration(self) -> float:
        return len(self.samples) / SAMPLE_RATE


def decode_audio(path: str | Path, channel: int | None = None) -> AudioClip:
    """Decode ``path`` to mono 16 kHz float32.

    ``channel`` picks one channel of a multi-channel file (0 = left); ``None`` mixes
    all channels down. Raises AudioDecodeError naming the file and the reason.
    """
    path = Path(path)
    if not path.exists():
        raise AudioDecodeError(f"Cannot open “{path.name}”: the file does not exist.")
    if path.is_dir():
        raise AudioDecodeError(f"Cannot open “{path.name}”: it is a folder, not a file.")
    if path.stat().st_size == 0:
        raise AudioDecodeError(f"Cannot open “{path.name}”: the file is empty.")
    try:
        samples = _decode_samples(path, channel)
    except AudioDecodeError:
        raise
    except (av.error.FFmpegError, ValueError, OSError) as error:
        raise AudioDecodeError(
            f"Cannot read “{path.name}”: it is not an audio or video file this app can decode."
        ) from error
    if samples.size == 0:
        raise AudioDecodeError(f"Cannot read “{path.name}”: it contains no audio samples.")
    return AudioClip(samples=samples, source=path, channel=channel)


def audio_channel_count(path: str | Path) -> int:
    """The number of channels of the first audio track, or 0 if there is none."""
    try:
        with av.open(str(path), metadata_errors="ignore") as container:
            if not container.streams.audio:
                return 0
            return container.streams.audio[0].codec_context.channels
    except (av.error.FFmpegError, OSError):
        return 0


def _decode_samples(path: Path, channel: int | None) -> np.ndarray:
    with av.open(str(path), metadata_errors="ignore") as container:
        if not container.streams.audio:
            raise AudioDecodeError(f"Cannot read “{path.name}”: it has no audio track.")
        stream = container.streams.audio[0]
        channels = stream.codec_context.channels or 1
        if channel is not None and not 0 <= channel < channels:
            raise AudioDecodeError(
                f"Cannot read channel {channel + 1} of “{path.name}”: it has {channels} channel(s)."
            )
        resampler = av.AudioResampler(
            format="fltp",
            layout="mono" if channel is None else stream.layout.name,
            rate=SAMPLE_RATE,
        )
        pieces: list[np.ndarray] = []
        for frame in decoded_frames(container, stream):
            for resampled in resampler.resample(frame):
                pieces.append(_pick_channel(resampled.to_ndarray(), channel))
        for resampled in resampler.resample(None):
            pieces.append(_pick_channel(resampled.to_ndarray(), channel))
    del resampler
    if not pieces:
        return np.zeros(0, dtype=np.float32)
    return np.ascontiguousarray(np.concatenate(pieces), dtype=np.float32)


def decoded_frames(container: av.container.InputContainer, stream: av.AudioStream) -> Iterator[av.AudioFrame]:
    """Decoded frames, skipping the odd corrupt packet instead of failing the file."""
    for packet in container.demux(stream):
        try:
            frames = packet.decode()
        except av.error.InvalidDataError:
            continue
        yield from frames


def _pick_channel(planes: np.ndarray, channel: int | None) -> np.ndarray:
    return planes[0 if channel is None else channel]
