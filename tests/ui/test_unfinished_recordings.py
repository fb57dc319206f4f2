"""At start, a recording an earlier run never finished is repaired and offered: open it, or discard it."""

from __future__ import annotations

import os
import time
from pathlib import Path

import soundfile
from PySide6.QtWidgets import QMessageBox

from app.core import paths
from app.core.audio import decode_audio
from app.core.recording.unfinished import marker_path, write_marker
from app.ui.application import offer_unfinished_work
from app.ui.main_window import MainWindow


def unfinished_recording(jfk_path: Path, name: str) -> Path:
    """Three seconds of speech with its marker, last written a minute ago, as a crash leaves it."""
    path = paths.recordings_dir() / name
    path.parent.mkdir(parents=True, exist_ok=True)
    soundfile.write(path, decode_audio(jfk_path).samples[: 3 * 16000], 16000, format="FLAC", subtype="PCM_16")
    write_marker(path, 16000, 1, "test input")
    long_ago = time.time() - 60
    for written in (path, marker_path(path)):
        os.utime(written, (long_ago, long_ago))
    return path


def offered_box(qtbot, window: MainWindow) -> QMessageBox:
    qtbot.waitUntil(lambda: window.recordings.unfinished_box is not None
                    and window.recordings.unfinished_box.isVisible(), timeout=10_000)
    box = window.recordings.unfinished_box
    assert box is not None
    return box


def test_an_unfinished_recording_is_offered_at_start_and_opens_as_a_document(qtbot, window: MainWindow,
                                                                             jfk_path: Path) -> None:
    path = unfinished_recording(jfk_path, "Recording crashed.flac")
    offer_unfinished_work(window)
    box = offered_box(qtbot, window)

    assert "Recording crashed.flac" in box.text() and "0:03" in box.text() and box.accessibleName()
    assert not marker_path(path).exists()  # repaired: a complete FLAC now
    open_button = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    open_button.click()
    qtbot.waitUntil(lambda: window.document.media_path == path, timeout=5_000)
    assert soundfile.info(path).duration == 3.0
    assert window.transcribe_action.isEnabled()


def test_an_unfinished_recording_can_be_discarded(qtbot, window: MainWindow, jfk_path: Path) -> None:
    path = unfinished_recording(jfk_path, "Recording unwanted.flac")
    window.recordings.offer_unfinished()
    box = offered_box(qtbot, window)
    discard = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole)
    discard.click()
    assert not path.exists() and window.document.media_path is None
