"""Editing a cell of the segment table: a line edit per cell, text typed straight into the document.

Text is committed at each keystroke (the document folds typing in one segment into one undo
step, and autosave sees it); a time or a speaker is committed when editing ends, so a half-typed
time is not refused. Undo and Redo keys go to the document's stack, not the line edit's own.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QCompleter, QLineEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from app.core.editing.speakers import speaker_names
from app.ui.transcript_table_model import TranscriptTableModel

_Index = QModelIndex | QPersistentModelIndex
_STACK_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)


class SegmentDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setFrame(False)
        editor.installEventFilter(self)
        column = index.column()
        if column == TranscriptTableModel.TEXT_COLUMN:
            editor.setObjectName("segmentTextEditor")
            editor.setAccessibleName(self.tr("Segment text"))
            editor.textEdited.connect(lambda _text: self.commitData.emit(editor))
        elif column == TranscriptTableModel.SPEAKER_COLUMN:
            editor.setObjectName("speakerEditor")
            editor.setAccessibleName(self.tr("Speaker"))
            editor.setPlaceholderText(self.tr("Speaker name"))
            model = index.model()
            if isinstance(model, TranscriptTableModel):
                completer = QCompleter(speaker_names(model.transcript), editor)
                completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
                editor.setCompleter(completer)
        else:
            editor.setObjectName("timeEditor")
            start = column == TranscriptTableModel.START_COLUMN
            editor.setAccessibleName(self.tr("Start time") if start else self.tr("End time"))
            editor.setToolTip(self.tr("Type a time as 1:02:03.456, 62:03.4 or 3723.456 (seconds)."))
            editor.setAlignment(Qt.AlignmentFlag.AlignRight)
        return editor

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        """Only a real change reaches the editor: rewriting the same text would move the cursor."""
        if isinstance(editor, QLineEdit):
            value = str(index.data(Qt.ItemDataRole.EditRole) or "")
            if editor.text() != value:
                position = editor.cursorPosition()
                editor.setText(value)
                editor.setCursorPosition(min(position, len(value)))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        if isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.ShortcutOverride and any(
            event.matches(key) for key in _STACK_KEYS
        ):
            event.ignore()  # not the line edit's own undo: the window's Undo and Redo act on the document
            return True
        return super().eventFilter(watched, event)
