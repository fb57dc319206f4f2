"""The window plays its document's media into the PulseAudio null sink while the playing row follows."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import soundfile
from PySide6.QtCore import Qt

from app.core.audio import decode_audio
from app.engines.base import JobContext, TranscriptionOptions, run_transcription
from app.jobs import JobRunner
from app.ui.editor.document import Document
from app.ui.main_window import MainWindow
from tests.conftest import JFK_REFERENCE
from tests.pulseaudio_server import PulseAudioServer, rms
from tests.speech import word_error_rate

pytestmark = pytest.mark.qt_log_ignore("qt.multimedia.symbolsresolver", "qt.multimedia.ffmpeg")
TINY = TranscriptionOptions(model="tiny.en", word_timestamps=True)


@pytest.fixture
def window(pulseaudio: PulseAudioServer, qtbot, local_engine, jfk_path: Path) -> Iterator[MainWindow]:
    """The window with JFK recognised by tiny.en, on the test sink (PULSE_SERVER is set before Qt Multimedia starts)."""
    manager = JobRunner()
    main_window = MainWindow(manager, local_engine)
    qtbot.addWidget(main_window)
    main_window.show()
    transcript = run_transcription(local_engine, decode_audio(jfk_path), TINY, JobContext())
    with qtbot.waitSignal(main_window.playback_panel.controller.media_opened, timeout=10_000):
        main_window.adopt_document(Document(transcript, jfk_path))
    yield main_window
    main_window.playback_panel.shutdown()
    manager.shutdown()


def test_the_window_plays_into_the_sink_and_the_playing_row_follows(
    window: MainWindow, pulseaudio: PulseAudioServer, qtbot, tmp_path: Path, local_engine
) -> None:
    controller, model = window.playback_panel.controller, window.transcript_model
    segments = window.document.transcript.segments
    seen: list[tuple[float, int | None]] = []
    controller.position_ticked.connect(lambda seconds: seen.append((seconds, model.playing_row)))
    recording = tmp_path / "monitor.wav"
    recorder = pulseaudio.record(recording)
    time.sleep(0.3)
    try:
        window.transcript_view.setFocus()
        qtbot.keyClick(window.transcript_view, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: controller.is_playing, timeout=5_000)
        qtbot.waitUntil(lambda: not controller.is_playing, timeout=30_000)
        qtbot.wait(300)
    finally:
        recorder.terminate()
        recorder.wait(10)
    samples, _rate = soundfile.read(recording, dtype="float32")
    assert rms(samples) > 0.01, "the speech arrives in the sink"
    heard = run_transcription(local_engine, decode_audio(recording), TINY, JobContext())
    assert word_error_rate(JFK_REFERENCE, heard.text) < 0.25
    inside = [(s, row) for s, row in seen if any(seg.start + 0.05 < s < seg.end - 0.05 for seg in segments)]
    assert len(inside) > 50, "about thirty ticks a second while the speech plays"
    for seconds, row in inside:
        assert row is not None and segments[row].start <= seconds < segments[row].end
