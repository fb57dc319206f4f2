"""The segment table driven with keys and clicks: text, times and speakers edited in place, one undo stack."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.core.transcript import Segment, Transcript
from app.ui.editor.document import Document
from app.ui.main_window import MainWindow
from app.ui.transcript_table_model import TranscriptTableModel
from tests.ui.editor.conftest import podcast, texts

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def open_editor(qtbot, window: MainWindow, row: int, column: int):
    view = window.transcript_view
    view.go_to_row(row, column)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    editor = view.open_editor()
    assert editor is not None
    return editor


def finish(qtbot, window: MainWindow, editor) -> None:
    """Enter ends editing (the delegate closes the editor at the next turn of the event loop)."""
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.transcript_view.open_editor() is None, timeout=2000)


def test_the_model_passes_qt_model_tester_through_edits(qtbot, qtmodeltester) -> None:
    from app.core.editing.segment_list import delete_segments, insert_segment
    from app.core.editing.segment_text import merge_with_next, split_segment

    document = Document(podcast())
    model = TranscriptTableModel()
    model.set_document(document)
    qtmodeltester.check(model)
    for make in (lambda t: split_segment(t, 0, 7), lambda t: merge_with_next(t, 2),
                 lambda t: insert_segment(t, 1, True), lambda t: delete_segments(t, [0, 3, 4])):
        document.apply(make(document.transcript))
    while document.undo_stack.canUndo():
        document.undo_stack.undo()
    assert model.flags(model.index(0, model.TEXT_COLUMN)) & Qt.ItemFlag.ItemIsEditable
    document.begin_recognition(1)
    document.add_recognised(1, Segment(0, 1, "streamed"))
    assert not model.flags(model.index(0, model.TEXT_COLUMN)) & Qt.ItemFlag.ItemIsEditable  # read-only while it runs
    document.finish_recognition(1, Transcript([Segment(0, 1, "done")]))
    model.set_document(Document())
    qtmodeltester.check(model)


def test_typing_in_a_segment_is_one_undo_step_and_enter_ends_editing(qtbot, editing_window: MainWindow) -> None:
    window = editing_window
    editor = open_editor(qtbot, window, 1, TranscriptTableModel.TEXT_COLUMN)
    editor.end(False)
    qtbot.keyClicks(editor, " and lakes")
    assert window.document.transcript.segments[1].text == "Today we talk about rivers and lakes"  # live, as typed
    finish(qtbot, window, editor)
    assert window.document.undo_stack.count() == 1
    assert window.edit_actions.undo_action.text() == "&Undo Edit Text"
    words = window.document.transcript.segments[1].words
    assert [w.text.strip() for w in words][-2:] == ["and", "lakes"] and words[0].start == 4.0  # kept timings
    qtbot.keyClick(window.transcript_view, Qt.Key.Key_Z, CTRL)
    assert texts(window) == [s.text for s in podcast().segments]
    qtbot.keyClick(window.transcript_view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert window.document.transcript.segments[1].text.endswith("rivers and lakes")


def test_undo_while_editing_goes_to_the_document_not_the_line_edit(qtbot, editing_window: MainWindow) -> None:
    window = editing_window
    editor = open_editor(qtbot, window, 0, TranscriptTableModel.TEXT_COLUMN)
    editor.end(False)
    qtbot.keyClicks(editor, "!")
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert window.document.transcript.segments[0].text == "Welcome back to the show"
    assert editor.text() == "Welcome back to the show"  # the open editor follows the document
    assert not window.document.undo_stack.canUndo()


def test_arrows_move_between_segments_and_commit_the_edit(qtbot, editing_window: MainWindow) -> None:
    window = editing_window
    editor = open_editor(qtbot, window, 2, TranscriptTableModel.TEXT_COLUMN)
    editor.setText("")
    qtbot.keyClicks(editor, "They carve the land")
    qtbot.keyClick(editor, Qt.Key.Key_Down)
    assert window.transcript_view.currentIndex().row() == 3
    assert window.document.transcript.segments[2].text == "They carve the land"
    qtbot.keyClick(window.transcript_view, Qt.Key.Key_Up)
    qtbot.keyClick(window.transcript_view, Qt.Key.Key_Up)
    assert window.transcript_view.currentIndex().row() == 1


def test_times_accept_three_spellings_and_tab_moves_on_to_the_text(qtbot, editing_window: MainWindow) -> None:
    window = editing_window
    for typed, seconds in (("0:04.250", 4.25), ("4.5", 4.5), ("0:00:04.125", 4.125)):
        editor = open_editor(qtbot, window, 1, TranscriptTableModel.START_COLUMN)
        editor.selectAll()
        qtbot.keyClicks(editor, typed)
        finish(qtbot, window, editor)
        assert window.document.transcript.segments[1].start == seconds
    editor = open_editor(qtbot, window, 1, TranscriptTableModel.END_COLUMN)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.keyClick(window.transcript_view.open_editor(), Qt.Key.Key_Tab)
    assert window.transcript_view.currentIndex().column() == TranscriptTableModel.TEXT_COLUMN
    assert window.transcript_view.open_editor() is not None
    assert window.document.undo_stack.count() == 3


def test_a_start_after_the_end_is_refused_in_one_sentence(qtbot, editing_window: MainWindow) -> None:
    window = editing_window
    before = list(window.document.transcript.segments)
    editor = open_editor(qtbot, window, 0, TranscriptTableModel.START_COLUMN)
    editor.selectAll()
    qtbot.keyClicks(editor, "1:02:03.456")
    finish(qtbot, window, editor)
    box = window.findChild(QMessageBox, "errorMessage")
    assert box is not None and box.isVisible()
    assert box.text() == "The start (1:02:03.456) must come before the end (0:03.000)."
    assert window.document.transcript.segments == before and window.document.undo_stack.count() == 0
    box.accept()
    editor = open_editor(qtbot, window, 0, TranscriptTableModel.START_COLUMN)
    editor.selectAll()
    qtbot.keyClicks(editor, "soon")
    finish(qtbot, window, editor)
    assert window.findChild(QMessageBox, "errorMessage").text().startswith("“soon” is not a time")


def test_overlaps_are_tinted_with_the_reason_and_speakers_have_colours(qtbot, editing_window: MainWindow) -> None:
    window = editing_window
    model = window.transcript_model
    editor = open_editor(qtbot, window, 0, TranscriptTableModel.END_COLUMN)
    editor.selectAll()
    qtbot.keyClicks(editor, "4.5")
    finish(qtbot, window, editor)
    end_tip = model.index(0, model.END_COLUMN).data(Qt.ItemDataRole.ToolTipRole)
    start_tip = model.index(1, model.START_COLUMN).data(Qt.ItemDataRole.ToolTipRole)
    assert end_tip == "Overlaps: ends 0.500 s after segment 2 starts."
    assert start_tip == "Overlaps: starts 0.500 s before segment 1 ends."
    assert model.index(0, model.END_COLUMN).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(2, model.START_COLUMN).data(Qt.ItemDataRole.BackgroundRole) is None
    colour = [model.index(row, model.SPEAKER_COLUMN).data(Qt.ItemDataRole.ForegroundRole) for row in range(3)]
    assert colour[0] == colour[2] != colour[1]


def test_typing_a_speaker_in_its_cell_assigns_it(qtbot, editing_window: MainWindow) -> None:
    window = editing_window
    editor = open_editor(qtbot, window, 4, TranscriptTableModel.SPEAKER_COLUMN)
    assert editor.accessibleName() == "Speaker"
    editor.selectAll()
    qtbot.keyClicks(editor, "Cy")
    finish(qtbot, window, editor)
    assert window.document.transcript.segments[4].speaker == "Cy"
    assert window.edit_actions.undo_action.text() == "&Undo Assign Speaker"


def test_the_language_column_appears_only_when_the_transcript_has_several(qtbot) -> None:
    from app.ui.transcript_view import TranscriptView

    model = TranscriptTableModel()
    view = TranscriptView(model)
    qtbot.addWidget(view)
    column = model.LANGUAGE_COLUMN
    document = Document(Transcript([Segment(0, 1, "Hello", language="en"), Segment(1, 2, "again", language="en")]))
    model.set_document(document)
    assert view.isColumnHidden(column)

    document.begin_recognition(7)  # a new job streams in a mixed recording: English, then German
    document.add_recognised(7, Segment(0, 2, "Permission is hereby granted", language="en"))
    assert view.isColumnHidden(column)
    document.add_recognised(7, Segment(30, 32, "Hiermit wird unentgeltlich", language="de"))
    assert not view.isColumnHidden(column)
    assert model.headerData(column, Qt.Orientation.Horizontal) == "Language"
    assert [model.index(row, column).data() for row in range(2)] == ["en", "de"]
    assert model.index(1, column).data(Qt.ItemDataRole.ToolTipRole) == "German"

    mixed = [Segment(0, 2, "Permission is hereby granted", language="en"),
             Segment(30, 32, "Hiermit wird unentgeltlich", language="de")]
    document.finish_recognition(7, Transcript(mixed))
    assert not view.isColumnHidden(column)
    assert not model.flags(model.index(0, column)) & Qt.ItemFlag.ItemIsEditable  # what was recognised, not typed
    assert not model.setData(model.index(0, column), "fr")
    document.undo_stack.undo()  # back to the English transcript
    assert [s.language for s in document.transcript.segments] == ["en", "en"] and view.isColumnHidden(column)
    document.undo_stack.redo()
    assert not view.isColumnHidden(column)


def test_each_painted_cell_shows_its_own_tint_and_text_only(qtbot) -> None:
    """Qt paints cells one after another with the same role buffer (QStyledItemDelegate.initStyleOption): a cell
    after the playing row's text kept its tint, and so every text cell below it was tinted."""
    from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

    model = TranscriptTableModel()
    model.set_document(Document(Transcript([Segment(i, i + 0.9, f"segment {i}", speaker="Ana" if i == 1 else None)
                                            for i in range(5)])))
    model.set_playing_row(2)
    delegate = QStyledItemDelegate()

    def painted(row: int, column: int) -> QStyleOptionViewItem:
        option = QStyleOptionViewItem()
        delegate.initStyleOption(option, model.index(row, column))
        return option

    for row in range(5):
        for column in (TranscriptTableModel.START_COLUMN, TranscriptTableModel.SPEAKER_COLUMN,
                       TranscriptTableModel.TEXT_COLUMN):
            option = painted(row, column)
            expected = model.data(model.index(row, column), Qt.ItemDataRole.BackgroundRole)
            assert (option.backgroundBrush.style() != Qt.BrushStyle.NoBrush) == (expected is not None), (row, column)
            assert option.text == (model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole) or "")
    assert painted(2, TranscriptTableModel.TEXT_COLUMN).backgroundBrush.style() != Qt.BrushStyle.NoBrush


