"""Proofreading: F8 and Shift+F8 step over the words the recogniser was unsure of, in either view."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.core.editing.paragraphs import layout_paragraphs
from app.ui.editor.text_marks import Mark, MarkKind
from app.ui.main_window import MainWindow
from tests.ui.editor.text_window import editor, place_cursor

__all__ = ["editor"]  # the fixture

SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_f8_steps_forward_and_back_over_uncertain_words_and_wraps(editor: MainWindow, qtbot) -> None:
    view = editor.text_editing.text_view
    place_cursor(editor, 0, 0)
    seen = []
    for _ in range(4):
        qtbot.keyClick(view, Qt.Key.Key_F8)
        seen.append((view.cursor_segment(), view.textCursor().selectedText()))
    assert seen == [((1, 7), "for"), ((1, 21), "here."), ((3, 27), "bread."), ((1, 7), "for")]
    assert "30 % likely" in editor.statusBar().currentMessage()
    qtbot.keyClick(view, Qt.Key.Key_F8, SHIFT)  # before the first: round to the last
    assert view.textCursor().selectedText() == "bread."
    qtbot.keyClick(view, Qt.Key.Key_F8, SHIFT)
    assert view.textCursor().selectedText() == "here."
    assert editor.document.undo_stack.count() == 0  # looking changes nothing


def test_typing_over_an_uncertain_word_clears_its_mark(editor: MainWindow, qtbot) -> None:
    view = editor.text_editing.text_view
    place_cursor(editor, 3, 0)
    qtbot.keyClick(view, Qt.Key.Key_F8)
    assert view.textCursor().selectedText() == "bread."
    qtbot.keyClicks(view, "toast.")
    assert editor.document.transcript.segments[3].text == "It started as a blog about toast."
    place_cursor(editor, 3, 0)
    qtbot.keyClick(view, Qt.Key.Key_F8)
    assert view.textCursor().selectedText() == "for"  # typed words carry no doubt: round to the first


def test_f8_in_the_table_selects_the_word_in_its_cell(editor: MainWindow, qtbot) -> None:
    qtbot.keyClick(editor, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    table = editor.transcript_view
    table.go_to_row(2)
    qtbot.keyClick(table, Qt.Key.Key_F8)
    assert table.current_row() == 3
    assert table.open_editor() is not None and table.open_editor().selectedText() == "bread."


def test_an_uncertain_word_is_marked_and_its_probability_is_in_a_tooltip(editor: MainWindow, qtbot) -> None:
    view = editor.text_editing.text_view
    view.repaint()
    block = view.document().findBlockByNumber(1)
    assert view.marks_of(1) == [Mark(7, 10, MarkKind.UNCERTAIN), Mark(21, 26, MarkKind.UNCERTAIN)]
    layout = layout_paragraphs(editor.document.transcript, keep_spaces=True)
    _, offset = layout.position_of(1, 8)  # inside "for"
    cursor = view.textCursor()
    cursor.setPosition(block.position() + offset)
    assert "30 % likely" in view.word_tooltip(view.cursorRect(cursor).center())
    cursor.setPosition(block.position() + 2)  # "Thanks": the recogniser was sure
    assert view.word_tooltip(view.cursorRect(cursor).center()) is None


def _wavy_pixels(window: MainWindow, row: int) -> int:
    """Pixels of the uncertain-word wave in the text cell of ``row``, as the table paints it."""
    table = window.transcript_view
    image = table.viewport().grab(table.visualRect(table.table_model.index(row, 3))).toImage()
    return sum(1 for x in range(image.width()) for y in range(image.height())
               if (colour := image.pixelColor(x, y)).red() > 200 and colour.green() < 150 and colour.blue() < 90)


def test_the_table_marks_uncertain_words_and_matches_too(editor: MainWindow, qtbot) -> None:
    qtbot.keyClick(editor, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert editor.pages.currentWidget() is editor.transcript_view
    assert _wavy_pixels(editor, 1) > 10  # "for" and "here." are uncertain
    assert _wavy_pixels(editor, 0) == 0  # the recogniser was sure of every word
    bar = editor.text_editing.find_bar
    qtbot.keyClick(editor.transcript_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(bar.find_field, "show")
    qtbot.waitUntil(lambda: bar.count_label.text() == "1 match")
    assert editor.text_editing.text_view.marks.of_segment(editor.document.transcript, 0) == [
        Mark(15, 19, MarkKind.MATCH)]
