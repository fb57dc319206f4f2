"""Transcription ▸ Re-transcribe Selection…: jfk.flac's garbled middle recognised again with tiny.en, previewed,
accepted as one undo step (undo brings the old text back, redo the new), or discarded."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QTextCursor

from app.core.transcript import Segment, Transcript
from app.ui.editor.document import Document
from app.ui.main_window import MainWindow
from app.ui.passage_dialogs import PassageOptionsDialog
from tests.speech import word_error_rate

MIDDLE = "ask not what your country can do for you"


def open_garbled_jfk(window: MainWindow, jfk_path: Path) -> list[Segment]:
    segments = [
        Segment(0.0, 3.0, "And so my fellow Americans,"),
        Segment(3.0, 5.6, "bask knot watt"),  # the passage to recognise again
        Segment(5.6, 8.06, "yore cuntry cam dew four ewe."),
        Segment(8.06, 11.0, "ask what you can do for your country."),
    ]
    window.adopt_document(Document(Transcript(segments=list(segments)), media_path=jfk_path))
    return segments


def ask_for_the_passage(qtbot, window: MainWindow) -> PassageOptionsDialog:
    assert window.passages.action.isEnabled()
    window.passages.action.trigger()
    [dialog] = [d for d in window.findChildren(PassageOptionsDialog) if d.isVisible()]
    assert dialog.model_choice() == "tiny.en"  # the window's choices to start from
    return dialog


def recognise(qtbot, window: MainWindow, dialog: PassageOptionsDialog):
    dialog.accept()
    assert window.is_busy()
    qtbot.waitUntil(lambda: getattr(window.passages, "preview", None) is not None
                    and window.passages.preview.isVisible(), timeout=120_000)
    return window.passages.preview


def test_the_middle_segments_recognised_again_replace_the_passage_in_one_undoable_step(
    qtbot, window: MainWindow, jfk_path: Path
) -> None:
    original = open_garbled_jfk(window, jfk_path)
    table = window.transcript_view
    table.selectRow(1)
    table.selectionModel().select(table.table_model.index(2, 0),
                                  QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    preview = recognise(qtbot, window, ask_for_the_passage(qtbot, window))
    assert preview.before_view.toPlainText() == "bask knot watt yore cuntry cam dew four ewe."
    assert word_error_rate(MIDDLE, preview.after_view.toPlainText()) < 0.3
    qtbot.mouseClick(preview.accept_button, Qt.MouseButton.LeftButton)

    document = window.document
    segments = document.transcript.segments
    new = segments[1:-1]
    assert segments[0] is original[0] and segments[-1] is original[3]  # only the passage changed
    assert word_error_rate(MIDDLE, " ".join(s.text for s in new)) < 0.3
    assert all(3.0 <= s.start < s.end <= 8.06 for s in new)
    assert document.undo_stack.count() == 1 and window.transcript_model.rowCount() == len(segments)

    window.edit_actions.undo_action.trigger()
    assert document.transcript.segments == original
    assert window.transcript_model.index(1, window.transcript_model.TEXT_COLUMN).data() == "bask knot watt"
    window.edit_actions.redo_action.trigger()
    assert document.transcript.segments == segments[:1] + new + segments[-1:]


def test_a_passage_selected_in_the_text_view_can_be_discarded(qtbot, window: MainWindow, jfk_path: Path) -> None:
    original = open_garbled_jfk(window, jfk_path)
    window.text_editing.show_text_view(True)
    view = window.text_editing.text_view
    text = view.toPlainText()
    cursor = view.textCursor()
    cursor.setPosition(text.index("knot"))
    cursor.setPosition(text.index("cuntry"), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    assert window.passages.selected_range() == (1, 2)
    preview = recognise(qtbot, window, ask_for_the_passage(qtbot, window))
    qtbot.mouseClick(preview.discard_button, Qt.MouseButton.LeftButton)
    assert window.document.transcript.segments == original and window.document.undo_stack.count() == 0
    assert not window.is_busy() and window.passages.action.isEnabled()
