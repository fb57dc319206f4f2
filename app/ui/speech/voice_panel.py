"""The voice panel: which voice reads the transcript aloud, and how.

A dock under the transcript (the window is already as wide as its options bar) with Speak and
Stop, the sentence being read, and the engine (this computer's voice through pyttsx3, or an OpenAI-compatible profile's
/audio/speech), then the engine's own settings: voice, rate and volume for the local voice; model,
voice, format, speed and streaming for a profile. Listing the local voices starts a pyttsx3
process (espeak-ng takes a while), so it runs off the GUI thread the first time the panel shows.
``voice()`` is what the panel says now.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDockWidget,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import EarshotError
from app.core.preferences import DEFAULT_SPEECH_MODEL
from app.core.remote_profiles import RemoteProfileStore
from app.core.streamed_audio import REMOTE_SPEECH_FORMATS
from app.engines.speech_output import LocalSpeechSynthesiser, SpeechSettings, Voice
from app.engines.speech_reading import RemoteVoice, SpeechVoice
from app.ui.background_calls import BackgroundCalls

OPENAI_VOICES = ("alloy", "ash", "coral", "echo", "fable", "nova", "onyx", "sage", "shimmer")
COMBO_CHARACTERS = 18
ENGINE_CHARACTERS = 24  # "This computer's voice" and a profile's name, whole
RATES = (80, 400)  # words per minute; one below is "the voice's own"
W = TypeVar("W", bound=QWidget)


class VoicePanel(QDockWidget):
    voices_shown = Signal()  # this computer's voices are listed in voice_combo
    engines_filled = Signal()  # engine_combo lists the profiles again

    def __init__(self, profiles: RemoteProfileStore, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Voice"), parent)
        self.setObjectName("voicePanel")
        self.setAccessibleName(self.tr("Voice panel"))
        self._profiles = profiles
        self._calls = BackgroundCalls(self)
        self.voices_listed = False
        body = QWidget(self)
        body.setObjectName("voicePanelBody")
        layout = QVBoxLayout(body)
        top = self._buttons(actions)
        self.reading_label = QLabel(body)
        self.reading_label.setObjectName("readingLabel")
        self.reading_label.setTextFormat(Qt.TextFormat.PlainText)
        self.reading_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # long text: cut
        top.addWidget(self.reading_label, 1)
        layout.addLayout(top)
        settings = QHBoxLayout()
        self.engine_combo = self._labelled(settings, self.tr("&Engine:"), QComboBox(body))
        self.engine_combo.setMinimumContentsLength(ENGINE_CHARACTERS)
        settings.addStretch(1)
        layout.addLayout(settings)
        self.engine_settings = QStackedWidget(body)  # the local voice's settings, or a profile's
        self.local_settings = self._local_form(self.engine_settings)
        self.remote_settings = self._remote_form(self.engine_settings)
        self.engine_settings.addWidget(self.local_settings)
        self.engine_settings.addWidget(self.remote_settings)
        layout.addWidget(self.engine_settings)
        self.setWidget(body)
        self.engine_combo.currentIndexChanged.connect(self._engine_changed)
        self.fill_engines()

    # ---- building -------------------------------------------------------------------------
    def _buttons(self, actions: list[QAction]) -> QHBoxLayout:
        row = QHBoxLayout()
        for action in actions:
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setAccessibleName(action.text().replace("&", ""))
            row.addWidget(button)
        return row

    @staticmethod
    def _labelled(row: QHBoxLayout | QGridLayout, text: str, widget: W) -> W:
        if isinstance(widget, QComboBox):  # a long voice or profile name must not widen the window
            widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            widget.setMinimumContentsLength(COMBO_CHARACTERS)
        label = QLabel(text)
        label.setBuddy(widget)
        widget.setAccessibleName(text.replace("&", "").rstrip(":"))
        if isinstance(row, QGridLayout):  # two label-and-field pairs a line, so the panel stays narrow
            pair = row.count() // 2
            row.addWidget(label, pair // 2, (pair % 2) * 2)
            row.addWidget(widget, pair // 2, (pair % 2) * 2 + 1)
            return widget
        row.addWidget(label)
        row.addWidget(widget)
        row.addSpacing(8)
        return widget

    @staticmethod
    def _row_box(parent: QWidget) -> tuple[QWidget, QGridLayout]:
        box = QWidget(parent)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(4, 1)
        return box, grid

    def _local_form(self, parent: QWidget) -> QWidget:
        box, form = self._row_box(parent)
        self.voice_combo = self._labelled(form, self.tr("&Voice:"), QComboBox(box))
        self.voice_combo.addItem(self.tr("System default"), None)
        self.rate_spin = self._labelled(form, self.tr("&Rate:"), QSpinBox(box))
        self.rate_spin.setRange(RATES[0] - 1, RATES[1])
        self.rate_spin.setSpecialValueText(self.tr("The voice's own"))
        self.rate_spin.setSuffix(self.tr(" words/min"))
        self.rate_spin.setValue(RATES[0] - 1)
        self.volume_slider = self._labelled(form, self.tr("Vol&ume:"), QSlider(Qt.Orientation.Horizontal, box))
        self.volume_slider.setRange(0, 100)
        self.volume_slider.setValue(100)
        self.volume_slider.setMinimumWidth(120)
        return box

    def _remote_form(self, parent: QWidget) -> QWidget:
        box, form = self._row_box(parent)
        self.model_edit = self._labelled(form, self.tr("&Model:"), QLineEdit(DEFAULT_SPEECH_MODEL, box))
        self.remote_voice_combo = self._labelled(form, self.tr("V&oice:"), QComboBox(box))
        self.remote_voice_combo.setEditable(True)
        self.remote_voice_combo.addItems(OPENAI_VOICES)
        self.format_combo = self._labelled(form, self.tr("&Format:"), QComboBox(box))
        self.format_combo.addItems(REMOTE_SPEECH_FORMATS)
        self.format_combo.setMinimumContentsLength(4)
        self.format_combo.setToolTip(self.tr("WAV and PCM start playing with the first audio that arrives."))
        self.speed_spin = self._labelled(form, self.tr("&Speed:"), QDoubleSpinBox(box))
        self.speed_spin.setRange(0.25, 4.0)
        self.speed_spin.setSingleStep(0.25)
        self.speed_spin.setValue(1.0)
        self.stream_check = QCheckBox(self.tr("Ask the server to s&tream (Xinference)"), box)
        self.stream_check.setAccessibleName(self.tr("Ask the server to stream"))
        form.addWidget(self.stream_check, form.rowCount(), 0, 1, 4)
        return box

    def fill_engines(self) -> None:
        """The local voice, then every OpenAI-compatible profile (again after the profiles change)."""
        current = self.engine_combo.currentData()
        self.engine_combo.blockSignals(True)
        self.engine_combo.clear()
        self.engine_combo.addItem(self.tr("This computer's voice"), None)
        try:
            profiles = [p for p in self._profiles.load() if p.kind == "openai"]
        except EarshotError:
            profiles = []  # a damaged profiles file is reported where profiles are edited
        for profile in profiles:
            self.engine_combo.addItem(self.tr("{name} (speech from the server)").replace("{name}", profile.name),
                                      profile.name)
        found = self.engine_combo.findData(current)
        self.engine_combo.setCurrentIndex(max(0, found))
        self.engine_combo.blockSignals(False)
        self._engine_changed()
        self.engines_filled.emit()

    def _engine_changed(self) -> None:
        remote = self.engine_combo.currentData() is not None
        self.engine_settings.setCurrentWidget(self.remote_settings if remote else self.local_settings)

    # ---- the local voices ---------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.list_voices()

    def list_voices(self) -> None:
        if self.voices_listed:
            return
        self.voices_listed = True
        self.voice_combo.setEnabled(False)
        self.reading_label.setText(self.tr("Listing this computer's voices…"))
        self._calls.run(LocalSpeechSynthesiser().voices, self._show_voices, self._voices_failed, name="speech voices")

    def _show_voices(self, voices: list[Voice]) -> None:
        for voice in sorted(voices, key=lambda v: v.name.casefold()):
            self.voice_combo.addItem(voice.name, voice.id)
        self.voice_combo.setEnabled(True)
        self.reading_label.clear()
        self.voices_shown.emit()

    def _voices_failed(self, sentence: str) -> None:
        self.voice_combo.setEnabled(True)
        self.reading_label.setText(sentence)

    # ---- what the panel says --------------------------------------------------------------------
    def voice(self) -> SpeechVoice:
        profile = self.engine_combo.currentData()
        rate = self.rate_spin.value()
        local = SpeechSettings(self.voice_combo.currentData(), rate if rate >= RATES[0] else None,
                               self.volume_slider.value() / 100)
        if profile is None:
            return SpeechVoice(local)
        remote = RemoteVoice(str(profile), self.model_edit.text().strip() or DEFAULT_SPEECH_MODEL,
                             self.remote_voice_combo.currentText().strip() or OPENAI_VOICES[0],
                             self.format_combo.currentText(), self.speed_spin.value(), self.stream_check.isChecked())
        return SpeechVoice(local, remote)

    def show_reading(self, sentence: str) -> None:
        self.reading_label.setText(sentence)
