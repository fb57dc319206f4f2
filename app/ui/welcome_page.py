"""What the empty window shows: a short welcome, with a button for each way to begin.

The buttons mirror actions of the window (their text, shortcut and whether they can be used now), so
a new way to begin, such as File ▸ New Recording, is one more action in the list.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


def plain_text(text: str) -> str:
    """An action's text without its mnemonic: "&Open…" → "Open…", "打开(&O)…" → "打开…"."""
    return re.sub(r"&(&?)", r"\1", re.sub(r"\(&\w\)", "", text))  # "&&" is an ampersand


class WelcomePage(QWidget):
    def __init__(self, actions: Sequence[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)  # the style sheet's frame and ground
        self.setAccessibleName(self.tr("Welcome"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        layout.addStretch(1)
        heading = QLabel(self.tr("Welcome to Earshot"), self)
        heading.setObjectName("welcomeHeading")
        layout.addWidget(heading, 0, Qt.AlignmentFlag.AlignHCenter)
        for text in (
            self.tr("Open an audio or video file, a transcript or a project, or drop one here; "
                    "then press Transcribe."),
            self.tr("The bundled model works on this computer with no download and no network. "
                    "A remote service can do the work instead."),
        ):
            label = QLabel(text, self)
            label.setObjectName("welcomeText")
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(label)
        self._buttons_row = QHBoxLayout()
        self._buttons_row.setSpacing(12)
        self._buttons_row.addStretch(1)
        self._buttons_row.addStretch(1)
        layout.addSpacing(12)
        layout.addLayout(self._buttons_row)
        layout.addStretch(2)
        self.buttons: list[QPushButton] = []
        for action in actions:
            self.add_action(action)

    def add_action(self, action: QAction) -> QPushButton:
        """A button that does what ``action`` does, after the ones before it."""
        button = QPushButton(action.icon(), "", self)
        button.setObjectName("welcomeButton")
        button.clicked.connect(action.trigger)
        action.changed.connect(lambda: _mirror(button, action))
        _mirror(button, action)
        self._buttons_row.insertWidget(self._buttons_row.count() - 1, button)
        self.buttons.append(button)
        return button


def _mirror(button: QPushButton, action: QAction) -> None:
    text = plain_text(action.text())
    button.setText(text)
    button.setAccessibleName(text)
    shortcut = action.shortcut().toString(action.shortcut().SequenceFormat.NativeText)
    button.setToolTip(shortcut)
    button.setEnabled(action.isEnabled())
    button.setVisible(action.isVisible())
