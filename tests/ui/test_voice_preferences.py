"""The voice panel remembers its choices: changed in one window, found again in the next one built on the
same preferences file; a change made in the Preferences store shows in the panel at once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from app.core.remote_profiles import RemoteProfile, RemoteProfileStore
from app.ui.main_window import MainWindow
from app.ui.preferences.store import PreferenceStore


def voice_window(qtbot, manager, profiles: RemoteProfileStore, preferences: Path) -> MainWindow:
    window = MainWindow(manager, local_engine=None, profile_store=profiles,
                        preferences=PreferenceStore(preferences))
    qtbot.addWidget(window)
    window.show()
    window.speech.panel_action.trigger()
    qtbot.waitUntil(lambda: window.speech.panel.voice_combo.isEnabled(), timeout=20_000)  # voices listed
    return window


def test_the_voice_panels_choices_are_found_again_in_a_new_window(qtbot, manager, tmp_path: Path) -> None:
    profiles = RemoteProfileStore(tmp_path / "profiles.json")
    profiles.put(RemoteProfile("Speaker box", "openai", "http://127.0.0.1:9/v1", "whisper-1"))
    preferences = tmp_path / "config" / "preferences.ini"
    first = voice_window(qtbot, manager, profiles, preferences)
    panel = first.speech.panel
    panel.voice_combo.setCurrentIndex(panel.voice_combo.findText("English (America)"))
    chosen_voice = panel.voice_combo.currentData()
    panel.rate_spin.setValue(180)
    panel.volume_slider.setValue(35)
    panel.engine_combo.setCurrentIndex(panel.engine_combo.findData("Speaker box"))
    panel.model_edit.clear()
    qtbot.keyClicks(panel.model_edit, "kokoro")
    panel.remote_voice_combo.setCurrentText("af_sky")
    panel.format_combo.setCurrentText("flac")
    panel.speed_spin.setValue(1.5)
    qtbot.mouseClick(panel.stream_check, Qt.MouseButton.LeftButton)
    before = panel.voice()
    first.speech.shutdown()
    first.close()

    second = voice_window(qtbot, manager, profiles, preferences)
    again = second.speech.panel
    assert again.engine_combo.currentData() == "Speaker box"
    assert again.voice_combo.currentData() == chosen_voice and chosen_voice
    assert (again.rate_spin.value(), again.volume_slider.value()) == (180, 35)
    assert (again.model_edit.text(), again.remote_voice_combo.currentText(), again.format_combo.currentText(),
            again.speed_spin.value(), again.stream_check.isChecked()) == ("kokoro", "af_sky", "flac", 1.5, True)
    assert again.voice() == before
    second.speech.shutdown()


def test_a_preference_changed_elsewhere_shows_in_the_panel_and_a_refused_one_is_not_kept(
    qtbot, manager, tmp_path: Path
) -> None:
    profiles = RemoteProfileStore(tmp_path / "profiles.json")
    window = MainWindow(manager, local_engine=None, profile_store=profiles,
                        preferences=PreferenceStore(tmp_path / "preferences.ini"))
    qtbot.addWidget(window)
    panel, store = window.speech.panel, window.preferences.store
    store.set_value("speech/rate", 0)
    assert panel.rate_spin.text() == panel.rate_spin.specialValueText()  # the voice's own
    store.set_value("speech/remote_speed_percent", 250)
    assert panel.speed_spin.value() == 2.5
    panel.model_edit.setText("x" * 5000)  # more than a preference's text may hold
    assert store.text("speech/remote_model") == "tts-1"  # the value before: the longer one was refused
    assert panel.voice().remote is None and panel.model_edit.text() == "x" * 5000  # the panel shows what was typed
    assert panel.voice().local.rate is None
    window.speech.shutdown()
