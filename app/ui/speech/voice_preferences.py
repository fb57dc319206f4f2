"""The voice panel's choices kept as preferences (declared in app.core.preferences, group Speech).

The store owns the values: the panel shows them when it is built, each change made in the panel is
kept at once, and a change made in the Preferences dialog is shown in the panel. A value the store
refuses (a model name of 5,000 characters) is simply not kept. The local voices are listed after the
panel is built, so the remembered voice is chosen again once they are there.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, SignalInstance
from PySide6.QtWidgets import QComboBox

from app.core.preferences import LOCAL_ENGINE, REMOTE_ENGINE, Value
from app.ui.preferences.store import PreferenceStore
from app.ui.speech.voice_panel import RATES, VoicePanel

ENGINE_KEYS = ("speech/engine", "speech/profile")


@dataclass(frozen=True, slots=True)
class _Field:
    show: Callable[[Value], None]  # put the stored value in the widget
    read: Callable[[], Value]  # the widget's value as the store keeps it
    edited: SignalInstance  # the widget's signal that it changed


class VoicePreferences(QObject):
    def __init__(self, panel: VoicePanel, store: PreferenceStore) -> None:
        super().__init__(panel)
        self._panel = panel
        self._store = store
        self._showing = False  # putting stored values in the widgets: their change signals are not edits
        self._fields = self._declare_fields(panel)
        self.show_stored()
        for key, field in self._fields.items():
            field.edited.connect(lambda *_args, key=key: self._keep(key))
        panel.engine_combo.currentIndexChanged.connect(self._keep_engine)
        panel.voices_shown.connect(lambda: self._show(lambda: self._fields["speech/voice"].show(
            store.value("speech/voice"))))
        panel.engines_filled.connect(lambda: self._show(self._show_engine))
        store.changed.connect(self._stored_changed)

    def _declare_fields(self, panel: VoicePanel) -> dict[str, _Field]:
        return {
            "speech/voice": _Field(lambda voice: _select(panel.voice_combo, str(voice)),
                                   lambda: str(panel.voice_combo.currentData() or ""),
                                   panel.voice_combo.currentIndexChanged),
            "speech/rate": _Field(lambda rate: panel.rate_spin.setValue(_spin_rate(int(rate))),
                                  lambda: 0 if panel.rate_spin.value() < RATES[0] else panel.rate_spin.value(),
                                  panel.rate_spin.valueChanged),
            "speech/volume": _Field(lambda volume: panel.volume_slider.setValue(int(volume)),
                                    panel.volume_slider.value, panel.volume_slider.valueChanged),
            "speech/remote_model": _Field(lambda model: panel.model_edit.setText(str(model)),
                                          panel.model_edit.text, panel.model_edit.textChanged),
            "speech/remote_voice": _Field(lambda voice: panel.remote_voice_combo.setCurrentText(str(voice)),
                                          panel.remote_voice_combo.currentText,
                                          panel.remote_voice_combo.currentTextChanged),
            "speech/remote_format": _Field(lambda name: panel.format_combo.setCurrentText(str(name)),
                                           panel.format_combo.currentText, panel.format_combo.currentTextChanged),
            "speech/remote_speed_percent": _Field(lambda percent: panel.speed_spin.setValue(int(percent) / 100),
                                                  lambda: round(panel.speed_spin.value() * 100),
                                                  panel.speed_spin.valueChanged),
            "speech/remote_stream": _Field(lambda stream: panel.stream_check.setChecked(bool(stream)),
                                           panel.stream_check.isChecked, panel.stream_check.toggled),
        }

    def show_stored(self) -> None:
        def show_all() -> None:
            for key, field in self._fields.items():
                field.show(self._store.value(key))
            self._show_engine()

        self._show(show_all)

    # ---- store to panel ---------------------------------------------------------------------
    def _show(self, put: Callable[[], None]) -> None:
        self._showing = True
        try:
            put()
        finally:
            self._showing = False

    def _show_engine(self) -> None:
        combo = self._panel.engine_combo
        if self._store.text("speech/engine") != REMOTE_ENGINE:
            combo.setCurrentIndex(0)
            return
        profile = self._store.text("speech/profile")
        index = combo.findData(profile) if profile else min(1, combo.count() - 1)  # empty: the first profile
        combo.setCurrentIndex(max(0, index))

    def _stored_changed(self, key: str) -> None:
        if key in ENGINE_KEYS:
            self._show(self._show_engine)
        elif key in self._fields:
            self._show(lambda: self._fields[key].show(self._store.value(key)))

    # ---- panel to store ---------------------------------------------------------------------
    def _keep(self, key: str) -> None:
        if not self._showing:
            self._set(key, self._fields[key].read())

    def _keep_engine(self) -> None:
        if self._showing:
            return
        profile = self._panel.engine_combo.currentData()
        if profile is not None:
            self._set("speech/profile", str(profile))
        self._set("speech/engine", LOCAL_ENGINE if profile is None else REMOTE_ENGINE)

    def _set(self, key: str, value: Value) -> None:
        with contextlib.suppress(ValueError):  # a value the preference does not allow: used now, not remembered
            self._store.set_value(key, value)


def _select(combo: QComboBox, voice: str) -> None:
    """The voice by id, else by name; an unknown voice (not listed yet) leaves the choice as it is."""
    index = combo.findData(voice) if voice else 0
    if index < 0:
        index = combo.findText(voice)
    if index >= 0:
        combo.setCurrentIndex(index)


def _spin_rate(rate: int) -> int:
    """0 (the voice's own) is the spin box's special value below RATES; others are kept in its range."""
    return RATES[0] - 1 if rate <= 0 else max(RATES[0], min(RATES[1], rate))
