"""Peaks computed off the GUI thread, delivered on it, cached, and failures as one sentence."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import numpy as np
import soundfile

from app.core.peak_cache import load_cached_peaks
from app.ui.playback.peaks_loader import PeaksLoader


def test_peaks_arrive_on_the_gui_thread_with_progress(qtbot, manager, tmp_path: Path) -> None:
    media = tmp_path / "long.wav"
    rng = np.random.default_rng(2)
    soundfile.write(media, rng.uniform(-0.5, 0.5, 16_000 * 150).astype(np.float32), 16_000)
    loader = PeaksLoader(manager)
    threads: list[bool] = []
    fractions: list[float] = []

    def on_progress(_pyramid: object, fraction: float) -> None:
        fractions.append(fraction)
        threads.append(threading.current_thread() is threading.main_thread())

    loader.progressed.connect(on_progress)
    with qtbot.waitSignal(loader.finished, timeout=30_000) as finished:
        loader.load(media)
    assert finished.args[0].duration == np.float64(150.0)
    assert fractions and all(0 <= f < 1 for f in fractions) and all(threads)
    assert load_cached_peaks(media) is not None
    loader.shutdown()


def test_a_newer_load_supersedes_the_older(qtbot, manager, tmp_path: Path, jfk_path: Path) -> None:
    first, second = tmp_path / "first.flac", tmp_path / "second.flac"
    shutil.copyfile(jfk_path, first)
    soundfile.write(second, np.zeros(16_000 * 3, dtype=np.float32), 16_000, format="FLAC")
    loader = PeaksLoader(manager)
    results = []
    loader.finished.connect(results.append)
    loader.load(first)
    loader.load(second)
    qtbot.waitUntil(lambda: bool(results), timeout=20_000)
    loader.shutdown()
    qtbot.wait(50)
    assert len(results) == 1 and abs(results[0].duration - 3.0) < 0.05


def test_a_missing_file_fails_with_one_sentence(qtbot, manager, tmp_path: Path) -> None:
    loader = PeaksLoader(manager)
    with qtbot.waitSignal(loader.failed, timeout=10_000) as failed:
        loader.load(tmp_path / "gone.wav")
    assert failed.args == ["Cannot draw the waveform of “gone.wav”: the file does not exist."]
    loader.shutdown()
