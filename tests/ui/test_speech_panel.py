"""The voice panel: voices listed off the GUI thread, every control named, a profile's settings, one-sentence errors."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QMessageBox,
    QSlider,
    QSpinBox,
)

from app.core.remote_profiles import RemoteProfile, RemoteProfileStore
from app.core.transcript import Segment, Transcript
from app.engines.speech_reading import RemoteVoice
from app.ui.editor.document import Document
from app.ui.main_window import MainWindow


@pytest.fixture
def speech_window(qtbot, manager, tmp_path: Path, temporary_keyring) -> MainWindow:
    store = RemoteProfileStore(tmp_path / "profiles.json")
    store.put(RemoteProfile("Speaker box", "openai", f"http://127.0.0.1:{closed_port()}/v1", "whisper-1",
                            {"attempts": 1}))
    store.put(RemoteProfile("Paraformer", "dashscope", "https://dashscope.example/api/v1", "paraformer-v2"))
    window = MainWindow(manager, local_engine=None, profile_store=store)
    qtbot.addWidget(window)
    window.show()
    window.adopt_document(Document(Transcript([Segment(0.0, 2.0, "Read me aloud.")])))
    yield window
    window.speech.shutdown()


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_panel_lists_the_local_voices_off_the_gui_thread_and_names_every_control(
    speech_window: MainWindow, qtbot
) -> None:
    panel = speech_window.speech.panel
    assert not panel.voices_listed
    speech_window.speech.panel_action.trigger()
    assert panel.isVisible() and not panel.voice_combo.isEnabled()  # the pyttsx3 process is still listing
    qtbot.waitUntil(lambda: panel.voice_combo.isEnabled(), timeout=20_000)
    assert panel.voice_combo.count() > 10 and panel.voice_combo.findText("English (America)") > 0
    controls = [c for kind in (QComboBox, QLineEdit, QSpinBox, QDoubleSpinBox, QSlider, QAbstractButton)
                for c in panel.findChildren(kind) if not isinstance(c.parent(), QComboBox | QAbstractSpinBox)]
    unnamed = [type(c).__name__ for c in controls if not c.accessibleName()]
    assert len(controls) >= 12 and unnamed == []

    panel.voice_combo.setCurrentIndex(panel.voice_combo.findText("English (America)"))
    panel.rate_spin.setValue(180)
    panel.volume_slider.setValue(40)
    local = panel.voice().local
    assert (local.voice, local.rate, local.volume) == (panel.voice_combo.currentData(), 180, 0.4)
    assert panel.voice().remote is None


def test_an_openai_compatible_profile_speaks_with_the_model_voice_format_and_speed_chosen(
    speech_window: MainWindow,
) -> None:
    panel = speech_window.speech.panel
    engines = [panel.engine_combo.itemText(i) for i in range(panel.engine_combo.count())]
    assert engines == ["This computer's voice", "Speaker box (speech from the server)"]  # DashScope cannot speak
    panel.engine_combo.setCurrentIndex(1)
    assert panel.remote_settings.isVisibleTo(panel) and not panel.local_settings.isVisibleTo(panel)
    panel.model_edit.setText("kokoro")
    panel.remote_voice_combo.setEditText("af_bella")
    panel.format_combo.setCurrentText("pcm")
    panel.speed_spin.setValue(1.25)
    panel.stream_check.setChecked(True)
    assert panel.voice().remote == RemoteVoice("Speaker box", "kokoro", "af_bella", "pcm", 1.25, True)


def test_a_service_that_is_down_is_one_sentence_in_the_window_and_speaking_can_start_again(
    speech_window: MainWindow, qtbot
) -> None:
    speech = speech_window.speech
    speech.panel.engine_combo.setCurrentIndex(1)
    speech.speak_transcript_action.trigger()
    assert speech.is_reading and not speech.speak_transcript_action.isEnabled()
    qtbot.waitUntil(lambda: not speech.is_reading, timeout=20_000)
    [box] = [b for b in speech_window.findChildren(QMessageBox) if b.isVisible()]
    assert box.text().startswith("Cannot reach the OpenAI-compatible server at 127.0.0.1: ")
    assert box.text().endswith(".") and "\n" not in box.text() and "Traceback" not in box.text()
    assert speech.speak_transcript_action.isEnabled() and not speech.stop_action.isEnabled()
