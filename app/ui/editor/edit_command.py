"""The one QUndoCommand: any core ``TranscriptEdit`` as a step of a document's undo stack."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from app.core.editing.segment_edit import SegmentEdit, TranscriptEdit
from app.ui.editor.edit_texts import translated_edit_name

if TYPE_CHECKING:
    from app.ui.editor.document import Document

MERGEABLE_ID = 1  # every typing step shares it; TranscriptEdit.merge_with decides whether two fold


class TranscriptEditCommand(QUndoCommand):
    """redo applies the edit, undo reverts it; consecutive typing in one segment folds into one step."""

    def __init__(self, document: Document, edit: TranscriptEdit) -> None:
        super().__init__(translated_edit_name(edit.name))
        self._document = document
        self.edit = edit

    def redo(self) -> None:
        self._document.perform(self.edit, forward=True)

    def undo(self) -> None:
        self._document.perform(self.edit, forward=False)

    def id(self) -> int:
        return MERGEABLE_ID if self.edit.mergeable else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, TranscriptEditCommand) or not self.edit.merge_with(other.edit):
            return False
        if isinstance(self.edit, SegmentEdit) and self.edit.changes_nothing:
            self.setObsolete(True)  # typed back to where it started: the stack drops the step
        return True
