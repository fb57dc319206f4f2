"""Recording from an input device into a FLAC file, written as the audio arrives.

PortAudio's callback only copies each block into a queue (no blocking, no logging, one copy);
a writer thread writes the blocks with soundfile, flushes at least every ``flush_seconds`` and
measures the level. A FLAC stream flushed this way is readable at any moment (its header says
"length unknown" until the file is closed), so a crash loses at most the last flush interval;
the marker beside the file tells the next start it was not finished (``unfinished.py``).
"""

from __future__ import annotations

import contextlib
import logging
import queue
import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import av.error
import numpy as np
import sounddevice
import soundfile

from app.core.errors import RecordingError
from app.core.recording.devices import InputDevice, default_input_device
from app.core.recording.unfinished import remove_marker, repair_recording, touch_marker, write_marker
from app.core.text_translation import translated

DEFAULT_FLUSH_SECONDS = 0.5
BLOCK_SECONDS = 0.1  # one callback and one write every 100 ms: a tenth of the wake-ups of PortAudio's default
_FULL_SCALE = 32768.0
_LOW_DISK_BYTES = 1024 * 1024
_STOP = object()
log = logging.getLogger(__name__)

AudioListener = Callable[[np.ndarray, int], None]  # float32 mono block, its sample rate; on the writer thread


@dataclass(frozen=True, slots=True)
class LevelReading:
    """The last block's level, 0..1 of full scale; replaced whole, so a poller needs no lock."""

    peak: float = 0.0
    rms: float = 0.0
    clipped: bool = False


SILENT = LevelReading()


@dataclass(frozen=True, slots=True)
class RecordingResult:
    path: Path
    seconds: float
    sample_rate: int
    overflow_count: int  # blocks PortAudio reported as overflowed (audio the device lost before we saw it)
    error: RecordingError | None  # why it ended early, if it did; the file holds what was recorded


