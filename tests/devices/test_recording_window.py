"""File ▸ New Recording in the window, recording what paplay plays into the PulseAudio null sink."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
import soundfile
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.core import paths
from app.core.audio import decode_audio
from app.jobs import JobRunner
from app.ui.main_window import MainWindow
from app.ui.recording.level_meter import FLOOR_DB
from app.ui.recording.recording_dialog import RecordingDialog
from tests.pulseaudio_server import MONITOR_NAME, SINK_NAME, PulseAudioServer
from tests.speech import normalise, word_error_rate

pytestmark = pytest.mark.qt_log_ignore("qt.multimedia.symbolsresolver", "qt.multimedia.ffmpeg")
EIGHT_SECONDS_REFERENCE = "And so my fellow Americans, ask not what your country can do for you"
FIVE_SECONDS_REFERENCE = "And so my fellow Americans, ask not"


def jfk_clip(jfk_path: Path, folder: Path, seconds: float) -> Path:
    """The first ``seconds`` of JFK, faded out over its last 50 ms (a cut word would be half a word)."""
    clip = decode_audio(jfk_path).samples[: int(seconds * 16000)].copy()
    clip[-800:] *= np.linspace(1.0, 0.0, 800, dtype=np.float32)
    path = folder / f"jfk-{seconds:g}s.wav"
    soundfile.write(path, clip, 16000, subtype="PCM_16")
    return path


@pytest.fixture
def window(pulseaudio: PulseAudioServer, qtbot, local_engine) -> Iterator[MainWindow]:
    manager = JobRunner()
    main_window = MainWindow(manager, local_engine)
    qtbot.addWidget(main_window)
    main_window.show()
    combo = main_window.options_bar.model_combo
    combo.setCurrentIndex(combo.findData("tiny.en"))
    language = main_window.options_bar.language_combo
    language.setCurrentIndex(language.findData("en"))
    yield main_window
    main_window.recordings.shutdown()
    main_window.playback_panel.shutdown()
    manager.shutdown()


def open_recording_dialog(qtbot, window: MainWindow, live: bool) -> RecordingDialog:
    window.recordings.new_recording_action.trigger()
    dialog = window.recordings.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitExposed(dialog)
    pulse = dialog.device_combo.findText("pulse", Qt.MatchFlag.MatchStartsWith)
    assert pulse >= 0, [dialog.device_combo.itemText(i) for i in range(dialog.device_combo.count())]
    dialog.device_combo.setCurrentIndex(pulse)
    dialog.live_check.setChecked(live)
    return dialog


def test_live_recording_fills_in_while_speaking_and_becomes_a_document_with_an_undoable_full_pass(
    qtbot, window: MainWindow, pulseaudio: PulseAudioServer, jfk_path: Path, tmp_path: Path
) -> None:
    clip = jfk_clip(jfk_path, tmp_path, 8.1)
    dialog = open_recording_dialog(qtbot, window, live=True)
    assert dialog.full_pass_check.isChecked()
    first_words: list[float] = []
    dialog.session.live.committed.connect(lambda _segments: first_words.append(time.monotonic()))
    loudest = FLOOR_DB
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.session.is_recording, timeout=30_000)
    player = pulseaudio.play(clip)
    while player.poll() is None:
        qtbot.wait(50)
        loudest = max(loudest, dialog.level_meter.peak_db)
    qtbot.waitUntil(lambda: bool(first_words), timeout=60_000)  # still recording: on a loaded machine it lags
    elapsed_shown = dialog.elapsed_label.text()
    stopped = time.monotonic()
    qtbot.mouseClick(dialog.stop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.document.media_path is not None and not window.is_busy(), timeout=60_000)

    assert first_words[0] < stopped  # words came while recording, not only at the stop
    assert loudest > -30  # the meter moved with the speech
    minutes, seconds = (int(part) for part in elapsed_shown.split(":"))
    assert 8 <= 60 * minutes + seconds <= soundfile.info(window.document.media_path).duration + 1
    recording = window.document.media_path
    assert recording is not None and recording.parent == paths.recordings_dir() and recording.suffix == ".flac"
    assert soundfile.info(recording).duration > 8.0
    full_pass = window.document.transcript.text
    assert word_error_rate(EIGHT_SECONDS_REFERENCE, full_pass) < 0.25
    stack = window.document.undo_stack
    assert stack.count() == 1 and stack.undoText() == "Replace Transcript"
    stack.undo()  # the full pass was one step: undo gives the live text back
    live_text = window.document.transcript.text
    assert normalise(live_text) == normalise(dialog.live_view.committed_text) != ""
    one_word = 1 / len(normalise(EIGHT_SECONDS_REFERENCE).split())
    assert (word_error_rate(EIGHT_SECONDS_REFERENCE, live_text)
            <= 1.3 * word_error_rate(EIGHT_SECONDS_REFERENCE, full_pass) + one_word)
    assert window.document.is_modified  # the live text exists nowhere else: closing asks to save


def test_a_recording_without_live_text_is_transcribed_and_a_pause_keeps_out_what_was_played_meanwhile(
    qtbot, window: MainWindow, pulseaudio: PulseAudioServer, jfk_path: Path, tmp_path: Path
) -> None:
    clip = jfk_clip(jfk_path, tmp_path, 4.7)
    dialog = open_recording_dialog(qtbot, window, live=False)
    assert not dialog.full_pass_check.isEnabled()
    recorded_before_pause = time.monotonic()
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.session.is_recording, timeout=10_000)
    qtbot.mouseClick(dialog.pause_button, Qt.MouseButton.LeftButton)
    recorded_before_pause = time.monotonic() - recorded_before_pause
    assert dialog.pause_button.text() == dialog.tr("&Resume")
    paused_player = pulseaudio.play(jfk_clip(jfk_path, tmp_path, 2.3))  # "and so my fellow Americans", not kept
    paused_player.wait(20)
    qtbot.wait(400)
    resumed = time.monotonic()
    qtbot.mouseClick(dialog.pause_button, Qt.MouseButton.LeftButton)
    pulseaudio.play(clip).wait(20)
    qtbot.wait(600)
    qtbot.mouseClick(dialog.stop_button, Qt.MouseButton.LeftButton)
    recorded_after_pause = time.monotonic() - resumed
    qtbot.waitUntil(lambda: window.document.transcript.segments != [] and not window.is_busy(), timeout=60_000)

    recording = window.document.media_path
    assert recording is not None
    # the paused 2.3 s of speech are not in it: the file is no longer than the time it was not paused
    assert soundfile.info(recording).duration < recorded_before_pause + recorded_after_pause + 0.5
    text = window.document.transcript.text
    assert word_error_rate(FIVE_SECONDS_REFERENCE, text) < 0.3
    assert normalise(text).count("americans") == 1


def test_an_input_that_vanishes_mid_recording_is_one_sentence_and_the_recording_opens(
    qtbot, window: MainWindow, pulseaudio: PulseAudioServer
) -> None:
    dialog = open_recording_dialog(qtbot, window, live=False)
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.session.elapsed_seconds > 1.0, timeout=10_000)
    try:
        pulseaudio.unplug_sink()
        qtbot.waitUntil(lambda: window.document.media_path is not None, timeout=15_000)
    finally:
        pulseaudio.plug_in_sink()
        pulseaudio.pactl("set-default-sink", SINK_NAME)
        pulseaudio.pactl("set-default-source", MONITOR_NAME)
    boxes = [box for box in window.findChildren(QMessageBox, "errorMessage") if box.isVisible()]
    assert len(boxes) == 1
    message = boxes[0].text()
    recording = window.document.media_path
    assert "unplugged" in message and recording.name in message and message.count(". ") == 0
    assert soundfile.info(recording).duration >= 1.0
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=30_000)
