"""Applying the preferences to the window: once when it opens, then each change as it is made.

Each preference has one place in the window it sets: the options bar's starting choices, the
recognition actions and advanced options, the autosave delay, the subtitle rules the editor marks,
the theme and the interface language, the voice panel's choices (VoicePreferences, which also keeps
them as they change). Export defaults and recording settings are read when they are used
(``export_dialog_defaults``), so there is nothing to update for them here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QComboBox

from app.core.errors import EarshotError
from app.core.preferences import REMOTE_ENGINE, ChoiceSource
from app.core.remote_profiles import RemoteProfileStore
from app.core.subtitle_rules import SUBTITLE_PROFILES
from app.engines.model_store import DEFAULT_MODEL
from app.ui.interface_language import InterfaceLanguage
from app.ui.preferences.dialog import PreferencesDialog
from app.ui.preferences.store import PreferenceStore
from app.ui.remote_engine_choice import REMOTE_PREFIX, remote_profile_name
from app.ui.speech.voice_preferences import VoicePreferences
from app.ui.themes import ThemeSwitcher

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class PreferenceBinding(QObject):
    def __init__(self, window: MainWindow, store: PreferenceStore, profiles: RemoteProfileStore) -> None:
        super().__init__(window)
        self._window = window
        self.store = store
        self._profiles = profiles
        self.action = QAction(self.tr("&Preferences…"), window)
        self.action.setShortcuts(_preferences_shortcuts())
        self.action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.action.triggered.connect(self.edit)
        self.dialog: PreferencesDialog | None = None
        self._apply_by_key: dict[str, Callable[[], None]] = {
            "recognition/engine": self._choose_model,
            "recognition/model": self._choose_model,
            "remote/profile": self._choose_model,
            "recognition/language": lambda: _choose(window.options_bar.language_combo, store.text(
                "recognition/language")),
            "recognition/task": lambda: _choose(window.options_bar.task_combo, store.text("recognition/task")),
            "recognition/vad_filter": lambda: window.vad_action.setChecked(store.flag("recognition/vad_filter")),
            "recognition/word_timestamps": lambda: window.word_timestamps_action.setChecked(
                store.flag("recognition/word_timestamps")),
            "recognition/cpu_threads": self._advanced_options,
            "recognition/fast_mode": self._advanced_options,
            "recognition/remote_jobs": lambda: window.set_remote_jobs(store.number("recognition/remote_jobs")),
            "editing/autosave_seconds": lambda: window.autosaver.set_delay(
                store.number("editing/autosave_seconds") * 1000),
            "export/subtitle_profile": self._subtitle_rules,
            "appearance/theme": lambda: ThemeSwitcher.of(_application()).apply(store.text("appearance/theme")),
            "appearance/language": self._language,
        }
        for key, apply in self._apply_by_key.items():
            if not key.startswith("appearance/"):  # the application did those before the window was built
                apply()
        store.changed.connect(self._changed)
        self.voice = VoicePreferences(window.speech.panel, store)

    def _changed(self, key: str) -> None:
        apply = self._apply_by_key.get(key)
        if apply is not None:
            apply()

    def edit(self) -> PreferencesDialog:
        """Edit ▸ Preferences…: one dialog at a time, changes applied as they are kept."""
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        self.dialog = PreferencesDialog(self.store, self._run_time_choices(), self._window,
                                        self._window.remote_services_action)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.destroyed.connect(lambda: setattr(self, "dialog", None))
        self.dialog.open()
        return self.dialog

    def profiles_changed(self) -> None:
        """The remote services' profiles were edited: the open dialog offers them as they are now."""
        if self.dialog is not None:
            self.dialog.set_choices(ChoiceSource.REMOTE_PROFILES, self._profile_choices())

    def export_dialog_defaults(self) -> tuple[str, Path | None]:
        """The format the export dialog starts with, and the folder it suggests (None: beside the media)."""
        folder = self.store.text("export/folder")
        return self.store.text("export/format"), Path(folder) if folder else None

    # ---- applying -------------------------------------------------------------------
    def _choose_model(self) -> None:
        combo = self._window.options_bar.model_combo
        profile = self.store.text("remote/profile")
        if self.store.text("recognition/engine") == REMOTE_ENGINE and _select(combo, REMOTE_PREFIX + profile):
            return
        if self.store.text("recognition/engine") == REMOTE_ENGINE and not profile:
            first_remote = next((i for i in range(combo.count()) if remote_profile_name(combo.itemData(i))), -1)
            if first_remote >= 0:
                combo.setCurrentIndex(first_remote)
                return
        _select(combo, self.store.text("recognition/model")) or _select(combo, DEFAULT_MODEL)

    def _advanced_options(self) -> None:
        window = self._window
        window.advanced_options = replace(window.advanced_options,
                                          cpu_threads=self.store.number("recognition/cpu_threads"),
                                          fast_mode=self.store.flag("recognition/fast_mode"))

    def _subtitle_rules(self) -> None:
        rules = SUBTITLE_PROFILES[self.store.text("export/subtitle_profile")].rules
        self._window.transcript_model.set_subtitle_rules(rules)
        self._window.playback_panel.video_pane.set_rules(rules)

    def _language(self) -> None:
        InterfaceLanguage.of(_application()).switch(self.store.text("appearance/language"))
        self._window.options_bar.refresh_models()  # texts made with values are made again
        self._window.show_document_title()

    def _run_time_choices(self) -> dict[ChoiceSource, list[tuple[str, str]]]:
        combo = self._window.options_bar.model_combo
        models = [(str(combo.itemData(i)), combo.itemText(i)) for i in range(combo.count())
                  if combo.itemData(i) is not None and remote_profile_name(combo.itemData(i)) is None]
        return {ChoiceSource.MODELS: models, ChoiceSource.REMOTE_PROFILES: self._profile_choices(),
                ChoiceSource.INPUT_DEVICES: _input_devices()}

    def _profile_choices(self) -> list[tuple[str, str]]:
        try:
            return [(p.name, p.name) for p in self._profiles.load()]
        except EarshotError as error:
            log.warning("remote profiles not offered: %s", error)
            return []


def _choose(combo: QComboBox, value: str) -> None:
    _select(combo, value)


def _select(combo: QComboBox, value: str) -> bool:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)
    return index >= 0


def _input_devices() -> list[tuple[str, str]]:
    try:
        from app.core.recording import list_input_devices

        return [(device.name, device.name) for device in list_input_devices()]
    except (EarshotError, OSError) as error:  # no sound system, or PortAudio missing
        log.warning("input devices not offered: %s", error)
        return []


def _preferences_shortcuts() -> list[QKeySequence]:
    """The platform's shortcut for preferences, and Ctrl+, wherever it has none of its own."""
    shortcuts = QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)
    comma = QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Comma)
    return shortcuts if comma in shortcuts else [*shortcuts, comma]


def _application() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app