class Recorder:
    """One recording: ``start()``, ``pause()``/``resume()``, ``stop()``; state readable from any thread."""

    def __init__(
        self,
        path: Path,
        device: InputDevice | None = None,
        sample_rate: int | None = None,
        channels: int = 1,
        on_audio: AudioListener | None = None,
        on_error: Callable[[RecordingError], None] | None = None,
        flush_seconds: float = DEFAULT_FLUSH_SECONDS,
    ) -> None:
        self.path = Path(path)
        self.device = device or default_input_device()
        self.channels = max(1, min(channels, self.device.channels))
        self.sample_rate = _supported_rate(self.device, self.channels, sample_rate)
        self.cancel_event = threading.Event()  # set by stop(), or by a job runner to end the recording
        self._on_audio = on_audio
        self._on_error = on_error
        self._flush_seconds = flush_seconds
        self._blocks: queue.Queue[Any] = queue.Queue()
        self._paused = False
        self._device_finished = threading.Event()
        self._stream: sounddevice.InputStream | None = None
        self._file: soundfile.SoundFile | None = None
        self._writer: threading.Thread | None = None
        self.level: LevelReading = SILENT
        self.frames_written = 0
        self.overflow_count = 0
        self.error: RecordingError | None = None
        self._write_failed = False

    @property
    def elapsed_seconds(self) -> float:
        return self.frames_written / self.sample_rate

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def running(self) -> bool:
        return self._writer is not None and self._writer.is_alive()

    def start(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._file = soundfile.SoundFile(
                self.path, "w", samplerate=self.sample_rate, channels=self.channels, format="FLAC", subtype="PCM_16"
            )
            write_marker(self.path, self.sample_rate, self.channels, self.device.name)
        except (OSError, soundfile.LibsndfileError) as error:
            self._close_file()
            raise RecordingError(translated(
                "Cannot create the recording file “{path}”: {reason}."
            ).format(path=self.path, reason=_reason(error))) from error
        try:
            self._stream = sounddevice.InputStream(
                device=self.device.index, samplerate=self.sample_rate, channels=self.channels, dtype="int16",
                blocksize=int(self.sample_rate * BLOCK_SECONDS), callback=self._on_block,
                finished_callback=self._device_finished.set,
            )
            self._stream.start()
        except sounddevice.PortAudioError as error:
            self._stream = None
            self._close_file()
            remove_marker(self.path)
            self.path.unlink(missing_ok=True)
            raise RecordingError(translated(
                "Cannot open the input device “{name}”: {error}."
            ).format(name=self.device.name, error=error)) from error
        self._writer = threading.Thread(target=self._write_blocks, name="recording writer", daemon=True)
        self._writer.start()

    def pause(self) -> None:
        self._paused = True
        self.level = SILENT

    def resume(self) -> None:
        self._paused = False

    def stop(self) -> RecordingResult:
        """Stop, write what is still queued, close the file; the result says how it ended."""
        self.cancel_event.set()
        stream = self._stream
        if stream is not None:
            try:
                stream.stop()  # returns after the last callback: nothing more will be queued
                stream.close()
            except sounddevice.PortAudioError as error:
                log.warning("closing the input stream failed: %s", error)
        self._blocks.put(_STOP)
        if self._writer is not None:
            self._writer.join()
        return RecordingResult(self.path, self.elapsed_seconds, self.sample_rate, self.overflow_count, self.error)

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until the recording ends by itself (a lost device, a full disk); True if it has."""
        if self._writer is None:
            return True
        self._writer.join(timeout)
        return not self._writer.is_alive()

    def _on_block(self, block: np.ndarray, _frames: int, _time: Any, status: sounddevice.CallbackFlags) -> None:
        """PortAudio's callback: copy and queue, nothing else."""
        if status.input_overflow:
            self.overflow_count += 1
        if not self._paused:
            self._blocks.put_nowait(block.copy())

    def _write_blocks(self) -> None:
        last_flush = time.monotonic()
        while True:
            try:
                block = self._blocks.get(timeout=0.1)
            except queue.Empty:
                block = None
            if block is _STOP:
                break
            if block is not None and self.error is None:
                self._write(block)
            if self._device_lost():
                self._fail(RecordingError(
                    translated(
                        "The input device “{name}” stopped delivering sound (was it unplugged?); the "
                        "recording up to that moment is kept in “{name2}”."
                    ).format(name=self.device.name, name2=self.path.name)
                ))
            if time.monotonic() - last_flush >= self._flush_seconds:
                self._flush()
                last_flush = time.monotonic()
            if self.error is not None and self._blocks.empty():
                break
        self._finish_file()

    def _device_lost(self) -> bool:
        """PortAudio ended the stream though nobody stopped it, and every block it sent is written."""
        return (self._device_finished.is_set() and not self.cancel_event.is_set() and self.error is None
                and self._blocks.empty())

    def _write(self, block: np.ndarray) -> None:
        assert self._file is not None
        try:
            self._file.write(block)
        except (OSError, soundfile.LibsndfileError) as error:
            self._write_failed = True
            self._fail(_write_error(self.path, error))
            return
        self.frames_written += len(block)
        self.level = block_level(block)
        if self._on_audio is not None:
            mono = block.mean(axis=1) if block.shape[1] > 1 else block[:, 0]
            self._on_audio((mono / _FULL_SCALE).astype(np.float32), self.sample_rate)

    def _flush(self) -> None:
        if self._file is None or self.error is not None:
            return
        try:
            self._file.flush()
            touch_marker(self.path)
        except (OSError, soundfile.LibsndfileError) as error:
            self._write_failed = True
            self._fail(_write_error(self.path, error))

    def _fail(self, error: RecordingError) -> None:
        self.error = error
        self.cancel_event.set()
        if self._stream is not None:
            with contextlib.suppress(sounddevice.PortAudioError):
                self._stream.abort()
        if self._on_error is not None:
            self._on_error(error)

    def _finish_file(self) -> None:
        """Close the file; a clean close writes the real length, so the marker goes.

        After a refused write libsndfile cannot finish the header either: the file is rewritten
        whole now if there is room, else the marker stays and the next start repairs it.
        """
        closed = self._close_file()
        complete = _repaired(self.path) if self._write_failed else closed
        if complete:
            remove_marker(self.path)

    def _close_file(self) -> bool:
        if self._file is None:
            return False
        try:
            self._file.close()
        except (OSError, soundfile.LibsndfileError) as error:
            log.warning("closing %s failed: %s", self.path, error)
            return False
        finally:
            self._file = None
        return True


def _repaired(path: Path) -> bool:
    try:
        return repair_recording(path) > 0
    except (OSError, av.error.FFmpegError, soundfile.LibsndfileError, ValueError) as error:
        log.warning("%s could not be repaired now (%s); the next start will try again", path, error)
        return False


def _supported_rate(device: InputDevice, channels: int, wanted: int | None) -> int:
    """``wanted`` if the device takes it, else the device's own rate (recognition resamples anyway)."""
    if wanted:
        try:
            sounddevice.check_input_settings(device.index, channels=channels, samplerate=wanted, dtype="int16")
            return wanted
        except (sounddevice.PortAudioError, ValueError):
            log.info("%s does not record at %d Hz; using %d Hz", device.name, wanted, device.default_sample_rate)
    return device.default_sample_rate


def block_level(block: np.ndarray) -> LevelReading:
    if block.size == 0:
        return SILENT
    highest, lowest = int(block.max()), int(block.min())
    peak = max(highest, -lowest)
    rms = float(np.sqrt(np.mean(np.square(block, dtype=np.float64))))
    return LevelReading(min(1.0, peak / _FULL_SCALE), rms / _FULL_SCALE, highest >= 32767 or lowest <= -32768)


def _write_error(path: Path, error: Exception) -> RecordingError:
    try:
        full = shutil.disk_usage(path.parent).free < _LOW_DISK_BYTES
    except OSError:
        full = False
    if full:
        return RecordingError(
            translated(
                "The disk is full: the recording stopped, and what was recorded is kept in “{name}”."
            ).format(name=path.name)
        )
    why = f" ({error.strerror})" if isinstance(error, OSError) and error.strerror else ""
    return RecordingError(
        translated(
            "The recording “{name}” could not be written any further{why}: it stopped, and what was "
            "recorded is kept."
        ).format(name=path.name, why=why)
    )


def _reason(error: Exception) -> str:
    return (error.strerror if isinstance(error, OSError) and error.strerror else str(error)).rstrip(".")
