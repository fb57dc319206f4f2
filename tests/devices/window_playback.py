"""One real-time playback of JFK by the window into the null sink, heard two ways at once.

Eleven seconds played in real time are the slowest thing the device tests do, so it happens once for the
package: the window's player plays the whole file while ``parecord`` records the sink's monitor and the
app's own Recorder records the default input (the same monitor). The tests of the player, of the window
and of the recorder each assert on their part of that one playback.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.core.audio import decode_audio
from app.core.recording import Recorder, find_input_device
from app.core.recording.recorder import RecordingResult
from app.core.recording.unfinished import marker_path
from app.core.transcript import Segment, Transcript
from app.engines.base import JobContext, TranscriptionOptions, run_transcription
from app.jobs import JobRunner
from app.ui.editor.document import Document
from app.ui.main_window import MainWindow
from tests.pulseaudio_server import PulseAudioServer

TINY = TranscriptionOptions(model="tiny.en", word_timestamps=True)
# Qt Multimedia's own start-up logs; every test using the shared playback carries it, since whichever runs
# first sees Qt Multimedia start
QT_MULTIMEDIA_LOGS = pytest.mark.qt_log_ignore("qt.multimedia.symbolsresolver", "qt.multimedia.ffmpeg")


@dataclass(frozen=True)
class Tick:
    clock: float  # time.monotonic() when the player reported
    seconds: float  # the position it reported
    playing_row: int | None  # the row the window marked as playing at that moment


@dataclass(frozen=True)
class WindowPlayback:
    segments: list[Segment]  # the rows the window showed: tiny.en's transcript of the file
    ticks: list[Tick]
    monitor_recording: Path  # parecord of the sink's monitor, 16 kHz mono
    heard: Transcript  # tiny.en on the monitor recording
    recording: RecordingResult  # the app's Recorder on the default input
    marker_while_recording: bool  # the Recorder's "unfinished" marker existed while it ran
    loudest_level: float  # the highest peak the Recorder's level meter showed


def play_jfk_through_the_window(
    qtbot: QtBot, pulseaudio: PulseAudioServer, local_engine, jfk_path: Path, folder: Path
) -> WindowPlayback:
    manager = JobRunner()
    window = MainWindow(manager, local_engine)
    window.show()
    try:
        transcript = run_transcription(local_engine, decode_audio(jfk_path), TINY, JobContext())
        controller, model = window.playback_panel.controller, window.transcript_model
        with qtbot.waitSignal(controller.media_opened, timeout=10_000):
            window.adopt_document(Document(transcript, jfk_path))
        ticks: list[Tick] = []
        controller.position_ticked.connect(
            lambda seconds: ticks.append(Tick(time.monotonic(), seconds, model.playing_row)))

        monitor_recording = folder / "monitor.wav"
        parecord = pulseaudio.record(monitor_recording)
        recorder = Recorder(folder / "speech.flac", find_input_device("pulse"), sample_rate=16000)
        recorder.start()
        marker_while_recording = marker_path(recorder.path).exists()
        loudest = 0.0

        def played_to_the_end() -> bool:
            nonlocal loudest
            loudest = max(loudest, recorder.level.peak)
            return not controller.is_playing

        try:
            qtbot.waitUntil(lambda: recorder.elapsed_seconds > 0.3, timeout=5_000)
            window.transcript_view.setFocus()
            qtbot.keyClick(window.transcript_view, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
            qtbot.waitUntil(lambda: controller.is_playing, timeout=5_000)
            qtbot.waitUntil(played_to_the_end, timeout=30_000)
            qtbot.wait(500)  # what the sink still holds reaches both recordings
        finally:
            recording = recorder.stop()
            parecord.stop()
    finally:
        window.playback_panel.shutdown()
        manager.shutdown()
        window.close()
        with qtbot.waitSignal(window.destroyed):  # its player's PulseAudio stream goes now, not at a later collection
            window.deleteLater()
    heard = run_transcription(local_engine, decode_audio(monitor_recording), TINY, JobContext())
    return WindowPlayback(transcript.segments, ticks, monitor_recording, heard, recording, marker_while_recording,
                          loudest)
