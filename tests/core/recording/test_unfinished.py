"""Unfinished recordings: a FLAC cut off mid-stream is found, repaired and listed; empty ones are cleared away."""

from __future__ import annotations

import os
import shutil
import time
from datetime import datetime
from pathlib import Path

import numpy as np
import pytest
import soundfile

from app.core import paths
from app.core.recording import InputDevice, find_unfinished_recordings, new_recording_path
from app.core.recording.devices import remember_device, remembered_device_name
from app.core.recording.unfinished import marker_path, write_marker

RATE = 16000


def crashed_recording(path: Path, seconds: float) -> None:
    """What a killed recorder leaves: a FLAC flushed but never closed, and its marker."""
    tone = (0.3 * np.sin(np.arange(int(seconds * RATE)) * 2 * np.pi * 440 / RATE) * 32767).astype(np.int16)
    live = soundfile.SoundFile(path.with_suffix(".live"), "w", samplerate=RATE, channels=1, format="FLAC",
                               subtype="PCM_16")
    live.write(tone)
    live.flush()
    shutil.copyfile(path.with_suffix(".live"), path)  # the bytes on disk at the moment of the crash
    live.close()
    path.with_suffix(".live").unlink()
    write_marker(path, RATE, 1, "test input")


def age(*files: Path, seconds: float = 60) -> None:
    then = time.time() - seconds
    for file in files:
        os.utime(file, (then, then))


def test_a_recording_cut_off_mid_stream_is_repaired_into_a_complete_flac(tmp_path: Path) -> None:
    path = tmp_path / "interview.flac"
    crashed_recording(path, 3.0)
    assert soundfile.info(path).frames > 2**60  # the header does not give the length yet
    age(path, marker_path(path))

    found = find_unfinished_recordings(tmp_path)
    assert [r.path for r in found] == [path] and found[0].started_at is not None
    assert found[0].seconds == pytest.approx(3.0, abs=0.3)  # libFLAC holds back at most its last block
    samples, rate = soundfile.read(path, dtype="int16")
    assert rate == RATE and len(samples) / RATE == pytest.approx(found[0].seconds, abs=0.01)
    assert not marker_path(path).exists()
    assert find_unfinished_recordings(tmp_path) == []


def test_an_empty_unfinished_recording_is_cleared_and_one_still_being_written_is_left_alone(tmp_path: Path) -> None:
    empty = tmp_path / "empty.flac"
    empty.touch()
    write_marker(empty, RATE, 1, "test input")
    age(empty, marker_path(empty))
    busy = tmp_path / "busy.flac"
    crashed_recording(busy, 1.0)  # touched just now: someone is still recording it

    assert find_unfinished_recordings(tmp_path) == []
    assert not empty.exists() and not marker_path(empty).exists()
    assert marker_path(busy).exists()


def test_new_recordings_get_free_names_in_the_recordings_folder(tmp_path: Path) -> None:
    when = datetime(2026, 11, 22, 11, 50, 3)
    first = new_recording_path(tmp_path, when)
    assert first.name == "Recording 2026-11-22 11-50-03.flac"
    first.touch()
    assert new_recording_path(tmp_path, when).name == "Recording 2026-11-22 11-50-03 (2).flac"
    assert new_recording_path(now=when).parent == paths.data_dir() / "recordings"


def test_the_chosen_input_is_remembered_by_name(tmp_path: Path) -> None:
    assert remembered_device_name(tmp_path) is None
    remember_device(InputDevice(3, "USB microphone", "ALSA", 1, 48000, False), tmp_path)
    assert remembered_device_name(tmp_path) == "USB microphone"
    (tmp_path / "recording.json").write_text('{"input_device": 7}', encoding="utf-8")
    assert remembered_device_name(tmp_path) is None  # the wrong shape: set aside, the default used
    assert list(tmp_path.glob("recording.broken-*.json"))
