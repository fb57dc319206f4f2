"""The preferences' values, kept with QSettings in ``preferences.ini`` in the app's config folder.

The one way to every value declared in ``app.core.preferences``: reads check the stored value
against its declaration (a hand-edited or damaged file gives the default, never a crash), writes
emit ``changed(key)`` so each part of the window applies what concerns it at once. An INI file in
the config folder, rather than the platform's native store, keeps the preferences beside the app's
other settings files (and per test, since tests point the config folder at a temporary one).
QSettings writes it atomically and locks it against a second running app. The recording device
stays where `listen` on the command line reads it too (``recording.json``, app.core.recording).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal

from app.core.paths import config_dir
from app.core.preferences import PREFERENCE_BY_KEY, Value, checked_value

PREFERENCES_FILE = "preferences.ini"
DEVICE_KEY = "recording/device"
log = logging.getLogger(__name__)


def preferences_path() -> Path:
    return config_dir() / PREFERENCES_FILE


class PreferenceStore(QObject):
    changed = Signal(str)  # the key whose value changed

    def __init__(self, path: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path or preferences_path()
        self._settings = QSettings(str(self.path), QSettings.Format.IniFormat, self)

    def value(self, key: str) -> Value:
        declared = PREFERENCE_BY_KEY[key]
        stored = self._recording_device() if key == DEVICE_KEY else self._settings.value(key)
        if stored is None:
            return declared.default
        try:
            return checked_value(declared, stored)
        except ValueError as error:
            log.warning("preference %s in %s ignored (%s): the default is used", key, self.path, error)
            return declared.default

    def text(self, key: str) -> str:
        return str(self.value(key))

    def number(self, key: str) -> int:
        return int(self.value(key))

    def flag(self, key: str) -> bool:
        return bool(self.value(key))

    def set_value(self, key: str, value: Value) -> None:
        """Keep ``value`` (ValueError unless the declaration allows it) and tell who listens, if it changed."""
        checked = checked_value(PREFERENCE_BY_KEY[key], value)
        if key == DEVICE_KEY:
            if checked != self.value(key):
                self._remember_recording_device(str(checked))
                self.changed.emit(key)
            return
        if self._settings.contains(key) and self.value(key) == checked:
            return
        self._settings.setValue(key, checked)
        self._settings.sync()
        if self._settings.status() is not QSettings.Status.NoError:
            log.warning("preferences not written to %s: %s", self.path, self._settings.status())
        self.changed.emit(key)

    def _recording_device(self) -> str:
        try:
            from app.core.recording.devices import remembered_device_name  # loads PortAudio: only when asked

            return remembered_device_name(self.path.parent) or ""
        except OSError as error:  # PortAudio missing
            log.warning("recording device not read: %s", error)
            return ""

    def _remember_recording_device(self, name: str) -> None:
        try:
            from app.core.recording.devices import remember_device_name

            remember_device_name(name, self.path.parent)
        except OSError as error:
            log.warning("recording device not kept: %s", error)
