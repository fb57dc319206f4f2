"""The two dialogs of Re-transcribe Selection: the options to recognise the passage with, and the preview.

The options are the window's own option row (TranscriptionOptionsBar: model or remote profile,
language, task) without its Transcribe button, starting from the window's choices, plus a prompt.
The preview shows the passage's text before and after, to accept or discard.
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.engines.base import Task
from app.ui.remote_engine_choice import RemoteEngineChoice
from app.ui.transcription_options_bar import TranscriptionOptionsBar


class PassageOptionsDialog(QDialog):
    def __init__(self, window_options: TranscriptionOptionsBar, remote: RemoteEngineChoice, prompt: str,
                 span: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Re-transcribe Selection"))
        self.options_bar = TranscriptionOptionsBar(QAction(self), self)
        self.options_bar.transcribe_button.hide()
        remote.fill(self.options_bar.model_combo)
        for mine, theirs in ((self.options_bar.model_combo, window_options.model_combo),
                             (self.options_bar.language_combo, window_options.language_combo),
                             (self.options_bar.task_combo, window_options.task_combo)):
            mine.setCurrentIndex(max(0, mine.findData(theirs.currentData())))
        self.prompt_edit = QLineEdit(prompt, self)
        self.prompt_edit.setPlaceholderText(self.tr("Names and terms to expect"))
        prompt_label = QLabel(self.tr("&Prompt"), self)
        prompt_label.setBuddy(self.prompt_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        start = buttons.addButton(self.tr("&Re-transcribe"), QDialogButtonBox.ButtonRole.AcceptRole)
        start.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Recognise {span} again with:").replace("{span}", span), self))
        layout.addWidget(self.options_bar)
        layout.addWidget(prompt_label)
        layout.addWidget(self.prompt_edit)
        layout.addWidget(buttons)

    def model_choice(self) -> str:
        return self.options_bar.model()

    def language(self) -> str | None:
        return self.options_bar.language()

    def task(self) -> Task:
        return self.options_bar.task()

    def prompt(self) -> str | None:
        return self.prompt_edit.text().strip() or None


class PassagePreviewDialog(QDialog):
    """Before and after, side by side; Accept replaces the passage (one undo step), Discard keeps it."""

    def __init__(self, before: str, after: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Re-transcribed Passage"))
        self.resize(720, 320)
        self.before_view = self._text_view(before, self.tr("Text before"))
        self.after_view = self._text_view(after, self.tr("Text after"))
        grid = QGridLayout()
        for column, (caption, view) in enumerate(((self.tr("&Before"), self.before_view),
                                                  (self.tr("&After"), self.after_view))):
            label = QLabel(caption, self)
            label.setBuddy(view)
            grid.addWidget(label, 0, column)
            grid.addWidget(view, 1, column)
        buttons = QDialogButtonBox(self)
        self.accept_button = buttons.addButton(self.tr("A&ccept"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.discard_button = buttons.addButton(self.tr("&Discard"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(buttons)

    def _text_view(self, text: str, name: str) -> QPlainTextEdit:
        view = QPlainTextEdit(text, self)
        view.setReadOnly(True)
        view.setAccessibleName(name)
        return view