def test_a_repaint_asks_python_for_no_cell_s_contents(qtbot, editing_window: MainWindow) -> None:
    """The cells' texts and tints are Qt items: painting a page of rows runs no Python of the model for them (it
    asked the model in Python for each cell's seven roles, and for the counts with each index, about half of a
    repaint's time). What Python a repaint still runs: the text cells' proofreading marks."""
    import sys
    from collections import Counter

    window = editing_window
    window.adopt_document(Document(Transcript([Segment(i, i + 0.9, f"segment {i} of a long talk",
                                                       speaker="Ana" if i % 2 else None) for i in range(300)])))
    view = window.transcript_view
    view.go_to_row(150)
    qtbot.waitUntil(lambda: view.row_sizing.stale_rows < 300)
    rows = view.rowAt(view.viewport().height() - 1) - view.rowAt(0) + 1
    calls: Counter[str] = Counter()

    def count(frame, event: str, _arg) -> None:
        if event == "call":
            calls[f"{frame.f_code.co_filename.rsplit('/', 1)[-1]}:{frame.f_code.co_name}"] += 1

    sys.setprofile(count)
    try:
        view.viewport().repaint()
    finally:
        sys.setprofile(None)
    assert rows > 5
    model_code = {name.split(":")[1] for name in calls if name.startswith("transcript_table_model.py")}
    assert calls["transcript_table_model.py:make_rows"] == 1  # once a repaint: the rows made, if they were not
    assert model_code <= {"transcript", "headerData", "make_rows", "<listcomp>"}, calls  # before: multiData, flags,
    # _value, _background... for every cell
    assert calls["proofreading_delegate.py:paint"] <= rows + 1  # the text cells, each once


