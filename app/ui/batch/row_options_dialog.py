"""Options… for some rows of the batch: their model, language and task (the choices of the window's options bar)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QPushButton, QVBoxLayout

from app.core.batch.items import BatchItem
from app.ui.remote_engine_choice import remote_profile_name
from app.ui.transcription_options_bar import AUTO_LANGUAGE

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


class RowOptionsDialog(QDialog):
    def __init__(self, window: MainWindow, first: BatchItem, count: int) -> None:
        super().__init__(window)
        self.setObjectName("batchRowOptions")
        self.setWindowTitle(self.tr("Batch File Options"))
        self._window = window
        bar = window.options_bar
        self.model_combo = _copy_of(bar.model_combo)
        self.language_combo = _copy_of(bar.language_combo)
        self.task_combo = _copy_of(bar.task_combo)
        self._show(first.engine_choice, first.options.get("language") or AUTO_LANGUAGE,
                   first.options.get("task", "transcribe"))
        self.heading = QLabel(self.tr("These options apply to {count} selected files that are not running.").replace(
            "{count}", str(count)) if count > 1 else self.tr("These options apply to “{name}”.").replace(
            "{name}", first.media_path.name), self)
        self.heading.setWordWrap(True)
        form = QFormLayout()
        for text, combo in ((self.tr("&Model"), self.model_combo), (self.tr("&Language"), self.language_combo),
                            (self.tr("&Task"), self.task_combo)):
            label = QLabel(text, self)
            label.setBuddy(combo)
            combo.setAccessibleName(text.replace("&", ""))
            form.addRow(label, combo)
        self.use_window_button = QPushButton(self.tr("Use the &Window's Options"), self)
        self.use_window_button.setAccessibleName(self.tr("Use the window's options"))
        self.use_window_button.clicked.connect(
            lambda: self._show(bar.model(), bar.language() or AUTO_LANGUAGE, bar.task()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.use_window_button)
        layout.addWidget(buttons)

    def _show(self, choice: str, language: str, task: str) -> None:
        for combo, value in ((self.model_combo, choice), (self.language_combo, language), (self.task_combo, task)):
            found = combo.findData(value)
            if found >= 0:
                combo.setCurrentIndex(found)

    def chosen(self) -> tuple[str, str, dict[str, Any]]:
        """The model choice, its label, and the options it changes."""
        choice = str(self.model_combo.currentData())
        language = self.language_combo.currentData()
        options: dict[str, Any] = {"language": None if language == AUTO_LANGUAGE else language,
                                   "task": self.task_combo.currentData()}
        if remote_profile_name(choice) is None:
            options["model"] = choice
        return choice, self.model_combo.currentText(), options


def _copy_of(source: QComboBox) -> QComboBox:
    combo = QComboBox()
    for index in range(source.count()):
        if source.itemData(index) is not None:  # separators have none
            combo.addItem(source.itemText(index), source.itemData(index))
    return combo
