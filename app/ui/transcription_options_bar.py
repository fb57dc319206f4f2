"""The row above the transcript: which model, language, task and channel, and Transcribe."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QPushButton, QToolBar, QWidget

from app.core.languages import LANGUAGES
from app.engines.base import Task
from app.engines.installed_models import ModelOrigin, installed_models
from app.engines.model_store import BUNDLED_MODELS, DEFAULT_MODEL

# The bundled models' descriptions, listed so Qt Linguist extracts them.
MODEL_DESCRIPTIONS = (
    QT_TRANSLATE_NOOP("TranscriptionOptionsBar", "Base, multilingual (translates)"),
    QT_TRANSLATE_NOOP("TranscriptionOptionsBar", "Tiny, English only (fast)"),
)
AUTO_LANGUAGE = "auto"
MIXED_CHANNELS = -1


class TranscriptionOptionsBar(QFrame):
    """The choices sit in a tool bar: in a narrow window those that do not fit move into its » menu,
    and Transcribe stays in view at the right."""

    def __init__(self, transcribe_action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("optionsBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setSpacing(8)
        self._choices = QToolBar(self)
        self._choices.setObjectName("optionsChoices")
        self._choices.setMovable(False)
        self._choices.setFloatable(False)
        layout.addWidget(self._choices, 1)
        self.model_combo = self._combo("modelCombo")
        self._local_model_count = 0
        self.refresh_models()
        self.model_combo.setCurrentIndex(self.model_combo.findData(DEFAULT_MODEL))
        self.language_combo = self._combo("languageCombo")
        self.language_combo.addItem(self.tr("Detect automatically"), AUTO_LANGUAGE)
        for code, name in sorted(LANGUAGES.items(), key=lambda item: item[1]):
            self.language_combo.addItem(self.tr(name), code)
        self.language_combo.setMaxVisibleItems(20)
        self.task_combo = self._combo("taskCombo")
        self.task_combo.addItem(self.tr("Transcribe"), "transcribe")
        self.task_combo.addItem(self.tr("Translate to English"), "translate")
        self.channel_combo = self._combo("channelCombo")
        self.channel_label = QLabel(self.tr("Channel"), self)
        for text, combo in (
            (self.tr("Model"), self.model_combo),
            (self.tr("Language"), self.language_combo),
            (self.tr("Task"), self.task_combo),
        ):
            self._add_labelled(QLabel(text, self), combo)
        self._channel_actions = self._add_labelled(self.channel_label, self.channel_combo)
        for combo in (self.model_combo, self.language_combo, self.task_combo):
            _fit_to_longest_item(combo)
        self.transcribe_button = QPushButton(transcribe_action.icon(), self.tr("Transcribe"), self)
        self.transcribe_button.setObjectName("transcribeButton")
        self.transcribe_button.setToolTip(transcribe_action.shortcut().toString())
        self.transcribe_button.clicked.connect(transcribe_action.trigger)
        transcribe_action.enabledChanged.connect(self.transcribe_button.setEnabled)
        self.transcribe_button.setEnabled(transcribe_action.isEnabled())
        layout.addWidget(self.transcribe_button)
        self.set_channel_count(0)

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    def _add_labelled(self, label: QLabel, widget: QWidget) -> tuple[QAction, ...]:
        """The label (the widget's buddy) and the widget as one tool-bar item, so they overflow into the
        » menu together; its action shows or hides them."""
        label.setBuddy(widget)
        label.setObjectName("optionLabel")
        pair = QWidget(self)
        row = QHBoxLayout(pair)
        row.setContentsMargins(0, 0, 4, 0)
        row.setSpacing(6)
        row.addWidget(label)
        row.addWidget(widget)
        return (self._choices.addWidget(pair),)

    def add_option(self, widget: QWidget) -> None:
        """Another choice of the transcription (from its own controller), after the built-in ones."""
        self._choices.addWidget(widget)

    def refresh_models(self) -> None:
        """Put the models on this machine now first in the choices (remote entries after them stay), keeping
        the one chosen if it is still there."""
        chosen = self.model_combo.currentData()
        self.model_combo.blockSignals(True)
        for _ in range(self._local_model_count):
            self.model_combo.removeItem(0)
        models = installed_models()
        for index, model in enumerate(models):
            if model.origin is ModelOrigin.BUNDLED:
                label = self.tr(BUNDLED_MODELS[model.key].description)
            elif model.origin is ModelOrigin.DOWNLOADED:
                label = self.tr("{name} (downloaded)").replace("{name}", model.name)
            else:
                label = self.tr("{name} (folder)").replace("{name}", model.name)
            self.model_combo.insertItem(index, label, model.key)
        self._local_model_count = len(models)
        self.model_combo.blockSignals(False)
        found = self.model_combo.findData(chosen)
        self.model_combo.setCurrentIndex(found if found >= 0 else self.model_combo.findData(DEFAULT_MODEL))

    def model(self) -> str:
        return str(self.model_combo.currentData())

    def language(self) -> str | None:
        code = self.language_combo.currentData()
        return None if code == AUTO_LANGUAGE else code

    def task(self) -> Task:
        task: Task = self.task_combo.currentData()
        return task

    def channel(self) -> int | None:
        if not self.channel_combo.count():
            return None
        channel = self.channel_combo.currentData()
        return None if channel == MIXED_CHANNELS else channel

    def set_channel_count(self, channels: int) -> None:
        """Offer a channel choice only for files with more than one channel."""
        self.channel_combo.clear()
        if channels >= 2:
            self.channel_combo.addItem(self.tr("All (mixed)"), MIXED_CHANNELS)
            names = [self.tr("Left"), self.tr("Right")] if channels == 2 else []
            for index in range(channels):
                label = names[index] if names else self.tr("Channel {n}").replace("{n}", str(index + 1))
                self.channel_combo.addItem(label, index)
        for action in self._channel_actions:  # a tool bar's widget is shown or hidden through its action
            action.setVisible(channels >= 2)

    def set_busy(self, busy: bool) -> None:
        for combo in (self.model_combo, self.language_combo, self.task_combo, self.channel_combo):
            combo.setEnabled(not busy)


def _fit_to_longest_item(combo: QComboBox) -> None:
    """Room for the longest item plus the style sheet's padding and arrow, which size hints miss."""
    combo.ensurePolished()  # the style sheet's font, not the default one
    metrics = combo.fontMetrics()
    longest = max(metrics.horizontalAdvance(combo.itemText(i)) for i in range(combo.count()))
    combo.setMinimumWidth(longest + 48)
