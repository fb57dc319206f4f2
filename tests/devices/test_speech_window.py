"""The window reads segments aloud into the PulseAudio null sink, highlights the one being read, stops, saves."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import soundfile
from PySide6.QtCore import QItemSelectionModel, Qt

from app.core.audio import decode_audio
from app.core.remote_profiles import RemoteProfile, RemoteProfileStore
from app.core.transcript import Segment, Transcript
from app.engines.base import JobContext, TranscriptionOptions, run_transcription
from app.jobs import JobRunner
from app.ui.editor.document import Document
from app.ui.main_window import MainWindow
from tests.engines.remote.servers.openai_server import FakeOpenAIServer
from tests.pulseaudio_server import MonitorRecording, PulseAudioServer, rms
from tests.speech import word_error_rate

pytestmark = pytest.mark.qt_log_ignore("qt.multimedia.symbolsresolver", "qt.multimedia.ffmpeg", "PulseAudioService")
TINY = TranscriptionOptions(model="tiny.en")
SEGMENTS = ["The quick brown fox jumps over the lazy dog.", "Then it runs back home before the rain starts.",
            "Nobody hears this third sentence."]


@pytest.fixture
def window(pulseaudio: PulseAudioServer, qtbot, tmp_path: Path) -> Iterator[MainWindow]:
    manager = JobRunner()
    profiles = RemoteProfileStore(tmp_path / "profiles.json")
    main_window = MainWindow(manager, local_engine=None, profile_store=profiles)  # recognition is not used here
    qtbot.addWidget(main_window)
    main_window.show()
    transcript = Transcript([Segment(3.0 * n, 3.0 * n + 3.0, text) for n, text in enumerate(SEGMENTS)])
    main_window.adopt_document(Document(transcript))
    main_window.speech.reading.device = "pulse"
    main_window.speech.panel.rate_spin.setValue(150)  # words a minute: tiny.en hears espeak better a little slower
    yield main_window
    main_window.speech.shutdown()
    main_window.playback_panel.shutdown()
    manager.shutdown()


def heard(local_engine, path: Path) -> str:
    return run_transcription(local_engine, decode_audio(path), TINY, JobContext()).text


def recording_started(pulseaudio: PulseAudioServer, path: Path, qtbot) -> MonitorRecording:
    """parecord recording the sink's monitor, once it has written its first half second (a loaded machine is slow)."""
    recorder = pulseaudio.record(path)
    qtbot.waitUntil(lambda: path.exists() and path.stat().st_size > 16_000, timeout=10_000)
    return recorder


def select_rows(window: MainWindow, rows: list[int]) -> None:
    view, model = window.transcript_view, window.transcript_model
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    view.selectionModel().clearSelection()
    for row in rows:
        view.selectionModel().select(model.index(row, 0), flags)


def test_speak_selection_plays_the_selected_segments_and_highlights_each_as_it_is_read(
    window: MainWindow, pulseaudio: PulseAudioServer, qtbot, tmp_path: Path, local_engine
) -> None:
    highlighted: list[int | None] = []
    window.transcript_model.dataChanged.connect(lambda *_: highlighted.append(window.transcript_model.playing_row))
    select_rows(window, [0, 1])
    recording = tmp_path / "monitor.wav"
    recorder = recording_started(pulseaudio, recording, qtbot)
    try:
        window.transcript_view.setFocus()
        qtbot.keyClick(window.transcript_view, Qt.Key.Key_F9)  # Speech ▸ Speak Selection
        assert window.speech.is_reading and window.speech.stop_action.isEnabled()
        qtbot.waitUntil(lambda: not window.speech.is_reading, timeout=30_000)
        time.sleep(0.6)
    finally:
        recorder.stop()

    rows_read = [row for n, row in enumerate(highlighted) if row is not None and row not in highlighted[:n]]
    assert rows_read == [0, 1]  # each selected segment in turn; the third was not selected
    assert window.transcript_model.playing_row is None  # the highlight goes when the reading ends
    assert window.statusBar().currentMessage() == "Finished reading aloud."
    heard_text = heard(local_engine, recording)
    assert word_error_rate(" ".join(SEGMENTS[:2]), heard_text) < 0.6  # espeak, through the sink, to tiny.en
    assert "nobody" not in heard_text.lower()  # the third segment was not selected