def test_a_long_transcript_s_rows_are_made_after_the_open_and_a_row_shown_before_them_at_once(
        qtbot, editing_window: MainWindow) -> None:
    """Making 10,000 rows' cells takes about 0.1 s: the first rows are made with the open, the others in slices at
    the next turns of the event loop; a row shown (or measured) before its slice is made then."""
    from app.core.editing.time_text import format_time
    from app.ui.transcript_table_model import EAGER_ROWS, FILL_SLICE

    window, count = editing_window, EAGER_ROWS + 3 * FILL_SLICE
    window.adopt_document(Document(Transcript([Segment(i, i + 0.9, f"segment {i}") for i in range(count)])))
    model, view = window.transcript_model, window.transcript_view
    text = TranscriptTableModel.TEXT_COLUMN
    assert model.index(0, text).data() == "segment 0"
    assert model.index(count - 1, text).data() is None  # not made yet
    view.go_to_row(count - 2)
    view.viewport().repaint()
    assert model.index(count - 2, text).data() == f"segment {count - 2}"
    assert view.rowHeight(count - 2) == view.rowHeight(0)  # measured from its own text
    qtbot.waitUntil(lambda: model.index(EAGER_ROWS + FILL_SLICE, text).data() is not None, timeout=2000)
    qtbot.waitUntil(lambda: model.index(EAGER_ROWS + 2 * FILL_SLICE, text).data() is not None, timeout=2000)
    assert [model.index(row, text).data() for row in range(count)] == [f"segment {row}" for row in range(count)]
    assert model.index(count - 1, TranscriptTableModel.START_COLUMN).data() == format_time(count - 1)
