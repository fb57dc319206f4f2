"""The Edit menu through its shortcuts and dialogs: split, merge, insert, delete, shift, speakers; long undo chains."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QMessageBox

from app.core.transcript import Segment
from app.ui.main_window import MainWindow
from app.ui.transcript_table_model import TranscriptTableModel
from tests.ui.editor.conftest import podcast, texts

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def key(qtbot, window: MainWindow, name: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    target = window.transcript_view.open_editor() or window.transcript_view
    qtbot.keyClick(target, name, modifiers)


def select_rows(window: MainWindow, *rows: int) -> None:
    view = window.transcript_view
    view.go_to_row(rows[0])
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    for row in rows:
        view.selectionModel().select(view.model().index(row, 0), flags)
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows


def test_every_edit_action_has_a_shortcut_shown_in_the_edit_menu(editing_window: MainWindow) -> None:
    menu = next(a.menu() for a in editing_window.menuBar().actions() if a.text() == "&Edit")
    actions = [a for a in menu.actions() if not a.isSeparator()]
    assert len(actions) == 16  # 11 edits, Find, Replace, Next and Previous Uncertain Word, Preferences
    assert all(not a.shortcut().isEmpty() for a in actions)
    assert editing_window.edit_actions.split_action.shortcut().toString() == "Ctrl+Shift+S"


def test_split_at_the_text_cursor_between_words_keeps_word_times(qtbot, editing_window: MainWindow) -> None:
    window = editing_window
    view = window.transcript_view
    view.go_to_row(1, TranscriptTableModel.TEXT_COLUMN)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    view.open_editor().setCursorPosition(len("Today we talk"))
    key(qtbot, window, Qt.Key.Key_S, CTRL | SHIFT)
    left, right = window.document.transcript.segments[1:3]
    assert (left.text, right.text) == ("Today we talk", "about rivers")
    assert left.end == 5.4 and right.start == 5.5  # the boundary between "talk" and "about"
    assert view.currentIndex().row() == 2
    assert window.edit_actions.undo_action.text() == "&Undo Split Segment"


def test_split_without_a_text_cursor_says_how(qtbot, editing_window: MainWindow) -> None:
    key(qtbot, editing_window, Qt.Key.Key_S, CTRL | SHIFT)
    assert "put the cursor where to cut" in editing_window.statusBar().currentMessage()
    assert editing_window.document.undo_stack.count() == 0


def test_merge_insert_delete_and_a_refusal(qtbot, editing_window: MainWindow) -> None:
    window = editing_window
    window.transcript_view.go_to_row(1)
    key(qtbot, window, Qt.Key.Key_J, CTRL)
    assert texts(window)[1] == "Today we talk about rivers They shape the land"
    key(qtbot, window, Qt.Key.Key_J, CTRL | SHIFT)
    assert texts(window)[0].startswith("Welcome back to the show Today")
    assert len(texts(window)) == 3
    key(qtbot, window, Qt.Key.Key_Return, CTRL)  # insert after, and type into it
    editor = window.transcript_view.open_editor()
    assert editor is not None and window.transcript_view.currentIndex().row() == 1
    qtbot.keyClicks(editor, "A new line")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.transcript_view.open_editor() is None, timeout=2000)
    assert texts(window)[1] == "A new line"
    select_rows(window, 0, 1)
    key(qtbot, window, Qt.Key.Key_Delete, CTRL)
    assert texts(window) == ["And we drink from them", "Thanks for listening"]
    window.transcript_view.go_to_row(1)
    key(qtbot, window, Qt.Key.Key_J, CTRL)
    box = window.findChild(QMessageBox, "errorMessage")
    assert box.text() == "The last segment has no next segment to merge with."


def test_shift_the_selected_segments_in_the_dialog(qtbot, editing_window: MainWindow) -> None:
    window = editing_window
    select_rows(window, 1, 2)
    key(qtbot, window, Qt.Key.Key_T, CTRL | SHIFT)
    dialog = window.edit_actions.dialog
    qtbot.waitExposed(dialog)
    assert dialog.selected_only.isChecked()
    qtbot.keyClicks(dialog.milliseconds, "-250")
    qtbot.keyClick(dialog.milliseconds, Qt.Key.Key_Return)
    starts = [s.start for s in window.document.transcript.segments]
    assert starts == [0.0, 3.75, 7.75, 12.0, 16.0]
    assert window.document.transcript.segments[1].words[0].start == 3.75
    assert window.edit_actions.undo_action.text() == "&Undo Shift Times"


def test_assign_a_new_speaker_and_rename_one_everywhere(qtbot, editing_window: MainWindow) -> None:
    window = editing_window
    select_rows(window, 3, 4)
    key(qtbot, window, Qt.Key.Key_A, CTRL | SHIFT)
    dialog = window.edit_actions.dialog
    qtbot.waitExposed(dialog)
    assert [dialog.speaker.itemText(i) for i in range(dialog.speaker.count())] == ["Ada", "Bo"]
    dialog.speaker.lineEdit().selectAll()
    qtbot.keyClicks(dialog.speaker.lineEdit(), "Cy")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert [s.speaker for s in window.document.transcript.segments] == ["Ada", "Bo", "Ada", "Cy", "Cy"]
    window.transcript_view.go_to_row(0)
    key(qtbot, window, Qt.Key.Key_R, CTRL | SHIFT)
    dialog = window.edit_actions.dialog
    qtbot.waitExposed(dialog)
    assert dialog.old_name.currentText() == "Ada"
    dialog.new_name.setText("Ada Lovelace")
    dialog.accept()
    assert [s.speaker for s in window.document.transcript.segments][:3] == ["Ada Lovelace", "Bo", "Ada Lovelace"]
    assert window.document.undo_stack.count() == 2


def test_a_long_chain_of_edits_undoes_and_redoes_step_by_step(qtbot, editing_window: MainWindow) -> None:
    window = editing_window
    view = window.transcript_view
    states: list[list[Segment]] = [list(window.document.transcript.segments)]

    def record() -> None:
        states.append(list(window.document.transcript.segments))
        assert window.document.undo_stack.count() == len(states) - 1

    for round_number in range(3):
        view.go_to_row(0, TranscriptTableModel.TEXT_COLUMN)
        qtbot.keyClick(view, Qt.Key.Key_Return)
        view.open_editor().setCursorPosition(len("Welcome"))
        key(qtbot, window, Qt.Key.Key_S, CTRL | SHIFT)
        record()
        view.go_to_row(0)
        key(qtbot, window, Qt.Key.Key_J, CTRL)
        record()
        view.go_to_row(round_number + 1, TranscriptTableModel.TEXT_COLUMN)
        qtbot.keyClick(view, Qt.Key.Key_Return)
        editor = view.open_editor()
        editor.end(False)
        qtbot.keyClicks(editor, f" {round_number}")
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: view.open_editor() is None, timeout=2000)
        record()
        key(qtbot, window, Qt.Key.Key_Return, CTRL)
        qtbot.keyClick(view.open_editor(), Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: view.open_editor() is None, timeout=2000)
        record()
        view.go_to_row(view.currentIndex().row())
        key(qtbot, window, Qt.Key.Key_Delete, CTRL)
        record()
    assert window.document.transcript.segments[0].text == "Welcome back to the show"
    for expected in reversed(states[:-1]):
        key(qtbot, window, Qt.Key.Key_Z, CTRL)
        assert window.document.transcript.segments == expected
    assert window.document.transcript.segments == podcast().segments
    assert not window.document.is_modified
    for expected in states[1:]:
        key(qtbot, window, Qt.Key.Key_Z, CTRL | SHIFT)
        assert window.document.transcript.segments == expected
    assert window.document.is_modified and window.isWindowModified()
