"""Decoding media files of any common container to 16 kHz mono float32 samples.

PyAV bundles FFmpeg's libraries, so every container FFmpeg reads (wav, flac, mp3,
m4a, ogg/opus, webm, mp4, mkv, mov, ...) decodes without a system FFmpeg. A file is
decoded whole (``decode_audio``: an AudioClip) or streamed in chunks (``open_audio_file``:
an AudioFile, read again each time its chunks are asked for), so a long recording need
never be in memory at once.

FFmpeg's resampler gives 16-bit samples, turned into float32 over 32768: what the Whisper
models' reference implementations give them (OpenAI's whisper reads FFmpeg's s16le, faster-whisper
asks PyAV for s16), so Earshot's samples are theirs to the bit. The rounding (at most 1.5e-5) is far
below any recording's noise floor, yet enough to change a decoding path. It also fixes the mono mix:
for an integer output FFmpeg averages a stereo file's channels, where its float output adds them at
-3 dB each, √2 louder than their mean and past full scale on loud stereo speech.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import av
import av.error
import numpy as np

from app.core.errors import AudioDecodeError
from app.core.text_translation import translated

SAMPLE_RATE = 16_000
PCM_SCALE = 32_768.0  # 16-bit samples to float, as the reference implementations scale them
CHUNK_SAMPLES = 30 * SAMPLE_RATE  # a streamed decode's chunks: 1.9 MB of float32

MEDIA_EXTENSIONS = (
    ".wav", ".flac", ".mp3", ".m4a", ".aac", ".ogg", ".oga", ".opus", ".webm",
    ".mp4", ".m4v", ".mkv", ".mov", ".avi", ".wma", ".aiff", ".aif", ".mka",
)


class AudioSource(Protocol):
    """Audio an engine can read in chunks, as often as it needs: an AudioClip in memory or an AudioFile."""

    @property
    def source(self) -> Path | None: ...

    @property
    def channel(self) -> int | None: ...

    @property
    def duration(self) -> float: ...

    def chunks(self, chunk_samples: int = ...) -> Iterator[np.ndarray]: ...


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

    def chunks(self, chunk_samples: int = CHUNK_SAMPLES) -> Iterator[np.ndarray]:
        """The samples in consecutive pieces of at most ``chunk_samples`` (views, not copies)."""
        for offset in range(0, len(self.samples), chunk_samples):
            yield self.samples[offset:offset + chunk_samples]


@dataclass(frozen=True, slots=True)
class AudioFile:
    """A media file checked and probed, decoded only as its chunks are read: what long recordings stream from."""

    source: Path
    channel: int | None
    duration: float  # from the container's header: an estimate, 0.0 when it has none

    def chunks(self, chunk_samples: int = CHUNK_SAMPLES) -> Iterator[np.ndarray]:
        """Mono 16 kHz float32 in consecutive pieces of at most ``chunk_samples``, decoded as they are asked for."""
        delivered = 0
        try:
            for chunk in _regrouped(_decoded_pieces(self.source, self.channel), chunk_samples):
                delivered += len(chunk)
                yield chunk
        except (av.error.FFmpegError, ValueError, OSError) as error:
            raise _undecodable(self.source) from error
        if delivered == 0:
            raise AudioDecodeError(translated(
                "Cannot read “{name}”: it contains no audio samples."
            ).format(name=self.source.name))

    def decode(self) -> AudioClip:
        """All of it in memory, for engines that need the whole clip."""
        return decode_audio(self.source, self.channel)


def open_audio_file(path: str | Path, channel: int | None = None) -> AudioFile:
    """Check that ``path`` is a media file with audio (and ``channel``, if given) without decoding it.

    Raises AudioDecodeError with the same sentences as decode_audio.
    """
    path = _checked_path(path)
    try:
        with av.open(str(path), metadata_errors="ignore") as container:
            stream = _audio_stream(container, path, channel)
            duration = media_duration_seconds(container, stream)
    except (av.error.FFmpegError, ValueError, OSError) as error:
        raise _undecodable(path) from error
    return AudioFile(path, channel, duration)


def decode_audio(path: str | Path, channel: int | None = None) -> AudioClip:
    """Decode ``path`` to mono 16 kHz float32.

    ``channel`` picks one channel of a multi-channel file (0 = left); ``None`` mixes
    all channels down. Raises AudioDecodeError naming the file and the reason.
    """
    path = _checked_path(path)
    return _clip_of(path, channel, lambda: _decoded_pieces(path, channel),
                    translated("Cannot read “{name}”: it contains no audio samples.").format(name=path.name))


def decode_audio_range(path: str | Path, start: float, end: float, channel: int | None = None) -> AudioClip:
    """The samples from ``start`` to ``end`` seconds only, as decode_audio gives them for the whole file.

    The decoder seeks to the start (to the packet at or before it) instead of decoding everything
    before it, so a passage near the end of a long recording costs no more than one near its start.
    """
    if not 0 <= start < end:
        raise AudioDecodeError(translated(
            "Cannot read {start:.3f} s to {end:.3f} s: the passage is empty."
        ).format(start=start, end=end))
    path = _checked_path(path)
    return _clip_of(path, channel, lambda: _decoded_range(path, channel, start, end),
                    translated("Cannot read “{name}” at {start:.3f} s: the file is shorter than that.").format(
                        name=path.name, start=start))


def _clip_of(path: Path, channel: int | None, decode: Callable[[], Iterator[np.ndarray]], when_empty: str) -> AudioClip:
    """The pieces ``decode`` gives, joined into one clip; AudioDecodeError naming the file if it fails,
    ``when_empty`` if it gives nothing."""
    try:
        pieces = list(decode())
    except (av.error.FFmpegError, ValueError, OSError) as error:
        raise _undecodable(path) from error
    if not pieces:
        raise AudioDecodeError(when_empty)
    samples = np.ascontiguousarray(np.concatenate(pieces), dtype=np.float32)
    return AudioClip(samples=samples, source=path, channel=channel)


def _decoded_range(path: Path, channel: int | None, start: float, end: float) -> Iterator[np.ndarray]:
    first, stop = round(start * SAMPLE_RATE), round(end * SAMPLE_RATE)
    with av.open(str(path), metadata_errors="ignore") as container:
        stream = _audio_stream(container, path, channel)
        if stream.time_base is not None and start > 0:
            container.seek(int(start / stream.time_base), stream=stream)  # lands at or before ``start``
        resampler = _resampler(stream, channel)
        position: int | None = None  # in samples at SAMPLE_RATE, of the next sample the resampler gives
        for frame in decoded_frames(container, stream):
            if position is None:
                position = round((frame.time or 0.0) * SAMPLE_RATE)
            for resampled in resampler.resample(frame):
                piece = _pick_channel(resampled.to_ndarray(), channel)
                wanted = piece[max(0, first - position):max(0, stop - position)]
                position += len(piece)
                if len(wanted):
                    yield wanted
            if position >= stop:
                return


def audio_channel_count(path: str | Path) -> int:
    """The number of channels of the first audio track, or 0 if there is none."""
    try:
        with av.open(str(path), metadata_errors="ignore") as container:
            if not container.streams.audio:
                return 0
            return container.streams.audio[0].codec_context.channels
    except (av.error.FFmpegError, OSError):
        return 0


def _checked_path(path: str | Path) -> Path:
    path = Path(path)
    if not path.exists():
        raise AudioDecodeError(translated("Cannot open “{name}”: the file does not exist.").format(name=path.name))
    if path.is_dir():
        raise AudioDecodeError(translated("Cannot open “{name}”: it is a folder, not a file.").format(name=path.name))
    if path.stat().st_size == 0:
        raise AudioDecodeError(translated("Cannot open “{name}”: the file is empty.").format(name=path.name))
    return path


def _undecodable(path: Path) -> AudioDecodeError:
    return AudioDecodeError(translated(
        "Cannot read “{name}”: it is not an audio or video file this app can decode."
    ).format(name=path.name))


def _audio_stream(container: av.container.InputContainer, path: Path, channel: int | None) -> av.AudioStream:
    if not container.streams.audio:
        raise AudioDecodeError(translated("Cannot read “{name}”: it has no audio track.").format(name=path.name))
    stream = container.streams.audio[0]
    channels = stream.codec_context.channels or 1
    if channel is not None and not 0 <= channel < channels:
        raise AudioDecodeError(
            translated(
                "Cannot read channel {channel} of “{name}”: it has {channels} channel(s)."
            ).format(channel=channel + 1, name=path.name, channels=channels)
        )
    return stream


def _decoded_pieces(path: Path, channel: int | None) -> Iterator[np.ndarray]:
    """The file's samples as FFmpeg's resampler hands them over: mono 16 kHz pieces of a few ms, as float32."""
    with av.open(str(path), metadata_errors="ignore") as container:
        stream = _audio_stream(container, path, channel)
        resampler = _resampler(stream, channel)
        for frame in decoded_frames(container, stream):
            for resampled in resampler.resample(frame):
                yield _pick_channel(resampled.to_ndarray(), channel)
        for resampled in resampler.resample(None):
            yield _pick_channel(resampled.to_ndarray(), channel)


def _regrouped(pieces: Iterator[np.ndarray], chunk_samples: int) -> Iterator[np.ndarray]:
    """``pieces`` joined and cut into consecutive chunks of ``chunk_samples`` (the last one shorter)."""
    pending: list[np.ndarray] = []
    pending_samples = 0
    for piece in pieces:
        pending.append(piece)
        pending_samples += len(piece)
        while pending_samples >= chunk_samples:
            joined = np.concatenate(pending)
            yield np.ascontiguousarray(joined[:chunk_samples], dtype=np.float32)
            pending, pending_samples = [joined[chunk_samples:]], len(joined) - chunk_samples
    if pending_samples:
        yield np.ascontiguousarray(np.concatenate(pending), dtype=np.float32)


def media_duration_seconds(container: av.container.InputContainer, stream: av.AudioStream) -> float:
    """The stream's length from the header (the container's when the stream has none), 0.0 when unknown."""
    if stream.duration is not None and stream.time_base is not None:
        return float(stream.duration * stream.time_base)
    return container.duration / av.time_base if container.duration else 0.0


def decoded_frames(container: av.container.InputContainer, stream: av.AudioStream) -> Iterator[av.AudioFrame]:
    """Decoded frames, skipping the odd corrupt packet instead of failing the file."""
    for packet in container.demux(stream):
        try:
            frames = packet.decode()
        except av.error.InvalidDataError:
            continue
        yield from frames


def _resampler(stream: av.AudioStream, channel: int | None) -> av.AudioResampler:
    """16 kHz 16-bit planar: the mono mix (the channels' mean), or every channel when one is picked."""
    return av.AudioResampler(format="s16p", layout="mono" if channel is None else stream.layout.name, rate=SAMPLE_RATE)


def _pick_channel(planes: np.ndarray, channel: int | None) -> np.ndarray:
    """One plane of 16-bit samples as float32 in [-1, 1)."""
    picked: np.ndarray = planes[0 if channel is None else channel].astype(np.float32) / PCM_SCALE
    return picked
