"""The flowing-text view in the real window: typing edits the document, undo restores it, the table stays in step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from app.core.editing.segment_text import split_segment
from app.ui.main_window import MainWindow
from app.ui.transcript_table_model import TranscriptTableModel
from tests.core.editing.samples import interview
from tests.ui.editor.text_window import CTRL, editor, expected_text, place_cursor, shown_text

__all__ = ["editor"]  # the fixture

def test_paragraphs_follow_speakers_and_pauses(editor: MainWindow) -> None:
    view = editor.text_editing.text_view
    assert shown_text(editor).split("\n") == [
        "Welcome to the show.", "Thanks for having me here.", "So tell us about the book.",
        "It started as a blog about bread.",
    ]
    assert [view.paragraph(n).speaker for n in range(4)] == ["Ann", "Bo", "Ann", "Bo"]
    colours = [view.paragraph_colour(view.paragraph(n)) for n in range(4)]
    assert colours[0] == colours[2] != colours[1] == colours[3]
    assert colours[0] == editor.transcript_model.index(0, 2).data(Qt.ItemDataRole.ForegroundRole)


def test_typing_edits_the_segment_as_one_step_and_undo_restores_it(editor: MainWindow, qtbot) -> None:
    document = editor.document
    place_cursor(editor, 2, len("So tell us about the"))
    qtbot.keyClicks(editor.text_editing.text_view, " new")
    assert document.transcript.segments[2].text == "So tell us about the new book."
    assert document.undo_stack.count() == 1  # the typing folded into one step
    assert editor.edit_actions.undo_action.text() == "&Undo Edit Text"
    model = editor.transcript_model
    assert model.data(model.index(2, TranscriptTableModel.TEXT_COLUMN)) == "So tell us about the new book."
    qtbot.keyClick(editor.text_editing.text_view, Qt.Key.Key_Z, CTRL)
    assert document.transcript.segments[2].text == "So tell us about the book."
    assert shown_text(editor) == expected_text(editor)
    assert not document.is_modified


def test_a_space_typed_at_a_segment_end_stays_with_that_segment(editor: MainWindow, qtbot) -> None:
    place_cursor(editor, 0, len("Welcome to the show."))
    qtbot.keyClicks(editor.text_editing.text_view, " Yes")
    assert editor.document.transcript.segments[0].text == "Welcome to the show. Yes"
    assert shown_text(editor) == expected_text(editor)


def test_a_table_edit_reaches_the_text_view_without_moving_its_cursor(editor: MainWindow, qtbot) -> None:
    view = editor.text_editing.text_view
    place_cursor(editor, 3, len("It started"))
    before = view.textCursor().position()
    model = editor.transcript_model
    assert model.setData(model.index(1, TranscriptTableModel.TEXT_COLUMN), "Thanks so much for having me here.")
    assert shown_text(editor).split("\n")[1] == "Thanks so much for having me here."
    assert view.textCursor().position() == before + len("so much ")
    assert view.cursor_segment() == (3, len("It started"))


def test_an_edit_across_two_segments_is_refused_and_put_back(editor: MainWindow, qtbot) -> None:
    view = editor.text_editing.text_view
    editor.document.apply(split_segment(editor.document.transcript, 3, len("It started as a blog")))
    text_before, segments_before = shown_text(editor), list(editor.document.transcript.segments)
    assert text_before.split("\n")[3] == "It started as a blog about bread."  # two segments, one paragraph
    block = view.document().findBlockByNumber(3)
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + len("It started as a "))
    cursor.setPosition(block.position() + len("It started as a blog ab"), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    qtbot.keyClick(view, Qt.Key.Key_X)
    qtbot.waitUntil(lambda: shown_text(editor) == text_before)
    assert editor.document.transcript.segments == segments_before
    assert "one segment at a time" in editor.statusBar().currentMessage()


def test_enter_and_backspace_at_a_paragraph_start_are_refused(editor: MainWindow, qtbot) -> None:
    view = editor.text_editing.text_view
    place_cursor(editor, 1, 0)
    text_before = shown_text(editor)
    qtbot.keyClick(view, Qt.Key.Key_Backspace)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert shown_text(editor) == text_before
    assert editor.document.undo_stack.count() == 0
    assert "Merge or Split" in editor.statusBar().currentMessage()


def test_switching_views_keeps_the_place(editor: MainWindow, qtbot) -> None:
    place_cursor(editor, 2, 3)
    qtbot.keyClick(editor, Qt.Key.Key_T, CTRL)
    assert editor.pages.currentWidget() is editor.transcript_view
    assert editor.transcript_view.current_row() == 2
    editor.transcript_view.go_to_row(3)
    qtbot.keyClick(editor, Qt.Key.Key_T, CTRL)
    assert editor.text_editing.text_view.cursor_segment() == (3, 0)


def test_a_chain_of_edits_and_undos_keeps_both_views_in_step(editor: MainWindow, qtbot) -> None:
    view, document, model = editor.text_editing.text_view, editor.document, editor.transcript_model
    states = [list(document.transcript.segments)]

    def check() -> None:
        assert shown_text(editor) == expected_text(editor)
        assert [model.data(model.index(row, TranscriptTableModel.TEXT_COLUMN)) for row in range(model.rowCount())] \
            == [segment.text for segment in document.transcript.segments]

    place_cursor(editor, 0, len("Welcome"))
    qtbot.keyClicks(view, " back")
    states.append(list(document.transcript.segments))
    check()
    model.setData(model.index(2, TranscriptTableModel.SPEAKER_COLUMN), "Bo")  # joins Bo's paragraphs
    states.append(list(document.transcript.segments))
    check()
    assert [len(p.pieces) for p in view.paragraph_layout.paragraphs] == [1, 2, 1]
    document.apply(split_segment(document.transcript, 1, len("Thanks for")))
    states.append(list(document.transcript.segments))
    check()
    place_cursor(editor, 4, 0)
    qtbot.keyClicks(view, "And ")
    states.append(list(document.transcript.segments))
    check()
    qtbot.keyClick(view, Qt.Key.Key_Backspace)
    states[-1] = list(document.transcript.segments)  # typing on in the same segment: the same step
    assert document.transcript.segments[4].text == "AndIt started as a blog about bread."
    check()
    for expected in reversed(states[:-1]):
        qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
        assert document.transcript.segments == expected
        check()
    for expected in states[1:]:
        qtbot.keyClick(view, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
        assert document.transcript.segments == expected
        check()


def test_the_edit_menu_acts_on_the_segment_at_the_text_cursor(editor: MainWindow, qtbot) -> None:
    view, document = editor.text_editing.text_view, editor.document
    place_cursor(editor, 3, len("It started as a blog"))
    assert editor.transcript_view.current_row() == 3
    qtbot.keyClick(view, Qt.Key.Key_S, CTRL | Qt.KeyboardModifier.ShiftModifier)  # Split Segment at Cursor
    assert [s.text for s in document.transcript.segments][3:] == ["It started as a blog", "about bread."]
    assert shown_text(editor) == expected_text(editor)
    assert shown_text(editor).split("\n")[3] == "It started as a blog about bread."  # one paragraph still
    place_cursor(editor, 2, 0)
    qtbot.keyClick(view, Qt.Key.Key_J, CTRL)  # Merge with Next: Ann's question and Bo's answer
    assert document.transcript.segments[2].text == "So tell us about the book. It started as a blog"
    assert shown_text(editor) == expected_text(editor)
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert [s.text for s in document.transcript.segments] == [s.text for s in interview().segments]
    assert shown_text(editor) == expected_text(editor)


def test_recognised_rows_stream_into_the_text_view(editor: MainWindow, qtbot) -> None:
    document, view = editor.document, editor.text_editing.text_view
    incoming = interview()
    document.begin_recognition(7)
    assert view.isReadOnly()
    for segment in incoming.segments:
        assert document.add_recognised(7, segment)
        qtbot.waitUntil(lambda: shown_text(editor) == expected_text(editor))
    document.finish_recognition(7, incoming)
    assert not view.isReadOnly()
    assert shown_text(editor) == expected_text(editor)
    assert document.undo_stack.undoText() == "Replace Transcript"


def test_a_selection_across_paragraphs_typed_over_is_put_back(editor: MainWindow, qtbot) -> None:
    view = editor.text_editing.text_view
    text_before = shown_text(editor)
    cursor = view.textCursor()
    cursor.setPosition(3)
    cursor.setPosition(len("Welcome to the show.\nThanks"), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    qtbot.keyClick(view, Qt.Key.Key_Y)
    qtbot.waitUntil(lambda: shown_text(editor) == text_before)
    assert editor.document.undo_stack.count() == 0
    view.select_in_segment(1, 0, 0)
    QApplication.clipboard().setText("Two\nlines")
    qtbot.keyClick(view, Qt.Key.Key_V, CTRL)
    assert editor.document.transcript.segments[1].text == "Two linesThanks for having me here."
