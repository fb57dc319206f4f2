"""Edit ▸ Preferences…: built from the declarations, kept with QSettings, applied to the open window at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QDialogButtonBox, QLabel, QSpinBox

from app.core.preferences import GROUPS, PREFERENCES, ChoiceSource
from app.core.recording.devices import remembered_device_name
from app.jobs.job import LaneKind
from app.ui.main_window import MainWindow
from app.ui.preferences.dialog import PreferencesDialog
from app.ui.preferences.store import PreferenceStore
from app.ui.themes import is_dark

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def preferred_window(qtbot, manager, local_engine, preference_store: PreferenceStore) -> MainWindow:
    window = MainWindow(manager, local_engine, preferences=preference_store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def open_preferences(qtbot, window: MainWindow) -> PreferencesDialog:
    window.preferences.action.trigger()
    dialog = window.preferences.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def choose(dialog: PreferencesDialog, key: str, value: str) -> None:
    combo = dialog.fields[key].editor
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(value))


def apply(qtbot, dialog: PreferencesDialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Apply), LEFT)


def test_the_dialog_has_a_form_per_group_and_every_field_is_named_and_explained(qtbot, preferred_window) -> None:
    dialog = open_preferences(qtbot, preferred_window)

    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [g.label for g in GROUPS]
    assert set(dialog.fields) == {p.key for p in PREFERENCES}
    for declared in PREFERENCES:
        editor = dialog.fields[declared.key].editor
        assert editor.accessibleName() == declared.label
        assert editor.toolTip() == declared.description
        labels = [label for label in dialog.findChildren(QLabel) if label.buddy() is editor]
        assert [label.text() for label in labels] == [declared.label]
    assert preferred_window.preferences.action.shortcuts()[-1].toString() == "Ctrl+,"


def test_the_default_model_and_recognition_options_reach_the_open_window(qtbot, preferred_window) -> None:
    window = preferred_window
    assert window.options_bar.model() == "base"
    dialog = open_preferences(qtbot, window)
    choose(dialog, "recognition/model", "tiny.en")
    choose(dialog, "recognition/language", "de")
    choose(dialog, "recognition/task", "translate")
    vad = dialog.fields["recognition/vad_filter"].editor
    assert isinstance(vad, QCheckBox)
    vad.setChecked(False)
    dialog.fields["recognition/cpu_threads"].set_value(2)

    apply(qtbot, dialog)

    options = window.current_options()
    assert (options.model, options.language, options.task) == ("tiny.en", "de", "translate")
    assert options.vad_filter is False
    assert options.cpu_threads == 2
    assert window.options_bar.model_combo.currentText() == "Tiny, English only (fast)"


def test_the_autosave_interval_applies_to_the_running_autosaver(qtbot, preferred_window) -> None:
    assert preferred_window.autosaver.delay == 2000
    dialog = open_preferences(qtbot, preferred_window)
    dialog.fields["editing/autosave_seconds"].set_value(7)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)
    assert preferred_window.autosaver.delay == 7000
    assert not dialog.isVisible()


def test_the_remote_jobs_count_is_a_preference_applied_to_the_running_runner(
        qtbot, manager, local_engine, preference_store: PreferenceStore) -> None:
    preference_store.set_value("recognition/remote_jobs", 6)  # kept from an earlier session
    window = MainWindow(manager, local_engine, preferences=preference_store)
    qtbot.addWidget(window)
    assert manager.capacity(LaneKind.REMOTE) == 6 and window.batch.runner.lane_capacity(remote=True) == 6
    dialog = open_preferences(qtbot, window)
    spin = dialog.fields["recognition/remote_jobs"].editor
    assert isinstance(spin, QSpinBox) and (spin.minimum(), spin.value()) == (1, 6)
    spin.setValue(2)
    apply(qtbot, dialog)
    assert manager.capacity(LaneKind.REMOTE) == 2 and window.batch.runner.lane_capacity(remote=True) == 2
    assert manager.capacity(LaneKind.LOCAL) == 1  # local recognition stays one at a time
    with pytest.raises(ValueError):
        preference_store.set_value("recognition/remote_jobs", 0)


def test_preferences_round_trip_through_qsettings_and_a_damaged_value_gives_the_default(
    qtbot, tmp_path: Path
) -> None:
    path = tmp_path / "preferences.ini"
    store = PreferenceStore(path)
    with qtbot.waitSignal(store.changed, check_params_cb=lambda key: key == "appearance/theme"):
        store.set_value("appearance/theme", "dark")
    store.set_value("recognition/word_timestamps", False)
    store.set_value("editing/autosave_seconds", 9)
    store.set_value("export/folder", "/tmp/exports ünïcode")

    again = PreferenceStore(path)  # what the next start of the app reads
    assert again.text("appearance/theme") == "dark"
    assert again.flag("recognition/word_timestamps") is False
    assert again.number("editing/autosave_seconds") == 9
    assert again.text("export/folder") == "/tmp/exports ünïcode"
    with pytest.raises(ValueError):
        again.set_value("appearance/theme", "purple")

    path.write_text("[appearance]\ntheme=purple\n[editing]\nautosave_seconds=100000\n[recognition]\n"
                    "word_timestamps=perhaps\n", encoding="utf-8")
    damaged = PreferenceStore(path)
    assert damaged.text("appearance/theme") == "system"
    assert damaged.number("editing/autosave_seconds") == 2
    assert damaged.flag("recognition/word_timestamps") is True


def test_the_recording_device_is_the_one_listen_uses(qtbot, tmp_path: Path) -> None:
    (tmp_path / "recording.json").write_text('{"input_device": "USB microphone"}', encoding="utf-8")
    store = PreferenceStore(tmp_path / "preferences.ini")
    assert store.text("recording/device") == "USB microphone"  # chosen before preferences existed
    with qtbot.waitSignal(store.changed):
        store.set_value("recording/device", "Headset")
    assert remembered_device_name(tmp_path) == "Headset"
    store.set_value("recording/device", "")  # the system's default
    assert remembered_device_name(tmp_path) is None


def test_the_theme_switches_at_once(qtbot, preferred_window, application_look) -> None:
    dialog = open_preferences(qtbot, preferred_window)
    choose(dialog, "appearance/theme", "dark")
    apply(qtbot, dialog)

    app = QApplication.instance()
    assert application_look.applied == "dark"
    assert is_dark()
    assert "palette(base)" in app.styleSheet()
    table_ground = preferred_window.transcript_view.palette().color(QPalette.ColorRole.Base)
    assert table_ground.lightness() < 60

    choose(dialog, "appearance/theme", "light")
    apply(qtbot, dialog)
    assert not is_dark()
    assert preferred_window.transcript_view.palette().color(QPalette.ColorRole.Base).lightness() > 240


def test_the_interface_language_switches_without_a_restart(qtbot, preferred_window, interface_language) -> None:
    window = preferred_window
    english_titles = [action.text() for action in window.menuBar().actions()]
    assert english_titles == ["&File", "&Edit", "&Transcription", "&View", "&Speech", "&Help"]
    dialog = open_preferences(qtbot, window)

    choose(dialog, "appearance/language", "zh_CN")
    apply(qtbot, dialog)

    assert [action.text() for action in window.menuBar().actions()] == [
        "文件(&F)", "编辑(&E)", "转写(&T)", "视图(&V)", "语音(&S)", "帮助(&H)"]
    assert window.transcribe_action.text() == "开始转写(&T)"
    assert window.options_bar.transcribe_button.text() == "转写"
    assert window.preferences.action.text() == "首选项(&P)…"
    assert dialog.windowTitle() == "首选项"
    assert dialog.tabs.tabText(0) == "识别"
    assert window.welcome.buttons[0].text() == "打开…"
    assert window.statusBar().currentMessage() == "打开音频或视频文件、转写稿或项目即可开始。"

    choose(dialog, "appearance/language", "en")
    apply(qtbot, dialog)

    assert [action.text() for action in window.menuBar().actions()] == english_titles
    assert window.transcribe_action.text() == "&Transcribe"
    assert dialog.tabs.tabText(0) == "Recognition"
    assert window.welcome.buttons[0].text() == "Open…"


def test_the_remote_services_are_edited_from_the_recognition_page_and_offered_at_once(
    qtbot, manager, local_engine, preference_store: PreferenceStore, tmp_path: Path, temporary_keyring
) -> None:
    from PySide6.QtWidgets import QPushButton

    from app.core.remote_profiles import RemoteProfileStore
    from app.ui.remote_profiles_dialog import RemoteProfilesDialog

    window = MainWindow(manager, local_engine, RemoteProfileStore(tmp_path / "remote_profiles.json"),
                        preferences=preference_store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    dialog = open_preferences(qtbot, window)
    profile_choice = dialog.fields["remote/profile"].editor
    assert isinstance(profile_choice, QComboBox) and profile_choice.count() == 1  # "The first one set up"
    buttons = dialog.findChildren(QPushButton, "editRemoteServicesButton")  # under each choice of a profile
    assert {b.accessibleName() for b in buttons} == {"Remote Services"}
    assert len(buttons) == len([p for p in PREFERENCES if p.choice_source is ChoiceSource.REMOTE_PROFILES])
    button = next(b for b in buttons if dialog.tabs.widget(0).isAncestorOf(b))  # recognition's

    qtbot.mouseClick(button, LEFT)
    services = next(d for d in window.findChildren(RemoteProfilesDialog) if d.isVisible())
    qtbot.waitExposed(services)
    services.name_edit.setText("Studio")
    services.url_edit.setText("http://127.0.0.1:9/v1")
    services.model_combo.setEditText("whisper-1")
    qtbot.mouseClick(services.save_button, LEFT)
    qtbot.waitUntil(lambda: profile_choice.findData("Studio") >= 0, timeout=5000)
    assert dialog.fields["remote/profile"].value() == ""  # what was shown stays chosen
    services.reject()
