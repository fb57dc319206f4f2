"""A media file's waveform peaks, computed from a streamed decode: never the whole file in memory.

Frames are decoded at the file's own rate (no resampling: peaks need no 16 kHz signal), gathered
into chunks of at most ``chunk_samples`` per channel, and each chunk is reduced to one [min, max]
pair per BASE_BLOCK_SECONDS over all channels. Memory stays at one chunk plus the peaks
(a three-hour file: ~5 MB of peaks).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import av
import av.error
import numpy as np

from app.core.audio import decoded_frames, media_duration_seconds
from app.core.errors import AudioDecodeError, Cancelled, EarshotError
from app.core.peak_pyramid import BASE_BLOCK_SECONDS, PeakPyramid
from app.core.text_translation import translated

CHUNK_SAMPLES = 1 << 19  # per channel: ~12 s at 44.1 kHz, 4 MB of float32 stereo
PROGRESS_INTERVAL_SECONDS = 0.1  # partial peaks cost a copy: at most ten a second
MAX_WORKERS = 4
PARALLEL_FROM_SECONDS = 120.0

# progress(fraction done, base peaks so far) — called between chunks, on a computing thread
PeaksProgress = Callable[[float, np.ndarray], None]
# on_piece(blocks expected in all, first block of the piece, its (n, 2) [min, max] rows) — on a computing thread
PeaksPieceListener = Callable[[int, int, np.ndarray], None]

_INTEGER_SCALE = {"s16": 32768.0, "s16p": 32768.0, "s32": 2147483648.0, "s32p": 2147483648.0}
_DTYPES: dict[str, type[np.generic]] = {
    "s16": np.int16, "s16p": np.int16, "s32": np.int32, "s32p": np.int32, "u8": np.uint8, "u8p": np.uint8,
    "flt": np.float32, "fltp": np.float32, "dbl": np.float64, "dblp": np.float64,
}


def compute_peaks(
    path: str | Path,
    progress: PeaksProgress | None = None,
    cancel_event: threading.Event | None = None,
    chunk_samples: int = CHUNK_SAMPLES,
    workers: int | None = None,
    progress_interval: float = PROGRESS_INTERVAL_SECONDS,
    on_piece: PeaksPieceListener | None = None,
) -> PeakPyramid:
    """The peak pyramid of the first audio track of ``path``; raises AudioDecodeError or Cancelled.

    A long file is cut into ``workers`` time ranges (default: one per core, at most MAX_WORKERS), each
    decoded by its own thread from a seek; the peaks are joined. ``on_piece`` hears each piece of
    peaks as a range's thread reduces it (what the peaks process sends to the window's process).
    """
    path = Path(path)
    if not path.is_file():
        raise AudioDecodeError(translated(
            "Cannot draw the waveform of “{name}”: the file does not exist."
        ).format(name=path.name))
    cancel_event = cancel_event or threading.Event()
    try:
        sample_rate, duration = _probe(path)
        ranges = _block_ranges(duration, workers)
        total_blocks = int(duration / BASE_BLOCK_SECONDS)
        partial = PartialPeaks(progress, progress_interval) if progress is not None else None

        def piece_ready(first_block: int, rows: np.ndarray) -> None:
            for listener in (on_piece, partial.add if partial is not None else None):
                if listener is not None:
                    listener(total_blocks, first_block, rows)

        with ThreadPoolExecutor(max_workers=len(ranges)) as pool:
            futures = [
                pool.submit(_peaks_of_range, path, sample_rate, block_range, chunk_samples, cancel_event, piece_ready)
                for block_range in ranges
            ]
            try:
                pieces = [future.result() for future in futures]
            except BaseException:
                cancel_event.set()
                raise
    except (av.error.FFmpegError, OSError, ValueError) as error:
        raise AudioDecodeError(
            translated(
                "Cannot draw the waveform of “{name}”: it is not an audio or video file this app can "
                "decode."
            ).format(name=path.name)
        ) from error
    base = np.concatenate(pieces) if pieces else np.zeros((0, 2), dtype=np.float32)
    if progress is not None:
        progress(1.0, base)
    return PeakPyramid.from_base(base)


def decoded_chunks(frames: Iterable[np.ndarray], chunk_samples: int) -> Iterator[np.ndarray]:
    """The (channels, n) frame arrays regrouped into consecutive chunks with n <= ``chunk_samples``."""
    pending: list[np.ndarray] = []
    pending_samples = 0
    for samples in frames:
        pending.append(samples)
        pending_samples += samples.shape[1]
        if pending_samples >= chunk_samples:
            joined = np.concatenate(pending, axis=1)
            full = joined.shape[1] // chunk_samples * chunk_samples
            for offset in range(0, full, chunk_samples):
                yield joined[:, offset:offset + chunk_samples]
            pending = [joined[:, full:]] if full < joined.shape[1] else []
            pending_samples = joined.shape[1] - full
    if pending_samples:
        yield np.concatenate(pending, axis=1)


def audio_duration(path: Path) -> float | None:
    """The first audio track's duration from the container's header; None when it cannot be read."""
    try:
        return _probe(path)[1]
    except (EarshotError, av.error.FFmpegError, OSError, ValueError):
        return None


def _probe(path: Path) -> tuple[int, float]:
    with av.open(str(path), metadata_errors="ignore") as container:
        if not container.streams.audio:
            raise AudioDecodeError(translated(
                "Cannot draw the waveform of “{name}”: it has no audio track."
            ).format(name=path.name))
        stream = container.streams.audio[0]
        return stream.codec_context.sample_rate or stream.rate or 16_000, media_duration_seconds(container, stream)


def _block_ranges(duration: float, workers: int | None) -> list[tuple[int, int | None]]:
    """[first block, stop block) per worker; the last runs to the end of the stream (None)."""
    count = workers or min(MAX_WORKERS, os.cpu_count() or 1)
    if duration < PARALLEL_FROM_SECONDS:
        count = 1
    total_blocks = int(duration / BASE_BLOCK_SECONDS)
    edges = [total_blocks * index // count for index in range(count)]
    return [(first, stop) for first, stop in zip(edges, [*edges[1:], None], strict=True)]


def _peaks_of_range(
    path: Path, sample_rate: int, block_range: tuple[int, int | None], chunk_samples: int,
    cancel_event: threading.Event, piece_ready: Callable[[int, np.ndarray], None],
) -> np.ndarray:
    first_block, stop_block = block_range
    reducer = BlockReducer(sample_rate, first_block)
    first_sample = round(first_block * reducer.block)
    stop_sample = None if stop_block is None else round(stop_block * reducer.block)
    with av.open(str(path), metadata_errors="ignore") as container:
        stream = container.streams.audio[0]
        if first_sample:
            container.seek(int(first_sample / sample_rate * av.time_base), backward=True)
        frames = _frames_in_range(decoded_frames(container, stream), sample_rate, first_sample, stop_sample)
        for chunk in decoded_chunks(frames, chunk_samples):
            if cancel_event.is_set():
                raise Cancelled()
            first_new = reducer.first_block + reducer.blocks_done
            rows = reducer.add(chunk)
            if len(rows):
                piece_ready(first_new, rows)
    return reducer.finish()


def _frames_in_range(
    frames: Iterable[av.AudioFrame], sample_rate: int, first: int, stop: int | None
) -> Iterator[np.ndarray]:
    """Frame arrays from sample ``first`` up to ``stop``, placed by the first frame's time.

    Times, not sample counts, place the peaks: after a seek, and at the start of a stream whose
    first samples were an encoder's delay (mp3 starts at 0.069 s), so every worker agrees with the
    player's timeline. Silence stands in before the first sample.
    """
    position: int | None = None
    for frame in frames:
        samples = _frame_samples(frame)
        if position is None:
            position = first if frame.time is None else max(0, round(frame.time * sample_rate))
            if position > first:
                yield np.zeros((samples.shape[0], position - first), dtype=np.float32)
        if position < first:
            samples = samples[:, first - position:]
            position = first if samples.shape[1] else position + frame.samples
        if stop is not None and position + samples.shape[1] >= stop:
            yield samples[:, :max(0, stop - position)]
            return
        if samples.shape[1]:
            yield samples
        position += samples.shape[1]


class PartialPeaks:
    """The base peaks put together from pieces as they come (NaN where none came yet), from any thread,
    told to ``progress`` at most every ``interval`` seconds (each time a copy: the receiver keeps it)."""

    def __init__(self, progress: PeaksProgress, interval: float = PROGRESS_INTERVAL_SECONDS) -> None:
        self._progress = progress
        self._interval = interval
        self._last_report: float | None = None
        self._lock = threading.Lock()
        self._base: np.ndarray | None = None
        self._done = 0

    def add(self, total_blocks: int, first_block: int, rows: np.ndarray) -> None:
        with self._lock:
            if self._base is None:
                self._base = np.full((max(1, total_blocks), 2), np.nan, dtype=np.float32)
            fitting = rows[: max(0, len(self._base) - first_block)]
            self._base[first_block:first_block + len(fitting)] = fitting
            self._done += len(rows)
            now = time.monotonic()
            if self._last_report is not None and now - self._last_report < self._interval:
                return
            self._last_report = now
            self._progress(min(0.99, self._done / len(self._base)), self._base.copy())


class BlockReducer:
    """Turns consecutive sample chunks into [min, max] per BASE_BLOCK_SECONDS (block edges rounded to samples)."""

    def __init__(self, sample_rate: int, first_block: int = 0) -> None:
        self.sample_rate = sample_rate
        self.block = sample_rate * BASE_BLOCK_SECONDS
        self.first_block = first_block
        self._carry = np.zeros((1, 0), dtype=np.float32)
        self._carry_start = round(first_block * self.block)  # absolute index of the carry's first sample
        self._next_block = first_block
        self._pieces: list[np.ndarray] = []

    @property
    def blocks_done(self) -> int:
        return self._next_block - self.first_block

    def add(self, chunk: np.ndarray) -> np.ndarray:
        """The [min, max] rows of the blocks this chunk completed (none while a block is still open)."""
        if self._carry.shape[1] and self._carry.shape[0] != chunk.shape[0]:
            chunk = _same_channels(chunk, self._carry.shape[0])
        buffer = np.concatenate([self._carry, chunk], axis=1) if self._carry.shape[1] else chunk
        end = self._carry_start + buffer.shape[1]
        last_block = int(np.floor(end / self.block))  # blocks before this one end inside the buffer
        while last_block > self._next_block and round(last_block * self.block) > end:
            last_block -= 1
        if last_block > self._next_block:
            edges = np.round(np.arange(self._next_block, last_block + 1) * self.block).astype(np.int64)
            rows = _reduce(buffer, edges - self._carry_start)
            self._pieces.append(rows)
            cut = int(edges[-1] - self._carry_start)
            self._carry = buffer[:, cut:]
            self._carry_start += cut
            self._next_block = last_block
            return rows
        self._carry = buffer
        return np.zeros((0, 2), dtype=np.float32)

    def peaks(self) -> np.ndarray:
        return np.concatenate(self._pieces) if self._pieces else np.zeros((0, 2), dtype=np.float32)

    def finish(self) -> np.ndarray:
        if self._carry.shape[1]:
            self._pieces.append(_reduce(self._carry, np.array([0, self._carry.shape[1]])))
            self._carry_start += self._carry.shape[1]
            self._carry = self._carry[:, :0]
        return self.peaks()


def _reduce(buffer: np.ndarray, edges: np.ndarray) -> np.ndarray:
    """[min, max] over all channels of each ``buffer[:, edges[i]:edges[i+1]]``."""
    covered = buffer[:, :edges[-1]]  # reduceat runs the last block to the end of what it is given
    lows = np.minimum.reduceat(covered, edges[:-1], axis=1).min(axis=0)
    highs = np.maximum.reduceat(covered, edges[:-1], axis=1).max(axis=0)
    return np.stack([lows, highs], axis=1).astype(np.float32, copy=False)


def _frame_samples(frame: av.AudioFrame) -> np.ndarray:
    """(channels, n) float32; read from the planes' buffers (to_ndarray's vstack costs as much as decoding)."""
    name = frame.format.name
    dtype = _DTYPES.get(name)
    if dtype is None:
        raise AudioDecodeError(translated(
            "Cannot draw the waveform: the sample format {name} is not supported."
        ).format(name=name))
    channels = len(frame.layout.channels) or 1
    if frame.format.is_planar:
        planes = [np.frombuffer(memoryview(plane), dtype, frame.samples) for plane in frame.planes[:channels]]
        data = planes[0].reshape(1, -1) if channels == 1 else np.stack(planes)
    else:
        data = np.frombuffer(memoryview(frame.planes[0]), dtype, frame.samples * channels).reshape(-1, channels).T
    if name in _INTEGER_SCALE:
        return data * np.float32(1 / _INTEGER_SCALE[name])
    if name in ("u8", "u8p"):
        return (data.astype(np.float32) - 128.0) * np.float32(1 / 128)
    return data.astype(np.float32, copy=False)


def _same_channels(chunk: np.ndarray, channels: int) -> np.ndarray:
    """A stream that changes its channel count midway: fold it to the first layout's count."""
    if chunk.shape[0] > channels:
        return np.concatenate([chunk[:channels - 1], chunk[channels - 1:].max(axis=0, keepdims=True)])
    return np.concatenate([chunk, np.repeat(chunk[-1:], channels - chunk.shape[0], axis=0)])
