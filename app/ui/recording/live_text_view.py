"""The live transcript while recording: committed text as written, the tentative tail greyed and replaced as it changes.

One flowing text, not table rows: a live pass cuts segments at arbitrary points, and the words
read best as a caption. Only the tail after the committed text is ever rewritten, so text the
reader has already seen never moves. Plain text inserted through a cursor (never HTML: the
words come from a recogniser or a server).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit, QWidget

from app.core.transcript import Segment


class LiveTextView(QTextEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("liveTextView")
        self.setReadOnly(True)
        self.setAccessibleName(self.tr("Live transcript"))
        self.setPlaceholderText(self.tr("The words appear here a few seconds after they are spoken."))
        self._committed_end = 0  # the document position where the tentative tail starts
        self.committed_text = ""
        self.tentative_text = ""
        self._committed_format = QTextCharFormat()
        self._tentative_format = QTextCharFormat()
        self._tentative_format.setForeground(QColor("#8a8f98"))
        self._tentative_format.setFontItalic(True)

    def add_committed(self, segments: list[Segment]) -> None:
        text = " ".join(s.text.strip() for s in segments if s.text.strip())
        if not text:
            return
        addition = f" {text}" if self.committed_text else text
        self.committed_text += addition
        cursor = self._tail_cursor()
        cursor.removeSelectedText()
        cursor.insertText(addition, self._committed_format)
        self._committed_end = cursor.position()
        self.tentative_text = ""  # it held these words; the session sends the new tail next

    def set_tentative(self, text: str) -> None:
        self.tentative_text = text.strip()
        cursor = self._tail_cursor()
        cursor.removeSelectedText()
        self._write_tail()

    def clear_text(self) -> None:
        self.clear()
        self._committed_end = 0
        self.committed_text = self.tentative_text = ""

    def _tail_cursor(self) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._committed_end)
        cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _write_tail(self) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._committed_end)
        if self.tentative_text:
            cursor.insertText((" " if self.committed_text else "") + self.tentative_text, self._tentative_format)
        self.verticalScrollBar().setValue(self.verticalScrollBar().maximum())
