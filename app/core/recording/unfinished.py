"""Recordings that were never finished (a crash, kill -9, power loss), found and repaired at the next start.

While a recording runs, a marker ``NAME.flac.recording`` (JSON: rate, channels, device, start) sits
beside it and is touched at every flush; a clean stop removes it. A marker whose recording has not
been touched for ``stale_seconds`` belongs to a recording nobody is writing any more. Its FLAC
stream is valid up to the last flush but its header does not give the length, which some readers
need: repair decodes it (PyAV reads such streams) and writes a complete FLAC in its place.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import av
import av.error
import numpy as np
import soundfile

from app.core import paths
from app.core.atomic_write import write_text_atomically

MARKER_SUFFIX = ".recording"
DEFAULT_STALE_SECONDS = 10.0
log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class UnfinishedRecording:
    path: Path
    seconds: float
    started_at: datetime | None


def new_recording_path(folder: Path | None = None, now: datetime | None = None) -> Path:
    """A free file name like ``Recording 2026-11-22 11-50-03.flac`` in ``folder`` (default: the recordings folder)."""
    folder = folder or paths.recordings_dir()
    stamp = (now or datetime.now()).strftime("%Y-%m-%d %H-%M-%S")
    candidate = folder / f"Recording {stamp}.flac"
    number = 2
    while candidate.exists() or marker_path(candidate).exists():
        candidate = folder / f"Recording {stamp} ({number}).flac"
        number += 1
    return candidate


def marker_path(recording: Path) -> Path:
    return recording.with_name(recording.name + MARKER_SUFFIX)


def write_marker(recording: Path, sample_rate: int, channels: int, device_name: str) -> None:
    document = {
        "sample_rate": sample_rate, "channels": channels, "device": device_name,
        "started_at": datetime.now(UTC).isoformat(), "host": socket.gethostname(), "pid": os.getpid(),
    }
    write_text_atomically(marker_path(recording), json.dumps(document) + "\n")


def touch_marker(recording: Path) -> None:
    os.utime(marker_path(recording))


def remove_marker(recording: Path) -> None:
    try:
        marker_path(recording).unlink(missing_ok=True)
    except OSError as error:
        log.warning("cannot remove the marker of %s: %s", recording, error)


def find_unfinished_recordings(
    folder: Path | None = None, stale_seconds: float = DEFAULT_STALE_SECONDS
) -> list[UnfinishedRecording]:
    """Repair every unfinished recording in ``folder`` and list those that hold sound, oldest first.

    One that holds no sound at all is deleted with its marker; one that cannot be repaired is
    left as it is (and its marker kept) so nothing is lost.
    """
    folder = folder or paths.recordings_dir()
    found = []
    for marker in sorted(folder.glob(f"*{MARKER_SUFFIX}")):
        recording = marker.with_name(marker.name[: -len(MARKER_SUFFIX)])
        if time.time() - _last_written(recording, marker) < stale_seconds:
            continue  # still being written (another window or `listen`)
        unfinished = _repaired(recording, marker)
        if unfinished is not None:
            found.append(unfinished)
    return found


def _last_written(recording: Path, marker: Path) -> float:
    times = [p.stat().st_mtime for p in (recording, marker) if p.exists()]
    return max(times, default=0.0)


def _repaired(recording: Path, marker: Path) -> UnfinishedRecording | None:
    started_at = _started_at(marker)
    try:
        seconds = repair_recording(recording)
    except (OSError, av.error.FFmpegError, soundfile.LibsndfileError, ValueError) as error:
        log.warning("cannot repair the unfinished recording %s: %s", recording, error)
        return None
    if seconds == 0:
        recording.unlink(missing_ok=True)
        marker.unlink(missing_ok=True)
        return None
    marker.unlink(missing_ok=True)
    return UnfinishedRecording(recording, seconds, started_at)


def repair_recording(recording: Path) -> float:
    """Rewrite ``recording`` as a complete FLAC of the sound it holds; its length in seconds (0: none)."""
    if not recording.exists() or recording.stat().st_size == 0:
        return 0.0
    temporary = recording.with_name(f".{recording.name}.repair")
    frames, rate = 0, 0
    output: soundfile.SoundFile | None = None
    try:
        with av.open(str(recording)) as container:
            if not container.streams.audio:
                return 0.0
            stream = container.streams.audio[0]
            rate, channels = stream.codec_context.sample_rate, stream.codec_context.channels
            resampler = av.AudioResampler(format="s16", layout=stream.layout.name, rate=rate)
            output = soundfile.SoundFile(temporary, "w", samplerate=rate, channels=channels,
                                         format="FLAC", subtype="PCM_16")
            for block in _decoded_blocks(container, stream, resampler):
                output.write(block.reshape(-1, channels))
                frames += len(block) // channels
        output.close()
        output = None
        if frames == 0:
            return 0.0
        os.replace(temporary, recording)
    finally:
        if output is not None:
            output.close()
        temporary.unlink(missing_ok=True)
    return frames / rate


def _decoded_blocks(container: av.container.InputContainer, stream: av.AudioStream,
                    resampler: av.AudioResampler) -> Iterator[np.ndarray]:
    """Interleaved int16 blocks; decoding stops quietly at a torn last frame (the crash's last moment)."""
    try:
        for packet in container.demux(stream):
            for frame in packet.decode():
                for resampled in resampler.resample(frame):
                    yield resampled.to_ndarray().reshape(-1)
    except av.error.InvalidDataError:
        return


def _started_at(marker: Path) -> datetime | None:
    try:
        document = json.loads(marker.read_text(encoding="utf-8"))
        return datetime.fromisoformat(document["started_at"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
