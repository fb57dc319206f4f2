"""The Edit menu: undo and redo named after the step, and the segment edits, each with its shortcut.

Every action builds a core edit from the window's document and the table's selection or text
cursor, and the document applies it as one undo step; a refusal is one translated sentence.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QKeyCombination, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QMenu

from app.core.editing.segment_edit import TranscriptEdit
from app.core.editing.segment_list import delete_segments, insert_segment
from app.core.editing.segment_text import merge_with_next, merge_with_previous, split_segment
from app.core.editing.segment_times import shift_segments
from app.core.editing.speakers import assign_speaker, rename_speaker, speaker_names
from app.core.errors import EditError
from app.core.transcript import Transcript
from app.ui.editor.edit_dialogs import AssignSpeakerDialog, RenameSpeakerDialog, ShiftTimesDialog
from app.ui.messages import show_error

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

_CTRL, _SHIFT = Qt.Modifier.CTRL, Qt.Modifier.SHIFT
_Dialog = TypeVar("_Dialog", ShiftTimesDialog, AssignSpeakerDialog, RenameSpeakerDialog)


class EditActions(QObject):
    def __init__(self, window: MainWindow, undo_group: QUndoGroup) -> None:
        super().__init__(window)
        self._window = window
        self.dialog: ShiftTimesDialog | AssignSpeakerDialog | RenameSpeakerDialog | None = None
        self.undo_action = undo_group.createUndoAction(window, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = undo_group.createRedoAction(window, self.tr("&Redo"))
        self.redo_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Redo))
        self.split_action = self._action(self.tr("&Split Segment at Cursor"), _CTRL | _SHIFT | Qt.Key.Key_S,
                                         self.split)
        self.merge_next_action = self._action(self.tr("&Merge with Next"), _CTRL | Qt.Key.Key_J, self.merge_next)
        self.merge_previous_action = self._action(self.tr("Merge with &Previous"), _CTRL | _SHIFT | Qt.Key.Key_J,
                                                  self.merge_previous)
        self.insert_before_action = self._action(self.tr("Insert Segment &Before"),
                                                 _CTRL | _SHIFT | Qt.Key.Key_Return, lambda: self.insert(False))
        self.insert_after_action = self._action(self.tr("Insert Segment &After"), _CTRL | Qt.Key.Key_Return,
                                                lambda: self.insert(True))
        self.delete_action = self._action(self.tr("&Delete Segments"), _CTRL | Qt.Key.Key_Delete, self.delete)
        self.shift_action = self._action(self.tr("Shift &Times…"), _CTRL | _SHIFT | Qt.Key.Key_T,
                                         self.choose_shift)
        self.assign_speaker_action = self._action(self.tr("Assign S&peaker…"), _CTRL | _SHIFT | Qt.Key.Key_A,
                                                  self.choose_speaker)
        self.rename_speaker_action = self._action(self.tr("Re&name Speaker…"), _CTRL | _SHIFT | Qt.Key.Key_R,
                                                  self.choose_rename)
        self.segment_actions = [
            self.split_action, self.merge_next_action, self.merge_previous_action, self.insert_before_action,
            self.insert_after_action, self.delete_action, self.shift_action, self.assign_speaker_action,
            self.rename_speaker_action,
        ]

    def _action(self, text: str, keys: QKeyCombination, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self._window)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        return action

    def fill(self, menu: QMenu) -> None:
        menu.addAction(self.undo_action)
        menu.addAction(self.redo_action)
        menu.addSeparator()
        menu.addActions(self.segment_actions[:3])
        menu.addSeparator()
        menu.addActions(self.segment_actions[3:6])
        menu.addSeparator()
        menu.addActions(self.segment_actions[6:])

    def set_enabled(self, enabled: bool) -> None:
        for action in self.segment_actions:
            action.setEnabled(enabled)

    # ---- the edits ------------------------------------------------------------------------
    def apply(self, make: Callable[[Transcript], TranscriptEdit]) -> bool:
        """Build the edit from the document as it is now and apply it; False (and a sentence) if refused."""
        self._window.transcript_view.finish_editing()
        document = self._window.document
        try:
            document.apply(make(document.transcript))
        except EditError as error:
            show_error(self._window, error.message)
            return False
        return True

    def split(self) -> None:
        view = self._window.transcript_view
        cursor = view.text_cursor() or self._window.text_editing.text_cursor()
        if cursor is None:
            self._window.statusBar().showMessage(self.tr(
                "To split a segment, edit its text (Enter), put the cursor where to cut, then press Ctrl+Shift+S."))
            return
        row, offset = cursor
        if self.apply(lambda t: split_segment(t, row, offset)):
            view.go_to_row(row + 1)

    def merge_next(self) -> None:
        row = self._current_row()
        if row is not None and self.apply(lambda t: merge_with_next(t, row)):
            self._window.transcript_view.go_to_row(row)

    def merge_previous(self) -> None:
        row = self._current_row()
        if row is not None and self.apply(lambda t: merge_with_previous(t, row)):
            self._window.transcript_view.go_to_row(row - 1)

    def insert(self, after: bool) -> None:
        row = self._current_row()
        anchor = 0 if row is None else row
        new_row = anchor + 1 if after and self._window.document.transcript.segments else anchor
        if self.apply(lambda t: insert_segment(t, anchor, after)):
            view = self._window.transcript_view
            view.go_to_row(new_row)
            view.edit(view.currentIndex())

    def delete(self) -> None:
        rows = self._window.transcript_view.selected_rows()
        if self.apply(lambda t: delete_segments(t, rows)) and rows:
            remaining = len(self._window.document.transcript.segments)
            self._window.transcript_view.go_to_row(min(rows[0], remaining - 1))

    def _current_row(self) -> int | None:
        return self._window.transcript_view.current_row()

    # ---- the dialogs ------------------------------------------------------------------------
    def choose_shift(self) -> ShiftTimesDialog:
        rows = self._window.transcript_view.selected_rows()
        dialog = ShiftTimesDialog(len(rows), self._window)
        dialog.accepted.connect(lambda: self.apply(lambda t: shift_segments(
            t, rows if dialog.selected_only.isChecked() else None, dialog.milliseconds.value())))
        return self._open(dialog)

    def choose_speaker(self) -> AssignSpeakerDialog:
        rows = self._window.transcript_view.selected_rows()
        transcript = self._window.document.transcript
        current = transcript.segments[rows[0]].speaker if rows else None
        dialog = AssignSpeakerDialog(speaker_names(transcript), current, self._window)
        dialog.accepted.connect(lambda: self.apply(lambda t: assign_speaker(t, rows, dialog.name())))
        return self._open(dialog)

    def choose_rename(self) -> RenameSpeakerDialog | None:
        transcript = self._window.document.transcript
        speakers = speaker_names(transcript)
        if not speakers:
            show_error(self._window, self.tr("No segment has a speaker yet; assign one first (Ctrl+Shift+A)."))
            return None
        row = self._current_row()
        current = transcript.segments[row].speaker if row is not None else None
        dialog = RenameSpeakerDialog(speakers, current, self._window)
        dialog.accepted.connect(lambda: self.apply(
            lambda t: rename_speaker(t, dialog.old_name.currentText(), dialog.new_name.text())))
        return self._open(dialog)

    def _open(self, dialog: _Dialog) -> _Dialog:
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

