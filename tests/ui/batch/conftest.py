"""Fixtures of the batch queue's tests: a window whose app data folder is the test's own, and a folder of
short files cut from real speech."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile

from app.core.audio import decode_audio
from app.jobs import JobRunner
from app.ui.main_window import MainWindow

CLIP_SECONDS = 1.5
SPEECH_CLIPS = 18  # plus the whole speech and a broken file: 20 files


@pytest.fixture
def data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The batch queue file and its results live here, not in the session's data folder other tests share."""
    folder = tmp_path / "data"
    monkeypatch.setenv("EARSHOT_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def batch_window(qtbot, manager: JobRunner, local_engine, data_folder: Path) -> MainWindow:
    window = MainWindow(manager, local_engine)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    combo = window.options_bar.model_combo
    combo.setCurrentIndex(combo.findData("tiny.en"))
    return window


def make_speech_folder(folder: Path, jfk_path: Path) -> dict[str, Path]:
    """20 files: 18 clips of 1.5 s of JFK's speech (some in a subfolder), the whole speech, and a file that only
    has a media file's name; a text file that must not be added."""
    samples = decode_audio(jfk_path).samples
    step = int(CLIP_SECONDS * 16_000)
    files: dict[str, Path] = {}
    for number in range(SPEECH_CLIPS):
        start = (number * step // 2) % (len(samples) - step)
        subfolder = folder / ("part two" if number >= 12 else "")
        subfolder.mkdir(parents=True, exist_ok=True)
        path = subfolder / f"clip-{number:02d}.flac"
        soundfile.write(path, samples[start:start + step], 16_000)
        files[path.stem] = path
    whole = folder / "whole-speech.wav"
    soundfile.write(whole, np.asarray(samples), 16_000)
    files["whole-speech"] = whole
    broken = folder / "broken.wav"
    broken.write_bytes(b"RIFF\x00\x00\x00\x00WAVEthis is not audio at all" * 10)
    files["broken"] = broken
    (folder / "notes.txt").write_text("not media")
    return files