def test_stop_silences_the_reading_at_once(window: MainWindow, pulseaudio: PulseAudioServer, qtbot,
                                           tmp_path: Path) -> None:
    long_text = " ".join(["This sentence is read again and again until somebody stops it."] * 4)
    window.adopt_document(Document(Transcript([Segment(0.0, 30.0, long_text)])))
    recording = tmp_path / "monitor.wav"
    recorder = recording_started(pulseaudio, recording, qtbot)
    try:
        window.speech.speak_transcript_action.trigger()
        qtbot.waitUntil(lambda: window.speech.reading.player is not None
                        and window.speech.reading.player.first_sound.is_set(), timeout=20_000)
        time.sleep(0.5)
        qtbot.keyClick(window, Qt.Key.Key_Escape)  # Esc is Stop Speaking while speaking
        assert not window.speech.is_reading and window.transcript_model.playing_row is None
        assert window.speech.reading.wait(5)
        time.sleep(1.5)
    finally:
        recorder.stop()
    samples, rate = soundfile.read(recording, dtype="float32")
    assert rms(samples[: -rate]) > 0.01  # it was speaking…
    assert rms(samples[-rate:]) < 0.001  # …and the last second (reading would take 15 s more) is silent
    assert not window.speech.stop_action.isEnabled() and window.speech.speak_transcript_action.isEnabled()


def test_save_speech_as_flac_writes_the_transcript_spoken(window: MainWindow, qtbot, tmp_path: Path,
                                                          local_engine) -> None:
    path = tmp_path / "spoken.flac"
    with qtbot.waitSignal(window.speech.speech_saved, timeout=90_000):  # a pyttsx3 process, on a loaded machine
        window.speech.save_speech_to(path)
    assert soundfile.info(path).format == "FLAC"
    assert word_error_rate(" ".join(SEGMENTS), heard(local_engine, path)) < 0.25


def test_a_profiles_streamed_speech_plays_in_the_window_and_stop_closes_the_request_at_once(
    window: MainWindow, pulseaudio: PulseAudioServer, qtbot, tmp_path: Path, temporary_keyring
) -> None:
    with FakeOpenAIServer(recogniser=None, api_key=None) as server:
        streaming = server.speech_streaming
        streaming.hold = threading.Event()  # never set: the server keeps the rest of the first sentence back
        RemoteProfileStore(tmp_path / "profiles.json").put(
            RemoteProfile("Xinference", "openai", server.base_url, "whisper-1"))
        panel = window.speech.panel
        panel.fill_engines()
        panel.engine_combo.setCurrentIndex(panel.engine_combo.findData("Xinference"))
        panel.stream_check.setChecked(True)
        select_rows(window, [1])
        window.speech.speak_selection_action.trigger()
        qtbot.waitUntil(lambda: window.transcript_model.playing_row == 1, timeout=20_000)
        qtbot.waitUntil(lambda: window.speech.reading.player.first_sound.is_set(), timeout=10_000)
        window.speech.stop_action.trigger()
        assert window.speech.reading.wait(5)  # the request was closed, not read to its end
        assert streaming.log == ["first slice sent"] and window.transcript_model.playing_row is None
        [request] = server.requests_to("/audio/speech")
        assert request.json() == {"model": "tts-1", "input": SEGMENTS[1], "voice": "alloy", "response_format": "wav",
                                  "speed": 1.0, "stream": True}
        streaming.hold.set()


def test_the_text_views_selected_words_are_read_with_their_segment_highlighted(window: MainWindow, qtbot) -> None:
    highlighted: list[int | None] = []
    window.transcript_model.dataChanged.connect(lambda *_: highlighted.append(window.transcript_model.playing_row))
    window.text_editing.text_view_action.trigger()  # View ▸ Text View
    window.text_editing.text_view.select_in_segment(1, 0, len("Then it runs back home"))
    sentences: list[str] = []
    window.speech.sentence_started.connect(sentences.append)
    window.speech.speak_selection_action.trigger()
    assert window.speech.is_reading
    qtbot.waitUntil(lambda: not window.speech.is_reading, timeout=30_000)
    assert sentences == ["Then it runs back home"] and [row for row in highlighted if row is not None] == [1]
    assert window.speech.panel.reading_label.text() == ""
